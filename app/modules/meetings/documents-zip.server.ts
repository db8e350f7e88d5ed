/**
 * "All documents" of a meeting as one ZIP: the current version of every document of the meeting the
 * viewer may see (the library's own visibility rule, in SQL), every language it has, in one folder per
 * agenda item. Streamed as it is built (nothing held in memory); files that are already compressed
 * (PDF, Office, images) are stored as they are, text is deflated by zlib, which runs on libuv's thread
 * pool, not on the event loop. A meeting the viewer cannot see is the same 404 as a missing one.
 */
import type archiverType from 'archiver'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { and, asc, eq, inArray } from 'drizzle-orm'
import fs from 'node:fs'
import { db } from '@db/client'
import { documentDownloads, documentFiles, documentVersions, documents } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import type { Lang } from '~/i18n/core'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { lazyPackage } from '~/modules/core/lazy-package.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { isRestricted } from '~/modules/documents/queries.server'
import { contentDisposition, storagePath } from '~/modules/documents/storage.server'
import { listAgenda } from './agenda.server'
import { findVisibleMeeting, localized } from './meetings.server'

/** loaded at the first archive, not with the build (core/lazy-package.server.ts) */
const archiver = lazyPackage<typeof archiverType>('archiver')

/** At most this many files in one archive (a meeting has a few dozen). */
export const ZIP_MAX_FILES = 1000

const COMPRESSED = /^(application\/(pdf|zip|vnd\.openxmlformats|vnd\.oasis|msword|vnd\.ms-)|image\/)/

/** A name that is safe as one path segment on every system, at most `max` characters. */
export function safeSegment(name: string, max = 100): string {
  const clean = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return (clean || 'documento').slice(0, max).trim()
}

export interface ZipEntry {
  documentId: string
  /** who fetched it is recorded, as for a download */
  restricted: boolean
  versionNumber: number
  language: string
  name: string
  storageKey: string
  store: boolean
  date: Date
}

/** The entries of the meeting's archive as the viewer may see them, or null for a meeting they cannot
 * see. Folder per agenda item ("03 Title/"), the meeting as a whole in "00 …/". */
export function meetingZipEntries(
  viewer: Viewer,
  meetingId: string,
  lang: Lang,
  now = Date.now(),
): { title: string; entries: ZipEntry[] } | null {
  const meeting = findVisibleMeeting(viewer, meetingId)
  if (!meeting) return null
  const docs = db
    .select({
      id: documents.id,
      reference: documents.reference,
      agendaItemId: documents.agendaItemId,
      currentVersion: documents.currentVersion,
      visibility: documents.visibility,
      embargoUntil: documents.embargoUntil,
    })
    .from(documents)
    .where(and(eq(documents.meetingId, meeting.row.id), visibleDocumentsWhere(viewer, now)))
    .orderBy(asc(documents.reference))
    .limit(ZIP_MAX_FILES)
    .all()
  const agenda = listAgenda(meeting.row.id, lang)
  const folderOf = new Map<string | null, string>()
  folderOf.set(null, safeSegment(translator(lang).t('meetingsRun.zipWhole')))
  for (const item of agenda) {
    const n = item.number
      .split('.')
      .map((p) => p.padStart(2, '0'))
      .join('.')
    folderOf.set(item.id, safeSegment(`${n} ${item.title}`))
  }
  const files = docs.length
    ? db
        .select({
          documentId: documentVersions.documentId,
          number: documentVersions.number,
          language: documentFiles.language,
          storageKey: documentFiles.storageKey,
          filename: documentFiles.filename,
          mimeType: documentFiles.mimeType,
          createdAt: documentFiles.createdAt,
        })
        .from(documentFiles)
        .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
        .where(
          inArray(
            documentVersions.documentId,
            docs.map((d) => d.id),
          ),
        )
        .all()
    : []
  const entries: ZipEntry[] = []
  const taken = new Set<string>()
  for (const d of docs) {
    const folder = folderOf.get(d.agendaItemId) ?? folderOf.get(null)!
    for (const f of files.filter((x) => x.documentId === d.id && x.number === d.currentVersion)) {
      let name = `${folder}/${safeSegment(`${d.reference.replace(/\//g, '-')} ${f.language.toUpperCase()} ${f.filename}`, 150)}`
      for (let i = 2; taken.has(name); i++) name = `${folder}/${i} ${name.slice(folder.length + 1)}`
      taken.add(name)
      entries.push({
        documentId: d.id,
        restricted: isRestricted(d, now),
        versionNumber: d.currentVersion,
        language: f.language,
        name,
        storageKey: f.storageKey,
        store: COMPRESSED.test(f.mimeType),
        date: f.createdAt,
      })
      if (entries.length >= ZIP_MAX_FILES) break
    }
  }
  return { title: localized(lang, meeting.row.titleEs, meeting.row.titleEn), entries }
}

/** The response of /meetings/:id/documents.zip: 404 for a meeting the viewer cannot see. */
export function meetingZipResponse(viewer: Viewer, meetingId: string, lang: Lang): Response {
  const found = meetingZipEntries(viewer, meetingId, lang)
  if (!found) return new Response('Not found', { status: 404, headers: NO_STORE })
  // Opened now, so that a missing file is known before the answer starts (and left out, logged).
  const present = found.entries.filter((e) => {
    try {
      fs.accessSync(storagePath(e.storageKey), fs.constants.R_OK)
      return true
    } catch {
      console.error(`stored file missing: ${e.storageKey} (document ${e.documentId})`)
      return false
    }
  })
  writeTx((tx) => {
    // a restricted document's page shows who fetched it: the archive counts as fetching it
    const at = new Date()
    for (const e of present.filter((x) => x.restricted)) {
      tx.insert(documentDownloads)
        .values({
          documentId: e.documentId,
          versionNumber: e.versionNumber,
          language: e.language,
          personId: viewer.id,
          at,
        })
        .run()
    }
    audit(
      {
        actor: viewer,
        action: 'meeting.documentsZip',
        targetType: 'meeting',
        targetId: meetingId,
        details: { files: present.length, documents: new Set(present.map((e) => e.documentId)).size },
      },
      tx,
    )
  })
  const archive = archiver()('zip', { zlib: { level: 6 } })
  archive.on('warning', (error) => console.error('meeting zip:', error))
  archive.on('error', (error) => {
    console.error('meeting zip:', error)
    archive.destroy(error)
  })
  for (const e of present) {
    archive.append(fs.createReadStream(storagePath(e.storageKey)), {
      name: e.name,
      store: e.store,
      date: e.date,
    })
  }
  void archive.finalize()
  return new Response(createReadableStreamFromReadable(archive), {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': 'application/zip',
      'Content-Disposition': contentDisposition(`${safeSegment(found.title, 120)}.zip`),
      'Content-Security-Policy': 'sandbox',
    },
  })
}
