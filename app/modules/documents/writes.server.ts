/**
 * Changes to the library: a new document with its first file, a new version, a translation, metadata
 * edits, deletion and restoring. Each is one `writeTx` that checks the permission, changes the rows,
 * re-indexes the document for search and records the audit entry; a refusal found inside it is recorded
 * after the rollback. An upload is checked before its file is placed in storage, placed, then committed
 * (a commit that fails takes the placed file away again); its text is extracted right after the commit.
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { agendaItems, documentFiles, documentVersions, documents, type DocumentKind } from '@db/schema'
import { can, type DocumentTarget } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit, type AuditEntry } from '~/modules/audit/audit.server'
import { conflict, DomainError, invalid, notFound, refused } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { findVisibleMeeting } from '~/modules/meetings/meetings.server'
import { indexDocument, nextSearchRowid } from '~/modules/search/search.server'
import { extractAndIndex } from './extraction.server'
import {
  documentRef,
  findGroup,
  getVisibleDocument,
  mayPublishToGroup,
  type DocumentRow,
} from './queries.server'
import type { FileLanguage } from './constants'
import type { EditDocumentInput, NewDocumentInput, NewTranslationInput, NewVersionInput } from './schemas'
import { discardTemp, placeFile, removeIfUnreferenced, type TempUpload } from './storage.server'

// ---------------------------------------------------------------------------------------------------
// References

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

// ---------------------------------------------------------------------------------------------------
// Checks

/** 403 at a form field (the group or the visibility asked for), with the refusal to record once. */
function refusedAt(field: 'group' | 'visibility', messageKey: string, refusal: Omit<AuditEntry, 'outcome'>) {
  return new DomainError(403, messageKey, { field, refusal: { ...refusal, outcome: 'refused' } })
}

/** The group named by a new document: 400 when unknown, 403 when the uploader is not in it. */
function groupToPublishTo(viewer: Viewer, slug: string | undefined): string | null {
  if (!slug) return null
  const group = findGroup(slug)
  if (!group) throw invalid('documents.error.unknownGroup', 'group')
  if (!mayPublishToGroup(viewer, group.id)) {
    throw refusedAt('group', 'documents.error.notInGroup', {
      actor: viewer,
      action: 'document.upload',
      details: { group: group.slug },
    })
  }
  return group.id
}

/** Publishing at a level needs belonging to it (can.ts): 403 at the visibility otherwise. */
function assertMayPublish(viewer: Viewer, target: DocumentTarget) {
  if (can(viewer, 'document.upload', target)) return
  const atGroup = target.visibility === 'group'
  throw refusedAt(
    atGroup ? 'group' : 'visibility',
    atGroup ? 'error.403' : 'documents.error.visibilityNotAllowed',
    {
      actor: viewer,
      action: 'document.upload',
      details: { visibility: target.visibility },
    },
  )
}

/** What a new document belongs to: a meeting its uploader can see, and an agenda item of that meeting.
 * Anything else is refused at its field (400). */
function originOf(viewer: Viewer, input: NewDocumentInput) {
  const meetingId = input.meeting ?? null
  if (meetingId && !findVisibleMeeting(viewer, meetingId)) {
    throw invalid('documents.error.unknownMeeting', 'meeting')
  }
  const agendaItemId = input.agendaItem ?? null
  const item =
    agendaItemId && meetingId
      ? db
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)))
          .get()
      : null
  if (agendaItemId && !item) throw invalid('documents.error.unknownAgendaItem', 'agendaItem')
  return { meetingId, agendaItemId }
}

type MaintainAction = 'document.addVersion' | 'document.edit' | 'document.delete' | 'document.restore'

/** The document to change: 404 when the viewer may not see it, 403 (recorded under `recordAs`) when they
 * see it but may not do this. Before an upload's file is placed, and again inside its transaction. */
function documentToChange(
  viewer: Viewer,
  id: string,
  rule: MaintainAction,
  recordAs: string = rule,
  tx: Tx | typeof db = db,
): DocumentRow {
  const doc = getVisibleDocument(viewer, id, Date.now(), tx)
  if (!doc) throw notFound()
  if (!can(viewer, rule, documentRef(doc))) {
    throw refused(viewer, recordAs, undefined, 'error.403', { type: 'document', id })
  }
  return doc
}

/**
 * Before a new version's or translation's body is read: 404 when the document is hidden, 403 when the
 * viewer may not add to it, so that a refused upload is never received, let alone written to disk.
 */
export function assertMayAddFiles(viewer: Viewer, id: string): void {
  documentToChange(viewer, id, 'document.addVersion')
}

/** A write whose unique index refuses a duplicate (a version number taken by a racing upload, a
 * second file in one language): the duplicate becomes the given conflict. */
function refusingDuplicates<T>(write: () => T, duplicate: () => DomainError): T {
  try {
    return write()
  } catch (error) {
    throw error instanceof Error && /UNIQUE constraint failed/.test(error.message) ? duplicate() : error
  }
}

