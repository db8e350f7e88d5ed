import { z } from 'zod'
import type { EndpointSpec } from '~/modules/api/spec'
import {
  DOCUMENT_KINDS,
  FILE_LANGUAGES,
  ListQuerySchema,
  NewDocumentFields,
  NewTranslationSchema,
  NewVersionSchema,
  VISIBILITIES,
} from './schemas'
import { TEXT_FAILURES } from './constants'

// Response shapes, for the OpenAPI document (the handlers build them in api.server.ts).
const binary = z.string().meta({
  format: 'binary',
  description: 'The file (PDF, DOCX, XLSX, PPTX, ODT, ODS, TXT, CSV, PNG or JPEG).',
})
const Organization = z.object({ code: z.string(), nameEs: z.string(), nameEn: z.string() })
const FileRecord = z.object({
  language: z.enum(FILE_LANGUAGES),
  original: z.boolean(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string().meta({ description: 'SHA-256 of the bytes (hex); checked again on download' }),
  textIndexed: z.boolean(),
  textFailure: z.enum(TEXT_FAILURES).nullable().meta({
    description:
      'Why the text was not extracted (the file stays downloadable, it is not searched by content), or `text_truncated` when only its beginning is searched; null otherwise',
  }),
  url: z.string().meta({ description: 'Download URL (/documents/:id/download?version=N&lang=xx)' }),
})
const VersionRecord = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable().meta({ description: 'Name of the uploader (signed-in callers only)' }),
  files: z.array(FileRecord),
})
const DocumentRecord = z.object({
  id: z.string(),
  reference: z.string().meta({ example: 'RCM/2023/REP/014' }),
  title: z.string().nullable(),
  titleEs: z.string().nullable(),
  titleEn: z.string().nullable(),
  originalLanguage: z.enum(FILE_LANGUAGES),
  kind: z.enum(DOCUMENT_KINDS),
  description: z.string().nullable(),
  documentDate: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
  embargoUntil: z.string().nullable(),
  group: z.string().nullable(),
  meeting: z.string().nullable(),
  agendaItem: z.string().nullable(),
  organization: Organization,
  tags: z.array(z.string()),
  currentVersion: z.number().int(),
  deleted: z.boolean(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  url: z.string(),
  versions: z.array(VersionRecord),
  translations: z.array(
    z.object({
      language: z.enum(FILE_LANGUAGES),
      state: z.enum(['current', 'outdated', 'missing']),
      version: z.number().int().nullable(),
    }),
  ),
})
const ListItem = DocumentRecord.pick({
  id: true,
  reference: true,
  title: true,
  titleEs: true,
  titleEn: true,
  kind: true,
  documentDate: true,
  visibility: true,
  embargoUntil: true,
  group: true,
  meeting: true,
  currentVersion: true,
  url: true,
}).extend({ organization: z.string(), languages: z.array(z.enum(FILE_LANGUAGES)) })
const Cursor = z.object({
  cursor: z.string().optional().meta({ description: 'nextCursor of the previous page' }),
})
const IdParams = z.object({ id: z.string() })
/** What every upload may be refused for, whatever its other fields. */
const FILE_REFUSALS = {
  413: { description: 'The file is larger than MAX_UPLOAD_MB' },
  415: { description: 'The file type is not allowed, or its content does not match its name' },
}

/** The documents area's endpoints of /api/v1 (read by openapi.server.ts). */
export const documentsApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/documents',
    summary:
      'Documents the caller may see (public ones without signing in), newest first, 50 a page. Filters: q (words, accents ignored), kind, meeting, group (slug), lang (a file in that language), year, organization (code), sort.',
    tags: ['documents'],
    auth: 'optional',
    query: ListQuerySchema.omit({ page: true, deleted: true }).extend(Cursor.shape),
    responses: {
      200: {
        description: 'A page of documents',
        schema: z.object({ items: z.array(ListItem), nextCursor: z.string().nullable() }),
      },
    },
  },
  {
    method: 'post',
    path: '/documents',
    summary:
      'Upload a new document (multipart). The file is streamed to disk, limited to MAX_UPLOAD_MB (413), checked by content against the allowed types (415), and its text indexed before the answer. The visibility must be one the caller may publish at (403: observers cannot publish as members; a group only by its members). Unknown fields are ignored.',
    tags: ['documents'],
    body: { contentType: 'multipart/form-data', schema: NewDocumentFields.extend({ file: binary }) },
    responses: {
      201: { description: 'The new document, its id at the top level', schema: DocumentRecord },
      400: {
        description:
          'Invalid fields, with a message per field: among them an unknown group, a meeting the caller cannot see, an agenda item that is not one of the meeting’s',
      },
      403: { description: 'Visibility or group not allowed for the caller' },
      ...FILE_REFUSALS,
    },
  },
  {
    method: 'get',
    path: '/documents/{id}',
    summary:
      'One document with its versions, files (with SHA-256) and the state of each language. 404 when hidden.',
    tags: ['documents'],
    auth: 'optional',
    params: IdParams,
    responses: { 200: { description: 'The document', schema: DocumentRecord } },
  },
  {
    method: 'get',
    path: '/documents/{id}/versions',
    summary: 'The versions of a document, newest first, with their files.',
    tags: ['documents'],
    auth: 'optional',
    params: IdParams,
    responses: {
      200: {
        description: 'The versions',
        schema: z.object({ items: z.array(VersionRecord), nextCursor: z.null() }),
      },
    },
  },
  {
    method: 'post',
    path: '/documents/{id}/versions',
    summary:
      'Upload a new version (multipart: file, note, language). Only people of the owner organization and the secretariat (403 otherwise; 404 when hidden). Racing uploads get consecutive numbers or 409.',
    tags: ['documents'],
    params: IdParams,
    body: { contentType: 'multipart/form-data', schema: NewVersionSchema.extend({ file: binary }) },
    responses: {
      201: {
        description: 'The new version, its id at the top level',
        schema: VersionRecord.extend({ id: z.string(), documentId: z.string() }),
      },
      403: { description: 'The document belongs to another organization' },
      409: { description: 'Another version was uploaded at the same moment' },
      ...FILE_REFUSALS,
    },
  },
  {
    method: 'post',
    path: '/documents/{id}/versions/{number}/files',
    summary: 'Add a translation (another language) to a version (multipart: file, language).',
    tags: ['documents'],
    params: z.object({ id: z.string(), number: z.string().regex(/^\d+$/) }),
    body: {
      contentType: 'multipart/form-data',
      schema: NewTranslationSchema.omit({ version: true }).extend({ file: binary }),
    },
    responses: {
      201: {
        description: 'The added file, its id at the top level',
        schema: FileRecord.extend({ id: z.string(), documentId: z.string(), version: z.number().int() }),
      },
      403: { description: 'The document belongs to another organization' },
      409: { description: 'The version already has a file in that language' },
      ...FILE_REFUSALS,
    },
  },
]
