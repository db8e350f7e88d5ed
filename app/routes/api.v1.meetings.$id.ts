import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, notFound, requireApiViewer } from '~/modules/api/http.server'
import { getMeetingForApi } from '~/modules/meetings/api.server'

// A members-only meeting answers 404 to an observer, exactly like a meeting that does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const meeting = getMeetingForApi(viewer, params.id ?? '')
  return meeting ? apiJson(meeting) : notFound()
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
