import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documentDownloads } from '@db/schema'
import { contentDisposition, storagePath, uploadsDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as apiVersion } from '~/routes/api.v1.documents.$id.versions'
import { loader as page } from '~/routes/documents.$id'
import { loader as download } from '~/routes/documents.$id.download'
import { loader as view } from '~/routes/documents.$id.view'
import { getRequest, minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { call } from './helpers/route'

const PA = 'pa.focal@rcm.example'

async function create(visibility: string, name = 'informe.pdf', bytes = minimalPdf(`Informe ${visibility}`)) {
  const res = (await call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email: PA,
      fields: { title: 'Informe', kind: 'report', language: 'es', visibility },
      file: { name, type: 'application/pdf', bytes },
    }),
  )) as Response
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; versions: { files: { sha256: string }[] }[] }
}

async function get(id: string, query = '', email?: string, loader = download) {
  return (await call(loader, getRequest(`/documents/${id}/download${query}`, email), { id })) as Response
}

describe('downloads', () => {
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
  })

  it('send the same bytes with the safety headers', async () => {
    const bytes = minimalPdf('Informe sobre cabeceras')
    const doc = await create('members', 'informe.pdf', bytes)
    const res = await get(doc.id, '', 'mx.delegate@rcm.example')
    expect(res.status).toBe(200)
    const got = new Uint8Array(await res.arrayBuffer())
    expect(Buffer.compare(Buffer.from(got), Buffer.from(bytes))).toBe(0)
    expect(res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="informe.pdf"; filename*=UTF-8''informe.pdf`,
    )
    // server.mjs sends it on every response: the route does not add a second one
    expect(res.headers.get('X-Content-Type-Options')).toBeNull()
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Security-Policy')).toBe('sandbox')
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    const sha = createHash('sha256').update(bytes).digest('hex')
    expect(res.headers.get('X-Content-SHA256')).toBe(sha)
    expect(res.headers.get('Repr-Digest')).toBe(`sha-256=:${Buffer.from(sha, 'hex').toString('base64')}:`)
    expect(res.headers.get('Content-Length')).toBe(String(bytes.length))
  })

  it('let public documents be cached and fetched without signing in; nothing restricted is', async () => {
    const pub = await create('public')
    const res = await get(pub.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toMatch(/^public/)
    await res.body?.cancel()
    const members = await create('members', 'm.pdf', minimalPdf('solo miembros'))
    expect((await get(members.id)).status).toBe(404)
    expect((await get(members.id, '', 'co.observer@rcm.example')).status).toBe(404)
  })

  it('encode awkward names per RFC 6266 (ASCII fallback and UTF-8 filename*)', async () => {
    const doc = await create('members', 'Informe "anual"\r\nNiñez ☂ (2024).pdf', minimalPdf('nombre'))
    const res = await get(doc.id, '', PA)
    await res.body?.cancel()
    const header = res.headers.get('Content-Disposition')!
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/)
    expect(header).not.toMatch(/[\r\n]/)
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]
    expect(decodeURIComponent(encoded)).toBe('Informe _anual_Niñez ☂ (2024).pdf')
    expect(contentDisposition('a;b"c\\d.pdf')).toBe(
      `attachment; filename="a;b_c_d.pdf"; filename*=UTF-8''a%3Bb%22c%5Cd.pdf`,
    )
  })

  it('serve old versions and languages; unknown ones are 404', async () => {
    const v1 = minimalPdf('primera version')
    const doc = await create('members', 'v1.pdf', v1)
    const res = (await call(
      apiVersion,
      multipartRequest(`/api/v1/documents/${doc.id}/versions`, {
        email: PA,
        fields: { note: 'segunda' },
        file: { name: 'v2.pdf', type: 'application/pdf', bytes: minimalPdf('segunda version') },
      }),
      { id: doc.id },
    )) as Response
    expect(res.status).toBe(201)
    expect((await res.json()).number).toBe(2)
    const old = await get(doc.id, '?version=1', 'mx.delegate@rcm.example')
    expect(Buffer.compare(Buffer.from(await old.arrayBuffer()), Buffer.from(v1))).toBe(0)
    const current = await get(doc.id, '?lang=es', 'mx.delegate@rcm.example')
    expect(Buffer.from(await current.arrayBuffer()).toString('latin1')).toContain('segunda version')
    for (const q of ['?version=3', '?lang=en', '?version=abc', '?lang=../x']) {
      expect((await get(doc.id, q, PA)).status, q).toBe(404)
    }
  })

  it('record who downloaded a restricted document, shown to the secretariat only', async () => {
    const restricted = await create('members')
    const pub = await create('public', 'p.pdf', minimalPdf('publico'))
    await (await get(restricted.id, '', 'mx.delegate@rcm.example')).arrayBuffer()
    await (await get(pub.id, '', 'mx.delegate@rcm.example')).arrayBuffer()
    const recorded = (id: string) =>
      db.select().from(documentDownloads).where(eq(documentDownloads.documentId, id)).all()
    expect(recorded(restricted.id)).toHaveLength(1)
    expect(recorded(pub.id)).toHaveLength(0)
    const forSecretariat = (await call(
      page,
      getRequest(`/documents/${restricted.id}`, 'secretariat@rcm.example'),
      {
        id: restricted.id,
      },
    )) as { downloads: { email: string | null }[] | null }
    expect(forSecretariat.downloads?.map((d) => d.email)).toEqual(['mx.delegate@rcm.example'])
    const forOwner = (await call(page, getRequest(`/documents/${restricted.id}`, PA), {
      id: restricted.id,
    })) as {
      downloads: unknown
    }
    expect(forOwner.downloads).toBeNull()
  })

  it('check the SHA-256 on the way out: a file changed on disk breaks the transfer', async () => {
    const doc = await create('members', 'x.pdf', minimalPdf('integridad'))
    const file = storagePath(doc.versions[0].files[0].sha256)
    fs.chmodSync(file, 0o600)
    const tampered = Buffer.from(fs.readFileSync(file))
    tampered[20] ^= 0xff
    fs.writeFileSync(file, tampered)
    const res = await get(doc.id, '', PA)
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
  })

  it('show PDFs inline for the viewer, and nothing else', async () => {
    const doc = await create('members')
    const res = await get(doc.id, '', PA, view)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toMatch(/^inline; /)
    // server.mjs sends it on every response: the route does not add a second one
    expect(res.headers.get('X-Content-Type-Options')).toBeNull()
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    await res.body?.cancel()
    expect((await get(doc.id, '', 'co.observer@rcm.example', view)).status).toBe(404)
    const csv = (await call(
      apiCreate,
      multipartRequest('/api/v1/documents', {
        email: PA,
        fields: { title: 'Tabla', kind: 'study', language: 'es', visibility: 'members' },
        file: { name: 'tabla.csv', type: 'text/csv', bytes: 'a,b\n1,2\n' },
      }),
    )) as Response
    const csvDoc = await csv.json()
    expect(csvDoc.versions[0].files[0].mimeType).toBe('text/csv; charset=utf-8')
    expect((await get(csvDoc.id, '', PA, view)).status).toBe(404)
  })
})
