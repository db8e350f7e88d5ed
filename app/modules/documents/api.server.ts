/**
 * The documents area of /api/v1: JSON shapes of records and list items, cursors, and the mapping of
 * refusals to the API's error format (messages in the caller's language).
 */
import type { z } from 'zod'
import { hasMessage, translator, type Lang } from '~/i18n'
import type { Viewer } from '~/modules/access/viewer'
import { apiError } from '~/modules/api/http.server'
import { DocumentError, type DocumentDetails, type ListedDocument } from './documents.server'
import { UploadError } from './storage.server'

export function apiLang(viewer: Viewer | null): Lang {
  return viewer?.language ?? 'en'
}

function say(lang: Lang, key: string) {
  return hasMessage(key) ? translator(lang).t(key) : key
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export const fileUrl = (id: string, version: number, language: string) =>
  `/documents/${encodeURIComponent(id)}/download?version=${version}&lang=${language}`

/** The record of GET /documents/:id (and of the 201 answer to a creation). */
export function documentRecord(details: DocumentDetails) {
  const { doc } = details
  return {
    id: doc.id,
    reference: doc.reference,
    title: (doc.originalLanguage === 'en' ? doc.titleEn : doc.titleEs) ?? doc.titleEs ?? doc.titleEn,
    titleEs: doc.titleEs,
    titleEn: doc.titleEn,
    originalLanguage: doc.originalLanguage,
    kind: doc.kind,
    description: doc.description,
    documentDate: doc.documentDate,
    visibility: doc.visibility,
    embargoUntil: iso(doc.embargoUntil),
    group: doc.group?.slug ?? null,
    meeting: doc.meetingId,
    agendaItem: doc.agendaItemId,
    organization: doc.owner,
    tags: doc.tags,
    currentVersion: doc.currentVersion,
    deleted: doc.deletedAt !== null,
    uploadedBy: doc.uploadedBy,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    url: `/documents/${doc.id}`,
    versions: details.versions.map((v) => ({
      number: v.number,
      note: v.note,
      createdAt: iso(v.createdAt),
      uploadedBy: v.uploadedBy,
      files: v.files.map((f) => ({
        language: f.language,
        original: f.isOriginal,
        filename: f.filename,
        mimeType: f.mimeType,
        size: f.size,
        sha256: f.sha256,
        textIndexed: f.textStatus === 'done',
        url: fileUrl(doc.id, v.number, f.language),
      })),
    })),
    translations: details.translations,
  }
}

export function listItem(d: ListedDocument) {
  return {
    id: d.id,
    reference: d.reference,
    title: (d.originalLanguage === 'en' ? d.titleEn : d.titleEs) ?? d.titleEs ?? d.titleEn,
    titleEs: d.titleEs,
    titleEn: d.titleEn,
    kind: d.kind,
    documentDate: d.documentDate,
    visibility: d.visibility,
    embargoUntil: iso(d.embargoUntil),
    group: d.group?.slug ?? null,
    meeting: d.meetingId,
    organization: d.organization.code,
    languages: d.languages,
    currentVersion: d.currentVersion,
    url: `/documents/${d.id}`,
  }
}

/** Opaque list cursors (an offset inside). A cursor that does not parse starts from the beginning. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}
export function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return m ? Number(m[1]) : 0
}

export function validationFields(error: z.ZodError, lang: Lang): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    ;(fields[key] ??= []).push(say(lang, issue.message))
  }
  return fields
}

export function invalid(fields: Record<string, string[]>) {
  return apiError(400, 'invalid', 'The request is not valid.', fields)
}

const UPLOAD_CODES: Record<UploadError['code'], string> = {
  empty: 'invalid',
  malformed: 'invalid',
  field_too_long: 'invalid',
  too_large: 'payload_too_large',
  type: 'unsupported_media_type',
}

/** A refused upload or document write, as the API's error. Other errors are rethrown. */
export function apiErrorFrom(error: unknown, lang: Lang): Response {
  if (error instanceof UploadError) {
    const message = say(lang, error.messageKey)
    return apiError(error.status, UPLOAD_CODES[error.code], message, { file: [message] })
  }
  if (error instanceof DocumentError) {
    const message = say(lang, error.messageKey)
    return apiError(error.status, error.code, message, error.field ? { [error.field]: [message] } : undefined)
  }
  throw error
}
