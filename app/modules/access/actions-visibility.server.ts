/**
 * The visibility rule of can('action.view') in SQL, so that lists, the board, exports, carry-over lists,
 * reports and the API filter in the database: an action from a members-only meeting never reaches an
 * observer's page unless their organization owns or supports it. tests/actions-permissions.test.ts
 * proves that both forms agree for every demo account and every demo action.
 */
import { sql, type SQL } from 'drizzle-orm'
import { actionItems, actionOwners, meetings, organizations } from '@db/schema'
import { isMemberSide } from './can'
import type { Viewer } from './viewer'

/** Organizations the viewer speaks for (can.ts speaksFor): their own, their national institution, and
 * for a state's people the state's national institutions. As an SQL condition on an organization id. */
export function speaksForWhere(
  viewer: Viewer,
  organizationId: SQL | typeof actionOwners.organizationId,
): SQL {
  const ids = [viewer.organizationId, ...(viewer.institutionId ? [viewer.institutionId] : [])]
  return sql`(${organizationId} in (${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}) or ${organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.parentId} = ${viewer.organizationId}))`
}

/** The action has an owner (or, with `supporting`, any involved organization) the viewer speaks for.
 * Written as `id in (...)` so that SQLite can start from the owners' organization index. */
export function involvesViewerWhere(viewer: Viewer, { supporting = true } = {}): SQL {
  return sql`${actionItems.id} in (select ${actionOwners.actionId} from ${actionOwners}
    where ${speaksForWhere(viewer, actionOwners.organizationId)}
    ${supporting ? sql`` : sql`and ${actionOwners.kind} = 'owner'`})`
}

/** Action items the viewer may see. Signed-out people see none. */
export function visibleActionsWhere(viewer: Viewer | null): SQL {
  if (!viewer) return sql`0 = 1`
  if (isMemberSide(viewer)) return sql`1 = 1`
  return sql`(${actionItems.meetingId} is null
    or not exists (select 1 from ${meetings} where ${meetings.id} = ${actionItems.meetingId}
      and ${meetings.openness} = 'members_only')
    or ${involvesViewerWhere(viewer)})`
}
