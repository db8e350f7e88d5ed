import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, notFound, requireApiViewer } from '~/modules/api/http.server'
import { getActionForApi } from '~/modules/actions/api.server'

// An action from a members-only meeting answers 404 to an observer that neither owns nor supports it,
// exactly like an action that does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const record = getActionForApi(viewer, params.id ?? '')
  return record ? apiJson(record) : notFound()
}

export const action = () => methodNotAllowed('GET')
