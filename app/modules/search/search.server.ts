/**
 * Full-text search over the document library (FTS5, drizzle/0003_documents_fts.sql). The index folds
 * accents (unicode61, remove_diacritics 2) and so do queries, which pass through the same tokenizer:
 * "trafico" finds "tráfico". User input never reaches FTS5 as syntax: it is cut into words, each quoted
 * (and made a prefix when long enough). Visibility is the same SQL rule as the lists.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { documentFiles, documentVersions, documents, type DocumentKind } from '@db/schema'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'

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

/** Rewrites a document's row in the index: title (both languages), description, reference, tags and
 * the text extracted from the files of its current version. Call inside the write's transaction. */
export function indexDocument(tx: Tx, documentId: string) {
  const doc = tx.select().from(documents).where(eq(documents.id, documentId)).get()
  if (!doc) return
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
export function countDocuments(
  viewer: Viewer | null,
  match: string,
  { year, now = Date.now(), cap }: { year?: number | null; now?: number; cap: number },
): number {
  const row = db.get<{ n: number }>(sql`
    select count(*) as n from (select 1 from documents_fts
      cross join documents on documents.search_rowid = documents_fts.rowid
      where documents_fts match ${match} and ${visibleDocumentsWhere(viewer, now)} and ${documentYearWhere(year)}
      limit ${cap + 1})`)
  return row?.n ?? 0
}

/** Ranked (bm25: title and reference weigh most) results with highlighted snippets; only what the
 * viewer may see. */
export function searchDocuments(
  viewer: Viewer | null,
  q: string | null | undefined,
  { limit = 20, offset = 0, now = Date.now(), year }: SearchOptions = {},
): { items: SearchHit[]; hasMore: boolean } {
  const match = toFtsQuery(q)
  if (!match) return { items: [], hasMore: false }
  const rows = db.all<{
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
  }>(sql`
    select documents.id, documents.reference, documents.title_es, documents.title_en, documents.kind,
      documents.document_date, documents.visibility, organizations.code as org_code,
      groups.slug as group_slug, documents.search_rowid as search_rowid,
      bm25(documents_fts, 10.0, 3.0, 8.0, 5.0, 1.0) as rank
    from documents_fts
    cross join documents on documents.search_rowid = documents_fts.rowid
    join organizations on organizations.id = documents.owner_organization_id
    left join groups on groups.id = documents.group_id
    where documents_fts match ${match} and ${visibleDocumentsWhere(viewer, now)} and ${documentYearWhere(year)}
    order by rank
    limit ${limit + 1} offset ${offset}`)
  // Snippets only for the rows of the page: building one for every match of a common word before the
  // ranking would cost more than the ranking itself.
  const snippetOf = (rowid: number) =>
    db.get<{ snippet: string }>(sql`
      select snippet(documents_fts, -1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet from documents_fts
      where documents_fts match ${match} and rowid = ${rowid}`)?.snippet ?? ''
  const items = rows
    .slice(0, limit)
    .map((r) => ({ ...r, snippet: snippetOf(r.search_rowid) }))
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
