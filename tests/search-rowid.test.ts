/**
 * The library's full-text rowids follow the documents' dates (search/rowid.ts, drizzle/0036): a new
 * document gets a rowid in its day, a document whose date changes moves with its whole index row, and a
 * date-sorted search reads its page off the index (no sort of every match) with the same rows, in the
 * same order, as the list's own date sort. Migration 0036 renumbers a library keyed the old way (by
 * creation) without losing an index row.
 */
import fs from 'node:fs'
import { eq, isNull } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { documents } from '@db/schema'
import { documentPageQuery, listDocuments } from '~/modules/documents/queries.server'
import { editDocument } from '~/modules/documents/writes.server'
import { dayKey, dayOfRowid, ROWIDS_PER_DAY, searchRowidOf } from '~/modules/search/rowid'
import { searchType, typeQuery } from '~/modules/search/records.server'
import { searchDocuments, toFtsQuery } from '~/modules/search/search.server'
import { freshDemoDb, viewerFor } from './helpers/db'

const SECRETARIAT = 'secretariat@rcm.example'

beforeEach(() => {
  freshDemoDb()
})

type Fts = {
  rowid: number
  title: string
  description: string
  reference: string
  tags: string
  body: string
}
const ftsRows = () =>
  rawSqlite()
    .prepare('select rowid, title, description, reference, tags, body from documents_fts')
    .all() as Fts[]
const docRows = () =>
  rawSqlite().prepare('select id, search_rowid, document_date, created_at from documents').all() as {
    id: string
    search_rowid: number
    document_date: string | null
    created_at: number
  }[]

describe('rowids by date', () => {
  it('computes the day as SQLite does, and 0 for no date', () => {
    for (const d of ['1990-01-01', '1999-12-31', '2000-02-29', '2024-07-15', '2026-12-07', '2100-12-31']) {
      const { n } = rawSqlite().prepare('select cast(julianday(?) as integer) as n').get(d) as { n: number }
      expect(dayKey(d), d).toBe(n)
    }
    expect(dayKey(null)).toBe(0)
    expect(dayKey('not a date')).toBe(0)
    expect(searchRowidOf('2024-07-15', 3)).toBe(dayKey('2024-07-15') * ROWIDS_PER_DAY + 3)
    expect(() => searchRowidOf('2024-07-15', ROWIDS_PER_DAY)).toThrow(RangeError)
    expect(Number.isSafeInteger(searchRowidOf('9999-12-31', ROWIDS_PER_DAY - 1))).toBe(true)
  })

  it('keys every demo document by its date, one index row each', () => {
    const docs = docRows()
    for (const d of docs) expect(dayOfRowid(d.search_rowid), d.id).toBe(dayKey(d.document_date))
    expect(new Set(ftsRows().map((r) => r.rowid))).toEqual(new Set(docs.map((d) => d.search_rowid)))
  })

  it('moves a document with its index row when its date changes, and back to day 0 without one', () => {
    const viewer = viewerFor(SECRETARIAT)
    const doc = db.select().from(documents).where(isNull(documents.deletedAt)).get()!
    const before = ftsRows().find((r) => r.rowid === doc.searchRowid)!
    const edit = (documentDate: string | undefined, revision: number) =>
      editDocument(viewer, doc.id, {
        revision,
        titleEs: doc.titleEs ?? undefined,
        titleEn: doc.titleEn ?? undefined,
        kind: doc.kind,
        visibility: doc.visibility,
        group: undefined,
        description: doc.description ?? undefined,
        documentDate,
        embargoUntil: doc.embargoUntil ?? undefined,
        tags: doc.tags,
      } as Parameters<typeof editDocument>[2])
    edit('2011-03-04', doc.revision)
    const moved = db.select().from(documents).where(eq(documents.id, doc.id)).get()!
    expect(dayOfRowid(moved.searchRowid)).toBe(dayKey('2011-03-04'))
    const rows = ftsRows()
    expect(rows.find((r) => r.rowid === doc.searchRowid)).toBeUndefined()
    const { rowid: _old, ...text } = before
    expect(rows.find((r) => r.rowid === moved.searchRowid)).toMatchObject(text)
    expect(rows).toHaveLength(docRows().length)

    edit(undefined, moved.revision)
    const undated = db.select().from(documents).where(eq(documents.id, doc.id)).get()!
    expect(dayOfRowid(undated.searchRowid)).toBe(0)
    expect(ftsRows().filter((r) => r.rowid === undated.searchRowid)).toHaveLength(1)
  })
})

