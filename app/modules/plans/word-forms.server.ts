// The forms of Word import and publication, parsed on the server only (zod stays out of the browser).
// The import's file is streamed to the temporary folder with its own, lower limit (MAX_IMPORT_BYTES):
// a larger one is refused with 413 while it arrives, never after.
import { z } from 'zod'
import type { Viewer } from '~/modules/access/viewer'
import { formFailure } from '~/modules/core/form-reply.server'
import { invalidForm, parseWithZod } from '~/modules/core/forms.server'
import { VISIBILITIES } from '~/modules/documents/constants'
import { discardTemp, parseUpload, UploadError, type TempUpload } from '~/modules/documents/storage.server'
import { MAX_IMPORT_BYTES, SECTION_LANGS } from './constants'

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'planWord.error.group')

export const NewPlanImportSchema = z.object({
  group: id,
  title: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(300, 'validation.tooLong'),
  originalLanguage: z.enum(SECTION_LANGS, { error: 'validation.invalid' }),
})

export const PlanImportSchema = z.object({})

/** Known visibilities only (400 otherwise); which of them the person may choose is the service's. */
export const PublishSchema = z.object({
  visibility: z.enum(VISIBILITIES, { error: 'planWord.error.visibility' }),
})

/** What the upload refusals of the documents area become for a plan's Word document. */
const UPLOAD_MESSAGES: Record<number, string> = {
  413: 'planWord.error.tooLarge',
  415: 'planWord.error.notDocx',
}

/** Reads an import form: the checked fields and the received file, or the form's reply to a refusal. */
export async function readImportForm<S extends z.ZodType>(request: Request, viewer: Viewer, schema: S) {
  let parsed: { fields: FormData; file: TempUpload | null }
  try {
    parsed = await parseUpload(request, viewer, 'file', MAX_IMPORT_BYTES)
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    const key = UPLOAD_MESSAGES[error.status]
    const refusal = key ? new UploadError(error.status as 413 | 415, key, { headers: error.headers }) : error
    return { failure: formFailure(refusal, parseWithZod(error.fields, { schema })) }
  }
  const submission = parseWithZod(parsed.fields, { schema })
  if (submission.status !== 'success' || !parsed.file) {
    discardTemp(parsed.file)
    const missing: Record<string, string[]> = parsed.file ? {} : { file: ['documents.error.fileRequired'] }
    return { failure: invalidForm(submission, null, missing) }
  }
  return { failure: null, submission, value: submission.value as z.output<S>, file: parsed.file }
}
