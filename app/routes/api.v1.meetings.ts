import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, parseQuery, requireApiViewer } from '~/modules/api/http.server'
import { MeetingsQuery } from '~/modules/meetings/api-schemas'
import { listMeetingsForApi } from '~/modules/meetings/api.server'

// GET /api/v1/meetings?kind=&status=&year=&when=&cursor=: only the meetings the caller may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const { cursor, ...filters } = parseQuery(request, MeetingsQuery)
  return apiJson(listMeetingsForApi(viewer, filters, cursor ? Number(cursor) : 0))
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