describe('a date-sorted search', () => {
  const words = ['migración', 'plan', 'protección', 'informe', 'the', 'Darién']

  it('pages the same rows in the same order as the list sorted by date, read off the index', () => {
    for (const email of [SECRETARIAT, 'pa.focal@rcm.example', 'mx.delegate@rcm.example']) {
      const viewer = viewerFor(email)
      for (const q of words) {
        const query = documentPageQuery(viewer, { q }, { limit: 1000 })!.toSQL()
        const plan = (
          rawSqlite()
            .prepare(`explain query plan ${query.sql}`)
            .all(...query.params) as {
            detail: string
          }[]
        )
          .map((r) => r.detail)
          .join(' | ')
        expect(plan).not.toMatch(/TEMP B-TREE/)
        expect(plan).toMatch(/^SCAN documents_fts/)
        // the same search the slow way: every match the viewer may see, sorted by date, ties newest first
        const visible = new Set(listDocuments(viewer, {}, { limit: 100_000 }).items.map((d) => d.id))
        const expected = rawSqlite()
          .prepare(
            `select d.id from documents d where d.search_rowid in (select rowid from documents_fts where documents_fts match ?)
             order by d.document_date is null, d.document_date desc, d.search_rowid desc`,
          )
          .all(toFtsQuery(q))
          .map((r) => (r as { id: string }).id)
          .filter((id) => visible.has(id))
        const ids = listDocuments(viewer, { q }, { limit: 1000 }).items.map((d) => d.id)
        if (q === 'plan') expect(ids.length).toBeGreaterThan(3)
        expect(ids, `${email} ${q}`).toEqual(expected)
        // pages of 3 put together are the whole list
        const paged: string[] = []
        for (let offset = 0; ; offset += 3) {
          const page = listDocuments(viewer, { q }, { limit: 3, offset })
          paged.push(...page.items.map((d) => d.id))
          if (!page.hasMore) break
        }
        expect(paged).toEqual(ids)
      }
    }
  })

  it('narrows to a year by the index rows of that year', () => {
    const viewer = viewerFor(SECRETARIAT)
    const years = rawSqlite()
      .prepare(
        'select distinct substr(document_date, 1, 4) as y from documents where document_date is not null',
      )
      .all()
      .map((r) => Number((r as { y: string }).y))
    expect(years.length).toBeGreaterThan(1)
    for (const year of years) {
      const items = listDocuments(viewer, { q: 'plan', year }, { limit: 1000 }).items
      expect(items.every((d) => d.documentDate?.startsWith(String(year)))).toBe(true)
      const all = listDocuments(viewer, { q: 'plan' }, { limit: 1000 }).items
      expect(items.map((d) => d.id)).toEqual(
        all.filter((d) => d.documentDate?.startsWith(String(year))).map((d) => d.id),
      )
    }
  })
})

describe('migration 0036', () => {
  it('renumbers a library keyed by creation, every index row kept under its document', () => {
    const sqlite = rawSqlite()
    // the library as the previous release keyed it: 1, 2, 3 ... in the order of the table
    sqlite.exec(`
      create temp table back as select search_rowid as cur, row_number() over (order by rowid) as seq from documents;
      update documents set search_rowid = -search_rowid;
      update documents set search_rowid = (select seq from back where cur = -documents.search_rowid);
      insert into documents_fts (rowid, title, description, reference, tags, body)
        select back.seq, f.title, f.description, f.reference, f.tags, f.body from documents_fts f join back on back.cur = f.rowid;
      delete from documents_fts where rowid in (select cur from back);
      drop table back;`)
    const textOf = () =>
      new Map(
        (
          sqlite
            .prepare(
              `select d.id, f.title, f.description, f.reference, f.tags, f.body from documents d
             join documents_fts f on f.rowid = d.search_rowid`,
            )
            .all() as (Omit<Fts, 'rowid'> & { id: string })[]
        ).map(({ id, ...t }) => [id, t]),
      )
    const before = textOf()
    expect(before.size).toBe(docRows().length)
    expect(docRows().some((d) => dayOfRowid(d.search_rowid) !== dayKey(d.document_date))).toBe(true)

    const migration = fs.readFileSync('drizzle/0036_documents_search_rowid_by_date.sql', 'utf8')
    sqlite.transaction(() => {
      for (const statement of migration.split('--> statement-breakpoint')) sqlite.exec(statement)
    })()

    const docs = docRows()
    for (const d of docs) expect(dayOfRowid(d.search_rowid), d.id).toBe(dayKey(d.document_date))
    // within a day, in the order of creation
    const byDay = new Map<number, typeof docs>()
    for (const d of docs)
      byDay.set(dayOfRowid(d.search_rowid), [...(byDay.get(dayOfRowid(d.search_rowid)) ?? []), d])
    for (const same of byDay.values()) {
      const order = [...same].sort((a, b) => a.search_rowid - b.search_rowid)
      expect(order.map((d) => d.created_at)).toEqual(
        [...order.map((d) => d.created_at)].sort((a, b) => a - b),
      )
      expect(order[0].search_rowid % ROWIDS_PER_DAY).toBe(1)
    }
    expect(textOf()).toEqual(before)
    expect(ftsRows()).toHaveLength(docs.length)
    // the index still answers, prefixes included
    expect(listDocuments(viewerFor(SECRETARIAT), { q: 'migr' }).items.length).toBeGreaterThan(0)
    expect(
      sqlite.prepare("select count(*) as n from sqlite_temp_master where name = 'search_rowid_map'").get(),
    ).toEqual({ n: 0 })
  })
})

