import { count, eq } from 'drizzle-orm'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, documentFiles, documents, documentVersions } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { sweepOrphans, storagePath, tmpDir, uploadsDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as apiVersion } from '~/routes/api.v1.documents.$id.versions'
import { action as pageAction } from '~/routes/documents.$id'
import { minimalPdf, multipartRequest, uploadedFiles, type FilePart } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { call, statusOf } from './helpers/route'

const PA = 'pa.focal@rcm.example'

function upload(
  email: string,
  file: FilePart | undefined,
  fields: Record<string, string> = {},
  headers = {},
) {
  return call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email,
      file,
      headers,
      fields: {
        title: 'Informe de prueba',
        kind: 'report',
        language: 'es',
        visibility: 'members',
        ...fields,
      },
    }),
  ) as Promise<Response>
}

const pdf = (text = 'Informe de prueba') => ({
  name: 'informe.pdf',
  type: 'application/pdf',
  bytes: minimalPdf(text),
})

const documentCount = () => db.select({ n: count() }).from(documents).get()!.n

/** The refusals the audit log holds for an action (each must be there exactly once). */
const refusals = (action: string) =>
  db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .all()
    .filter((r) => r.outcome === 'refused')

describe('uploading documents', () => {
  let before: number
  beforeEach(() => {
    freshDemoDb()
    // Each test starts with an empty storage folder (the demo rows' files are not needed here).
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
    before = documentCount()
  })
  afterEach(() => {
    delete process.env.MAX_UPLOAD_MB
    resetEnvCache()
  })

  it('stores a PDF content-addressed with its SHA-256 and answers 201 with the record and its id', async () => {
    const res = await upload(PA, pdf('Contenido único 9f2a'))
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.id).toEqual(expect.any(String))
    expect(body.reference).toMatch(/^RCM\/\d{4}\/REP\/\d{3}$/)
    const file = body.versions[0].files[0]
    expect(file).toMatchObject({ language: 'es', original: true, mimeType: 'application/pdf' })
    const onDisk = fs.readFileSync(storagePath(file.sha256))
    expect(Buffer.compare(onDisk, Buffer.from(minimalPdf('Contenido único 9f2a')))).toBe(0)
    expect(storagePath(file.sha256)).toBe(path.join(uploadsDir(), file.sha256.slice(0, 2), file.sha256))
    expect(fs.readdirSync(tmpDir())).toEqual([])
  })

  it('stores the same bytes once', async () => {
    const a = await (await upload(PA, pdf('dedup'))).json()
    const b = await (await upload(PA, pdf('dedup'))).json()
    expect(a.id).not.toBe(b.id)
    expect(a.versions[0].files[0].sha256).toBe(b.versions[0].files[0].sha256)
    expect(uploadedFiles()).toEqual([storagePath(a.versions[0].files[0].sha256)])
    const rows = db
      .select()
      .from(documentFiles)
      .where(eq(documentFiles.sha256, a.versions[0].files[0].sha256))
      .all()
    expect(rows).toHaveLength(2)
  })

  it('gives each year and kind its own sequence of reference codes', async () => {
    const a = await (await upload(PA, pdf('a'), { documentDate: '2031-05-02' })).json()
    const b = await (await upload(PA, pdf('b'), { documentDate: '2031-06-02' })).json()
    const c = await (await upload(PA, pdf('c'), { documentDate: '2031-06-02', kind: 'minutes' })).json()
    expect([a.reference, b.reference, c.reference]).toEqual([
      'RCM/2031/REP/001',
      'RCM/2031/REP/002',
      'RCM/2031/MIN/001',
    ])
  })

  describe('refuses bad files and leaves nothing behind', () => {
    const cases: [string, FilePart, number][] = [
      [
        'an HTML page renamed .pdf',
        { name: 'evil.pdf', type: 'application/pdf', bytes: '<html><script>alert(1)</script></html>' },
        415,
      ],
      [
        'an SVG renamed .pdf',
        {
          name: 'image.pdf',
          type: 'application/pdf',
          bytes: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        },
        415,
      ],
      [
        'an SVG as such',
        { name: 'image.svg', type: 'image/svg+xml', bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
        415,
      ],
      [
        'an ELF executable renamed .pdf',
        {
          name: 'run.pdf',
          type: 'application/pdf',
          bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
        },
        415,
      ],
      [
        'a Windows executable renamed .pdf',
        {
          name: 'setup.pdf',
          type: 'application/pdf',
          bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
        },
        415,
      ],
      ['a PDF named .docx', { name: 'report.docx', type: 'application/pdf', bytes: minimalPdf('x') }, 415],
      [
        'a zip that is not an office file',
        { name: 'a.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
        415,
      ],
      [
        'text that is not UTF-8',
        { name: 'notes.txt', type: 'text/plain', bytes: new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]) },
        415,
      ],
      ['an empty file', { name: 'empty.pdf', type: 'application/pdf', bytes: new Uint8Array() }, 400],
    ]
    for (const [what, file, status] of cases) {
      it(what, async () => {
        const res = await upload(PA, file)
        expect(res.status).toBe(status)
        const body = await res.json()
        expect(body.error.fields.file).toHaveLength(1)
        expect(documentCount()).toBe(before)
        expect(uploadedFiles().filter((f) => f.startsWith(tmpDir()))).toEqual([])
      })
    }

    it('a file over MAX_UPLOAD_MB while streaming (413), with no partial file', async () => {
      process.env.MAX_UPLOAD_MB = '1'
      resetEnvCache()
      const filesBefore = uploadedFiles()
      // No Content-Length (a stream): the limit is found while writing.
      const big = minimalPdf('big', 1_200_000)
      const form = new FormData()
      for (const [k, v] of Object.entries({
        title: 'x',
        kind: 'report',
        language: 'es',
        visibility: 'members',
      }))
        form.append(k, v)
      form.append('file', new File([new Uint8Array(big)], 'big.pdf', { type: 'application/pdf' }))
      const body = new Response(form)
      const stream = body.body!
      const request = new Request('http://localhost:3000/api/v1/documents', {
        method: 'POST',
        body: stream,
        headers: {
          'Content-Type': body.headers.get('Content-Type')!,
          Cookie: multipartRequest('/', { email: PA }).headers.get('Cookie')!,
          Origin: 'http://localhost:3000',
        },
        duplex: 'half',
      } as RequestInit)
      expect(request.headers.get('Content-Length')).toBeNull()
      const res = (await call(apiCreate, request)) as Response
      expect(res.status).toBe(413)
      expect(documentCount()).toBe(before)
      expect(uploadedFiles()).toEqual(filesBefore)
    })

    it('a declared Content-Length over the limit, before reading the body (413)', async () => {
      process.env.MAX_UPLOAD_MB = '1'
      resetEnvCache()
      const res = await upload(PA, {
        name: 'big.pdf',
        type: 'application/pdf',
        bytes: minimalPdf('big', 2_200_000),
      })
      expect(res.status).toBe(413)
      expect((await res.json()).error.code).toBe('payload_too_large')
      expect(documentCount()).toBe(before)
      expect(uploadedFiles().filter((f) => f.startsWith(tmpDir()))).toEqual([])
    })

    it('a body that is not multipart framing, a cut-off body and an over-long field: 400, nothing kept', async () => {
      const filesBefore = uploadedFiles()
      const cookie = multipartRequest('/', { email: PA }).headers.get('Cookie')!
      const raw = (body: BodyInit, boundary = 'b0undary') =>
        new Request('http://localhost:3000/api/v1/documents', {
          method: 'POST',
          body,
          headers: {
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            Cookie: cookie,
            Origin: 'http://localhost:3000',
          },
        })
      const cut = [
        '--b0undary',
        'Content-Disposition: form-data; name="title"',
        '',
        'x',
        '--b0undary',
        'Content-Disposition: form-data; name="file"; filename="a.pdf"',
        'Content-Type: application/pdf',
        '',
        '%PDF-1.4 and then the connection ends',
      ].join('\r\n')
      for (const request of [raw('no framing at all'), raw('x', ''), raw(cut)]) {
        const res = (await call(apiCreate, request)) as Response
        expect(res.status).toBe(400)
      }
      const long = await upload(PA, pdf(), { title: 'x'.repeat(70 * 1024) })
      expect(long.status).toBe(400)
      expect(documentCount()).toBe(before)
      expect(uploadedFiles()).toEqual(filesBefore)
    })

    it('no file at all (400 with a field message)', async () => {
      const res = await upload(PA, undefined)
      expect(res.status).toBe(400)
      expect((await res.json()).error.fields.file).toHaveLength(1)
    })

    it('a body that is not multipart (400)', async () => {
      const res = (await call(
        apiCreate,
        new Request('http://localhost:3000/api/v1/documents', {
          method: 'POST',
          body: JSON.stringify({ title: 'x' }),
          headers: {
            'Content-Type': 'application/json',
            Cookie: multipartRequest('/', { email: PA }).headers.get('Cookie')!,
          },
        }),
      )) as Response
      expect(res.status).toBe(400)
    })
  })

  it('keeps a name with ../, quotes, CRLF and non-ASCII only as a safe display name', async () => {
    const res = await upload(PA, {
      name: '../../../etc/"Informe\r\nanual" Niñez ☂.pdf',
      type: 'application/pdf',
      bytes: minimalPdf('nombre raro'),
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    const file = body.versions[0].files[0]
    expect(file.filename).not.toMatch(/[/\\"\r\n]/)
    expect(file.filename).toContain('Niñez ☂.pdf')
    expect(file.filename).not.toContain('..')
    // Nothing was written outside DATA_DIR/uploads, and stored files are named by their hash only.
    for (const f of uploadedFiles()) {
      expect(f.startsWith(uploadsDir())).toBe(true)
      if (!f.startsWith(tmpDir())) expect(path.basename(f)).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(fs.existsSync(path.join(process.env.DATA_DIR!, '..', 'etc'))).toBe(false)
  })

  describe('who may publish what', () => {
    it('an observer cannot publish as members (403, nothing stored)', async () => {
      const filesBefore = uploadedFiles()
      const res = await upload('co.observer@rcm.example', pdf('observer members'), { visibility: 'members' })
      expect(res.status).toBe(403)
      expect((await res.json()).error.fields.visibility).toHaveLength(1)
      expect(documentCount()).toBe(before)
      expect(uploadedFiles()).toEqual(filesBefore)
      expect(refusals('document.upload').map((r) => [r.actorEmail, r.details])).toEqual([
        ['co.observer@rcm.example', { visibility: 'members' }],
      ])
    })

    it('an observer organization cannot either, but may publish for participants', async () => {
      expect(
        (await upload('iom@rcm.example', pdf('iom m'), { visibility: 'members', language: 'en' })).status,
      ).toBe(403)
      expect(
        (await upload('iom@rcm.example', pdf('iom p'), { visibility: 'participants', language: 'en' }))
          .status,
      ).toBe(201)
    })

    it('nobody but the secretariat publishes for the secretariat only', async () => {
      expect((await upload(PA, pdf('s1'), { visibility: 'secretariat' })).status).toBe(403)
      expect((await upload('secretariat@rcm.example', pdf('s2'), { visibility: 'secretariat' })).status).toBe(
        201,
      )
    })

    it('a group the uploader does not belong to is refused (403), an unknown one is invalid (400)', async () => {
      const notMine = await upload(PA, pdf('g1'), { visibility: 'group', group: 'pa-smuggling-plan' })
      expect(notMine.status).toBe(403)
      expect((await notMine.json()).error.fields.group).toHaveLength(1)
      expect(refusals('document.upload').map((r) => r.details)).toEqual([{ group: 'pa-smuggling-plan' }])
      expect((await upload(PA, pdf('g2'), { visibility: 'group', group: 'no-such-group' })).status).toBe(400)
      expect((await upload(PA, pdf('g3'), { visibility: 'group' })).status).toBe(400)
      expect(
        (await upload('pa.snm@rcm.example', pdf('g4'), { visibility: 'group', group: 'pa-smuggling-plan' }))
          .status,
      ).toBe(201)
      expect(
        (
          await upload('secretariat@rcm.example', pdf('g5'), {
            visibility: 'group',
            group: 'pa-smuggling-plan',
          })
        ).status,
      ).toBe(201)
      expect(documentCount()).toBe(before + 2)
    })

    it('signed-out callers get 401', async () => {
      expect((await upload('', pdf('anon'))).status).toBe(401)
    })
  })

  it('ignores unknown fields instead of applying them', async () => {
    const res = await upload(PA, pdf('campos desconocidos'), {
      ownerOrganizationId: 'someone-else',
      uploadedById: 'x',
      reference: 'RCM/1999/DEC/001',
      currentVersion: '7',
      deletedAt: '2020-01-01',
      role: 'secretariat',
      __proto__: 'x',
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    const row = db.select().from(documents).where(eq(documents.id, body.id)).get()!
    expect(row.reference).not.toBe('RCM/1999/DEC/001')
    expect(row.currentVersion).toBe(1)
    expect(row.deletedAt).toBeNull()
    expect(body.organization.code).toBe('PA')
  })

  it('two version uploads racing get 2 and 3 (or one 409), never a duplicate or a 500', async () => {
    const created = await (await upload(PA, pdf('carrera'))).json()
    const send = (text: string) =>
      call(
        apiVersion,
        multipartRequest(`/api/v1/documents/${created.id}/versions`, {
          email: PA,
          fields: { note: text },
          file: { name: 'v.pdf', type: 'application/pdf', bytes: minimalPdf(text) },
        }),
        { id: created.id },
      ) as Promise<Response>
    const results = await Promise.all([send('primera'), send('segunda'), send('tercera')])
    const statuses = results.map((r) => r.status)
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    const numbers = db
      .select({ n: documentVersions.number })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, created.id))
      .all()
      .map((r) => r.n)
      .sort()
    expect(numbers).toEqual([...new Set(numbers)])
    expect(numbers.length).toBe(1 + statuses.filter((s) => s === 201).length)
    expect(db.select().from(documents).where(eq(documents.id, created.id)).get()!.currentVersion).toBe(
      Math.max(...numbers),
    )
  })

  it('a new version is an original: in Spanish or English (400 at the field for French, nothing added)', async () => {
    const created = await (await upload(PA, pdf('idiomas'))).json()
    const send = (language: string) =>
      call(
        apiVersion,
        multipartRequest(`/api/v1/documents/${created.id}/versions`, {
          email: PA,
          fields: { note: language, language },
          file: { name: 'v.pdf', type: 'application/pdf', bytes: minimalPdf(`idiomas ${language}`) },
        }),
        { id: created.id },
      ) as Promise<Response>
    const refused = await send('fr')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('language')
    expect(db.select().from(documents).where(eq(documents.id, created.id)).get()!.currentVersion).toBe(1)
    expect((await send('en')).status).toBe(201)
  })

  it('only the owner organization and the secretariat add versions; others get 403, the hidden 404', async () => {
    const created = await (await upload(PA, pdf('propietario'))).json()
    const send = (email: string) =>
      call(
        apiVersion,
        multipartRequest(`/api/v1/documents/${created.id}/versions`, {
          email,
          file: { name: 'v.pdf', type: 'application/pdf', bytes: minimalPdf(`v ${email}`) },
        }),
        { id: created.id },
      ) as Promise<Response>
    expect((await send('mx.delegate@rcm.example')).status).toBe(403)
    expect(refusals('document.addVersion').map((r) => [r.actorEmail, r.targetId])).toEqual([
      ['mx.delegate@rcm.example', created.id],
    ])
    expect((await send('co.observer@rcm.example')).status).toBe(404)
    expect((await send('pa.snm@rcm.example')).status).toBe(201)
    expect((await send('secretariat@rcm.example')).status).toBe(201)
    expect(statusOf(await send(PA))).toBe(201)
  })

  it('file names with ; = quotes and accents arrive whole', async () => {
    for (const [name, stored] of [
      ['acta; final=v2.pdf', 'acta; final=v2.pdf'],
      ['Plan=2024;2029 – Panamá.pdf', 'Plan=2024;2029 – Panamá.pdf'],
      ['informe "borrador"; v=2.pdf', 'informe _borrador_; v=2.pdf'],
    ]) {
      const res = await upload(PA, { ...pdf(name), name })
      expect(res.status, name).toBe(201)
      const body = await res.json()
      expect(body.versions[0].files[0].filename, name).toBe(stored)
    }
  })

  it('an upload the person may not add is refused before its body is read (page and API)', async () => {
    const created = await (await upload(PA, pdf('no leído'))).json()
    const tmpBefore = fs.existsSync(tmpDir()) ? fs.readdirSync(tmpDir()).length : 0
    /** A multipart request whose body counts the bytes anyone pulled from it. */
    const counted = (url: string, email: string) => {
      const source = multipartRequest(url, {
        email,
        fields: { intent: 'version' },
        file: { name: 'v.pdf', type: 'application/pdf', bytes: minimalPdf('x'.repeat(50_000)) },
      })
      let pulled = 0
      const reader = source.body!.getReader()
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read()
          if (done) return controller.close()
          pulled += value.length
          controller.enqueue(value)
        },
      })
      const request = new Request(source.url, {
        method: 'POST',
        headers: source.headers,
        body,
        duplex: 'half',
      } as RequestInit)
      return { request, pulled: () => pulled }
    }
    for (const [email, status] of [
      ['mx.delegate@rcm.example', 403],
      ['co.observer@rcm.example', 404],
    ] as const) {
      const api = counted(`/api/v1/documents/${created.id}/versions`, email)
      expect(((await call(apiVersion, api.request, { id: created.id })) as Response).status).toBe(status)
      expect(api.pulled(), email).toBe(0)
      const page = counted(`/documents/${created.id}`, email)
      expect(statusOf(await call(pageAction, page.request, { id: created.id }))).toBe(status)
      expect(page.pulled(), email).toBe(0)
    }
    expect(fs.existsSync(tmpDir()) ? fs.readdirSync(tmpDir()).length : 0).toBe(tmpBefore)
    expect(db.select().from(documents).where(eq(documents.id, created.id)).get()!.currentVersion).toBe(1)
  })

  it('the sweep removes orphaned files and stale temporary files, never referenced ones', async () => {
    const created = await (await upload(PA, pdf('barrido'))).json()
    const kept = storagePath(created.versions[0].files[0].sha256)
    const orphan = storagePath('ab'.repeat(32))
    fs.mkdirSync(path.dirname(orphan), { recursive: true })
    fs.writeFileSync(orphan, 'orphan')
    fs.mkdirSync(tmpDir(), { recursive: true })
    const stale = path.join(tmpDir(), 'killed-upload.part')
    fs.writeFileSync(stale, 'partial')
    // Within the grace period nothing is touched (an upload may be between rename and commit).
    expect((await sweepOrphans()).removed).toBe(0)
    const { removed } = await sweepOrphans({ graceMs: 0, now: Date.now() + 1000 })
    expect(removed).toBe(2)
    expect(fs.existsSync(orphan)).toBe(false)
    expect(fs.existsSync(stale)).toBe(false)
    expect(fs.existsSync(kept)).toBe(true)
  })
})
