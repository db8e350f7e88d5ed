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
import { visibleActionOriginWhere } from '~/modules/access/origins-visibility.server'
import { localized, ownersOf } from './loading.server'
import { originsOf, RESTRICTED_ORIGIN } from './origins.server'
import { isOverdue, openWhere } from './overdue.server'
import { shortOrgName } from '~/modules/members/org-labels'
import type { OriginView } from './views'

export interface PendingAction {
  id: string
  title: string
  status: 'not_started' | 'in_progress' | 'blocked'
  progress: number
  dueDate: string
  overdue: boolean
  owners: { code: string; name: string; short: string }[]
  /** the earlier meeting and decision, as the viewer may see them (origins.server.ts) */
  origin: OriginView
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
    // an action whose meeting the viewer may not see comes last, in no order that hints at its meeting
    .orderBy(
      sql`case when ${visibleActionOriginWhere(viewer)} then 0 else 1 end`,
      sql`case when ${visibleActionOriginWhere(viewer)} then ${meetings.startsAt} end`,
      sql`case when ${visibleActionOriginWhere(viewer)} then ${decisions.number} end`,
      asc(actionItems.dueDate),
      asc(actionItems.id),
    )
    .all()
  const ids = rows.map((r) => r.id)
  const owners = ownersOf(ids)
  const origins = originsOf(viewer, ids, lang)
  return rows.map((r) => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    status: r.status as PendingAction['status'],
    progress: r.progress,
    dueDate: r.dueDate,
    overdue: isOverdue(r.dueDate, r.status, now),
    owners: (owners.get(r.id) ?? [])
      .filter((o) => o.role === 'owner')
      .map((o) => ({
        code: o.code,
        name: localized(lang, o.nameEs, o.nameEn),
        short: shortOrgName(o, lang),
      })),
    origin: origins.get(r.id) ?? RESTRICTED_ORIGIN,
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
