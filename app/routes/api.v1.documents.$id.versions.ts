import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiFailure, apiJson, methodNotAllowed, notFound, optionalApiViewer } from '~/modules/api/http.server'
import { documentRecord, readDocumentFileUpload } from '~/modules/documents/api.server'
import { getDocumentDetails } from '~/modules/documents/details.server'
import { formValues, NewVersionSchema } from '~/modules/documents/schemas'
import { addVersion } from '~/modules/documents/writes.server'

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
    return methodNotAllowed('GET', 'POST')
  }
  const id = params.id ?? ''
  const upload = await readDocumentFileUpload(request, id, NewVersionSchema, (f) =>
    formValues(f, ['note', 'language']),
  )
  if (upload.failure) return upload.failure
  const { viewer, lang } = upload
  try {
    const created = await addVersion(viewer, id, upload.value, upload.file)
    const record = documentRecord(getDocumentDetails(viewer, id)!)
    const version = record.versions.find((v) => v.number === created.number)!
    return apiJson({ id: created.versionId, documentId: id, ...version }, 201, {
      Location: `/api/v1/documents/${id}`,
    })
  } catch (error) {
    return apiFailure(error, lang)
  }
}
