import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, notFound, optionalApiViewer } from '~/modules/api/http.server'
import { getOrganizationForApi } from '~/modules/members/api.server'

// Public, but the people in it only for signed-in callers (filtered in the module).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const org = getOrganizationForApi(viewer, params.code ?? '')
  if (!org) return notFound()
  return apiJson(org)
}

export const action = () => methodNotAllowed('GET')
