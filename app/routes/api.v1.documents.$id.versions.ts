import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, notFound, optionalApiViewer, requireApiViewer } from '~/modules/api/http.server'
import {
  apiErrorFrom,
  apiLang,
  documentRecord,
  invalid,
  validationFields,
} from '~/modules/documents/api.server'
import { addVersion, getDocumentDetails } from '~/modules/documents/documents.server'
import { formValues, NewVersionSchema } from '~/modules/documents/schemas'
import { discardTemp, parseUpload } from '~/modules/documents/storage.server'

// GET /api/v1/documents/:id/versions: the versions with their files.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const details = getDocumentDetails(viewer, params.id ?? '')
  if (!details) return notFound()
  return apiJson({ items: documentRecord(details).versions, nextCursor: null })
}

// POST /api/v1/documents/:id/versions (multipart: file, note?, language?): 201 with the new version.
// 404 when the document is hidden, 403 when it belongs to another organization.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return apiError(405, 'method_not_allowed', 'Use GET or POST.', undefined, { Allow: 'GET, POST' })
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
  const parsed = NewVersionSchema.safeParse(formValues(fields, ['note', 'language']))
  if (!parsed.success || !file) {
    discardTemp(file)
    const errors = parsed.success ? {} : validationFields(parsed.error, lang)
    if (!file) errors.file = [lang === 'es' ? 'Elija un archivo.' : 'Choose a file.']
    return invalid(errors)
  }
  try {
    const created = await addVersion(viewer, id, parsed.data, file)
    const record = documentRecord(getDocumentDetails(viewer, id)!)
    const version = record.versions.find((v) => v.number === created.number)!
    return apiJson({ id: created.versionId, documentId: id, ...version }, 201, {
      Location: `/api/v1/documents/${id}`,
    })
  } catch (error) {
    return apiErrorFrom(error, lang)
  }
}
