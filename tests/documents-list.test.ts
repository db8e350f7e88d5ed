/**
 * The library's list (/documents, the API): every sort of the allowlist in both interface languages,
 * alone and after a kind filter (drizzle/0009_documents_sort_indexes.sql serves these), gives its order;
 * pages follow one another without gaps or repeats. The list reads a page's ids first, then their rows.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { SORTS } from '~/modules/documents/constants'
import { documentPageQuery, listDocuments, type ListedDocument } from '~/modules/documents/queries.server'
import { rawSqlite } from '@db/client'
import { freshDemoDb, viewerFor } from './helpers/db'

beforeEach(() => {
  freshDemoDb()
})

type Lang = 'es' | 'en'
const title = (d: ListedDocument, lang: Lang) =>
  ((lang === 'es' ? (d.titleEs ?? d.titleEn) : (d.titleEn ?? d.titleEs)) ?? '').toLowerCase()
const day = (d: ListedDocument) => d.documentDate ?? ''

/** Compares two listed documents as each sort promises (<= 0 when in order). */
const compare: Record<(typeof SORTS)[number], (a: ListedDocument, b: ListedDocument, lang: Lang) => number> =
  {
    date_desc: (a, b) => day(b).localeCompare(day(a)) || b.createdAt.getTime() - a.createdAt.getTime(),
    date_asc: (a, b) =>
      Number(a.documentDate === null) - Number(b.documentDate === null) ||
      day(a).localeCompare(day(b)) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
    recent: (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
    // SQLite's NOCASE folds ASCII only: compare code points of the lower-cased titles
    title: (a, b, lang) =>
      title(a, lang) < title(b, lang)
        ? -1
        : title(a, lang) > title(b, lang)
          ? 1
          : a.reference.localeCompare(b.reference),
    reference: (a, b) => (a.reference < b.reference ? -1 : 1),
  }

describe('the list of documents', () => {
  it('sorts by every allowlisted order, in both languages, with and without a kind filter', () => {
    const viewer = viewerFor('secretariat@rcm.example')
    // one undated document, so that "oldest first, undated last" is exercised
    rawSqlite()
      .prepare('update documents set document_date = null where id = (select id from documents limit 1)')
      .run()
    for (const lang of ['es', 'en'] as const)
      for (const kind of [undefined, 'report'] as const)
        for (const sort of SORTS) {
          const where = `${lang} ${kind ?? 'all'} ${sort}`
          const all = listDocuments(viewer, { sort, kind }, { lang, limit: 1000 }).items
          expect(all.length, where).toBeGreaterThan(kind ? 2 : 20)
          if (kind) expect(all.every((d) => d.kind === kind)).toBe(true)
          for (let i = 1; i < all.length; i++)
            expect(compare[sort](all[i - 1], all[i], lang), `${where} at ${i}`).toBeLessThanOrEqual(0)
          const paged: string[] = []
          for (let offset = 0; ; offset += 4) {
            const page = listDocuments(viewer, { sort, kind }, { lang, limit: 4, offset })
            paged.push(...page.items.map((d) => d.id))
            if (!page.hasMore) break
          }
          expect(paged, where).toEqual(all.map((d) => d.id))
        }
  })

  it('lists undated documents last when the oldest come first', () => {
    const viewer = viewerFor('secretariat@rcm.example')
    // The oldest listed document loses its date (a document the list shows: `limit 1` without an order
    // picked a random id of the template, sometimes a deleted document the list leaves out).
    const oldest = listDocuments(viewer, { sort: 'date_asc' }, { limit: 1 }).items[0]
    expect(oldest.documentDate).not.toBeNull()
    rawSqlite().prepare('update documents set document_date = null where id = ?').run(oldest.id)
    const all = listDocuments(viewer, { sort: 'date_asc' }, { limit: 1000 }).items
    const firstUndated = all.findIndex((d) => d.documentDate === null)
    expect(firstUndated).toBeGreaterThan(0)
    expect(all.slice(firstUndated).every((d) => d.documentDate === null)).toBe(true)
    expect(all.slice(firstUndated).map((d) => d.id)).toContain(oldest.id)
  })

  it('reads a page in index order for every sort, alone or after a kind filter (no sort of every row)', () => {
    // The plan is what an install gets: the database is never ANALYZEd.
    const viewer = viewerFor('pa.focal@rcm.example')
    for (const lang of ['es', 'en'] as const)
      for (const kind of [undefined, 'report'] as const)
        for (const sort of SORTS) {
          const q = documentPageQuery(viewer, { sort, kind }, { lang })!.toSQL()
          const plan = rawSqlite()
            .prepare(`explain query plan ${q.sql}`)
            .all(...q.params)
            .map((r) => (r as { detail: string }).detail)
            .join(' | ')
          expect(plan, `${lang} ${kind ?? 'all'} ${sort}: ${plan}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
        }
  })
})
