/**
 * Who may be told of an event, and whether each of them may see its record now: candidates come from
 * the record (its group, its invited organizations, its owners) and from follows; each candidate is then
 * asked the very function the record's page uses (getVisibleDocument, findVisibleMeeting,
 * findVisibleAction, the plan rules), with their account as it is at dispatch time. Nobody is told of
 * something they cannot open.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import type { Tx } from '@db/client'
import {
  actionOwners,
  documents,
  follows,
  groupMemberships,
  meetingInvitations,
  organizations,
  people,
  planSections,
  plans,
  writtenProcedures,
} from '@db/schema'
import type { Lang } from '~/i18n'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { findVisibleAction } from '~/modules/actions/loading.server'
import { reminderRecipients } from '~/modules/actions/reminders.server'
import { getVisibleDocument } from '~/modules/documents/queries.server'
import { findVisibleMeeting } from '~/modules/meetings/meetings.server'
import { visibleRound } from '~/modules/plans/round-loading.server'
import { statesOf, visibleProcedure } from '~/modules/procedures/loading.server'
import type { NotificationRecordType } from './constants'

export interface Titles {
  titleEs: string
  titleEn: string
}

export interface Audience {
  candidates: string[]
  visibleTo: (viewer: Viewer) => boolean
  titles: Titles
  path: string
}

const both = (es: string | null | undefined, en: string | null | undefined): Titles => ({
  titleEs: es || en || '',
  titleEn: en || es || '',
})

function followersOf(tx: Tx, type: 'meeting' | 'group' | 'plan' | 'document', ids: (string | null)[]) {
  const list = ids.filter((x): x is string => !!x)
  if (!list.length) return []
  return tx
    .select({ id: follows.personId })
    .from(follows)
    .where(and(eq(follows.recordType, type), inArray(follows.recordId, list)))
    .all()
    .map((r) => r.id)
}

function groupMembers(tx: Tx, groupId: string | null) {
  if (!groupId) return []
  return tx
    .select({ id: groupMemberships.personId })
    .from(groupMemberships)
    .where(eq(groupMemberships.groupId, groupId))
    .all()
    .map((r) => r.id)
}

function peopleOf(tx: Tx, organizationIds: string[], focalOnly = false) {
  if (!organizationIds.length) return []
  return tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.status, 'active'),
        or(inArray(people.organizationId, organizationIds), inArray(people.institutionId, organizationIds)),
        focalOnly ? eq(people.role, 'focal_point') : undefined,
      ),
    )
    .all()
    .map((r) => r.id)
}

function parentsOf(tx: Tx, organizationIds: string[]) {
  if (!organizationIds.length) return []
  return tx
    .select({ parentId: organizations.parentId })
    .from(organizations)
    .where(inArray(organizations.id, organizationIds))
    .all()
    .flatMap((r) => (r.parentId ? [r.parentId] : []))
}

function documentAudience(tx: Tx, id: string): Audience | null {
  // the row itself only for its group and titles; visibility is asked per person below
  const doc = tx.select().from(documents).where(eq(documents.id, id)).get()
  if (!doc) return null
  return {
    // shared with your group, or followed (the document, its group, its meeting)
    candidates: [
      ...groupMembers(tx, doc.groupId),
      ...followersOf(tx, 'document', [doc.id]),
      ...followersOf(tx, 'group', [doc.groupId]),
      ...followersOf(tx, 'meeting', [doc.meetingId]),
    ],
    visibleTo: (viewer) => {
      const seen = getVisibleDocument(viewer, id, Date.now(), tx)
      return !!seen && !seen.deletedAt
    },
    titles: both(doc.titleEs, doc.titleEn),
    path: `/documents/${doc.id}`,
  }
}

function meetingAudience(tx: Tx, id: string, params: Record<string, unknown>): Audience | null {
  const invited = tx
    .select({ id: meetingInvitations.organizationId })
    .from(meetingInvitations)
    .where(eq(meetingInvitations.meetingId, id))
    .all()
    .map((r) => r.id)
  let titles: Titles | null = null
  const candidates = [...peopleOf(tx, invited), ...followersOf(tx, 'meeting', [id])]
  return {
    candidates,
    visibleTo: (viewer) => {
      const m = findVisibleMeeting(viewer, id, tx)
      if (m && !titles) titles = both(m.row.titleEs, m.row.titleEn)
      return !!m
    },
    get titles() {
      return titles ?? { titleEs: '', titleEn: '' }
    },
    // the minutes' events open the minutes page
    path: params.path === 'minutes' ? `/meetings/${id}/minutes` : `/meetings/${id}`,
  }
}

function actionAudience(tx: Tx, id: string, params: Record<string, unknown>): Audience | null {
  // due soon and overdue: the reminder's people (each owner's focal person, else its focal points)
  if (params.audience === 'reminder') {
    const base = actionAudience(tx, id, {})!
    return Object.defineProperties(
      { ...base, candidates: reminderRecipients(tx, id).map((r) => r.id) },
      { titles: { get: () => base.titles } },
    )
  }
  const owners = tx
    .select({ organizationId: actionOwners.organizationId })
    .from(actionOwners)
    .where(eq(actionOwners.actionId, id))
    .all()
    .map((r) => r.organizationId)
  let titles: Titles | null = null
  return {
    candidates: peopleOf(tx, owners),
    visibleTo: (viewer) => {
      const a = findVisibleAction(viewer, id, tx)
      if (a && !titles) titles = both(a.row.titleEs, a.row.titleEn)
      return !!a
    },
    get titles() {
      return titles ?? { titleEs: '', titleEn: '' }
    },
    path: `/actions/${id}`,
  }
}

/** A plan's events: its group (and the people named in params: a section's lead, a comment's author). */
function planAudience(tx: Tx, id: string, params: Record<string, unknown>): Audience | null {
  const plan = tx.select().from(plans).where(eq(plans.id, id)).get()
  if (!plan) return null
  const named = [params.personId, params.leadDrafterId].filter((x): x is string => typeof x === 'string')
  const sectionTitle =
    typeof params.sectionId === 'string'
      ? tx.select().from(planSections).where(eq(planSections.id, params.sectionId)).get()
      : undefined
  const consulted =
    typeof params.organizationIds === 'string' ? params.organizationIds.split(',').filter(Boolean) : []
  // a round's events: the round page's own rule (its group, or a consulted organization's focal point)
  const roundNumber =
    typeof params.roundNumber === 'number'
      ? params.roundNumber
      : Number(/\/rounds\/(\d+)$/.exec(typeof params.path === 'string' ? params.path : '')?.[1] ?? NaN)
  const isRound = Number.isInteger(roundNumber)
  return {
    candidates: named.length
      ? named
      : [
          ...groupMembers(tx, plan.groupId),
          // the consulted organizations' focal points, and their states' (who submit for a national
          // institution); visibleTo below then asks the round page's own rule
          ...peopleOf(tx, [...consulted, ...parentsOf(tx, consulted)], true),
          ...followersOf(tx, 'plan', [id]),
        ],
    visibleTo: (viewer) =>
      isRound
        ? !!visibleRound(viewer, tx, id, roundNumber, new Date())
        : can(viewer, 'plan.view', { groupId: plan.groupId, stage: plan.stage }),
    titles: sectionTitle
      ? both(
          `${plan.titleEs ?? plan.titleEn} — ${sectionTitle.titleEs ?? sectionTitle.titleEn ?? ''}`,
          `${plan.titleEn ?? plan.titleEs} — ${sectionTitle.titleEn ?? sectionTitle.titleEs ?? ''}`,
        )
      : both(plan.titleEs, plan.titleEn),
    path: typeof params.path === 'string' ? params.path : `/plans/${id}`,
  }
}

