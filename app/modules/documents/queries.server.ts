/**
 * Reading the library: one document the viewer may see, the list a page at a time (visibility, filters
 * and sort in SQL), and the options of the filter and upload forms. Nothing here writes.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { inIdOrder } from '@db/pages'
import {
  documentFiles,
  documentVersions,
  documents,
  groups,
  organizations,
  type DocumentKind,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, embargoActive, type DocumentRef } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import { visibleMeetingIdWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { dayRowids } from '~/modules/search/rowid'
import { matchingRowids, toFtsQuery } from '~/modules/search/search.server'
import { readAll } from '~/modules/core/read-pool.server'
import { VISIBILITIES, type Sort } from './constants'
import { ListQuerySchema, type ListQuery } from './schemas'

export type DocumentRow = typeof documents.$inferSelect

export function documentRef(d: DocumentRow): DocumentRef {
  return {
    visibility: d.visibility,
    groupId: d.groupId,
    ownerOrganizationId: d.ownerOrganizationId,
    embargoUntil: d.embargoUntil,
    deletedAt: d.deletedAt,
  }
}

/** Non-public or still embargoed: downloads are recorded and never cached. */
export function isRestricted(d: Pick<DocumentRow, 'visibility' | 'embargoUntil'>, now = Date.now()) {
  return d.visibility !== 'public' || embargoActive(d, now)
}

/** The document when the viewer may see it (the secretariat also sees deleted ones), else null: a hidden
 * document and a missing one look the same. Inside a write, pass its transaction. */
export function getVisibleDocument(
  viewer: Viewer | null,
  id: string,
  now = Date.now(),
  tx: Tx | typeof db = db,
): DocumentRow | null {
  const row = tx
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), visibleDocumentsWhere(viewer, now, { includeDeleted: true })))
    .get()
  return row ?? null
}

