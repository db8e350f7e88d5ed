import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import {
  calendarResponse,
  originFor,
  personalCalendar,
  viewerForFeedToken,
} from '~/modules/meetings/calendar.server'

// A personal feed: the token in the URL is read-only, separate from sessions and revocable on
// /meetings. What the feed shows is decided by the owner's rights now, not when the link was made.
export async function loader({ params }: LoaderFunctionArgs) {
  const viewer = viewerForFeedToken(params.token ?? '')
  if (!viewer) throw notFoundResponse()
  return calendarResponse(personalCalendar(viewer, originFor(), viewer.language), {
    filename: 'rcm-my-meetings.ics',
    isPublic: false,
  })
}
