import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, notFound, optionalApiViewer } from '~/modules/api/http.server'
import { documentRecord } from '~/modules/documents/api.server'
import { getDocumentDetails } from '~/modules/documents/details.server'

// GET /api/v1/documents/:id: 404 for unknown and hidden alike.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const details = getDocumentDetails(viewer, params.id ?? '')
  if (!details) return notFound()
  return apiJson(documentRecord(details))
}

export const action = () => methodNotAllowed('GET')
