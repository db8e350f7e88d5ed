/**
 * Full-text search over the document library (FTS5, drizzle/0003_documents_fts.sql). The index folds
 * accents (unicode61, remove_diacritics 2) and so do queries, which pass through the same tokenizer:
 * "trafico" finds "tráfico". User input never reaches FTS5 as syntax: it is cut into words, each quoted
 * (and made a prefix when long enough). Visibility is the same SQL rule as the lists.
 */
import { and, eq, gte, lt, max, sql, type SQL } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { documentFiles, documentVersions, documents, type DocumentKind } from '@db/schema'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { readAll, runReads, toStatement } from '~/modules/core/read-pool.server'
import { dayOfRowid, dayKey, dayRowids, ROWIDS_PER_DAY } from './rowid'

/** Marks the highlighted words in snippets (private-use characters, removed from indexed text). */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uE000\uE001]/g

/** Safe FTS5 query from what a person typed: words (letters and digits) only, each quoted, AND-ed;
 * words of 3+ characters match as prefixes. Null when there is nothing to search for. */
export function toFtsQuery(input: string | null | undefined): string | null {
  if (!input) return null
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []
  const unique = [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 12)
  if (!unique.length) return null
  return unique.map((w) => (w.length >= 3 ? `"${w}"*` : `"${w}"`)).join(' ')
}

/** Rows of the FTS table whose text matches (for filters combined with other conditions). */
export function matchingRowids(match: string): SQL {
  return sql`${documents.searchRowid} in (select rowid from documents_fts where documents_fts match ${match})`
}

const MAX_BODY = 2_000_000

/** The next free rowid of a document dated `documentDate` (the last of that day's, plus one; see
 * ./rowid.ts). Call inside the write's transaction. */
export function nextSearchRowid(tx: Tx, documentDate: string | null | undefined): number {
  const [first, end] = dayRowids(documentDate)
  const last = tx
    .select({ n: max(documents.searchRowid) })
    .from(documents)
    .where(and(gte(documents.searchRowid, first), lt(documents.searchRowid, end)))
    .get()?.n
  const next = (last ?? first) + 1
  if (next >= end) throw new Error(`more than ${ROWIDS_PER_DAY - 1} documents dated ${documentDate}`)
  return next
}

/** Rewrites a document's row in the index: title (both languages), description, reference, tags and
 * the text extracted from the files of its current version. A document whose date changed moves to a
 * rowid of its new day (the index's order is the date order). Call inside the write's transaction. */
export function indexDocument(tx: Tx, documentId: string) {
  let doc = tx.select().from(documents).where(eq(documents.id, documentId)).get()
  if (!doc) return
  if (dayOfRowid(doc.searchRowid) !== dayKey(doc.documentDate)) {
    tx.run(sql`delete from documents_fts where rowid = ${doc.searchRowid}`)
    const searchRowid = nextSearchRowid(tx, doc.documentDate)
    tx.update(documents).set({ searchRowid }).where(eq(documents.id, doc.id)).run()
    doc = { ...doc, searchRowid }
  }
  const texts = tx
    .select({ text: documentFiles.extractedText })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, doc.currentVersion)))
    .all()
    .map((r) => r.text ?? '')
  const clean = (s: string | null | undefined) => (s ?? '').replace(STRIP, ' ')
  const title = [doc.titleEs, doc.titleEn].filter(Boolean).map(clean).join('\n')
  const body = clean(texts.join('\n')).slice(0, MAX_BODY)
  tx.run(sql`delete from documents_fts where rowid = ${doc.searchRowid}`)
  tx.run(
    sql`insert into documents_fts (rowid, title, description, reference, tags, body) values (${doc.searchRowid}, ${title}, ${clean(doc.description)}, ${doc.reference}, ${doc.tags.map(clean).join(' ')}, ${body})`,
  )
}

export interface SnippetPart {
  text: string
  match: boolean
}

/** Splits a snippet into plain and highlighted parts (rendered as text and <mark>, never as HTML). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let match = false
  for (const piece of snippet.split(/([\uE000\uE001])/)) {
    if (piece === MARK_START) match = true
    else if (piece === MARK_END) match = false
    else if (piece) parts.push({ text: piece, match })
  }
  return parts
}

export interface SearchHit {
  id: string
  reference: string
  titleEs: string | null
  titleEn: string | null
  kind: DocumentKind
  documentDate: string | null
  visibility: string
  organizationCode: string
  groupSlug: string | null
  snippet: string
  parts: SnippetPart[]
  rank: number
}

export interface SearchOptions {
  limit?: number
  offset?: number
  now?: number
  /** only documents of that year (their date, or when they have none, their upload) */
  year?: number | null
  /** how many of the matches the viewer may see, when the caller has read it (countDocumentsQuery):
   * more than RANK_ALL_UP_TO says which phase without counting the index's matches again */
  visibleCount?: number
}

/** The first instant (UTC, ms) of a year and of the next. */
export function yearRange(year: number): [number, number] {
  return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)]
}

function documentYearWhere(year: number | null | undefined): SQL {
  if (!year) return sql`1 = 1`
  const [from, to] = yearRange(year)
  return sql`(${documents.documentDate} like ${`${year}-%`} or (${documents.documentDate} is null and ${documents.createdAt} >= ${from} and ${documents.createdAt} < ${to}))`
}

/** How many documents match (at most `cap` + 1: the page says "more than cap"). */
export function countDocumentsQuery(
  viewer: Viewer | null,
  match: string,
  { year, now = Date.now(), cap }: { year?: number | null; now?: number; cap: number },
): SQL {
  return sql`
    select count(*) as n from (select 1 from documents_fts
      cross join documents on documents.search_rowid = documents_fts.rowid
      where documents_fts match ${match} and ${visibleDocumentsWhere(viewer, now)} and ${documentYearWhere(year)}
      limit ${cap + 1})`
}

