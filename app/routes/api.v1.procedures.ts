import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, apiLang, methodNotAllowed, parseQuery, requireApiViewer } from '~/modules/api/http.server'
import { ProcedureListQuery } from '~/modules/procedures/api-schemas'
import { listProceduresForApi } from '~/modules/procedures/api.server'

// GET /api/v1/procedures?status=open|closed|adopted|not_adopted|all: the written procedures the caller
// may see, newest first.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const query = parseQuery(request, ProcedureListQuery)
  return apiJson({ items: listProceduresForApi(viewer, query.status, apiLang(viewer)), nextCursor: null })
}

export const action = () => methodNotAllowed('GET')
