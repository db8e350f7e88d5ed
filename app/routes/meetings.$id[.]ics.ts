import type { LoaderFunctionArgs } from '@remix-run/node'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { calendarResponse, meetingCalendar, originFor } from '~/modules/meetings/calendar.server'

// /meetings/:id.ics: as the signed-in viewer may see the meeting; without a login only a meeting open
// to all participants. Hidden and missing meetings are both 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  const id = params.id ?? ''
  const body = meetingCalendar(viewer, id, originFor(), lang)
  if (!body) throw notFoundResponse()
  return calendarResponse(body, { filename: `meeting-${id}.ics`, isPublic: false })
}
