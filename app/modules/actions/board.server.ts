/**
 * The secretariat's follow-up board: per member state and organization, how many of the actions it owns
 * are open, overdue and done. A national institution's actions count for its member state (the state
 * answers for them). Counts only what the viewer may see (visibility in SQL), so an observer's board
 * never counts an action it cannot open.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, actionOwners, organizations, type OrganizationKind } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { listActions, localized, type ListedAction } from './actions.server'
import { actionsToday } from './overdue.server'

export interface BoardRow {
  code: string
  name: string
  kind: OrganizationKind
  open: number
  overdue: number
  done: number
}

const accountable = sql<string>`coalesce(${organizations.parentId}, ${organizations.id})`

/** Counts per accountable organization (a national institution counts for its state). */
function counts(viewer: Viewer, now: Date, only?: SQL) {
  const today = actionsToday(now)
  const open = sql`${actionItems.status} in ('not_started','in_progress','blocked')`
  return db
    .select({
      organizationId: accountable,
      open: sql<number>`count(distinct case when ${open} then ${actionItems.id} end)`,
      overdue: sql<number>`count(distinct case when ${open} and ${actionItems.dueDate} < ${today} then ${actionItems.id} end)`,
      done: sql<number>`count(distinct case when ${actionItems.status} = 'done' then ${actionItems.id} end)`,
    })
    .from(actionOwners)
    .innerJoin(actionItems, eq(actionItems.id, actionOwners.actionId))
    .innerJoin(organizations, eq(organizations.id, actionOwners.organizationId))
    .where(and(eq(actionOwners.kind, 'owner'), visibleActionsWhere(viewer), only))
    .groupBy(accountable)
    .all()
}

/** Every member state (even with nothing to do), then every other organization that owns actions. */
export function actionsBoard(viewer: Viewer, lang: Lang, now = new Date()): BoardRow[] {
  const byOrg = new Map(counts(viewer, now).map((c) => [c.organizationId, c]))
  const orgs = db
    .select({
      id: organizations.id,
      code: organizations.code,
      kind: organizations.kind,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(organizations)
    .where(
      byOrg.size
        ? or(eq(organizations.kind, 'member_state'), inArray(organizations.id, [...byOrg.keys()]))
        : eq(organizations.kind, 'member_state'),
    )
    .orderBy(
      sql`${organizations.kind} <> 'member_state'`,
      asc(organizations.sortOrder),
      asc(organizations.code),
    )
    .all()
  return orgs.map((o) => {
    const c = byOrg.get(o.id)
    return {
      code: o.code,
      name: localized(lang, o.nameEs, o.nameEn),
      kind: o.kind,
      open: c?.open ?? 0,
      overdue: c?.overdue ?? 0,
      done: c?.done ?? 0,
    }
  })
}

export interface StateCommitments {
  organization: { code: string; name: string; kind: OrganizationKind }
  counts: { open: number; overdue: number; done: number }
  owned: ListedAction[]
  supported: ListedAction[]
  /** more than the page shows: the full list is at /actions?owner=CODE */
  truncated: boolean
}

const STATE_PAGE_LIMIT = 300

/** One member state's (or organization's) commitments: those it owns (its national institutions'
 * included) and those it supports. Null for an unknown code. */
export function stateCommitments(
  viewer: Viewer,
  code: string,
  lang: Lang,
  now = new Date(),
): StateCommitments | null {
  const org = db.select().from(organizations).where(eq(organizations.code, code.toUpperCase())).get()
  if (!org) return null
  // an institution's own page counts only its own actions; a state's includes its institutions'
  const c = counts(viewer, now, org.parentId ? eq(organizations.id, org.id) : eq(accountable, org.id))
  const total = c.reduce(
    (t, r) => ({ open: t.open + r.open, overdue: t.overdue + r.overdue, done: t.done + r.done }),
    { open: 0, overdue: 0, done: 0 },
  )
  const owned = listActions(viewer, { owner: org.code }, { lang, now, limit: STATE_PAGE_LIMIT })
  const supported = listActions(
    viewer,
    { owner: org.code },
    { lang, now, limit: STATE_PAGE_LIMIT, involvement: 'supporting' },
  )
  return {
    organization: { code: org.code, name: localized(lang, org.nameEs, org.nameEn), kind: org.kind },
    counts: total,
    owned: owned.items,
    supported: supported.items,
    truncated: owned.hasMore || supported.hasMore,
  }
}
