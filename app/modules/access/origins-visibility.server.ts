/**
 * Whether the viewer may see where a record comes from (its origin: a meeting and its agenda item or
 * decision, a working group, a plan section). A record can be visible while its origin is not: an
 * organization supporting an action from a members-only meeting sees the action, never that meeting.
 * Every place that names an origin (the action page, lists, board, carry-over, exports, API, the
 * document page) asks these conditions, in SQL, so that a hidden origin's title, date or text never
 * leaves the database; when hidden, the page says only that the origin is restricted.
 *
 * - meeting, agenda item, decision: the meeting's rule (can('meeting.view'), `visibleMeetingsWhere`);
 * - working group: groups are seen by every signed-in person (can('group.view'));
 * - plan section: can('plan.view'): the secretariat and the members (any role) of the plan's group.
 * - a decision adopted by written procedure (no meeting): the procedure's rule (can('procedure.view'),
 *   `visibleProceduresWhere`).
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { actionItems, decisions, meetings, planSections, plans, writtenProcedures } from '@db/schema'
import { can, groupRoleOf, isMemberSide } from './can'
import { publicMeetingsWhere, visibleMeetingsWhere } from './meetings-visibility.server'
import type { Viewer } from './viewer'

/** Meetings the viewer may name as an origin (a condition on `meetings`): can('meeting.view'), and for
 * the signed-out readers of a public document the meetings of the public calendar. */
export function originMeetingsWhere(viewer: Viewer | null): SQL {
  return viewer ? visibleMeetingsWhere(viewer) : publicMeetingsWhere()
}

/** The meeting given by an id column (null: no meeting) is one the viewer may name. */
export function visibleMeetingIdWhere(viewer: Viewer | null, meetingId: SQL | AnyColumn): SQL {
  return sql`(${meetingId} is null or ${meetingId} in (select ${meetings.id} from ${meetings} where ${originMeetingsWhere(viewer)}))`
}

/** Written procedures the viewer may see (a condition on `written_procedures`), as can('procedure.view'):
 * the member side (the secretariat, member states and their institutions) every one, observers and
 * organizations those open to participants, the public none. */
export function visibleProceduresWhere(viewer: Viewer | null): SQL {
  if (!viewer) return sql`0 = 1`
  if (isMemberSide(viewer)) return sql`1 = 1`
  return sql`${writtenProcedures.visibility} = 'participants'`
}

/** The decision given by an id column (null: none) is one the viewer may name: a meeting's decision
 * follows its meeting (asked with the action's meeting), a written procedure's its procedure. */
export function visibleDecisionProcedureWhere(viewer: Viewer | null, decisionId: SQL | AnyColumn): SQL {
  if (viewer && isMemberSide(viewer)) return sql`1 = 1`
  return sql`(${decisionId} is null or not exists (select 1 from ${decisions} where ${decisions.id} = ${decisionId} and ${decisions.procedureId} is not null and ${decisions.procedureId} not in (select ${writtenProcedures.id} from ${writtenProcedures} where ${visibleProceduresWhere(viewer)})))`
}

/** The plan section given by an id column (null: none) is one the viewer may see: can('plan.view'),
 * the secretariat and the members of the plan's group. */
export function visiblePlanSectionWhere(viewer: Viewer | null, sectionId: SQL | AnyColumn): SQL {
  if (!viewer) return sql`${sectionId} is null`
  if (viewer.role === 'secretariat') return sql`1 = 1`
  if (!viewer.groupIds.length) return sql`${sectionId} is null`
  return sql`(${sectionId} is null or exists (select 1 from ${planSections} inner join ${plans} on ${plans.id} = ${planSections.planId} where ${planSections.id} = ${sectionId} and ${plans.groupId} in (${sql.join(
    viewer.groupIds.map((id) => sql`${id}`),
    sql`, `,
  )})))`
}

/** Plans the viewer may see (a condition on `plans`), as listPlans and can('plan.view') decide: the
 * secretariat every plan, others the plans of the groups they hold a role in, the public none. */
export function visiblePlansWhere(viewer: Viewer | null): SQL {
  if (!viewer) return sql`0 = 1`
  if (can(viewer, 'plan.listAll')) return sql`1 = 1`
  const ids = viewer.groupIds.filter((id) => groupRoleOf(viewer, id) !== null)
  if (!ids.length) return sql`0 = 1`
  return sql`${plans.groupId} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`
}

/** The action item's origin is one the viewer may see (a condition on `action_items`). */
export function visibleActionOriginWhere(viewer: Viewer | null): SQL {
  if (!viewer) return sql`0 = 1`
  return sql`(${visibleMeetingIdWhere(viewer, actionItems.meetingId)} and ${visiblePlanSectionWhere(
    viewer,
    actionItems.planSectionId,
  )} and ${visibleDecisionProcedureWhere(viewer, actionItems.decisionId)})`
}
