import type { LoaderFunctionArgs } from '@remix-run/node'
import {
  apiFailure,
  apiJson,
  apiLang,
  methodNotAllowed,
  parseQuery,
  requireApiViewer,
} from '~/modules/api/http.server'
import { NotificationsQuery } from '~/modules/notifications/api-schemas'
import { listNotificationsForApi } from '~/modules/notifications/api.server'

// GET /api/v1/notifications?kind=&unread=1&cursor=: the caller's own notifications, newest first, 50 a
// page ({items, nextCursor, unread}).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const query = parseQuery(request, NotificationsQuery)
  try {
    return apiJson(listNotificationsForApi(viewer, query))
  } catch (error) {
    if (error instanceof Response) throw error
    return apiFailure(error, apiLang(viewer))
  }
}

export const action = () => methodNotAllowed('GET')
