/**
 * The secretariat's follow-up board: per member state and organization, how many of the actions it owns
 * are open, overdue and done. A national institution's actions count for its member state (the state
 * answers for them). Counts only what the viewer may see (visibility in SQL), so an observer's board
 * never counts an action it cannot open.
 */
import { asc, eq, inArray, or, sql } from 'drizzle-orm'
import { db, rawSqlite } from '@db/client'
import { cachedReads, cachedReadsSync } from '~/modules/core/read-cache.server'
import { runReads, toStatement, type Statement } from '~/modules/core/read-pool.server'
import { actionItems, actionOwners, organizations, type OrganizationKind } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { listActions, listFilterOptions, originWhere, type ListedAction } from './lists.server'
import { localized } from './loading.server'
import { actionsToday } from './overdue.server'
import { organizationColumns } from '~/modules/members/organizations.server'

export interface BoardRow {
  code: string
  name: string
  kind: OrganizationKind
  open: number
  overdue: number
  done: number
}

interface Counts {
  open: number
  overdue: number
  done: number
}

/** What the board may be narrowed to: the actions due in a year, from a meeting, of a working group
 * (its own actions and its meetings'). */
export interface BoardFilters {
  year?: number
  meeting?: string
  group?: string
}

const filterSql = (viewer: Viewer, filters: BoardFilters) => {
  const where = originWhere(viewer, filters)
  return where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``
}

/**
 * Counts per accountable organization (a national institution counts for its state), each action once.
 *
 * Two queries instead of one `count(distinct ...)` grouped by the accountable organization, which sorted
 * every owner row (about 170 ms over the benchmark's 50,000 actions): the first walks the owners' index
 * in organization order and reads each action's status from `action_items_board_idx` (named: without
 * ANALYZE SQLite prefers the primary key's index, which is not covering), about 40 ms; the second finds
 * the few actions owned twice within one state (the state and its institution, or two institutions) so
 * that they count once. `orgIds` limits the counts to these owner organizations.
 */
