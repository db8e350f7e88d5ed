import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, requireApiViewer } from '~/modules/api/http.server'
import { getMe } from '~/modules/members/api.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  return apiJson(getMe(viewer))
}

export const action = () => methodNotAllowed('GET')
