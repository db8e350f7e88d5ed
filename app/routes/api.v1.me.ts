import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, requireApiViewer } from '~/modules/api/http.server'
import { getMe } from '~/modules/members/api.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  return apiJson(getMe(viewer))
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
