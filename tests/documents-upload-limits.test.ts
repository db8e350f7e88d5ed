/** Each person's upload allowance: files an hour, megabytes a day; 429 with Retry-After, nothing kept. */
import { count } from 'drizzle-orm'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { extractInWorker, extractionQueueFull } from '~/modules/documents/extraction-pool.server'
import { tmpDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as newPage } from '~/routes/documents.new'
import { minimalPdf, multipartRequest, uploadedFiles } from './documents-fixtures'
import { bodyOf, call, statusOf } from './helpers/route'
import { freshDemoDb } from './helpers/db'

const PA = 'pa.focal@rcm.example'
const MX = 'mx.delegate@rcm.example'
const fields = { title: 'Informe', kind: 'report', language: 'es', visibility: 'members' }

const upload = (email: string, text: string, pad = 0) =>
  call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email,
      fields,
      file: { name: 'i.pdf', type: 'application/pdf', bytes: minimalPdf(text, pad) },
    }),
  ) as Promise<Response>

const documentCount = () => db.select({ n: count() }).from(documents).get()!.n
const temporary = () => uploadedFiles().filter((f) => f.startsWith(tmpDir()))

beforeEach(() => {
  freshDemoDb()
})
afterEach(() => {
  delete process.env.UPLOAD_FILES_PER_HOUR
  delete process.env.UPLOAD_MB_PER_DAY
  resetEnvCache()
})

describe('files an hour', () => {
  it('the attempt over the allowance is 429 with Retry-After, for that person only', async () => {
    process.env.UPLOAD_FILES_PER_HOUR = '3'
    resetEnvCache()
    for (let i = 0; i < 3; i++) expect((await upload(PA, `n${i}`)).status).toBe(201)
    const before = documentCount()
    const refused = await upload(PA, 'n3')
    expect(refused.status).toBe(429)
    const retry = Number(refused.headers.get('Retry-After'))
    expect(retry).toBeGreaterThan(0)
    expect(retry).toBeLessThanOrEqual(3600)
    const body = await refused.json()
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.fields.file[0]).toMatch(/hora|hour/)
    expect(documentCount()).toBe(before)
    expect(temporary()).toEqual([])
    // someone else still uploads
    expect((await upload(MX, 'otra persona')).status).toBe(201)
  })

  it('the upload page shows the refusal at the file field and keeps what was typed', async () => {
    process.env.UPLOAD_FILES_PER_HOUR = '1'
    resetEnvCache()
    expect((await upload(PA, 'primera')).status).toBe(201)
    const answer = await call(
      newPage,
      multipartRequest('/documents/new', {
        email: PA,
        fields: { ...fields, title: 'Lo que escribí' },
        file: { name: 'i.pdf', type: 'application/pdf', bytes: minimalPdf('segunda') },
      }),
    )
    expect(statusOf(answer)).toBe(429)
    const reply = bodyOf<{
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
    }>(answer)
    expect(reply.result.error.file).toEqual(['documents.error.hourlyAllowance'])
    expect(reply.result.initialValue.title).toBe('Lo que escribí')
  })
})

describe('megabytes a day', () => {
  it('a file that would pass the day’s allowance is refused once received, and not kept', async () => {
    process.env.UPLOAD_MB_PER_DAY = '1'
    resetEnvCache()
    expect((await upload(PA, 'medio mega', 600_000)).status).toBe(201)
    const before = documentCount()
    const filesBefore = uploadedFiles()
    const refused = await upload(PA, 'otro medio mega', 600_000)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3600)
    expect((await refused.json()).error.fields.file[0]).toMatch(/24/)
    expect(documentCount()).toBe(before)
    expect(uploadedFiles()).toEqual(filesBefore)
    // a small one still fits
    expect((await upload(PA, 'pequeño')).status).toBe(201)
  })
})

describe('the text-extraction queue', () => {
  afterEach(() => {
    delete process.env.EXTRACT_WORKERS
    delete process.env.EXTRACT_MAX_QUEUE
    resetEnvCache()
  })

  it('with EXTRACT_MAX_QUEUE files waiting, an upload is refused (503) unread, with a clear message', async () => {
    process.env.EXTRACT_WORKERS = '1'
    process.env.EXTRACT_MAX_QUEUE = '1'
    resetEnvCache()
    const file = path.join(path.dirname(tmpDir()), 'queued.txt')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, 'texto en cola')
    // one file in the worker, one waiting: the queue is full
    const running = [
      extractInWorker({ path: file, kind: 'txt' }),
      extractInWorker({ path: file, kind: 'txt' }),
    ]
    expect(extractionQueueFull()).toBe(true)
    const before = documentCount()
    const refused = await upload(PA, 'en espera')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('60')
    const body = await refused.json()
    expect(body.error.code).toBe('unavailable')
    expect(body.error.fields.file[0]).toMatch(/leyendo muchos archivos|reading many files/)
    expect(documentCount()).toBe(before)
    expect(temporary()).toEqual([])
    // once the queue has room, the same upload goes through
    await Promise.all(running)
    expect(extractionQueueFull()).toBe(false)
    expect((await upload(PA, 'en espera')).status).toBe(201)
    fs.rmSync(file, { force: true })
  })
})
