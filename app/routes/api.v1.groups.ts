import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, optionalApiViewer } from '~/modules/api/http.server'
import { listGroupsForApi } from '~/modules/members/api.server'

// Groups are public (names, kinds, organizations taking part); isMember needs a caller.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  return apiJson({ items: listGroupsForApi(viewer), nextCursor: null })
}

export const action = () => methodNotAllowed('GET')
