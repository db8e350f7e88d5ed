import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, parseQuery, requireApiViewer } from '~/modules/api/http.server'
import { MeetingsQuery } from '~/modules/meetings/api-schemas'
import { listMeetingsForApi } from '~/modules/meetings/api.server'

// GET /api/v1/meetings?kind=&status=&year=&when=&cursor=: only the meetings the caller may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const { cursor, ...filters } = parseQuery(request, MeetingsQuery)
  return apiJson(listMeetingsForApi(viewer, filters, cursor ? Number(cursor) : 0))
}

export const action = () => methodNotAllowed('GET')
