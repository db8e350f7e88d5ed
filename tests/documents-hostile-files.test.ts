/**
 * Hostile files: before, a 1 MB DOCX whose XML inflated to 300 MB took the server
 * out of memory (and again after every restart, the start-up resume retrying it), and a PDF with
 * millions of text operators held the event loop for 20 s. Now extraction runs in worker threads with
 * limits; a file over them is stored, marked with the reason, shown so on its page, never retried, and
 * the server answers while a worker is busy. The files are made here, in code.
 */
import { eq } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import path from 'node:path'
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { documentFiles, documents } from '@db/schema'
import { buildDocx } from '@db/seed/documents'
import { resetEnvCache } from '~/env.server'
import { stopExtractionWorkers } from '~/modules/documents/extraction-pool.server'
import { extractAndIndex, extractText, resumePendingExtractions } from '~/modules/documents/extraction.server'
import { storagePath, uploadsDir } from '~/modules/documents/storage.server'
import * as documentPage from '~/routes/documents.$id'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { loader as apiDocument } from '~/routes/api.v1.documents.$id'
import { loader as healthz } from '~/routes/healthz'
import { getRequest, minimalPdf, multipartRequest, type FilePart } from './documents-fixtures'
import { call } from './helpers/route'
import { freshDemoDb } from './helpers/db'
import { docxBomb, heavyPdf } from './hostile-fixtures'

const state = vi.hoisted(() => ({ loaderData: null as unknown, lang: 'es' }))
vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  const strip = (props: Record<string, unknown>) => {
    const { prefetch: _p, reloadDocument: _r, replace: _x, children, ...rest } = props
    return { rest, children: children as ReactNode }
  }
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => undefined,
    useRouteLoaderData: () => ({ lang: state.lang }),
    useNavigation: () => ({ state: 'idle' }),
    Form: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      return createElement('form', rest, children)
    },
    Link: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      const { to, ...others } = rest
      return createElement('a', { ...others, href: to as string }, children)
    },
  }
})

/** A file put straight into storage (as if uploaded under another claim), for extractText. */
function stored(bytes: Buffer): string {
  const key = createHash('sha256').update(bytes).digest('hex')
  fs.mkdirSync(path.dirname(storagePath(key)), { recursive: true })
  fs.writeFileSync(storagePath(key), bytes)
  return key
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// ---------------------------------------------------------------------------------------------------

const ENV = [
  'EXTRACT_TIMEOUT_SECONDS',
  'EXTRACT_MAX_MEMORY_MB',
  'EXTRACT_MAX_INFLATED_MB',
  'EXTRACT_MAX_TEXT_CHARS',
  'EXTRACT_MAX_FILE_MB',
]
async function limits(values: Record<string, string>) {
  for (const k of ENV) delete process.env[k]
  Object.assign(process.env, values)
  resetEnvCache()
  await stopExtractionWorkers() // new workers take the new memory limit
}

beforeEach(async () => {
  freshDemoDb()
  fs.rmSync(uploadsDir(), { recursive: true, force: true })
  await limits({})
})
afterEach(async () => {
  await limits({})
})

async function upload(file: FilePart) {
  const res = (await call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email: 'pa.focal@rcm.example',
      fields: { title: 'Archivo hostil', kind: 'report', language: 'es', visibility: 'members' },
      file,
    }),
  )) as Response
  expect(res.status).toBe(201)
  const { id } = (await res.json()) as { id: string }
  const file_ = db
    .select()
    .from(documentFiles)
    .all()
    .find((f) => f.filename === file.name)!
  return { id, file: file_ }
}

const fileRow = (id: string) => db.select().from(documentFiles).where(eq(documentFiles.id, id)).get()!