/** A written procedure's events: the focal points of the states concerned and the delegates they named
 * (the people its formal notices go to), each if the procedure's page would open for them now. */
function procedureAudience(tx: Tx, id: string): Audience | null {
  const row = tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()
  if (!row) return null
  const states = statesOf(tx, id)
  const delegates = states.flatMap((s) => (s.delegateId ? [s.delegateId] : []))
  return {
    candidates: [
      ...peopleOf(
        tx,
        states.map((s) => s.organizationId),
        true,
      ),
      ...delegates,
    ],
    visibleTo: (viewer) => !!visibleProcedure(viewer, id, new Date(), tx),
    titles: both(row.subjectEs, row.subjectEn),
    path: `/procedures/${id}`,
  }
}

export function audienceOf(
  tx: Tx,
  type: NotificationRecordType,
  id: string,
  params: Record<string, unknown>,
): Audience | null {
  switch (type) {
    case 'document':
      return documentAudience(tx, id)
    case 'meeting':
      return meetingAudience(tx, id, params)
    case 'action':
      return actionAudience(tx, id, params)
    case 'plan':
      return planAudience(tx, id, params)
    case 'procedure':
      return procedureAudience(tx, id)
  }
}

export const titleIn = (t: Titles, lang: Lang) => (lang === 'en' ? t.titleEn : t.titleEs)