/** Up to this many matches are all ranked by bm25. Beyond (a word in most documents), bm25 costs 25-50
 * µs per match over long texts and says little (the word's weight is near zero): the page is taken from
 * a static order instead, as a search engine does for its most common words (docs/decisions/0039). */
export const RANK_ALL_UP_TO = 1000

interface HitRow {
  id: string
  reference: string
  title_es: string | null
  title_en: string | null
  kind: DocumentKind
  document_date: string | null
  visibility: string
  org_code: string
  group_slug: string | null
  search_rowid: number
  rank: number
  /** read with the row when the query stops at the page (no sort), else null: looked up after */
  snippet: string | null
}

const SNIPPET = sql`snippet(documents_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24)`

const hitColumns = (
  rank: SQL,
  snippet: SQL = sql`null`,
) => sql`${snippet} as snippet, documents.id, documents.reference, documents.title_es, documents.title_en,
      documents.kind, documents.document_date, documents.visibility, organizations.code as org_code,
      groups.slug as group_slug, documents.search_rowid as search_rowid, ${rank} as rank
    from documents_fts
    cross join documents on documents.search_rowid = documents_fts.rowid
    join organizations on organizations.id = documents.owner_organization_id
    left join groups on groups.id = documents.group_id`

/**
 * Ranked results with highlighted snippets; only what the viewer may see (visibility in SQL).
 *
 * Two phases, so that a word in nearly every document costs about what a rare one does: a capped count
 * of the index's matches (no join) says which. Up to RANK_ALL_UP_TO matches: all ranked by bm25 (title
 * and reference weigh most). More: matches in the title or reference first, then the others, each newest
 * first: both read in the index's own rowid order and stop at the page, never scoring every match.
 */
export async function searchDocuments(
  viewer: Viewer | null,
  q: string | null | undefined,
  { limit = 20, offset = 0, now = Date.now(), year, visibleCount }: SearchOptions = {},
): Promise<{ items: SearchHit[]; hasMore: boolean }> {
  const match = toFtsQuery(q)
  if (!match) return { items: [], hasMore: false }
  const where = sql`${visibleDocumentsWhere(viewer, now)} and ${documentYearWhere(year)}`
  // more visible matches than that means more matches in the index: no need to count them
  const [matched] =
    visibleCount !== undefined && visibleCount > RANK_ALL_UP_TO
      ? [{ n: visibleCount }]
      : ((await runReads([
          toStatement(
            sql`select count(*) as n from (select 1 from documents_fts where documents_fts match ${match} limit ${RANK_ALL_UP_TO + 1})`,
            'get',
          ),
        ])) as [{ n: number }])
  let rows: HitRow[]
  if (matched.n <= RANK_ALL_UP_TO) {
    rows = await readAll<HitRow>(sql`
      select ${hitColumns(sql`bm25(documents_fts, 10.0, 3.0, 8.0, 5.0, 1.0)`)}
      where documents_fts match ${match} and ${where}
      order by rank
      limit ${limit + 1} offset ${offset}`)
  } else {
    const want = offset + limit + 1
    const newest = (m: string, n: number, tier: number) =>
      toStatement(
        // no sort (the index's rowid order): the snippets are built for the rows returned only
        sql`select ${hitColumns(sql`${tier}`, SNIPPET)} where documents_fts match ${m} and ${where}
          order by documents_fts.rowid desc limit ${n}`,
        'all',
      )
    const [inTitle] = (await runReads([newest(`{title reference} : (${match})`, want, 0)])) as [HitRow[]]
    rows = inTitle
    if (inTitle.length < want) {
      const [any] = (await runReads([newest(match, want + inTitle.length, 1)])) as [HitRow[]]
      const seen = new Set(inTitle.map((r) => r.search_rowid))
      rows = [...inTitle, ...any.filter((r) => !seen.has(r.search_rowid))].slice(0, want)
    }
    rows = rows.slice(offset)
  }
  // Snippets only for the rows of the page (one read, one snapshot), each looked up by its rowid, cast to
  // an integer: better-sqlite3 binds numbers as REALs, and FTS5 drops a REAL `rowid = ?` beside a MATCH
  // (every hit showed the first match's snippet, and each lookup read every match).
  const page = rows.slice(0, limit)
  const missing = page.filter((r) => r.snippet === null)
  const found = (await runReads(
    missing.map((r) =>
      toStatement(
        sql`select ${SNIPPET} as snippet from documents_fts
          where documents_fts match ${match} and rowid = cast(${r.search_rowid} as integer)`,
        'get',
      ),
    ),
  )) as ({ snippet: string } | undefined)[]
  const looked = new Map(missing.map((r, i) => [r.search_rowid, found[i]?.snippet ?? '']))
  const snippets = page.map((r) => ({ snippet: r.snippet ?? looked.get(r.search_rowid) ?? '' }))
  const items = page
    .map((r, i) => ({ ...r, snippet: snippets[i]?.snippet ?? '' }))
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      titleEs: r.title_es,
      titleEn: r.title_en,
      kind: r.kind,
      documentDate: r.document_date,
      visibility: r.visibility,
      organizationCode: r.org_code,
      groupSlug: r.group_slug,
      snippet: r.snippet.replace(/[\uE000\uE001]/g, ''),
      parts: snippetParts(r.snippet),
      rank: r.rank,
    }))
  return { items, hasMore: rows.length > limit }
}
