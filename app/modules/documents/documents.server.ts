/**
 * The document library: documents, versions (append-only), files per language, metadata, soft delete.
 * Every write is one synchronous immediate transaction that checks the permission, changes the rows,
 * re-indexes the document for search and records the audit entry. Files are placed on disk before the
 * row is committed (storage.server.ts) and their text is extracted right after (extraction.server.ts).
 */
import { findVisibleMeeting } from '~/modules/meetings/meetings.server'
import { aliasedTable, and, asc, desc, eq, gte, inArray, lt, max, sql, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { inIdOrder } from '@db/pages'
import {
  agendaItems,
  documentDownloads,
  documentFiles,
  documentVersions,
  documents,
  groups,
  organizations,
  people,
  type DocumentKind,
} from '@db/schema'
import { can, embargoActive, type DocumentRef } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import type { Lang } from '~/i18n/core'
import { indexDocument, matchingRowids, toFtsQuery } from '~/modules/search/search.server'
import { extractAndIndex, resumePendingExtractions } from './extraction.server'
import type {
  EditDocumentInput,
  FileLanguage,
  ListQuery,
  NewDocumentInput,
  NewTranslationInput,
  NewVersionInput,
  Sort,
} from './schemas'
import { discardTemp, placeFile, removeIfUnreferenced, sweepOrphans, type TempUpload } from './storage.server'

export type DocumentRow = typeof documents.$inferSelect

/** A refusal the routes turn into a status and a field message. 404 hides what may not be seen. */
export class DocumentError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    readonly messageKey: string,
    readonly field?: string,
  ) {
    super(code)
  }
}

const notFound = () => new DocumentError(404, 'not_found', 'error.404')

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

// ---------------------------------------------------------------------------------------------------
// Reading

/** The document when the viewer may see it (the secretariat also sees deleted ones), else null. */
export function getVisibleDocument(viewer: Viewer | null, id: string, now = Date.now()): DocumentRow | null {
  const row = db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), visibleDocumentsWhere(viewer, now, { includeDeleted: true })))
    .get()
  return row ?? null
}

const KIND_CODES: Record<DocumentKind, string> = {
  declaration: 'DECL',
  decision: 'DEC',
  conclusions_recommendations: 'CR',
  report: 'REP',
  work_plan: 'WP',
  guideline: 'GL',
  concept_note: 'CN',
  minutes: 'MIN',
  presentation: 'PRES',
  study: 'STU',
  other: 'DOC',
}

