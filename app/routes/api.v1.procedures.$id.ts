import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, apiLang, methodNotAllowed, notFound, requireApiViewer } from '~/modules/api/http.server'
import { procedureForApi } from '~/modules/procedures/api.server'

// GET /api/v1/procedures/:id: the frozen text, the deadline, the outcome, every state's position (member
// states and the secretariat); 404 when hidden or missing.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const record = procedureForApi(viewer, params.id ?? '', apiLang(viewer))
  return record ? apiJson(record) : notFound()
}

export const action = () => methodNotAllowed('GET')