/** A working group by its slug (any case) or id, or null. */
export function findGroup(slugOrId: string) {
  return (
    db
      .select({ id: groups.id, slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
      .from(groups)
      .where(sql`${groups.slug} = ${slugOrId.toLowerCase()} or ${groups.id} = ${slugOrId}`)
      .get() ?? null
  )
}

/** Only members of a working group (and the secretariat) publish to it or move a document into it. */
export const mayPublishToGroup = (viewer: Viewer, groupId: string) =>
  can(viewer, 'document.upload', { visibility: 'group', groupId })

// ---------------------------------------------------------------------------------------------------
// Lists

export const PAGE_SIZE = 25

const LANGUAGE_ORDER = ['es', 'en', 'fr', 'pt']
/** Languages in the portal's order: the working languages first. */
export const byLanguage = (a: string, b: string) => LANGUAGE_ORDER.indexOf(a) - LANGUAGE_ORDER.indexOf(b)
export const sortLanguages = (l: string[]) => [...new Set(l)].sort(byLanguage)

const languagesOf = sql<string | null>`(
  select group_concat(distinct f.language) from ${documentFiles} f
  join ${documentVersions} v on v.id = f.version_id
  where v.document_id = ${documents.id})`

function orderFor(sort: Sort | undefined, lang: Lang): SQL[] {
  const title =
    lang === 'es'
      ? sql`coalesce(${documents.titleEs}, ${documents.titleEn})`
      : sql`coalesce(${documents.titleEn}, ${documents.titleEs})`
  switch (sort ?? 'date_desc') {
    case 'date_asc':
      return [sql`${documents.documentDate} is null`, asc(documents.documentDate), asc(documents.createdAt)]
    case 'recent':
      return [desc(documents.createdAt)]
    case 'title':
      return [sql`${title} collate nocase`, asc(documents.reference)]
    case 'reference':
      return [asc(documents.reference)]
    default:
      // SQLite sorts NULL first, so undated documents come last here without an extra sort key.
      return [desc(documents.documentDate), desc(documents.createdAt)]
  }
}

export interface ListedDocument {
  id: string
  reference: string
  titleEs: string | null
  titleEn: string | null
  originalLanguage: string
  kind: DocumentKind
  documentDate: string | null
  visibility: DocumentRow['visibility']
  embargoUntil: Date | null
  deletedAt: Date | null
  currentVersion: number
  meetingId: string | null
  createdAt: Date
  organization: { code: string; nameEs: string; nameEn: string }
  group: { slug: string; nameEs: string; nameEn: string } | null
  languages: string[]
}

/** The list's filters from a query string; anything outside the allowlists is dropped. On the pages
 * `?lang=` switches the interface language, so there the language filter is `?language=`. */
export function readListQuery(
  params: URLSearchParams,
  languageParam: 'lang' | 'language' = 'lang',
): ListQuery {
  const raw = Object.fromEntries(params)
  return ListQuerySchema.parse({ ...raw, lang: raw[languageParam] })
}

/** The query of a page's ids: visibility, the filters (all from allowlists) and the sort, in SQL. Null
 * when the search text has no searchable word. Exported so that tests can read its query plan. */
export function documentPageQuery(
  viewer: Viewer | null,
  query: ListQuery,
  { lang = 'es' as Lang, limit = PAGE_SIZE, offset = 0, now = Date.now() } = {},
) {
  const where: SQL[] = []
  const showDeleted = query.deleted === '1' && can(viewer, 'document.listDeleted')
  where.push(visibleDocumentsWhere(viewer, now, { includeDeleted: showDeleted }))
  if (showDeleted) where.push(sql`${documents.deletedAt} is not null`)
  if (query.kind) where.push(eq(documents.kind, query.kind))
  if (query.year) {
    where.push(
      gte(documents.documentDate, `${query.year}-01-01`),
      lt(documents.documentDate, `${query.year + 1}-01-01`),
    )
  }
  // a meeting the viewer may not see matches nothing (the list never says which documents are its)
  if (query.meeting)
    where.push(eq(documents.meetingId, query.meeting), visibleMeetingIdWhere(viewer, documents.meetingId))
  if (query.group) {
    where.push(
      sql`${documents.groupId} = (select ${groups.id} from ${groups} where ${groups.slug} = ${query.group.toLowerCase()})`,
    )
  }
  if (query.organization) {
    where.push(
      sql`${documents.ownerOrganizationId} = (select ${organizations.id} from ${organizations} where ${organizations.code} = ${query.organization.toUpperCase()})`,
    )
  }
  if (query.lang) {
    where.push(sql`exists (select 1 from ${documentFiles} f join ${documentVersions} v on v.id = f.version_id
      where v.document_id = ${documents.id} and f.language = ${query.lang})`)
  }
  const match = toFtsQuery(query.q)
  if (query.q && !match) return null
  // Newest first with a search text and no narrow filter: the page is read off the index in its rowid
  // order, which is the date order (search/rowid.ts), and the read stops at the page however common the
  // words. A narrow filter (a meeting, group, organization, file language) or another sort: the
  // matching rowids as a set, then the documents' own indexes.
  const narrow = query.meeting || query.group || query.organization || query.lang
  if (match && (query.sort ?? 'date_desc') === 'date_desc' && !narrow) {
    if (query.year) {
      where.push(
        // cast: FTS5 ignores a rowid bound as a REAL, as better-sqlite3 binds every number
        sql`documents_fts.rowid >= cast(${dayRowids(`${query.year}-01-01`)[0]} as integer)`,
        sql`documents_fts.rowid < cast(${dayRowids(`${query.year + 1}-01-01`)[0]} as integer)`,
      )
    }
    return db
      .select({ id: documents.id })
      .from(sql`documents_fts`)
      .crossJoin(documents)
      .where(
        and(sql`documents_fts match ${match}`, sql`${documents.searchRowid} = documents_fts.rowid`, ...where),
      )
      .orderBy(sql`documents_fts.rowid desc`)
      .limit(limit + 1)
      .offset(offset)
  }
  if (match) where.push(matchingRowids(match))
  return db
    .select({ id: documents.id })
    .from(documents)
    .where(and(...where))
    .orderBy(...orderFor(query.sort, lang))
    .limit(limit + 1)
    .offset(offset)
}

/** The viewer's documents with the filters (all from allowlists) and the sort, a page at a time;
 * visibility applied in SQL. */
export function listDocuments(
  viewer: Viewer | null,
  query: ListQuery,
  { lang = 'es' as Lang, limit = PAGE_SIZE, offset = 0, now = Date.now() } = {},
): { items: ListedDocument[]; hasMore: boolean } {
  const pageQuery = documentPageQuery(viewer, query, { lang, limit, offset, now })
  if (!pageQuery) return { items: [], hasMore: false }
  // The page's ids first, sorted with as little read per row as possible; then those rows with their
  // organization, group and languages. In one query SQLite computed the languages of every matching
  // document before sorting (9,000 reports sorted by title for a 25-row page: 19 ms, now about 4).
  return documentsPage(
    viewer,
    pageQuery.all().map((r) => r.id),
    limit,
  )
}

/** The same, with the page's ids read off the main thread (core/read-pool.server.ts): the pages and the
 * API, where a search text makes the ids' query the costly part. */
export async function listDocumentsRead(
  viewer: Viewer | null,
  query: ListQuery,
  { lang = 'es' as Lang, limit = PAGE_SIZE, offset = 0, now = Date.now() } = {},
): Promise<{ items: ListedDocument[]; hasMore: boolean }> {
  const pageQuery = documentPageQuery(viewer, query, { lang, limit, offset, now })
  if (!pageQuery) return { items: [], hasMore: false }
  const ids = (await readAll<{ id: string }>(pageQuery)).map((r) => r.id)
  return documentsPage(viewer, ids, limit)
}

/** The rows of a page's ids, with their organization, group and languages, in the ids' order. */
function documentsPage(viewer: Viewer | null, ids: string[], limit: number) {
  const found = ids.length
    ? db
        .select({
          id: documents.id,
          reference: documents.reference,
          titleEs: documents.titleEs,
          titleEn: documents.titleEn,
          originalLanguage: documents.originalLanguage,
          kind: documents.kind,
          documentDate: documents.documentDate,
          visibility: documents.visibility,
          embargoUntil: documents.embargoUntil,
          deletedAt: documents.deletedAt,
          currentVersion: documents.currentVersion,
          // named only when the viewer may see the meeting
          meetingId: sql<
            string | null
          >`case when ${visibleMeetingIdWhere(viewer, documents.meetingId)} then ${documents.meetingId} end`,
          createdAt: documents.createdAt,
          orgCode: organizations.code,
          orgNameEs: organizations.nameEs,
          orgNameEn: organizations.nameEn,
          groupSlug: groups.slug,
          groupNameEs: groups.nameEs,
          groupNameEn: groups.nameEn,
          languages: languagesOf,
        })
        .from(documents)
        .innerJoin(organizations, eq(organizations.id, documents.ownerOrganizationId))
        .leftJoin(groups, eq(groups.id, documents.groupId))
        .where(inArray(documents.id, ids))
        .all()
    : []
  const rows = inIdOrder(ids, found)
  const items = rows
    .slice(0, limit)
    .map(({ orgCode, orgNameEs, orgNameEn, groupSlug, groupNameEs, groupNameEn, languages, ...r }) => ({
      ...r,
      organization: { code: orgCode, nameEs: orgNameEs, nameEn: orgNameEn },
      group: groupSlug ? { slug: groupSlug, nameEs: groupNameEs!, nameEn: groupNameEn! } : null,
      languages: sortLanguages((languages ?? '').split(',').filter(Boolean)),
    }))
  return { items, hasMore: rows.length > limit }
}

/** For the dashboard: the newest documents the viewer may see. */
export function recentDocumentsFor(viewer: Viewer | null, limit = 5): ListedDocument[] {
  return listDocuments(viewer, { sort: 'recent' }, { limit }).items
}

// ---------------------------------------------------------------------------------------------------
// Options of the forms

/** Values for the filter form: the years that have documents, the groups, the owner organizations. */
export function listFilterOptions() {
  // The span of years from the date index: two scalar subqueries are two index lookups (min and max in
  // one SELECT would scan the index).
  const span = db
    .select({
      first: sql<string | null>`(select min(${documents.documentDate}) from ${documents})`,
      last: sql<string | null>`(select max(${documents.documentDate}) from ${documents})`,
    })
    .from(sql`(select 1)`)
    .get()
  const first = span?.first ? Number(span.first.slice(0, 4)) : null
  const last = span?.last ? Number(span.last.slice(0, 4)) : null
  const years = first && last ? Array.from({ length: last - first + 1 }, (_, i) => last - i) : []
  const groupList = db
    .select({ slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
    .from(groups)
    .orderBy(asc(groups.slug))
    .all()
  const orgs = db
    .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
    .from(organizations)
    // one index probe per organization instead of a scan of the owner index
    .where(
      sql`exists (select 1 from ${documents} where ${documents.ownerOrganizationId} = ${organizations.id})`,
    )
    .orderBy(asc(organizations.sortOrder))
    .all()
  return { years, groups: groupList, organizations: orgs }
}

/** What the upload and edit forms offer this viewer: the visibilities and the groups they may publish
 * to. */
export function uploadOptions(viewer: Viewer) {
  const groupRows = db
    .select({ id: groups.id, slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
    .from(groups)
    .orderBy(asc(groups.slug))
    .all()
    .filter((g) => mayPublishToGroup(viewer, g.id))
  const visibilities = VISIBILITIES.filter((v) =>
    v === 'group' ? groupRows.length > 0 : can(viewer, 'document.upload', { visibility: v, groupId: null }),
  )
  return { visibilities, groups: groupRows.map(({ id: _id, ...g }) => g) }
}
