/**
 * What the meeting routes share: the signed-in viewer, their language and the meeting they may see
 * (404 otherwise, whoever asks), and turning a MeetingError into the page's answer.
 */
import { data } from '@remix-run/node'
import type { Submission } from '@conform-to/react'
import type { Viewer } from '~/modules/access/viewer'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { Lang } from '~/i18n/core'
import { findVisibleMeeting, MeetingError, type VisibleMeeting } from './meetings.server'

export const NO_STORE = { 'Cache-Control': 'private, no-store' }

/** Every meeting page's first step; each child route calls it itself (layouts do not protect). */
export function meetingPageContext(
  request: Request,
  id: string | undefined,
): { viewer: Viewer; lang: Lang; meeting: VisibleMeeting } {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const meeting = findVisibleMeeting(viewer, id ?? '')
  if (!meeting) throw new Response(null, { status: 404, headers: NO_STORE })
  return { viewer, lang, meeting }
}

/** The answer of a form action to a MeetingError: the page again with the field or form message and
 * what was typed (400, 403, 409); the error page for 404. Anything else is rethrown. */
export function failure<T extends string>(error: unknown, submission: Submission<unknown> | null, intent: T) {
  if (!(error instanceof MeetingError)) throw error
  if (error.status === 404) throw new Response(null, { status: 404, headers: NO_STORE })
  const result = submission
    ? submission.reply(
        error.field
          ? { fieldErrors: { [error.field]: [error.messageKey] } }
          : { formErrors: [error.messageKey] },
      )
    : {
        status: 'error' as const,
        error: error.field ? { [error.field]: [error.messageKey] } : { '': [error.messageKey] },
      }
  return data({ intent, result }, { status: error.status, headers: NO_STORE })
}
