import type { ActionFunctionArgs } from '@remix-run/node'
import { apiFailure, apiJson, methodNotAllowed } from '~/modules/api/http.server'
import { documentRecord, readDocumentFileUpload } from '~/modules/documents/api.server'
import { getDocumentDetails } from '~/modules/documents/details.server'
import { formValues, NewTranslationSchema } from '~/modules/documents/schemas'
import { addTranslation } from '~/modules/documents/writes.server'

export const loader = () => methodNotAllowed('POST')

// POST /api/v1/documents/:id/versions/:number/files (multipart: file, language): a translation of that
// version. 409 when the version already has a file in that language.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return methodNotAllowed('POST')
  }
  const id = params.id ?? ''
  const upload = await readDocumentFileUpload(request, id, NewTranslationSchema, (f) => ({
    ...formValues(f, ['language']),
    version: params.number,
  }))
  if (upload.failure) return upload.failure
  const { viewer, lang } = upload
  try {
    const { language, version: number } = upload.value
    const created = await addTranslation(viewer, id, upload.value, upload.file)
    const version = documentRecord(getDocumentDetails(viewer, id)!).versions.find((v) => v.number === number)!
    const added = version.files.find((f) => f.language === language)!
    return apiJson({ id: created.fileId, documentId: id, version: version.number, ...added }, 201)
  } catch (error) {
    return apiFailure(error, lang)
  }
}
