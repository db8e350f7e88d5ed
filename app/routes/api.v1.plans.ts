import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, requireApiViewer } from '~/modules/api/http.server'
import { listPlansForApi } from '~/modules/plans/api.server'

// The plans of the caller's groups (every plan for the secretariat).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  return apiJson({ items: listPlansForApi(viewer), nextCursor: null })
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
