import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, optionalApiViewer } from '~/modules/api/http.server'
import { OrganizationsQuery } from '~/modules/members/api-schemas'
import { parseQuery } from '~/modules/api/http.server'
import { listOrganizationsForApi } from '~/modules/members/api.server'

// Organizations are public information: anonymous callers are served too (an invalid token still gets 401).
export async function loader({ request }: LoaderFunctionArgs) {
  optionalApiViewer(request)
  const query = parseQuery(request, OrganizationsQuery)
  return apiJson({ items: listOrganizationsForApi(query), nextCursor: null })
}

export const action = () => methodNotAllowed('GET')
