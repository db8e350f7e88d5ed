import { eq } from 'drizzle-orm'
import fs from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documentFiles } from '@db/schema'
import { buildDocx, buildPdf } from '@db/seed/documents'
import { uploadsDir } from '~/modules/documents/storage.server'
import {
  searchDocuments,
  snippetParts,
  toFtsQuery,
  MARK_END,
  MARK_START,
} from '~/modules/search/search.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { loader as apiSearch } from '~/routes/api.v1.search'
import { loader as searchPage } from '~/routes/search'
import { getRequest, minimalPdf, multipartRequest, type FilePart } from './documents-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { call } from './helpers/route'

const MX = 'mx.delegate@rcm.example'

async function upload(file: FilePart, fields: Record<string, string> = {}) {
  const res = (await call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email: 'pa.focal@rcm.example',
      fields: {
        title: 'Documento de prueba',
        kind: 'report',
        language: 'es',
        visibility: 'members',
        ...fields,
      },
      file,
    }),
  )) as Response
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string }
}

/** Searches as `email`, or as the public when null. */
async function search(q: string, email: string | null = MX) {
  const res = (await call(
    apiSearch,
    getRequest(`/api/v1/search?q=${encodeURIComponent(q)}`, email ?? undefined),
  )) as Response
  expect(res.status).toBe(200)
  return (await res.json()) as {
    items: { id: string; title: string; snippet: string; highlights: string[] }[]
  }
}

describe('text extraction and search', () => {
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
  })

  it('finds text inside a PDF right after its upload, with accents folded both ways', async () => {
    const word = `quetz${Date.now()}`
    const doc = await upload({
      name: 'informe.pdf',
      type: 'application/pdf',
      bytes: minimalPdf(`Informe sobre el tráfico ilícito de migrantes en Xibalbá ${word}`),
    })
    const file = db
      .select()
      .from(documentFiles)
      .all()
      .find((f) => f.extractedText?.includes(word))!
    expect(file.textStatus).toBe('done')
    expect((await search(word)).items.map((i) => i.id)).toEqual([doc.id])
    expect((await search(`xibalba ${word}`)).items.map((i) => i.id)).toEqual([doc.id])
    expect((await search(`XIBALBÁ trafico ilicito ${word}`)).items.map((i) => i.id)).toEqual([doc.id])
    // The observer may not see a members-only document: not in the results either.
    expect((await search(word, 'co.observer@rcm.example')).items).toEqual([])
  })

  it('extracts a PDF made by pdf-lib and a Word document', async () => {
    const pdf = await upload({
      name: 'plan.pdf',
      type: 'application/pdf',
      bytes: await buildPdf('Plan regional', 'Cooperación consular con Chiriquí y Darién zorzalito'),
    })
    const docx = await upload({
      name: 'borrador.docx',
      bytes: await buildDocx('Borrador', 'Matriz de implementación con el colibrí esmeralda'),
    })
    expect((await search('darien zorzalito')).items.map((i) => i.id)).toEqual([pdf.id])
    expect((await search('implementacion colibri')).items.map((i) => i.id)).toEqual([docx.id])
    const texts = db.select().from(documentFiles).where(eq(documentFiles.textStatus, 'done')).all()
    expect(texts.some((f) => f.extractedText?.includes('colibrí esmeralda'))).toBe(true)
  })

  it('indexes plain text and CSV, and leaves images out of the text index', async () => {
    const txt = await upload({
      name: 'nota.txt',
      type: 'text/plain',
      bytes: 'Nota sobre el guacamayo rojo.\n',
    })
    const csv = await upload({
      name: 'tabla.csv',
      type: 'text/csv',
      bytes: 'país,ave\nGuatemala,quetzal dorado\n',
    })
    const png = await upload(
      {
        name: 'logo.png',
        type: 'image/png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      },
      { title: 'Logotipo tucán' },
    )
    expect((await search('guacamayo')).items.map((i) => i.id)).toEqual([txt.id])
    expect((await search('quetzal dorado')).items.map((i) => i.id)).toEqual([csv.id])
    expect((await search('tucan')).items.map((i) => i.id)).toEqual([png.id])
    expect(
      db.select().from(documentFiles).where(eq(documentFiles.mimeType, 'image/png')).get()!.textStatus,
    ).toBe('none')
  })

  it('finds the demo documents without accents ("trafico" finds "tráfico")', async () => {
    const hits = await search('trafico ilicito')
    expect(hits.items.length).toBeGreaterThan(1)
    expect(
      hits.items.some(
        (h) => h.title === 'Plan de trabajo en materia de tráfico ilícito de migrantes 2019-2025',
      ),
    ).toBe(true)
    const byReference = await searchDocuments(viewerFor(MX), 'RCM 2016 GL')
    expect(byReference.items[0]?.reference).toMatch(/^RCM\/2016\/GL\//)
  })

  it('ranks a title match above a passing mention, and highlights the words', async () => {
    const inTitle = await upload(
      { name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf('texto cualquiera') },
      {
        title: 'Guacamaya escarlata: informe',
      },
    )
    const inBody = await upload({
      name: 'b.pdf',
      type: 'application/pdf',
      bytes: minimalPdf('Un informe largo que menciona una vez a la guacamaya escarlata entre otras cosas'),
    })
    const hits = (await search('guacamaya escarlata')).items
    expect(hits.map((h) => h.id)).toEqual([inTitle.id, inBody.id])
    expect(hits[1].highlights.map((h) => h.toLowerCase())).toEqual(['guacamaya', 'escarlata'])
    expect(hits[1].snippet).not.toMatch(/[\uE000\uE001]/)
  })

  it('never passes what people type to FTS5 as syntax', async () => {
    for (const q of [
      '"',
      'NEAR(a b)',
      'a AND OR NOT',
      '*',
      'col:umn',
      '-x',
      '((',
      "o'brien",
      '🙂',
      '  ',
      'a^b',
      'título:"x',
    ]) {
      const res = (await call(
        apiSearch,
        getRequest(`/api/v1/search?q=${encodeURIComponent(q)}`, MX),
      )) as Response
      expect(res.status, q).toBe(200)
    }
    expect(toFtsQuery('Tráfico "ilícito" OR x*')).toBe('"tráfico"* "ilícito"* "or" "x"')
    expect(toFtsQuery('¿?¡!')).toBeNull()
  })

  it('renders snippets as text and <mark>, never as HTML', async () => {
    await upload({
      name: 'x.txt',
      type: 'text/plain',
      bytes: 'Texto con <em onclick="x()">marcas</em> y la palabra flamenco rosado.',
    })
    const data = (await call(searchPage, getRequest('/search?q=flamenco', MX))) as {
      items: { parts: { text: string; match: boolean }[] }[]
    }
    expect(data.items).toHaveLength(1)
    const parts = data.items[0].parts
    expect(parts.some((p) => p.match && p.text.toLowerCase() === 'flamenco')).toBe(true)
    // The markup stays plain text inside a part (React escapes it), no part is HTML.
    expect(parts.map((p) => p.text).join('')).toContain('<em onclick="x()">')
    expect(snippetParts(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ])
  })

  it('answers the public with public documents only', async () => {
    const hits = await search('declaracion', null)
    expect(hits.items.length).toBeGreaterThan(0)
    const members = await search('plan accion regional migracion laboral', null)
    expect(members.items).toEqual([])
    expect((await search('plan accion regional migracion laboral', MX)).items.length).toBeGreaterThan(0)
  })
})
