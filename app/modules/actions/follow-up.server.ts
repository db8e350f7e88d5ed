/**
 * The follow-up report of a meeting, printed for the next Vice-Ministerial Meeting: what was decided
 * (its numbered decisions) and what was done about it (the actions that came out of each decision, their
 * owners, status, progress and latest report). Only what the viewer may see.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { actionItems, actionUpdates, organizations } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { listMeetingDecisions } from '~/modules/meetings/decisions.server'
import { findVisibleMeeting, meetingHeader } from '~/modules/meetings/meetings.server'
import { localized, ownersOf } from './loading.server'
import { isOverdue } from './overdue.server'
import type { ActionStatus } from './schemas'

export interface ReportAction {
  id: string
  title: string
  status: ActionStatus
  progress: number
  dueDate: string
  overdue: boolean
  completedAt: Date | null
  owners: string[]
  lastReport: { note: string; at: Date; organization: string } | null
}

const reportOrg = alias(organizations, 'report_org')

export function followUpReport(viewer: Viewer, meetingId: string, lang: Lang, now = new Date()) {
  const meeting = findVisibleMeeting(viewer, meetingId)
  if (!meeting) return null
  const rows = db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.meetingId, meeting.row.id), visibleActionsWhere(viewer)))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all()
  const ids = rows.map((r) => r.id)
  const owners = ownersOf(ids)
  // the newest report of each action (the history is append-only: highest revision first)
  const latest = new Map<string, ReportAction['lastReport']>()
  if (ids.length) {
    for (const u of db
      .select({
        actionId: actionUpdates.actionId,
        note: actionUpdates.note,
        at: actionUpdates.createdAt,
        organization: reportOrg.code,
      })
      .from(actionUpdates)
      .innerJoin(reportOrg, eq(reportOrg.id, actionUpdates.organizationId))
      .where(inArray(actionUpdates.actionId, ids))
      .orderBy(desc(actionUpdates.revision))
      .all()) {
      if (!latest.has(u.actionId))
        latest.set(u.actionId, { note: u.note, at: u.at, organization: u.organization })
    }
  }
  const toReport = (r: (typeof rows)[number]): ReportAction => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    status: r.status,
    progress: r.progress,
    dueDate: r.dueDate,
    overdue: isOverdue(r.dueDate, r.status, now),
    completedAt: r.completedAt,
    owners: (owners.get(r.id) ?? [])
      .filter((o) => o.role === 'owner')
      .map((o) => localized(lang, o.nameEs, o.nameEn)),
    lastReport: latest.get(r.id) ?? null,
  })
  const decisions = listMeetingDecisions(meeting.row.id, lang).map((d) => ({
    id: d.id,
    code: d.code,
    text: d.text,
    actions: rows.filter((r) => r.decisionId === d.id).map(toReport),
  }))
  const other = rows.filter((r) => !r.decisionId).map(toReport)
  const all = rows.map(toReport)
  return {
    header: meetingHeader(meeting.row, lang),
    decisions,
    other,
    summary: {
      total: all.length,
      done: all.filter((a) => a.status === 'done').length,
      open: all.filter((a) => ['not_started', 'in_progress', 'blocked'].includes(a.status)).length,
      overdue: all.filter((a) => a.overdue).length,
      cancelled: all.filter((a) => a.status === 'cancelled').length,
    },
    generatedAt: now,
  }
}
