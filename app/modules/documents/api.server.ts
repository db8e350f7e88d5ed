/**
 * The documents area of /api/v1: JSON shapes of records and list items, cursors, and reading a multipart
 * call (its file and fields) with the API's answers to a refusal, messages in the caller's language.
 */
import type { Viewer } from '~/modules/access/viewer'
import type { z } from 'zod'
import { type Lang } from '~/i18n'
import { hasMessage, translator } from '~/i18n/catalogue.server'
import { apiError, apiFailure, apiLang, requireApiViewer, zodFields } from '~/modules/api/http.server'
import type { DocumentDetails } from './details.server'
import type { ListedDocument } from './queries.server'
import { discardTemp, parseUpload, type TempUpload } from './storage.server'
import { assertMayAddFiles } from './writes.server'

function say(lang: Lang, key: string) {
  return hasMessage(key) ? translator(lang).t(key) : key
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/** The title in the document's original language, else the one there is. */
const titleOf = (d: { originalLanguage: string; titleEs: string | null; titleEn: string | null }) =>
  (d.originalLanguage === 'en' ? d.titleEn : d.titleEs) ?? d.titleEs ?? d.titleEn

export const fileUrl = (id: string, version: number, language: string) =>
  `/documents/${encodeURIComponent(id)}/download?version=${version}&lang=${language}`

/** The record of GET /documents/:id (and of the 201 answer to a creation). */
export function documentRecord(details: DocumentDetails) {
  const { doc } = details
  return {
    id: doc.id,
    reference: doc.reference,
    title: titleOf(doc),
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
        textFailure: f.textStatus === 'pending' ? null : (f.textFailure ?? null),
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
    title: titleOf(d),
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

function validationFields(error: z.ZodError, lang: Lang): Record<string, string[]> {
  return zodFields(error, (issue) => say(lang, issue.message))
}

/**
 * A multipart call of the API: the file received and checked, the text fields (as `values` picks them)
 * parsed with the schema. A refusal is answered here, the temporary file gone: 413 or 415 at the file,
 * 400 with a message per field (a missing file among them).
 */
export async function readApiUpload<S extends z.ZodType>(
  request: Request,
  viewer: Viewer,
  lang: Lang,
  schema: S,
  values: (fields: FormData) => unknown,
): Promise<{ failure: Response } | { failure: null; value: z.output<S>; file: TempUpload }> {
  let upload
  try {
    upload = await parseUpload(request, viewer)
  } catch (error) {
    return { failure: apiFailure(error, lang) }
  }
  const parsed = schema.safeParse(values(upload.fields))
  if (parsed.success && upload.file) return { failure: null, value: parsed.data, file: upload.file }
  discardTemp(upload.file)
  const fields = parsed.success ? {} : validationFields(parsed.error, lang)
  if (!upload.file) fields.file = [say(lang, 'documents.error.fileRequired')]
  return { failure: apiError(400, 'invalid', 'The request is not valid.', fields) }
}

/** A file for an existing document (a new version, a translation): the caller is refused (403, 404)
 * before the body is read unless they may add files to it; then the body is read as `readApiUpload`. */
export async function readDocumentFileUpload<S extends z.ZodType>(
  request: Request,
  documentId: string,
  schema: S,
  values: (fields: FormData) => unknown,
) {
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  try {
    assertMayAddFiles(viewer, documentId)
  } catch (error) {
    return { viewer, lang, failure: apiFailure(error, lang) } as const
  }
  return { viewer, lang, ...(await readApiUpload(request, viewer, lang, schema, values)) }
}
