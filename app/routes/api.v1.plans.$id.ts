import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, notFound, requireApiViewer } from '~/modules/api/http.server'
import { planForApi } from '~/modules/plans/api.server'

// A plan outside the caller's groups answers 404, exactly like a plan that does not exist. The ETag
// changes with any text, status or stage; If-None-Match with it answers 304.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const found = planForApi(viewer, params.id ?? '')
  if (!found) return notFound()
  const headers = { ETag: found.etag }
  if (request.headers.get('If-None-Match') === found.etag)
    return new Response(null, { status: 304, headers: { ...headers, 'Cache-Control': 'private, no-store' } })
  return apiJson(found.record, 200, headers)
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
