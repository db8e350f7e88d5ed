/**
 * Hostile files (issue 10, item 1): before, a 1 MB DOCX whose XML inflated to 300 MB took the server
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
import zlib from 'node:zlib'
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
import { getRequest, minimalPdf, multipartRequest, run, type FilePart } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'

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

// ---------------------------------------------------------------------------------------------------
// Hostile files, made in code

/** Raw deflate of `repeat` copies of `chunk` between `head` and `tail`, without ever holding the
 * inflated bytes: each part is deflated once and ends on a full flush, so copies can be concatenated. */
function deflateRepeated(head: string, chunk: string, repeat: number, tail: string): Buffer {
  const flushed = (s: string) =>
    zlib.deflateRawSync(Buffer.from(s), { finishFlush: zlib.constants.Z_FULL_FLUSH })
  const body = flushed(chunk)
  return Buffer.concat([
    flushed(head),
    ...Array.from({ length: repeat }, () => body),
    flushed(tail),
    zlib.deflateRawSync(Buffer.alloc(0)), // the final block
  ])
}

interface ZipEntry {
  name: string
  data: Buffer // deflated
  size: number // declared inflated size
}

/** A zip with deflated entries (CRC left 0: nothing here trusts it). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const DOC_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
const DOC_TAIL = '</w:body></w:document>'
const PARAGRAPHS = '<w:p><w:r><w:t>bomba de texto </w:t></w:r></w:p>'.repeat(20_000) // ~1 MB

/** A DOCX whose word/document.xml inflates to about `mb` MB; its headers tell the truth or `lie`. */
function docxBomb(mb: number, { lie = false } = {}): Buffer {
  const text = (s: string) => ({ data: zlib.deflateRawSync(Buffer.from(s)), size: Buffer.byteLength(s) })
  const repeat = Math.ceil((mb * 1024 * 1024) / PARAGRAPHS.length)
  const inflated = DOC_HEAD.length + repeat * PARAGRAPHS.length + DOC_TAIL.length
  return zip([
    { name: '[Content_Types].xml', ...text(CONTENT_TYPES) },
    { name: '_rels/.rels', ...text(RELS) },
    {
      name: 'word/document.xml',
      data: deflateRepeated(DOC_HEAD, PARAGRAPHS, repeat, DOC_TAIL),
      size: lie ? 4096 : Math.min(inflated, 0xfffffffe),
    },
  ])
}

/** A one-page PDF whose compressed content stream holds `operators` text-showing operators. */
function heavyPdf(operators: number): Buffer {
  const stream = deflateRepeated('BT /F1 1 Tf 0 0 Td ', '(a) Tj '.repeat(10_000), operators / 10_000, 'ET')
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  // zlib-wrapped (FlateDecode wants the zlib header); the adler32 is not checked by pdf.js
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0x9c]), stream, Buffer.alloc(4)])
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  let length = parts[0].length
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(length)
    const body =
      o ??
      Buffer.concat([
        Buffer.from(`<< /Length ${zlibStream.length} /Filter /FlateDecode >>\nstream\n`),
        zlibStream,
        Buffer.from('\nendstream'),
      ])
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.from(body),
      Buffer.from('\nendobj\n'),
    ])
    parts.push(chunk)
    length += chunk.length
  })
  let tail = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`
  tail += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`
  parts.push(Buffer.from(tail))
  return Buffer.concat(parts)
}

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
  const res = (await run(
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
      (await run(apiDocument as never, getRequest(`/api/v1/documents/${id}`, 'pa.focal@rcm.example'), {
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
      state.loaderData = await run(
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
    const pdf = heavyPdf(3_000_000)
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