describe('hostile files', () => {
  it('stores a DOCX zip bomb (honest headers) without inflating it, marked and shown with the reason', async () => {
    const bomb = docxBomb(300)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const started = performance.now()
    const { id, file } = await upload({ name: 'bomba.docx', bytes: bomb })
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(file).toMatchObject({
      textStatus: 'failed',
      textFailure: 'inflated_too_large',
      extractedText: null,
    })
    // the API says so too
    const record = (await (
      (await call(apiDocument as never, getRequest(`/api/v1/documents/${id}`, 'pa.focal@rcm.example'), {
        id,
      })) as Response
    ).json()) as { versions: { files: { textIndexed: boolean; textFailure: string | null }[] }[] }
    expect(record.versions[0].files[0]).toMatchObject({
      textIndexed: false,
      textFailure: 'inflated_too_large',
    })
    // stored and downloadable as it came
    expect(fs.readFileSync(storagePath(file.storageKey)).equals(bomb)).toBe(true)

    for (const [lang, words] of [
      ['es', 'Texto no extraído'],
      ['en', 'Text not extracted'],
    ] as const) {
      state.loaderData = await call(
        documentPage.loader as never,
        getRequest(`/documents/${id}`, 'pa.focal@rcm.example'),
        {
          id,
        },
      )
      state.lang = lang
      const html = renderToString(createElement(documentPage.default))
      expect(html).toContain(words)
      expect(html).toContain(
        lang === 'es'
          ? 'Su contenido comprimido se descomprime en más del límite.'
          : 'unpacks to more than the limit',
      )
    }
  })

  it('counts while inflating when the zip headers lie about the size', async () => {
    const key = stored(docxBomb(300, { lie: true }))
    const started = performance.now()
    const result = await extractText(key, DOCX, 1000)
    expect(result).toEqual({ status: 'failed', text: null, failure: 'inflated_too_large' })
    expect(performance.now() - started).toBeLessThan(15_000)
  })

  it('ends a worker over its memory limit: the file is marked, the next one is extracted', async () => {
    await limits({ EXTRACT_MAX_MEMORY_MB: '48', EXTRACT_MAX_INFLATED_MB: '400' })
    const heavy = stored(docxBomb(120))
    expect(await extractText(heavy, DOCX, 1000)).toEqual({ status: 'failed', text: null, failure: 'memory' })
    const fine = stored(Buffer.from(await buildDocx('Nota', 'El quetzal vuela después')))
    expect(await extractText(fine, DOCX, 1000)).toMatchObject({ status: 'done', failure: null })
  })

  it('ends a PDF with millions of text operators after the time limit, and the server answers meanwhile', async () => {
    await limits({ EXTRACT_TIMEOUT_SECONDS: '3' })
    // the same construction with fewer operators is a sound PDF whose text is read
    const light = stored(heavyPdf(20_000))
    const read = await extractText(light, 'application/pdf', 1000)
    expect(read).toMatchObject({ status: 'done', failure: null })
    expect(read.text).toMatch(/^(a ?){1000}/)
    const pdf = heavyPdf(10_000_000) // as the file that held the event loop for 20 s
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024)
    const key = stored(pdf)

    // /healthz over real HTTP, on this process's event loop
    const server = http.createServer((_req, res) => {
      void (async () => {
        const answer = (await healthz()) as Response
        res.writeHead(answer.status, { 'Content-Type': 'application/json' })
        res.end(await answer.text())
      })()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const started = performance.now()
      const extraction = extractText(key, 'application/pdf', pdf.length)
      let settled = false
      void extraction.then(() => (settled = true))
      const latencies: number[] = []
      await new Promise((r) => setTimeout(r, 500)) // the worker is busy with the file by now
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        const res = await fetch(`http://127.0.0.1:${port}/healthz`)
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ ok: true })
        latencies.push(performance.now() - t)
        await new Promise((r) => setTimeout(r, 200))
      }
      expect(settled, 'the extraction was still running while /healthz answered').toBe(false)
      expect(Math.max(...latencies)).toBeLessThan(500)
      expect(await extraction).toEqual({ status: 'failed', text: null, failure: 'timeout' })
      const took = performance.now() - started
      expect(took).toBeGreaterThan(2900)
      expect(took).toBeLessThan(8000)
    } finally {
      server.close()
    }
  })

  it('marks files with wrong magic bytes or cut short as unreadable, and goes on', async () => {
    const notPdf = stored(Buffer.from('PK\x03\x04 this is no PDF at all '.repeat(50)))
    expect(await extractText(notPdf, 'application/pdf', 1300)).toEqual({
      status: 'failed',
      text: null,
      failure: 'unreadable',
    })
    const notDocx = stored(Buffer.from('%PDF-1.4 not a zip '.repeat(50)))
    expect(await extractText(notDocx, DOCX, 1000)).toMatchObject({ status: 'failed', failure: 'unreadable' })
    const docx = Buffer.from(await buildDocx('Nota', 'Texto completo'))
    const cutDocx = stored(docx.subarray(0, Math.floor(docx.length / 2)))
    expect(await extractText(cutDocx, DOCX, 1000)).toMatchObject({ status: 'failed', failure: 'unreadable' })
    // a PDF cut in half: pdf.js may recover some text or give up; either way it is settled
    const pdf = Buffer.from(minimalPdf('Texto del informe cortado'))
    const cutPdf = stored(pdf.subarray(0, Math.floor(pdf.length / 2)))
    const cut = await extractText(cutPdf, 'application/pdf', 100)
    expect(['done', 'failed']).toContain(cut.status)
    // the workers are still fine
    const whole = stored(Buffer.from(minimalPdf('Informe sano del tucán')))
    expect(await extractText(whole, 'application/pdf', 500)).toMatchObject({ status: 'done', failure: null })
    expect((await extractText(whole, 'application/pdf', 500)).text).toContain('tucán')
  })

  it('keeps the first EXTRACT_MAX_TEXT_CHARS characters and says so; files over EXTRACT_MAX_FILE_MB are not read', async () => {
    await limits({ EXTRACT_MAX_TEXT_CHARS: '100', EXTRACT_MAX_FILE_MB: '1' })
    const long = stored(Buffer.from('palabra '.repeat(1000)))
    const result = await extractText(long, 'text/plain; charset=utf-8', 8000)
    expect(result.status).toBe('done')
    expect(result.failure).toBe('text_truncated')
    expect(result.text).toHaveLength(100)
    expect(await extractText(long, 'text/plain; charset=utf-8', 2 * 1024 * 1024)).toEqual({
      status: 'failed',
      text: null,
      failure: 'too_large',
    })
  })
})

