/**
 * One document as its page and the API show it: the record, its versions with their files, the state of
 * each language against the current version, who downloaded it (for the secretariat, when restricted)
 * and what the viewer may do with it. People's names only to signed-in viewers.
 */
import { aliasedTable, and, desc, eq, inArray } from 'drizzle-orm'
import { db } from '@db/client'
import {
  agendaItems,
  documentDownloads,
  documentFiles,
  documentVersions,
  groups,
  meetings,
  organizations,
  people,
} from '@db/schema'
import { can, embargoActive } from '~/modules/access/can'
import { originMeetingsWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import type { FileLanguage } from './constants'
import { byLanguage, documentRef, getVisibleDocument, isRestricted, sortLanguages } from './queries.server'

export type TranslationState = 'current' | 'outdated' | 'missing'

const uploader = aliasedTable(people, 'uploader')

/** Everything the document page and the API show, or null when the viewer may not see the document. */
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
  const origin = originOf(viewer, doc)
  const signedIn = Boolean(viewer)
  const versions = versionsOf(doc.id, signedIn)
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
      // the meeting and agenda item only when the viewer may see the meeting (else only that the
      // origin is restricted: `originRestricted`)
      meetingId: origin.meeting?.id ?? null,
      agendaItemId: origin.agendaItem?.id ?? null,
      meeting: origin.meeting,
      agendaItem: origin.agendaItem,
      originRestricted: origin.restricted,
      tags: doc.tags,
      currentVersion: doc.currentVersion,
      revision: doc.revision,
      deletedAt: doc.deletedAt,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      uploadedBy: uploaderName,
      owner,
      group,
    },
    versions,
    translations: translationStates(versions, doc.currentVersion),
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

/** The document's meeting and agenda item as the viewer may name them (origins-visibility.server.ts):
 * a document can be open to participants while its meeting is for member countries only. */
function originOf(viewer: Viewer | null, doc: { meetingId: string | null; agendaItemId: string | null }) {
  const none = { restricted: false, meeting: null, agendaItem: null }
  if (!doc.meetingId) return none
  const meeting = db
    .select({
      id: meetings.id,
      titleEs: meetings.titleEs,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
    })
    .from(meetings)
    .where(and(eq(meetings.id, doc.meetingId), originMeetingsWhere(viewer)))
    .get()
  if (!meeting) return { ...none, restricted: true }
  const item = doc.agendaItemId
    ? db
        .select({ id: agendaItems.id, titleEs: agendaItems.titleEs, titleEn: agendaItems.titleEn })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, doc.agendaItemId), eq(agendaItems.meetingId, meeting.id)))
        .get()
    : undefined
  return { restricted: false, meeting, agendaItem: item ?? null }
}

/** The versions, newest first, each with its files (the original first, then by language). */
function versionsOf(documentId: string, signedIn: boolean) {
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
    .where(eq(documentVersions.documentId, documentId))
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
          textFailure: documentFiles.textFailure,
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
  return versionRows.map((v) => ({
    number: v.number,
    note: v.note,
    createdAt: v.createdAt,
    uploadedBy: signedIn ? v.uploadedBy : null,
    files: files
      .filter((f) => f.versionId === v.id)
      .map(({ versionId: _v, ...f }) => f)
      .sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal) || byLanguage(a.language, b.language)),
  }))
}

/** Per language (the two working languages always): the newest version holding it, against the
 * current version. */
function translationStates(versions: { number: number; files: { language: string }[] }[], current: number) {
  const latestByLanguage = new Map<string, number>()
  for (const v of versions)
    for (const f of v.files) if (!latestByLanguage.has(f.language)) latestByLanguage.set(f.language, v.number)
  return sortLanguages(['es', 'en', ...latestByLanguage.keys()]).map((language) => {
    const latest = latestByLanguage.get(language) ?? null
    const state: TranslationState = latest === null ? 'missing' : latest === current ? 'current' : 'outdated'
    return { language: language as FileLanguage, state, version: latest }
  })
}

/** The last 100 downloads of a document, newest first. */
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
