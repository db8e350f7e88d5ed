/**
 * The follow-up report of a meeting, printed for the next Vice-Ministerial Meeting: what was decided
 * (its numbered decisions) and what was done about it (the actions that came out of each decision, their
 * owners, status, progress and latest report). Only what the viewer may see.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
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

/** One answerable state's or organization's actions of the meeting. */
export interface OrgSummary {
  name: string
  total: number
  open: number
  overdue: number
  done: number
  cancelled: number
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
        organization: sql<string>`coalesce(${lang === 'es' ? reportOrg.nameEs : reportOrg.nameEn}, ${reportOrg.nameEs}, ${reportOrg.nameEn}, ${reportOrg.code})`,
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
  // per answerable state or organization (a national institution answers through its state), each
  // action once per state
  const orgs = new Map(
    db
      .select({
        id: organizations.id,
        parentId: organizations.parentId,
        nameEs: organizations.nameEs,
        nameEn: organizations.nameEn,
        sortOrder: organizations.sortOrder,
      })
      .from(organizations)
      .all()
      .map((o) => [o.id, o]),
  )
  const perOrg = new Map<string, OrgSummary & { sortOrder: number }>()
  for (const r of rows) {
    const accountable = new Set(
      (owners.get(r.id) ?? []).filter((o) => o.role === 'owner').map((o) => o.parentId ?? o.organizationId),
    )
    for (const orgId of accountable) {
      const org = orgs.get(orgId)
      if (!org) continue
      const c = perOrg.get(orgId) ?? {
        name: localized(lang, org.nameEs, org.nameEn),
        sortOrder: org.sortOrder,
        total: 0,
        open: 0,
        overdue: 0,
        done: 0,
        cancelled: 0,
      }
      c.total++
      if (r.status === 'done') c.done++
      else if (r.status === 'cancelled') c.cancelled++
      else c.open++
      if (isOverdue(r.dueDate, r.status, now)) c.overdue++
      perOrg.set(orgId, c)
    }
  }
  const byOrganization = [...perOrg.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map(({ sortOrder: _s, ...c }) => c)
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
    byOrganization,
    generatedAt: now,
  }
}