// ---------------------------------------------------------------------------------------------------
// Uploads: a new document, a new version, a translation

/**
 * The order that leaves nothing behind: check (refused before the file is placed when it can already be
 * told), place the file, run the write that commits its row; when that fails, the placed file goes again
 * (unless it was already stored for another row). The temporary file is consumed either way. Resolves
 * once the text is extracted and indexed, so that a search a moment later finds it.
 */
async function commitUpload<C, T extends { fileId: string }>(
  upload: TempUpload,
  check: () => C,
  write: (checked: C, storageKey: string) => T,
): Promise<T> {
  let written: T
  try {
    const checked = check()
    const placed = placeFile(upload)
    try {
      written = write(checked, placed.storageKey)
    } catch (error) {
      if (placed.created) removeIfUnreferenced(placed.storageKey)
      throw error
    }
  } finally {
    // Placed files have left the temporary folder; whatever is still there was refused.
    discardTemp(upload)
  }
  await extractAndIndex([written.fileId])
  return written
}

/** The audit entry of a change to a document, in its transaction. */
function recordChange(
  tx: Tx,
  viewer: Viewer,
  action: string,
  documentId: string,
  details?: Record<string, unknown>,
) {
  audit({ actor: viewer, action, targetType: 'document', targetId: documentId, details }, tx)
}

/** The row of an uploaded file in a version; its text is extracted after the commit. (Also used by the
 * publication of plans, plans/publish.server.ts.) */
export function insertFile(
  tx: Tx,
  viewer: Viewer,
  { versionId, language, isOriginal }: { versionId: string; language: FileLanguage; isOriginal: boolean },
  upload: TempUpload,
  storageKey: string,
): string {
  return tx
    .insert(documentFiles)
    .values({
      versionId,
      language,
      isOriginal,
      storageKey,
      sha256: upload.sha256,
      size: upload.size,
      mimeType: upload.mimeType,
      filename: upload.filename,
      uploadedById: viewer.id,
      textStatus: 'pending',
    })
    .returning({ id: documentFiles.id })
    .get().id
}

export function insertVersion(
  tx: Tx,
  viewer: Viewer,
  documentId: string,
  number: number,
  note: string | null,
) {
  return tx
    .insert(documentVersions)
    .values({ documentId, number, note, uploadedById: viewer.id })
    .returning({ id: documentVersions.id })
    .get().id
}

/** A new document with its first version. Checks everything itself; the temporary file is consumed. */
export async function createDocument(
  viewer: Viewer,
  input: NewDocumentInput,
  upload: TempUpload,
): Promise<{ id: string; reference: string }> {
  const created = await commitUpload(
    upload,
    () => {
      const groupId = groupToPublishTo(viewer, input.group)
      const origin = originOf(viewer, input)
      assertMayPublish(viewer, { visibility: input.visibility, groupId })
      return { groupId, ...origin }
    },
    ({ groupId, meetingId, agendaItemId }, storageKey) =>
      writeTx((tx) => {
        const year = input.documentDate ? Number(input.documentDate.slice(0, 4)) : new Date().getUTCFullYear()
        const reference = nextReference(tx, year, input.kind)
        const other = input.titleTranslation || null
        const { id } = tx
          .insert(documents)
          .values({
            reference,
            searchRowid: nextSearchRowid(tx, input.documentDate),
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
            meetingId,
            agendaItemId,
            tags: input.tags ?? [],
            currentVersion: 1,
          })
          .returning({ id: documents.id })
          .get()
        const versionId = insertVersion(tx, viewer, id, 1, null)
        const fileId = insertFile(
          tx,
          viewer,
          { versionId, language: input.language, isOriginal: true },
          upload,
          storageKey,
        )
        indexDocument(tx, id)
        const { sha256, size } = upload
        notify(tx, { kind: 'document_new', recordType: 'document', recordId: id, actorId: viewer.id })
        recordChange(tx, viewer, 'document.create', id, {
          reference,
          visibility: input.visibility,
          sha256,
          size,
        })
        return { id, reference, fileId }
      }),
  )
  return { id: created.id, reference: created.reference }
}

/** A new version: the next number is taken inside an immediate transaction, and the unique index on
 * (document, number) backs it up, so two racing uploads get 2 and 3 (or one gets 409), never a
 * duplicate. */
export function addVersion(
  viewer: Viewer,
  documentId: string,
  input: NewVersionInput,
  upload: TempUpload,
): Promise<{ versionId: string; number: number; fileId: string }> {
  const write = (storageKey: string) =>
    writeTx((tx) => {
      const doc = documentToChange(viewer, documentId, 'document.addVersion', undefined, tx)
      const number = doc.currentVersion + 1
      const versionId = insertVersion(tx, viewer, doc.id, number, input.note || null)
      const language = input.language ?? doc.originalLanguage
      const fileId = insertFile(tx, viewer, { versionId, language, isOriginal: true }, upload, storageKey)
      tx.update(documents)
        .set({ currentVersion: number, updatedAt: new Date() })
        .where(eq(documents.id, doc.id))
        .run()
      indexDocument(tx, doc.id)
      notify(tx, { kind: 'document_version', recordType: 'document', recordId: doc.id, actorId: viewer.id })
      recordChange(tx, viewer, 'document.addVersion', doc.id, {
        number,
        sha256: upload.sha256,
        size: upload.size,
      })
      return { versionId, number, fileId }
    })
  return commitUpload(
    upload,
    () => documentToChange(viewer, documentId, 'document.addVersion'),
    (_, storageKey) =>
      refusingDuplicates(
        () => write(storageKey),
        () => conflict('documents.error.versionConflict'),
      ),
  )
}