function countStatements(
  viewer: Viewer,
  now: Date,
  orgIds?: string[],
  filters: BoardFilters = {},
): Statement[] {
  const today = actionsToday(now)
  const open = sql`${actionItems.status} in ('not_started','in_progress','blocked')`
  const buckets = (times = sql`1`) => sql`sum(${times} * (${open})) as open,
    sum(${times} * (${open} and ${actionItems.dueDate} < ${today})) as overdue,
    sum(${times} * (${actionItems.status} = 'done')) as done`
  const onlyOrgs = orgIds
    ? sql`and ao.organization_id in (${sql.join(
        orgIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  const perOwner = sql`
    select ao.organization_id as organizationId, ${buckets()}
    from ${actionOwners} as ao indexed by action_owners_org_idx
    join ${actionItems} indexed by action_items_board_idx on ${actionItems.id} = ao.action_id
    where ao.kind = 'owner' and ${visibleActionsWhere(viewer)} ${onlyOrgs} ${filterSql(viewer, filters)}
    group by ao.organization_id`
  const parents = sql`select ${organizations.id} as id, coalesce(${organizations.parentId}, ${organizations.id}) as parentId from ${organizations}`
  // Actions owned more than once within one state: counted once per owner above, taken back here.
  const accountable = sql`coalesce(o.parent_id, o.id)`
  const twice = sql`
    select g as organizationId, ${buckets(sql`x.extra`)} from (
      select ${accountable} as g, ao.action_id as action_id, count(*) - 1 as extra
      from ${actionOwners} as ao join ${organizations} as o on o.id = ao.organization_id
      where ao.kind = 'owner' ${onlyOrgs}
        and (o.parent_id is not null or o.id in (select parent_id from ${organizations} where parent_id is not null))
      group by g, ao.action_id having count(*) > 1
    ) as x
    join ${actionItems} on ${actionItems.id} = x.action_id
    where ${visibleActionsWhere(viewer)} ${filterSql(viewer, filters)}
    group by g`
  return [toStatement(perOwner, 'all'), toStatement(parents, 'all'), toStatement(twice, 'all')]
}

type CountRow = Counts & { organizationId: string }

function combine([perOwner, parentRows, twice]: unknown[]): Map<string, Counts> {
  const parents = new Map((parentRows as { id: string; parentId: string }[]).map((o) => [o.id, o.parentId]))
  const result = new Map<string, Counts>()
  const add = (orgId: string, c: Counts, sign: 1 | -1) => {
    const t = result.get(orgId) ?? { open: 0, overdue: 0, done: 0 }
    t.open += sign * c.open
    t.overdue += sign * c.overdue
    t.done += sign * c.done
    result.set(orgId, t)
  }
  for (const c of perOwner as CountRow[]) add(parents.get(c.organizationId) ?? c.organizationId, c, 1)
  for (const c of twice as CountRow[]) add(c.organizationId, c, -1)
  return result
}

/** Whether a board's counts may be kept (read-cache.server): without filters they read only the
 * tables whose writes raise the 'actions' version; the filters read groups and meetings' visibility. */
const cacheable = (filters: BoardFilters) => !filters.year && !filters.meeting && !filters.group

/** The counts, kept per version of the actions' data and per visibility bucket (never recounted from
 * every action per view); `fresh` recounts (tests compare both). */
function counts(
  viewer: Viewer,
  now: Date,
  orgIds?: string[],
  filters: BoardFilters = {},
  { fresh = false } = {},
): Map<string, Counts> {
  const statements = countStatements(viewer, now, orgIds, filters)
  if (fresh || !cacheable(filters)) {
    const sqlite = rawSqlite()
    return combine(statements.map((s) => sqlite.prepare(s.sql).all(...s.params)))
  }
  return combine(cachedReadsSync('actions', statements))
}

/** The same, read off the main thread when not cached. */
async function countsRead(
  viewer: Viewer,
  now: Date,
  orgIds?: string[],
  filters: BoardFilters = {},
): Promise<Map<string, Counts>> {
  const statements = countStatements(viewer, now, orgIds, filters)
  if (!cacheable(filters)) return combine(await runReads(statements))
  return combine(await cachedReads('actions', statements))
}

/** Every member state (even with nothing to do), then every other organization that owns actions. */
export function actionsBoard(
  viewer: Viewer,
  lang: Lang,
  now = new Date(),
  filters: BoardFilters = {},
  options: { fresh?: boolean } = {},
): BoardRow[] {
  return boardRows(counts(viewer, now, undefined, filters, options), lang)
}

/** The board, its counts read off the main thread when they are not cached (the page). */
export async function actionsBoardRead(
  viewer: Viewer,
  lang: Lang,
  now = new Date(),
  filters: BoardFilters = {},
): Promise<BoardRow[]> {
  return boardRows(await countsRead(viewer, now, undefined, filters), lang)
}

function boardRows(byOrg: Map<string, Counts>, lang: Lang): BoardRow[] {
  const orgs = db
    .select(organizationColumns)
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
  const orgIds = org.parentId
    ? [org.id]
    : [
        org.id,
        ...db
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.parentId, org.id))
          .all()
          .map((o) => o.id),
      ]
  const total = [...counts(viewer, now, orgIds).values()].reduce(
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

/** The choices of the board's filters: the years in which visible actions are due, the meetings they
 * come from (those the viewer may see) and the working groups. */
export async function boardFilterOptions(viewer: Viewer, lang: Lang) {
  const { meetings, groups } = await listFilterOptions(viewer, lang)
  // a distinct over every visible action: kept per visibility bucket until an action changes
  const [yearRows] = (await cachedReads('actions', [
    toStatement(
      sql`select distinct substr(${actionItems.dueDate}, 1, 4) as year from ${actionItems}
        where ${visibleActionsWhere(viewer)} order by year desc limit 50`,
      'all',
    ),
  ])) as [{ year: string }[]]
  const years = yearRows.map((r) => Number(r.year))
  return { years, meetings, groups }
}
