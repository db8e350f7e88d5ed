import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, parseQuery, requireApiViewer } from '~/modules/api/http.server'
import { ActionsQuery } from '~/modules/actions/api-schemas'
import { listActionsForApi } from '~/modules/actions/api.server'

// GET /api/v1/actions?assignee=PA&status=&overdue=1&meeting=&group=&due=&sort=&cursor=: only the
// actions the caller may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const query = parseQuery(request, ActionsQuery)
  return apiJson(await listActionsForApi(viewer, query))
}

export const action = () => methodNotAllowed('GET')
