/**
 * The library's page forms, read and checked on the server: a multipart body has its file streamed to
 * the temporary folder, the text fields are parsed with the form's schema (here, so that no schema
 * travels to the browser). The answer is the checked form, or the form's reply to a refusal: 400 with
 * the messages at their fields, 413 or 415 at the file, what the person typed kept.
 */
import type { Viewer } from '~/modules/access/viewer'
import type { Submission } from '@conform-to/react'
import type { z } from 'zod'
import { formFailure, NO_STORE } from '~/modules/core/form-reply.server'
import { invalidForm, parseWithZod } from '~/modules/core/forms.server'
import { zoneOfViewer } from '~/modules/plans/round-time'
import { editDocumentSchema, newDocumentFormSchema, NewTranslationSchema, NewVersionSchema } from './schemas'
import { discardTemp, isMultipart, parseUpload, UploadError, type TempUpload } from './storage.server'

type Intent = string | null

type Reply<I extends Intent> = ReturnType<typeof invalidForm<I>>

/** A form that passed its schema, with the submission to answer a later refusal with. */
export interface CheckedForm<I extends Intent, V> {
  failure: null
  intent: I
  submission: Submission<unknown>
  value: V
}
export type FormRead<I extends Intent, V, Extra = unknown> =
  | (CheckedForm<I, V> & Extra)
  | { failure: Reply<I> }

function check<I extends Intent, S extends z.ZodType>(
  fields: FormData,
  intent: I,
  schema: S,
): FormRead<I, z.output<S>> {
  const submission = parseWithZod(fields, { schema })
  if (submission.status !== 'success') return { failure: invalidForm(submission, intent) }
  return { failure: null, intent, submission, value: submission.value as z.output<S> }
}

/** The file of a checked form: a missing one is refused at its field. */
function withFile<I extends Intent, V>(
  read: FormRead<I, V>,
  file: TempUpload | null,
): FormRead<I, V, { file: TempUpload }> {
  if (read.failure || !file) {
    discardTemp(file)
    if (read.failure) return read
    return { failure: invalidForm(read.submission, read.intent, { file: ['documents.error.fileRequired'] }) }
  }
  return { ...read, file }
}

/** Reads a multipart body; a refused upload is the reply of the form its fields name (`formOf`), with
 * the text read before the refusal kept. */
async function readMultipart<I extends Intent>(
  request: Request,
  viewer: Viewer,
  formOf: (fields: FormData) => { intent: I; schema: z.ZodType },
): Promise<{ fields: FormData; file: TempUpload | null } | { failure: ReturnType<typeof formFailure<I>> }> {
  try {
    return await parseUpload(request, viewer)
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    const { intent, schema } = formOf(error.fields)
    return { failure: formFailure(error, parseWithZod(error.fields, { schema }), intent) }
  }
}

/** The upload page's form: the metadata of a new document and its file. */
export async function readNewDocumentForm(request: Request, viewer: Viewer) {
  const schema = newDocumentFormSchema(zoneOfViewer(viewer))
  const read = await readMultipart(request, viewer, () => ({ intent: null, schema }))
  if ('failure' in read) return read
  return withFile(check(read.fields, null, schema), read.file)
}

const uploadFormOf = (fields: FormData) =>
  fields.get('intent') === 'translation'
    ? { intent: 'translation' as const, schema: NewTranslationSchema }
    : { intent: 'version' as const, schema: NewVersionSchema }

const nothingToCheck = <I extends string>(intent: I) =>
  ({ failure: null, intent, submission: null, value: null }) as const

/** One of the document page's forms, by its intent: a new version or a translation (multipart, with a
 * file), the details (`edit`), `delete` or `restore` (nothing to check). Any other intent is a 400. */
export async function readDocumentPageForm(request: Request, viewer: Viewer) {
  if (isMultipart(request)) {
    const read = await readMultipart(request, viewer, uploadFormOf)
    if ('failure' in read) return read
    const intent = read.fields.get('intent')
    if (intent === 'translation') {
      return withFile(check(read.fields, 'translation', NewTranslationSchema), read.file)
    }
    const version = withFile(check(read.fields, 'version', NewVersionSchema), read.file)
    if (intent === 'version' || version.failure) return version
    discardTemp(version.file)
    return { failure: invalidForm(version.submission, 'version') }
  }
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'edit') return check(form, 'edit', editDocumentSchema(zoneOfViewer(viewer)))
  if (intent === 'delete') return nothingToCheck('delete')
  if (intent === 'restore') return nothingToCheck('restore')
  throw new Response(null, { status: 400, headers: NO_STORE })
}
