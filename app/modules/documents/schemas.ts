// Form and API schemas of the document library. Client-safe: shared by the forms (conform), the
// progress-bar uploader and the server. Error messages are message keys (app/i18n). Unknown fields are
// stripped (zod's default), never applied.
import { z } from 'zod'

import { zonedToUtc } from '~/modules/meetings/time'
import { DOCUMENT_KINDS, FILE_LANGUAGES, ORIGINAL_LANGUAGES, SORTS, VISIBILITIES } from './constants'

export * from './constants'

const required = { message: 'validation.required' }
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()

/** `2099-01-01T00:00:00Z`, `2099-01-01T00:00` (read as UTC) or `2099-01-01`. */
export const dateTimeField = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'documents.error.dateTime',
  )
  .transform((s, ctx) => {
    const withZone = /T.*(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : s.includes('T') ? `${s}Z` : `${s}T00:00:00Z`
    const d = new Date(withZone)
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'documents.error.dateTime' })
      return z.NEVER
    }
    return d
  })

/** A page form's `datetime-local` value (`2026-03-01T09:00`, seconds allowed), meant in the person's
 * time zone, as the field's label says; a value with its own offset (`…Z`) keeps it. The API reads
 * naive times as UTC (`dateTimeField`, CONTRACT.md). */
export const zonedDateTimeField = (timeZone: string) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00(\.0{1,3})?)?$/.test(s) ? s.slice(0, 16) : null
      const d = local
        ? zonedToUtc(local, timeZone)
        : /(Z|[+-]\d{2}:\d{2})$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)
          ? new Date(s)
          : null
      if (!d || Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'documents.error.dateTime' })
        return z.NEVER
      }
      return d
    })

export const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'documents.error.date')
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()), 'documents.error.date')

/** Comma-separated tags: trimmed, kept in the case they were typed ("OIM", "Darién"), unique whatever
 * their case (the first spelling stays), at most 20 of 40 characters. */
export const tagsField = z
  .string()
  .max(1000, 'validation.tooLong')
  .transform((s) => uniqueTags(s.split(',').map((t) => t.trim().replace(/\s+/g, ' '))))
  .pipe(z.array(z.string().max(40, 'documents.error.tagTooLong')).max(20, 'documents.error.tooManyTags'))

/** Tags without empties and without repeats that differ only in case (matching ignores case). */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((t) => {
    const key = t.toLocaleLowerCase('es')
    if (!t || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const slugField = z
  .string()
  .trim()
  .max(100, 'validation.tooLong')
  .regex(/^[a-z0-9-]+$/i, 'validation.invalid')
const idField = z
  .string()
  .trim()
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid')

/** The metadata of a new document (the upload form and POST /api/v1/documents; the file travels
 * beside it). */
export const NewDocumentFields = z.object({
  title: z.string(required).trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  /** the title in the other working language, when known */
  titleTranslation: optionalText(300),
  kind: z.enum(DOCUMENT_KINDS, required),
  language: z.enum(ORIGINAL_LANGUAGES, required),
  visibility: z.enum(VISIBILITIES, required),
  /** slug (or id) of the working group; required when visibility is `group` */
  group: slugField.optional(),
  meeting: idField.optional(),
  agendaItem: idField.optional(),
  description: optionalText(4000),
  documentDate: dateField.optional(),
  embargoUntil: dateTimeField.optional(),
  tags: tagsField.optional(),
})
const groupWhenGroupVisibility = (v: { visibility: string; group?: string }, ctx: z.RefinementCtx) => {
  if (v.visibility === 'group' && !v.group) {
    ctx.addIssue({ code: 'custom', path: ['group'], message: 'documents.error.groupRequired' })
  }
}
export const NewDocumentSchema = NewDocumentFields.superRefine(groupWhenGroupVisibility)
export type NewDocumentInput = z.infer<typeof NewDocumentSchema>
/** The upload page's form: the embargo is meant in the uploader's time zone. */
export const newDocumentFormSchema = (timeZone: string) =>
  NewDocumentFields.extend({ embargoUntil: zonedDateTimeField(timeZone).optional() }).superRefine(
    groupWhenGroupVisibility,
  )

/** A new version (form and POST /api/v1/documents/:id/versions). */
export const NewVersionSchema = z.object({
  note: optionalText(2000),
  /** the language of the new original (a working language, as a new document's); the document's
   * original language when omitted */
  language: z.enum(ORIGINAL_LANGUAGES).optional(),
})
export type NewVersionInput = z.infer<typeof NewVersionSchema>

/** A translation added to an existing version. */
export const NewTranslationSchema = z.object({
  language: z.enum(FILE_LANGUAGES, required),
  version: z.coerce.number(required).int('validation.invalid').min(1, 'validation.invalid'),
})
export type NewTranslationInput = z.infer<typeof NewTranslationSchema>

/** Metadata changes (the document page; the embargo in the editor's time zone). Visibility changes are
 * checked like a new publication. */
export const editDocumentSchema = (timeZone: string) =>
  z
    .object({
      /** the revision of the details the form was filled from */
      revision: z.coerce.number().int().min(1).optional(),
      titleEs: optionalText(300),
      titleEn: optionalText(300),
      kind: z.enum(DOCUMENT_KINDS, required),
      visibility: z.enum(VISIBILITIES, required),
      group: slugField.optional(),
      description: optionalText(4000),
      documentDate: dateField.optional(),
      embargoUntil: zonedDateTimeField(timeZone).optional(),
      tags: tagsField.optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.titleEs && !v.titleEn) {
        ctx.addIssue({ code: 'custom', path: ['titleEs'], message: 'documents.error.titleRequired' })
      }
      groupWhenGroupVisibility(v, ctx)
    })
export type EditDocumentInput = z.infer<ReturnType<typeof editDocumentSchema>>

/** Filters of /documents and GET /api/v1/documents; anything outside the allowlists is dropped. */
export const ListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(DOCUMENT_KINDS).optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  meeting: idField.optional().catch(undefined),
  group: slugField.optional().catch(undefined),
  organization: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/)
    .optional()
    .catch(undefined),
  lang: z.enum(FILE_LANGUAGES).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  deleted: z.enum(['1']).optional().catch(undefined),
})
export type ListQuery = z.infer<typeof ListQuerySchema>

/** Form values as a plain object, empty strings as missing (as conform does for the pages). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const name of names) {
    const v = form.get(name)
    out[name] = typeof v === 'string' && v.trim() !== '' ? v : undefined
  }
  return out
}
