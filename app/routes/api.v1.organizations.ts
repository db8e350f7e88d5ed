import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, optionalApiViewer } from '~/modules/api/http.server'
import { OrganizationsQuery } from '~/modules/members/api-schemas'
import { parseQuery } from '~/modules/api/http.server'
import { listOrganizationsForApi } from '~/modules/members/api.server'

// Organizations are public information: anonymous callers are served too (an invalid token still gets 401).
export async function loader({ request }: LoaderFunctionArgs) {
  optionalApiViewer(request)
  const query = parseQuery(request, OrganizationsQuery)
  return apiJson({ items: listOrganizationsForApi(query), nextCursor: null })
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