/** RCM/<year>/<kind>/<nnn>: the next number of that year and kind. Inside the write transaction. */
export function nextReference(tx: Tx, year: number, kind: DocumentKind): string {
  const prefix = `RCM/${year}/${KIND_CODES[kind]}/`
  // '0' sorts right after '/', so the range holds exactly the references with this prefix.
  const upper = prefix.slice(0, -1) + '0'
  const row = tx
    .select({
      n: sql<number | null>`max(cast(substr(${documents.reference}, ${prefix.length + 1}) as integer))`,
    })
    .from(documents)
    .where(and(gte(documents.reference, prefix), lt(documents.reference, upper)))
    .get()
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(3, '0')}`
}

function nextSearchRowid(tx: Tx): number {
  return (
    (tx
      .select({ n: max(documents.searchRowid) })
      .from(documents)
      .get()?.n ?? 0) + 1
  )
}

export function findGroup(slugOrId: string) {
  return (
    db
      .select({ id: groups.id, slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
      .from(groups)
      .where(sql`${groups.slug} = ${slugOrId.toLowerCase()} or ${groups.id} = ${slugOrId}`)
      .get() ?? null
  )
}

/** The group named in a form or API call: 400 when unknown, 403 when the viewer is not in it. */
function resolveGroupFor(viewer: Viewer, slug: string | undefined): string | null {
  if (!slug) return null
  const group = findGroup(slug)
  if (!group) throw new DocumentError(400, 'invalid', 'documents.error.unknownGroup', 'group')
  if (viewer.role !== 'secretariat' && !viewer.groupIds.includes(group.id)) {
    audit({ actor: viewer, action: 'document.upload', outcome: 'refused', details: { group: group.slug } })
    throw new DocumentError(403, 'forbidden', 'documents.error.notInGroup', 'group')
  }
  return group.id
}

function assertMay(
  viewer: Viewer,
  allowed: boolean,
  action: string,
  field: string | undefined,
  details: object,
) {
  if (allowed) return
  audit({ actor: viewer, action, outcome: 'refused', details: { ...details } })
  throw new DocumentError(
    403,
    'forbidden',
    field === 'visibility' ? 'documents.error.visibilityNotAllowed' : 'error.403',
    field,
  )
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Places the file, then commits the rows; if the commit fails, the placed file goes again. */
function commitWithFile<T>(upload: TempUpload, write: (storageKey: string) => T): T {
  const placed = placeFile(upload)
  try {
    return write(placed.storageKey)
  } catch (error) {
    if (placed.created) removeIfUnreferenced(placed.storageKey)
    throw error
  }
}

function fileValues(upload: TempUpload, storageKey: string, viewer: Viewer) {
  return {
    storageKey,
    sha256: upload.sha256,
    size: upload.size,
    mimeType: upload.mimeType,
    filename: upload.filename,
    uploadedById: viewer.id,
    textStatus: 'pending' as const,
  }
}

/** A new document with its first version. The caller has checked nothing yet: this does it all. The
 * temporary file is consumed (placed or deleted). Resolves once the text is extracted and indexed. */
export async function createDocument(
  viewer: Viewer,
  input: NewDocumentInput,
  upload: TempUpload,
): Promise<{ id: string; reference: string }> {
  let created: { id: string; reference: string; fileId: string }
  try {
    const groupId = resolveGroupFor(viewer, input.group)
    // A document can only be attached to a meeting its uploader can see.
    if (input.meeting && !findVisibleMeeting(viewer, input.meeting)) {
      throw new DocumentError(400, 'invalid', 'documents.error.unknownMeeting', 'meeting')
    }
    // An agenda item only with its meeting and of that meeting (the database refuses an item that does
    // not exist; this answers at the field).
    if (input.agendaItem && !(input.meeting && isAgendaItemOf(input.meeting, input.agendaItem))) {
      throw new DocumentError(400, 'invalid', 'documents.error.unknownAgendaItem', 'agendaItem')
    }
    assertMay(
      viewer,
      can(viewer, 'document.upload', { visibility: input.visibility, groupId }),
      'document.upload',
      input.visibility === 'group' ? 'group' : 'visibility',
      { visibility: input.visibility },
    )
    created = commitWithFile(upload, (storageKey) =>
      db.transaction(
        (tx) => {
          const year = input.documentDate
            ? Number(input.documentDate.slice(0, 4))
            : new Date().getUTCFullYear()
          const reference = nextReference(tx, year, input.kind)
          const other = input.titleTranslation || null
          const doc = tx
            .insert(documents)
            .values({
              reference,
              searchRowid: nextSearchRowid(tx),
              titleEs: input.language === 'es' ? input.title : other,
              titleEn: input.language === 'en' ? input.title : other,
              originalLanguage: input.language,
              kind: input.kind,
              description: input.description || null,
              documentDate: input.documentDate ?? null,
              ownerOrganizationId: viewer.organizationId,
              uploadedById: viewer.id,
              visibility: input.visibility,
              groupId,
              embargoUntil: input.embargoUntil ?? null,
              meetingId: input.meeting ?? null,
              agendaItemId: input.agendaItem ?? null,
              tags: input.tags ?? [],
              currentVersion: 1,
            })
            .returning({ id: documents.id })
            .get()
          const version = tx
            .insert(documentVersions)
            .values({ documentId: doc.id, number: 1, note: null, uploadedById: viewer.id })
            .returning({ id: documentVersions.id })
            .get()
          const file = tx
            .insert(documentFiles)
            .values({
              versionId: version.id,
              language: input.language,
              isOriginal: true,
              ...fileValues(upload, storageKey, viewer),
            })
            .returning({ id: documentFiles.id })
            .get()
          indexDocument(tx, doc.id)
          audit(
            {
              actor: viewer,
              action: 'document.create',
              targetType: 'document',
              targetId: doc.id,
              details: { reference, visibility: input.visibility, sha256: upload.sha256, size: upload.size },
            },
            tx,
          )
          return { id: doc.id, reference, fileId: file.id }
        },
        { behavior: 'immediate' },
      ),
    )
  } finally {
    // Placed files have left the temporary folder; whatever is still there was refused.
    discardTemp(upload)
  }
  await extractAndIndex([created.fileId])
  return { id: created.id, reference: created.reference }
}

function isAgendaItemOf(meetingId: string, itemId: string): boolean {
  return !!db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .get()
}

function isUniqueViolation(error: unknown) {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message)
}

/** Loads a document for a write inside the transaction: 404 when not visible, 403 when visible but
 * the action is not allowed. */
function loadForWrite(
  tx: Tx,
  viewer: Viewer,
  id: string,
  action: 'document.addVersion' | 'document.edit' | 'document.delete' | 'document.restore',
): DocumentRow {
  const doc = tx
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), visibleDocumentsWhere(viewer, Date.now(), { includeDeleted: true })))
    .get()
  if (!doc) throw notFound()
  if (!can(viewer, action, documentRef(doc))) throw new DocumentError(403, 'forbidden', 'error.403')
  return doc
}

/** An immediate write transaction; a refusal (403) inside it is recorded in the audit log after the
 * rollback, which would otherwise take the record with it. */
function writeTransaction<T>(viewer: Viewer, action: string, id: string, write: (tx: Tx) => T): T {
  try {
    return db.transaction(write, { behavior: 'immediate' })
  } catch (error) {
    if (error instanceof DocumentError && error.status === 403) {
      audit({ actor: viewer, action, outcome: 'refused', targetType: 'document', targetId: id })
    }
    throw error
  }
}

/** A new version: the next number is taken inside an immediate transaction, and the unique index on
 * (document, number) backs it up, so two racing uploads get 2 and 3 (or one gets 409), never a
 * duplicate. */
export async function addVersion(
  viewer: Viewer,
  documentId: string,
  input: NewVersionInput,
  upload: TempUpload,
): Promise<{ versionId: string; number: number; fileId: string }> {
  let created: { versionId: string; number: number; fileId: string }
  try {
    // Refuse before placing the file when we can already tell.
    const visible = getVisibleDocument(viewer, documentId)
    if (!visible) throw notFound()
    if (!can(viewer, 'document.addVersion', documentRef(visible))) {
      audit({
        actor: viewer,
        action: 'document.addVersion',
        outcome: 'refused',
        targetType: 'document',
        targetId: documentId,
      })
      throw new DocumentError(403, 'forbidden', 'error.403')
    }
    created = commitWithFile(upload, (storageKey) => {
      try {
        return writeTransaction(viewer, 'document.addVersion', documentId, (tx) => {
          const doc = loadForWrite(tx, viewer, documentId, 'document.addVersion')
          const number = doc.currentVersion + 1
          const version = tx
            .insert(documentVersions)
            .values({ documentId: doc.id, number, note: input.note || null, uploadedById: viewer.id })
            .returning({ id: documentVersions.id })
            .get()
          const file = tx
            .insert(documentFiles)
            .values({
              versionId: version.id,
              language: input.language ?? doc.originalLanguage,
              isOriginal: true,
              ...fileValues(upload, storageKey, viewer),
            })
            .returning({ id: documentFiles.id })
            .get()
          tx.update(documents)
            .set({ currentVersion: number, updatedAt: new Date() })
            .where(eq(documents.id, doc.id))
            .run()
          indexDocument(tx, doc.id)
          audit(
            {
              actor: viewer,
              action: 'document.addVersion',
              targetType: 'document',
              targetId: doc.id,
              details: { number, sha256: upload.sha256, size: upload.size },
            },
            tx,
          )
          return { versionId: version.id, number, fileId: file.id }
        })
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DocumentError(409, 'conflict', 'documents.error.versionConflict')
        }
        throw error
      }
    })
  } finally {
    discardTemp(upload)
  }
  await extractAndIndex([created.fileId])
  return created
}

/** The same text in another language, added to an existing version (one file per language). */
export async function addTranslation(
  viewer: Viewer,
  documentId: string,
  input: NewTranslationInput,
  upload: TempUpload,
): Promise<{ fileId: string }> {
  let created: { fileId: string }
  try {
    const visible = getVisibleDocument(viewer, documentId)
    if (!visible) throw notFound()
    if (!can(viewer, 'document.addVersion', documentRef(visible))) {
      audit({
        actor: viewer,
        action: 'document.addTranslation',
        outcome: 'refused',
        targetType: 'document',
        targetId: documentId,
      })
      throw new DocumentError(403, 'forbidden', 'error.403')
    }
    created = commitWithFile(upload, (storageKey) => {
      try {
        return writeTransaction(viewer, 'document.addTranslation', documentId, (tx) => {
          const doc = loadForWrite(tx, viewer, documentId, 'document.addVersion')
          const version = tx
            .select()
            .from(documentVersions)
            .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, input.version)))
            .get()
          if (!version) throw new DocumentError(400, 'invalid', 'documents.error.unknownVersion', 'version')
          const file = tx
            .insert(documentFiles)
            .values({
              versionId: version.id,
              language: input.language,
              isOriginal: false,
              ...fileValues(upload, storageKey, viewer),
            })
            .returning({ id: documentFiles.id })
            .get()
          tx.update(documents).set({ updatedAt: new Date() }).where(eq(documents.id, doc.id)).run()
          indexDocument(tx, doc.id)
          audit(
            {
              actor: viewer,
              action: 'document.addTranslation',
              targetType: 'document',
              targetId: doc.id,
              details: { version: input.version, language: input.language, sha256: upload.sha256 },
            },
            tx,
          )
          return { fileId: file.id }
        })
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DocumentError(409, 'conflict', 'documents.error.translationExists', 'language')
        }
        throw error
      }
    })
  } finally {
    discardTemp(upload)
  }
  await extractAndIndex([created.fileId])
  return created
}

/** Metadata changes. A new visibility or group is checked as if publishing anew. */
export function editDocument(viewer: Viewer, id: string, input: EditDocumentInput) {
  const group = input.group ? findGroup(input.group) : null
  if (input.group && !group) throw new DocumentError(400, 'invalid', 'documents.error.unknownGroup', 'group')
  const groupId = group?.id ?? null
  writeTransaction(viewer, 'document.edit', id, (tx) => {
    const doc = loadForWrite(tx, viewer, id, 'document.edit')
    if (doc.deletedAt) throw new DocumentError(409, 'conflict', 'documents.error.deleted')
    // Keeping the group a document already has is fine; moving it to a group needs belonging to it.
    if (
      groupId &&
      groupId !== doc.groupId &&
      viewer.role !== 'secretariat' &&
      !viewer.groupIds.includes(groupId)
    ) {
      throw new DocumentError(403, 'forbidden', 'documents.error.notInGroup', 'group')
    }
    const target = { visibility: input.visibility, groupId }
    if (
      (doc.visibility !== target.visibility || doc.groupId !== target.groupId) &&
      !can(viewer, 'document.upload', target)
    ) {
      throw new DocumentError(403, 'forbidden', 'documents.error.visibilityNotAllowed', 'visibility')
    }
    const changes = {
      titleEs: input.titleEs || null,
      titleEn: input.titleEn || null,
      kind: input.kind,
      visibility: input.visibility,
      groupId,
      description: input.description || null,
      documentDate: input.documentDate ?? null,
      embargoUntil: input.embargoUntil ?? null,
      tags: input.tags ?? [],
    }
    tx.update(documents)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(documents.id, id))
      .run()
    indexDocument(tx, id)
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(doc[k as keyof DocumentRow]),
    )
    audit(
      {
        actor: viewer,
        action: 'document.edit',
        targetType: 'document',
        targetId: id,
        details: { changed },
      },
      tx,
    )
  })
}

/** Deletion is a recorded state: the row, its versions and files stay; the secretariat can undo it. */
export function deleteDocument(viewer: Viewer, id: string) {
  writeTransaction(viewer, 'document.delete', id, (tx) => {
    const doc = loadForWrite(tx, viewer, id, 'document.delete')
    tx.update(documents)
      .set({ deletedAt: new Date(), deletedById: viewer.id, updatedAt: new Date() })
      .where(eq(documents.id, doc.id))
      .run()
    audit({ actor: viewer, action: 'document.delete', targetType: 'document', targetId: id }, tx)
  })
}

export function restoreDocument(viewer: Viewer, id: string) {
  writeTransaction(viewer, 'document.restore', id, (tx) => {
    const doc = loadForWrite(tx, viewer, id, 'document.restore')
    tx.update(documents)
      .set({ deletedAt: null, deletedById: null, updatedAt: new Date() })
      .where(eq(documents.id, doc.id))
      .run()
    audit({ actor: viewer, action: 'document.restore', targetType: 'document', targetId: id }, tx)
  })
}

// ---------------------------------------------------------------------------------------------------
// Lists

export const PAGE_SIZE = 25

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

/** The query of a page's ids: visibility, the filters (all from allowlists) and the sort, in SQL. Null
 * when the search text has no searchable word. Exported so that tests can read its query plan. */
export function documentPageQuery(
  viewer: Viewer | null,
  query: ListQuery,
  { lang = 'es' as Lang, limit = PAGE_SIZE, offset = 0, now = Date.now() } = {},
) {
  const where: SQL[] = []
  const showDeleted = query.deleted === '1' && viewer?.role === 'secretariat'
  where.push(visibleDocumentsWhere(viewer, now, { includeDeleted: showDeleted }))
  if (showDeleted) where.push(sql`${documents.deletedAt} is not null`)
  if (query.kind) where.push(eq(documents.kind, query.kind))
  if (query.year) {
    where.push(
      gte(documents.documentDate, `${query.year}-01-01`),
      lt(documents.documentDate, `${query.year + 1}-01-01`),
    )
  }
  if (query.meeting) where.push(eq(documents.meetingId, query.meeting))
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
  const ids = pageQuery.all().map((r) => r.id)
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
          meetingId: documents.meetingId,
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
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    reference: r.reference,
    titleEs: r.titleEs,
    titleEn: r.titleEn,
    originalLanguage: r.originalLanguage,
    kind: r.kind,
    documentDate: r.documentDate,
    visibility: r.visibility,
    embargoUntil: r.embargoUntil,
    deletedAt: r.deletedAt,
    currentVersion: r.currentVersion,
    meetingId: r.meetingId,
    createdAt: r.createdAt,
    organization: { code: r.orgCode, nameEs: r.orgNameEs, nameEn: r.orgNameEn },
    group: r.groupSlug ? { slug: r.groupSlug, nameEs: r.groupNameEs!, nameEn: r.groupNameEn! } : null,
    languages: sortLanguages((r.languages ?? '').split(',').filter(Boolean)),
  }))
  return { items, hasMore: rows.length > limit }
}

const LANGUAGE_ORDER = ['es', 'en', 'fr', 'pt']
const sortLanguages = (l: string[]) =>
  [...new Set(l)].sort((a, b) => LANGUAGE_ORDER.indexOf(a) - LANGUAGE_ORDER.indexOf(b))

/** For the dashboard: the newest documents the viewer may see. */
export function recentDocumentsFor(viewer: Viewer | null, limit = 5): ListedDocument[] {
  return listDocuments(viewer, { sort: 'recent' }, { limit }).items
}

/** Values for the filter form: the years that have documents, the groups. */
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

/** What the upload form offers this viewer: the visibilities and the groups they may publish to. */
export function uploadOptions(viewer: Viewer) {
  const groupRows = db
    .select({ id: groups.id, slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
    .from(groups)
    .orderBy(asc(groups.slug))
    .all()
    .filter((g) => viewer.role === 'secretariat' || viewer.groupIds.includes(g.id))
  const visibilities = (['public', 'participants', 'members', 'group', 'secretariat'] as const).filter((v) =>
    v === 'group' ? groupRows.length > 0 : can(viewer, 'document.upload', { visibility: v, groupId: null }),
  )
  return { visibilities, groups: groupRows.map(({ id: _id, ...g }) => g) }
}

// ---------------------------------------------------------------------------------------------------
// One document

export type TranslationState = 'current' | 'outdated' | 'missing'

const uploader = aliasedTable(people, 'uploader')

/** Everything the document page and the API show. People's names only to signed-in viewers. */
export function getDocumentDetails(viewer: Viewer | null, id: string, now = Date.now()) {
  const doc = getVisibleDocument(viewer, id, now)
  if (!doc) return null
  const owner = db
    .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, doc.ownerOrganizationId))
    .get()!
  const group = doc.groupId
    ? (db
        .select({ slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
        .from(groups)
        .where(eq(groups.id, doc.groupId))
        .get() ?? null)
    : null
  const versionRows = db
    .select({
      id: documentVersions.id,
      number: documentVersions.number,
      note: documentVersions.note,
      createdAt: documentVersions.createdAt,
      uploadedBy: uploader.name,
    })
    .from(documentVersions)
    .innerJoin(uploader, eq(uploader.id, documentVersions.uploadedById))
    .where(eq(documentVersions.documentId, doc.id))
    .orderBy(desc(documentVersions.number))
    .all()
  const files = versionRows.length
    ? db
        .select({
          versionId: documentFiles.versionId,
          language: documentFiles.language,
          isOriginal: documentFiles.isOriginal,
          size: documentFiles.size,
          mimeType: documentFiles.mimeType,
          filename: documentFiles.filename,
          sha256: documentFiles.sha256,
          textStatus: documentFiles.textStatus,
          createdAt: documentFiles.createdAt,
        })
        .from(documentFiles)
        .where(
          inArray(
            documentFiles.versionId,
            versionRows.map((v) => v.id),
          ),
        )
        .all()
    : []
  const signedIn = Boolean(viewer)
  const versions = versionRows.map((v) => ({
    number: v.number,
    note: v.note,
    createdAt: v.createdAt,
    uploadedBy: signedIn ? v.uploadedBy : null,
    files: files
      .filter((f) => f.versionId === v.id)
      .map(({ versionId: _v, ...f }) => f)
      .sort(
        (a, b) =>
          Number(b.isOriginal) - Number(a.isOriginal) ||
          LANGUAGE_ORDER.indexOf(a.language) - LANGUAGE_ORDER.indexOf(b.language),
      ),
  }))
  // Per language: the newest version holding it, against the current version.
  const latestByLanguage = new Map<string, number>()
  for (const v of versions)
    for (const f of v.files) if (!latestByLanguage.has(f.language)) latestByLanguage.set(f.language, v.number)
  const languages = sortLanguages(['es', 'en', ...latestByLanguage.keys()])
  const translations = languages.map((language) => {
    const latest = latestByLanguage.get(language) ?? null
    const state: TranslationState =
      latest === null ? 'missing' : latest === doc.currentVersion ? 'current' : 'outdated'
    return { language: language as FileLanguage, state, version: latest }
  })
  const ref = documentRef(doc)
  const downloads =
    viewer && can(viewer, 'document.viewDownloads', ref) && isRestricted(doc, now)
      ? listDownloads(doc.id)
      : null
  const uploaderName = signedIn
    ? (db.select({ name: people.name }).from(people).where(eq(people.id, doc.uploadedById)).get()?.name ??
      null)
    : null
  return {
    doc: {
      id: doc.id,
      reference: doc.reference,
      titleEs: doc.titleEs,
      titleEn: doc.titleEn,
      originalLanguage: doc.originalLanguage,
      kind: doc.kind,
      description: doc.description,
      documentDate: doc.documentDate,
      visibility: doc.visibility,
      embargoUntil: doc.embargoUntil,
      embargoed: embargoActive(doc, now),
      meetingId: doc.meetingId,
      agendaItemId: doc.agendaItemId,
      tags: doc.tags,
      currentVersion: doc.currentVersion,
      deletedAt: doc.deletedAt,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      uploadedBy: uploaderName,
      owner,
      group,
    },
    versions,
    translations,
    downloads,
    permissions: {
      addVersion: can(viewer, 'document.addVersion', ref),
      edit: can(viewer, 'document.edit', ref),
      delete: can(viewer, 'document.delete', ref),
      restore: can(viewer, 'document.restore', ref),
    },
  }
}
export type DocumentDetails = NonNullable<ReturnType<typeof getDocumentDetails>>

function listDownloads(documentId: string) {
  return db
    .select({
      at: documentDownloads.at,
      versionNumber: documentDownloads.versionNumber,
      language: documentDownloads.language,
      name: people.name,
      email: people.email,
      organization: organizations.code,
    })
    .from(documentDownloads)
    .leftJoin(people, eq(people.id, documentDownloads.personId))
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(documentDownloads.documentId, documentId))
    .orderBy(desc(documentDownloads.at))
    .limit(100)
    .all()
}

// ---------------------------------------------------------------------------------------------------
// Downloads

/** The file to send for `?version=N&lang=xx` (defaults: the current version, its original), or null
 * when the document is hidden or the file does not exist. */
export function resolveDownload(
  viewer: Viewer | null,
  id: string,
  { version, lang }: { version?: number | null; lang?: string | null },
  now = Date.now(),
) {
  const doc = getVisibleDocument(viewer, id, now)
  if (!doc) return null
  const number = version ?? doc.currentVersion
  const files = db
    .select({
      language: documentFiles.language,
      isOriginal: documentFiles.isOriginal,
      storageKey: documentFiles.storageKey,
      sha256: documentFiles.sha256,
      size: documentFiles.size,
      mimeType: documentFiles.mimeType,
      filename: documentFiles.filename,
    })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, number)))
    .all()
  const file = lang ? files.find((f) => f.language === lang) : (files.find((f) => f.isOriginal) ?? files[0])
  if (!file) return null
  return { doc, file, versionNumber: number, restricted: isRestricted(doc, now) }
}

/** Records who fetched a restricted document (the page shows it to the secretariat). */
export function recordDownload(
  viewer: Viewer | null,
  d: { doc: DocumentRow; versionNumber: number; file: { language: string } },
  how: 'download' | 'view' = 'download',
) {
  db.transaction(
    (tx) => {
      tx.insert(documentDownloads)
        .values({
          documentId: d.doc.id,
          versionNumber: d.versionNumber,
          language: d.file.language,
          personId: viewer?.id ?? null,
          at: new Date(),
        })
        .run()
      audit(
        {
          actor: viewer,
          action: `document.${how}`,
          targetType: 'document',
          targetId: d.doc.id,
          details: { version: d.versionNumber, language: d.file.language },
        },
        tx,
      )
    },
    { behavior: 'immediate' },
  )
}

/** Housekeeping for the sweep: orphaned and stale temporary files, interrupted text extractions. */
export function sweepDocumentStorage(): Promise<unknown> {
  return Promise.all([sweepOrphans(), resumePendingExtractions()]).catch((e) =>
    console.error('document storage sweep failed', e),
  )
}