/** The same text in another language, added to an existing version: one file per language, so a second
 * one is a conflict at the language. Who may add versions may add translations. */
export function addTranslation(
  viewer: Viewer,
  documentId: string,
  input: NewTranslationInput,
  upload: TempUpload,
): Promise<{ fileId: string }> {
  const change = (tx?: Tx) =>
    documentToChange(viewer, documentId, 'document.addVersion', 'document.addTranslation', tx)
  const write = (storageKey: string) =>
    writeTx((tx) => {
      const doc = change(tx)
      const version = tx
        .select({ id: documentVersions.id })
        .from(documentVersions)
        .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, input.version)))
        .get()
      if (!version) throw invalid('documents.error.unknownVersion', 'version')
      const { language } = input
      const fileId = insertFile(
        tx,
        viewer,
        { versionId: version.id, language, isOriginal: false },
        upload,
        storageKey,
      )
      tx.update(documents).set({ updatedAt: new Date() }).where(eq(documents.id, doc.id)).run()
      indexDocument(tx, doc.id)
      notify(tx, {
        kind: 'document_translation',
        recordType: 'document',
        recordId: doc.id,
        actorId: viewer.id,
        params: { language },
      })
      recordChange(tx, viewer, 'document.addTranslation', doc.id, {
        version: input.version,
        language,
        sha256: upload.sha256,
      })
      return { fileId }
    })
  return commitUpload(
    upload,
    () => change(),
    (_, storageKey) =>
      refusingDuplicates(
        () => write(storageKey),
        () => conflict('documents.error.translationExists', { field: 'language' }),
      ),
  )
}

// ---------------------------------------------------------------------------------------------------
// Metadata, deletion, restoring

/** Metadata changes. A new visibility or group is checked as if publishing anew; keeping the group a
 * document already has is fine, moving it into a group needs belonging to that group. */
export function editDocument(viewer: Viewer, id: string, input: EditDocumentInput) {
  const group = input.group ? findGroup(input.group) : null
  if (input.group && !group) throw invalid('documents.error.unknownGroup', 'group')
  const groupId = group?.id ?? null
  writeTx((tx) => {
    const doc = documentToChange(viewer, id, 'document.edit', undefined, tx)
    if (doc.deletedAt) throw conflict('documents.error.deleted')
    // Based on details someone has changed since: refused, the form keeps what was typed and the page
    // shows the details as they are now (last write never silently wins).
    if (input.revision !== doc.revision) {
      throw conflict('documents.error.stale', { current: { revision: doc.revision } })
    }
    const refusal = { actor: viewer, action: 'document.edit', targetType: 'document', targetId: id }
    if (groupId && groupId !== doc.groupId && !mayPublishToGroup(viewer, groupId)) {
      throw refusedAt('group', 'documents.error.notInGroup', refusal)
    }
    const target = { visibility: input.visibility, groupId }
    if (
      (doc.visibility !== target.visibility || doc.groupId !== target.groupId) &&
      !can(viewer, 'document.upload', target)
    ) {
      throw refusedAt('visibility', 'documents.error.visibilityNotAllowed', refusal)
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
      .set({ ...changes, revision: doc.revision + 1, updatedAt: new Date() })
      .where(eq(documents.id, id))
      .run()
    indexDocument(tx, id)
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(doc[k as keyof DocumentRow]),
    )
    recordChange(tx, viewer, 'document.edit', id, { changed })
  })
}

/** Deletion and its undoing are recorded states: the row, its versions and files stay. */
function setDeleted(viewer: Viewer, id: string, action: 'document.delete' | 'document.restore') {
  writeTx((tx) => {
    const doc = documentToChange(viewer, id, action, undefined, tx)
    const deleting = action === 'document.delete'
    tx.update(documents)
      .set({
        deletedAt: deleting ? new Date() : null,
        deletedById: deleting ? viewer.id : null,
        revision: doc.revision + 1,
        updatedAt: new Date(),
      })
      .where(eq(documents.id, doc.id))
      .run()
    recordChange(tx, viewer, action, id)
  })
}

export const deleteDocument = (viewer: Viewer, id: string) => setDeleted(viewer, id, 'document.delete')
/** Only the secretariat undoes a deletion (can.ts). */
export const restoreDocument = (viewer: Viewer, id: string) => setDeleted(viewer, id, 'document.restore')
