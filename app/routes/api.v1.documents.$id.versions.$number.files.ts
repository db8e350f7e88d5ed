import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, requireApiViewer } from '~/modules/api/http.server'
import {
  apiErrorFrom,
  apiLang,
  documentRecord,
  invalid,
  validationFields,
} from '~/modules/documents/api.server'
import { addTranslation, getDocumentDetails } from '~/modules/documents/documents.server'
import { formValues, NewTranslationSchema } from '~/modules/documents/schemas'
import { discardTemp, parseUpload } from '~/modules/documents/storage.server'

export const loader = () => apiError(405, 'method_not_allowed', 'Use POST.', undefined, { Allow: 'POST' })

// POST /api/v1/documents/:id/versions/:number/files (multipart: file, language): a translation of that
// version. 409 when the version already has a file in that language.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return apiError(405, 'method_not_allowed', 'Use POST.', undefined, { Allow: 'POST' })
  }
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const id = params.id ?? ''
  let upload
  try {
    upload = await parseUpload(request)
  } catch (error) {
    return apiErrorFrom(error, lang)
  }
  const { fields, file } = upload
  const parsed = NewTranslationSchema.safeParse({
    ...formValues(fields, ['language']),
    version: params.number,
  })
  if (!parsed.success || !file) {
    discardTemp(file)
    const errors = parsed.success ? {} : validationFields(parsed.error, lang)
    if (!file) errors.file = [lang === 'es' ? 'Elija un archivo.' : 'Choose a file.']
    return invalid(errors)
  }
  try {
    const created = await addTranslation(viewer, id, parsed.data, file)
    const record = documentRecord(getDocumentDetails(viewer, id)!)
    const version = record.versions.find((v) => v.number === parsed.data.version)!
    const added = version.files.find((f) => f.language === parsed.data.language)!
    return apiJson({ id: created.fileId, documentId: id, version: version.number, ...added }, 201)
  } catch (error) {
    return apiErrorFrom(error, lang)
  }
}
