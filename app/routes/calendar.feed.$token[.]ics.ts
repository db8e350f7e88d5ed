import type { LoaderFunctionArgs } from '@remix-run/node'
import {
  calendarResponse,
  originFor,
  personalCalendar,
  viewerForFeedToken,
} from '~/modules/meetings/calendar.server'
import { NO_STORE } from '~/modules/meetings/http.server'

// A personal feed: the token in the URL is read-only, separate from sessions and revocable on
// /meetings. What the feed shows is decided by the owner's rights now, not when the link was made.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = viewerForFeedToken(params.token ?? '')
  if (!viewer) throw new Response(null, { status: 404, headers: NO_STORE })
  return calendarResponse(personalCalendar(viewer, originFor(request), viewer.language), {
    filename: 'rcm-my-meetings.ics',
    isPublic: false,
  })
}
