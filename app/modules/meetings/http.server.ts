/**
 * The first step of every meeting page: the signed-in viewer, their language and the meeting they may see
 * (the 404 page otherwise, whoever asks). Refusals after it go through the core layer: `formFailure` in
 * actions, `pageFailure` in loaders.
 */
import type { Viewer } from '~/modules/access/viewer'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { Lang } from '~/i18n/core'
import { findVisibleMeeting, type VisibleMeeting } from './meetings.server'

/** Each child route calls it itself: a layout's loader runs beside its children's and protects nothing. */
export function meetingPageContext(
  request: Request,
  id: string | undefined,
): { viewer: Viewer; lang: Lang; meeting: VisibleMeeting } {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const meeting = findVisibleMeeting(viewer, id ?? '')
  if (!meeting) throw notFoundResponse()
  return { viewer, lang, meeting }
}
