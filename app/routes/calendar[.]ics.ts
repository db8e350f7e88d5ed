import type { LoaderFunctionArgs } from '@remix-run/node'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { calendarResponse, originFor, publicCalendar } from '~/modules/meetings/calendar.server'

// The public calendar: meetings open to all participants (never the members-only ones), no login.
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = resolveLang(request, getViewer(request))
  return calendarResponse(publicCalendar(originFor(), lang), {
    filename: 'rcm-meetings.ics',
    isPublic: true,
  })
}
