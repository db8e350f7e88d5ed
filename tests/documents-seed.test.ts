import { count, eq, isNotNull } from 'drizzle-orm'
import fs from 'node:fs'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documentFiles, documents, documentVersions } from '@db/schema'
import { buildDemoDocumentFiles, DEMO_DOCUMENTS } from '@db/seed/documents'
import { getDocumentDetails } from '~/modules/documents/details.server'
import { listDocuments } from '~/modules/documents/queries.server'
import { storagePath } from '~/modules/documents/storage.server'
import { copyDemoUploads } from './documents-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'

describe('demo documents', () => {
  beforeAll(() => copyDemoUploads())
  beforeEach(() => {
    freshDemoDb()
  })

  it('holds a few dozen real-titled documents at every visibility level, with their files on disk', () => {
    const n = db.select({ n: count() }).from(documents).get()!.n
    // and the border management work plan, published from its plan (db/seed/plan-word.ts)
    expect(n).toBe(DEMO_DOCUMENTS.length + 1)
    expect(n).toBeGreaterThanOrEqual(30)
    const levels = new Set(
      db
        .select({ v: documents.visibility })
        .from(documents)
        .all()
        .map((r) => r.v),
    )
    expect([...levels].sort()).toEqual(['group', 'members', 'participants', 'public', 'secretariat'])
    const titles = db.select({ es: documents.titleEs, en: documents.titleEn }).from(documents).all()
    expect(titles.some((t) => t.es?.startsWith('Lineamientos Regionales de Actuación'))).toBe(true)
    expect(titles.some((t) => t.en === 'The Regional Conference on Migration: 15 Years')).toBe(true)
    const files = db.select().from(documentFiles).all()
    for (const f of files) {
      const bytes = fs.readFileSync(storagePath(f.storageKey))
      expect(bytes.length).toBe(f.size)
    }
    const kinds = new Set(files.map((f) => f.mimeType))
    expect(kinds.has('application/pdf')).toBe(true)
    expect(kinds.has('text/csv; charset=utf-8')).toBe(true)
    expect(kinds.has('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true)
  })

  it('has documents with two versions, a missing and an outdated translation, one embargoed, one deleted', () => {
    const twoVersions = db.select().from(documentVersions).where(eq(documentVersions.number, 2)).all()
    expect(twoVersions.length).toBeGreaterThanOrEqual(2)
    const plan = db
      .select()
      .from(documents)
      .where(eq(documents.titleEs, 'Plan de trabajo en materia de tráfico ilícito de migrantes 2019-2025'))
      .get()!
    const details = getDocumentDetails(viewerFor('secretariat@rcm.example'), plan.id)!
    expect(details.translations.find((t) => t.language === 'en')).toMatchObject({
      state: 'outdated',
      version: 1,
    })
    const belize = db
      .select()
      .from(documents)
      .where(eq(documents.titleEn, 'Concept Note of the Pro-Tempore Presidency of Belize 2024'))
      .get()!
    expect(
      getDocumentDetails(viewerFor('secretariat@rcm.example'), belize.id)!.translations.find(
        (t) => t.language === 'es',
      )?.state,
    ).toBe('missing')
    expect(db.select().from(documents).where(isNotNull(documents.embargoUntil)).all()).toHaveLength(1)
    expect(db.select().from(documents).where(isNotNull(documents.deletedAt)).all()).toHaveLength(1)
  })

  it('shows the public only public documents, and an observer no members-only ones', () => {
    const anonymous = listDocuments(null, {}, { limit: 100 }).items
    expect(anonymous.length).toBeGreaterThan(5)
    expect(anonymous.every((d) => d.visibility === 'public')).toBe(true)
    const observer = listDocuments(viewerFor('co.observer@rcm.example'), {}, { limit: 100 }).items
    expect(observer.some((d) => d.visibility === 'members')).toBe(false)
    const member = listDocuments(viewerFor('mx.delegate@rcm.example'), {}, { limit: 100 }).items
    expect(member.some((d) => d.titleEn === 'Regional Action Plan on Labor Migration')).toBe(true)
  })

  it('builds its files quickly', async () => {
    const started = Date.now()
    const files = await buildDemoDocumentFiles()
    expect(files.size).toBeGreaterThan(40)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
