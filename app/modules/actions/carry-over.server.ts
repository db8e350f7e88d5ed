/**
 * Carry-over: when a meeting is planned, every OPEN action that originates from an earlier meeting of the
 * same body is listed for review, and the secretariat can put a "Review of pending actions" item on the
 * agenda (through the meetings module's own agenda service). "The same body" is the same kind of meeting
 * (Vice-Ministerial, RCGM...) held earlier; for a meeting organized by a working group, only that group's
 * earlier meetings.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, agendaItems, decisions, meetings } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { assertAllowed, notFound } from '~/modules/core/domain-error.server'
import { addAgendaItem } from '~/modules/meetings/agenda.server'
import { findVisibleMeeting, meetingHeader, type VisibleMeeting } from '~/modules/meetings/meetings.server'
import { localized, ownersOf } from './loading.server'
import { isOverdue, openWhere } from './overdue.server'

export interface PendingAction {
  id: string
  title: string
  status: 'not_started' | 'in_progress' | 'blocked'
  progress: number
  dueDate: string
  overdue: boolean
  owners: { code: string; name: string }[]
  decisionCode: string | null
  meeting: { id: string; title: string; startsAt: Date; timeZone: string }
}

/** The open actions carried into this meeting, oldest meeting first; null when the meeting is hidden. */
export function pendingActionsForMeeting(
  viewer: Viewer,
  meetingId: string,
  { lang = 'es' as Lang, now = new Date() } = {},
): PendingAction[] | null {
  const meeting = findVisibleMeeting(viewer, meetingId)
  if (!meeting) return null
  return pendingFor(viewer, meeting, lang, now)
}

function pendingFor(viewer: Viewer, { row }: VisibleMeeting, lang: Lang, now: Date): PendingAction[] {
  const rows = db
    .select({
      id: actionItems.id,
      titleEs: actionItems.titleEs,
      titleEn: actionItems.titleEn,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
      decisionCode: decisions.code,
      meetingId: meetings.id,
      meetingEs: meetings.titleEs,
      meetingEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .leftJoin(decisions, eq(decisions.id, actionItems.decisionId))
    .where(
      and(
        visibleActionsWhere(viewer),
        openWhere(),
        eq(meetings.kind, row.kind),
        lt(meetings.startsAt, row.startsAt),
        row.groupId ? eq(meetings.groupId, row.groupId) : undefined,
        sql`${meetings.status} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(decisions.number), asc(actionItems.dueDate), asc(actionItems.id))
    .all()
  const owners = ownersOf(rows.map((r) => r.id))
  return rows.map((r) => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    status: r.status as PendingAction['status'],
    progress: r.progress,
    dueDate: r.dueDate,
    overdue: isOverdue(r.dueDate, r.status, now),
    owners: (owners.get(r.id) ?? [])
      .filter((o) => o.role === 'owner')
      .map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) })),
    decisionCode: r.decisionCode,
    meeting: {
      id: r.meetingId,
      title: localized(lang, r.meetingEs, r.meetingEn),
      startsAt: r.startsAt,
      timeZone: r.timeZone,
    },
  }))
}

export const REVIEW_ITEM = {
  titleEs: 'Revisión de las acciones pendientes',
  titleEn: 'Review of pending actions',
  presenter: 'Secretaría Ejecutiva / Executive Secretariat',
  durationMinutes: 30,
}

/** The page of /meetings/:id/pending-actions: the meeting, its carry-over list, and whether the review
 * item is on the agenda or may be added. */
export function pendingActionsPage(viewer: Viewer, meetingId: string, lang: Lang, now = new Date()) {
  const meeting = findVisibleMeeting(viewer, meetingId)
  if (!meeting) return null
  const reviewItem = findReviewItem(meeting.row.id)
  const ahead = meeting.row.status === 'planned' || meeting.row.status === 'confirmed'
  return {
    header: meetingHeader(meeting.row, lang),
    items: pendingFor(viewer, meeting, lang, now),
    reviewItemId: reviewItem?.id ?? null,
    canAddReview: ahead && !reviewItem && can(viewer, 'meeting.manageAgenda', meeting.ref),
  }
}

function findReviewItem(meetingId: string) {
  return db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.titleEn, REVIEW_ITEM.titleEn)))
    .get()
}

/** Adds the "Review of pending actions" item at the end of the agenda (once: a second call returns the
 * existing item). Refused: a meeting the viewer may not see (404), or whose agenda they may not change
 * (403); the meetings module's agenda service adds the item with its audit entry. */
export function addPendingActionsReview(viewer: Viewer, meetingId: string): { id: string; created: boolean } {
  const meeting = findVisibleMeeting(viewer, meetingId)
  if (!meeting) throw notFound()
  const existing = findReviewItem(meeting.row.id)
  if (existing) return { id: existing.id, created: false }
  assertAllowed(viewer, 'meeting.manageAgenda', meeting.ref)
  const { id } = addAgendaItem(viewer, meeting.row.id, REVIEW_ITEM)
  return { id, created: true }
}