describe('the start-up resume', () => {
  it('never retries a failed file nor one whose extraction was under way when the server stopped', async () => {
    const { file: bomb } = await upload({ name: 'bomba.docx', bytes: docxBomb(300) })
    const { file: ok } = await upload({ name: 'nota.txt', bytes: 'Nota sobre el jaguar' })
    const { file: crashed } = await upload({ name: 'otra.txt', bytes: 'Nota sobre el ocelote' })
    // as the database holds them after a crash: one between commit and extraction, one during it
    db.update(documentFiles)
      .set({ textStatus: 'pending', extractedText: null, textFailure: null })
      .where(eq(documentFiles.id, ok.id))
      .run()
    db.update(documentFiles)
      .set({ textStatus: 'pending', extractedText: null, textFailure: 'interrupted' })
      .where(eq(documentFiles.id, crashed.id))
      .run()
    const before = fileRow(bomb.id)

    await resumePendingExtractions()
    expect(fileRow(ok.id)).toMatchObject({
      textStatus: 'done',
      textFailure: null,
      extractedText: 'Nota sobre el jaguar',
    })
    expect(fileRow(crashed.id)).toMatchObject({
      textStatus: 'failed',
      textFailure: 'interrupted',
      extractedText: null,
    })
    expect(fileRow(bomb.id)).toEqual(before)
    // and asked again, nothing changes
    await extractAndIndex([bomb.id, crashed.id])
    expect(fileRow(bomb.id)).toEqual(before)
    expect(fileRow(crashed.id).textStatus).toBe('failed')
    expect(db.select().from(documents).all().length).toBeGreaterThan(0)
  })
})