describe('the search of a word in more than 1,000 documents', () => {
  it('takes the visible count it is given as the sign, and reads title matches then the others, newest first', async () => {
    const viewer = viewerFor(SECRETARIAT)
    const ranked = await searchDocuments(viewer, 'plan', { limit: 100 })
    const many = await searchDocuments(viewer, 'plan', { limit: 100, visibleCount: 1001 })
    expect(many.items.map((d) => d.id).sort()).toEqual(ranked.items.map((d) => d.id).sort())
    const rowid = new Map(docRows().map((d) => [d.id, d.search_rowid]))
    const inTitle = many.items.filter((d) => /plan/i.test(`${d.titleEs} ${d.titleEn} ${d.reference}`))
    const others = many.items.filter((d) => !inTitle.includes(d))
    expect(inTitle.length).toBeGreaterThan(1)
    expect(many.items).toEqual([...inTitle, ...others])
    for (const part of [inTitle, others]) {
      const rowids = part.map((d) => rowid.get(d.id)!)
      expect(rowids).toEqual([...rowids].sort((a, b) => b - a))
    }
    expect(many.items.every((d) => d.snippet.length > 0)).toBe(true)
    // a count of 1,000 or fewer leaves the choice to the index's own count: ranked as before
    expect((await searchDocuments(viewer, 'plan', { limit: 100, visibleCount: 1000 })).items).toEqual(
      ranked.items,
    )
  })
})

describe('snippets', () => {
  const plain = (snippet: string) =>
    snippet
      .split('…')
      .map((part) => part.trim())
      .filter((part) => part.length > 8)

  it('come from each hit’s own document, not from the first match', async () => {
    const viewer = viewerFor(SECRETARIAT)
    const texts = new Map(
      (
        rawSqlite()
          .prepare(
            `select d.id, f.title || ' ' || f.description || ' ' || f.reference || ' ' || f.tags || ' ' || f.body as text
             from documents d join documents_fts f on f.rowid = d.search_rowid`,
          )
          .all() as { id: string; text: string }[]
      ).map((r) => [r.id, r.text.replace(/\s+/g, ' ')]),
    )
    for (const q of ['migrantes', 'plan', 'protección']) {
      for (const visibleCount of [undefined, 1001]) {
        const { items } = await searchDocuments(viewer, q, { limit: 10, visibleCount })
        expect(items.length, q).toBeGreaterThan(2)
        expect(new Set(items.map((i) => i.snippet)).size, q).toBeGreaterThan(1)
        for (const item of items)
          for (const part of plain(item.snippet))
            expect(texts.get(item.id), `${q}: ${item.id}`).toContain(part.replace(/\s+/g, ' '))
      }
    }
  })

  it('of meetings, decisions and actions come from each hit’s own record', async () => {
    const viewer = viewerFor(SECRETARIAT)
    const q = typeQuery({ viewer, q: 'migración', lang: 'es' })!
    for (const type of ['meeting', 'decision', 'action'] as const) {
      const { items } = await searchType(type, q, { limit: 10, offset: 0 })
      expect(items.length, type).toBeGreaterThan(1)
      expect(new Set(items.map((i) => i.snippet)).size, type).toBeGreaterThan(1)
    }
  })
})
