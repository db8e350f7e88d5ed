/**
 * Lists of action items: the filters of /actions (and of its exports and the API), all from allowlists,
 * and a sort, as SQL with the visibility rule first, a page at a time; the values the filter form
 * offers.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { db } from '@db/client'
import { inIdOrder } from '@db/pages'
import {
  actionItems,
  actionOwners,
  actionUpdates,
  decisions,
  groups,
  meetings,
  organizations,
  writtenProcedures,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import { visibleActionOriginWhere, visibleProceduresWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { ownerViews, type OwnerView } from './details.server'
import { localized, ownersOf, ownersSelection, type OwnerRow } from './loading.server'
import { dueWithinWhere, isOverdue, openWhere, overdueWhere } from './overdue.server'
import { originsOf, originsSelection, RESTRICTED_ORIGIN } from './origins.server'
import type { ActionPriority, ActionStatus, ListFilters } from './schemas'
import type { OriginView } from './views'
import { readAll, toStatement } from '~/modules/core/read-pool.server'
import { cachedReads } from '~/modules/core/read-cache.server'
import { readSelects, select } from '~/modules/core/read-select.server'
import { groupChoices } from '~/modules/groups/groups.server'

export const PAGE_SIZE = 25

export interface ListedAction {
  id: string
  title: string
  titleEs: string | null
  titleEn: string | null
  status: ActionStatus
  priority: ActionPriority
  progress: number
  dueDate: string
  overdue: boolean
  awaitingValidation: boolean
  updatedAt: Date
  revision: number
  /** as the viewer may see it (origins.server.ts) */
  origin: OriginView
  owners: OwnerView[]
  supporters: OwnerView[]
}

export interface ListOptions {
  lang?: Lang
  limit?: number
  offset?: number
  now?: Date
  /** for the per-state page: the actions the `owner` organization supports instead of owns */
  involvement?: 'owner' | 'supporting'
}

const awaitingValidation = sql<number>`exists (select 1 from ${actionUpdates} where ${actionUpdates.actionId} = ${actionItems.id} and ${actionUpdates.validation} = 'pending')`

/** Owned (or supported) by an organization given by its code and, for a member state, by its national
 * institutions. `id in (...)` lets SQLite start from the owners' organization index. */
function ownedByWhere(code: string, kind: 'owner' | 'supporting'): SQL {
  const orgs = sql`select o.id from ${organizations} o where o.code = ${code}
    or o.parent_id = (select p.id from ${organizations} p where p.code = ${code})`
  return sql`${actionItems.id} in (select ${actionOwners.actionId} from ${actionOwners}
    where ${actionOwners.kind} = ${kind} and ${actionOwners.organizationId} in (${orgs}))`
}

/** The filters (all from allowlists) as SQL, visibility first. */
/** The filters by origin (meeting, decision, working group, due year), shared with the board. A filter
 * by an origin the viewer may not see matches nothing: the list never says which of the actions they
 * see come from a hidden meeting or decision. */
export function originWhere(
  viewer: Viewer,
  f: Pick<ListFilters, 'meeting' | 'decision' | 'group'> & { year?: number },
): SQL[] {
  const where: SQL[] = []
  if (f.meeting || f.decision) where.push(visibleActionOriginWhere(viewer))
  if (f.meeting) where.push(eq(actionItems.meetingId, f.meeting))
  if (f.decision) where.push(eq(actionItems.decisionId, f.decision))
  if (f.group) {
    const gid = sql`(select ${groups.id} from ${groups} where ${groups.slug} = ${f.group})`
    where.push(
      sql`(${actionItems.groupId} = ${gid} or ${actionItems.meetingId} in (select ${meetings.id} from ${meetings} where ${meetings.groupId} = ${gid} and ${visibleMeetingsWhere(viewer)}))`,
    )
  }
  if (f.year) where.push(sql`substr(${actionItems.dueDate}, 1, 4) = ${String(f.year)}`)
  return where
}

export function listWhere(
  viewer: Viewer,
  f: ListFilters,
  now: Date,
  involvement: 'owner' | 'supporting' = 'owner',
): SQL {
  const where: SQL[] = [visibleActionsWhere(viewer)]
  if (f.owner) where.push(ownedByWhere(f.owner, involvement))
  where.push(...originWhere(viewer, f))
  if (f.status === 'open') where.push(openWhere())
  else if (f.status === 'awaiting_validation') where.push(awaitingValidation)
  else if (f.status) where.push(eq(actionItems.status, f.status))
  if (f.due) where.push(dueWithinWhere(Number(f.due), now))
  if (f.overdue === '1') where.push(overdueWhere(now))
  return and(...where)!
}

function orderFor(sort: ListFilters['sort'], lang: Lang): SQL[] {
  const title =
    lang === 'es'
      ? sql`coalesce(${actionItems.titleEs}, ${actionItems.titleEn}) collate nocase`
      : sql`coalesce(${actionItems.titleEn}, ${actionItems.titleEs}) collate nocase`
  switch (sort ?? 'due_asc') {
    case 'due_desc':
      return [desc(actionItems.dueDate), asc(actionItems.id)]
    case 'priority':
      return [
        sql`case ${actionItems.priority} when 'high' then 0 when 'medium' then 1 else 2 end`,
        asc(actionItems.dueDate),
        asc(actionItems.id),
      ]
    case 'progress':
      return [asc(actionItems.progress), asc(actionItems.dueDate), asc(actionItems.id)]
    case 'updated':
      return [desc(actionItems.updatedAt), asc(actionItems.id)]
    case 'title':
      return [title, asc(actionItems.id)]
    default:
      return [asc(actionItems.dueDate), asc(actionItems.id)]
  }
}

/** The query of a page's ids, filtered and sorted with as little as possible read per row. */
function actionPageQuery(
  viewer: Viewer,
  filters: ListFilters,
  { lang = 'es', limit = PAGE_SIZE, offset = 0, now = new Date(), involvement = 'owner' }: ListOptions,
) {
  return db
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(listWhere(viewer, filters, now, involvement))
    .orderBy(...orderFor(filters.sort, lang))
    .limit(limit + 1)
    .offset(offset)
}

/** The viewer's actions with the filters and the sort, a page at a time; visibility in SQL. */
export function listActions(
  viewer: Viewer,
  filters: ListFilters,
  options: ListOptions = {},
): { items: ListedAction[]; hasMore: boolean } {
  // First the page's ids, filtered and sorted with as little as possible read per row; then the rows
  // of that page with their joins. In one query SQLite read, joined and sorted every matching row (a
  // state's 3,000 overdue actions for a 50-row page: 22 ms on the benchmark's data, now about 5).
  const ids = actionPageQuery(viewer, filters, options)
    .all()
    .map((r) => r.id)
  return actionsPage(viewer, ids, options)
}

/** The same, with the page's ids (the costly part: filtering and sorting thousands of rows) read off
 * the main thread (core/read-pool.server.ts): the list page and the API. */
export async function listActionsRead(
  viewer: Viewer,
  filters: ListFilters,
  options: ListOptions = {},
): Promise<{ items: ListedAction[]; hasMore: boolean }> {
  const ids = (await readAll<{ id: string }>(actionPageQuery(viewer, filters, options))).map((r) => r.id)
  return actionsPageRead(viewer, ids, options)
}

const pageFields = {
  id: actionItems.id,
  titleEs: actionItems.titleEs,
  titleEn: actionItems.titleEn,
  status: actionItems.status,
  priority: actionItems.priority,
  progress: actionItems.progress,
  dueDate: actionItems.dueDate,
  updatedAt: actionItems.updatedAt,
  revision: actionItems.revision,
  awaiting: awaitingValidation,
}

const pageRowsQuery = (ids: string[]) =>
  db.select(pageFields).from(actionItems).where(inArray(actionItems.id, ids))
type PageRow = ReturnType<ReturnType<typeof pageRowsQuery>['all']>[number]

function shapePage(
  rows: PageRow[],
  owners: Map<string, OwnerRow[]>,
  origins: Map<string, OriginView>,
  { lang = 'es', limit = PAGE_SIZE, now = new Date() }: ListOptions,
): { items: ListedAction[]; hasMore: boolean } {
  const page = rows.slice(0, limit)
  const items = page.map((r) => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    titleEs: r.titleEs,
    titleEn: r.titleEn,
    status: r.status,
    priority: r.priority,
    progress: r.progress,
    dueDate: r.dueDate,
    overdue: isOverdue(r.dueDate, r.status, now),
    awaitingValidation: Boolean(r.awaiting),
    updatedAt: r.updatedAt,
    revision: r.revision,
    origin: origins.get(r.id) ?? RESTRICTED_ORIGIN,
    owners: ownerViews(owners.get(r.id) ?? [], 'owner', lang),
    supporters: ownerViews(owners.get(r.id) ?? [], 'supporting', lang),
  }))
  return { items, hasMore: rows.length > limit }
}

/** The rows of a page's ids with their owners and origins, in the ids' order. */
function actionsPage(
  viewer: Viewer,
  ids: string[],
  options: ListOptions,
): { items: ListedAction[]; hasMore: boolean } {
  const { lang = 'es', limit = PAGE_SIZE } = options
  const rows = inIdOrder(ids, ids.length ? pageRowsQuery(ids).all() : [])
  const pageIds = rows.slice(0, limit).map((r) => r.id)
  return shapePage(rows, ownersOf(pageIds), originsOf(viewer, pageIds, lang), options)
}

/** The same, its three reads in the pool at once (one snapshot): the rows, their owners, their origins. */
async function actionsPageRead(
  viewer: Viewer,
  ids: string[],
  options: ListOptions,
): Promise<{ items: ListedAction[]; hasMore: boolean }> {
  if (!ids.length) return { items: [], hasMore: false }
  const { lang = 'es', limit = PAGE_SIZE } = options
  const pageIds = ids.slice(0, limit)
  const owners = ownersSelection(pageIds)
  const origins = originsSelection(viewer, pageIds)
  const [found, ownerRows, originRows] = await readSelects([
    select(pageRowsQuery(ids), pageFields),
    owners,
    origins,
  ] as const)
  return shapePage(inIdOrder(ids, found), owners.group(ownerRows), origins.views(originRows, lang), options)
}

/** The decision a list is filtered by, as the viewer may know it: its code and meeting, or null when it
 * does not exist or its meeting (or written procedure) is hidden from the viewer (then the list is empty
 * too). */
export function decisionFilterLabel(viewer: Viewer, decisionId: string) {
  return (
    db
      .select({ code: decisions.code, meetingId: decisions.meetingId })
      .from(decisions)
      .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
      .leftJoin(writtenProcedures, eq(writtenProcedures.id, decisions.procedureId))
      .where(
        and(
          eq(decisions.id, decisionId),
          or(
            and(isNotNull(decisions.meetingId), visibleMeetingsWhere(viewer)),
            and(isNotNull(decisions.procedureId), visibleProceduresWhere(viewer)),
          ),
        ),
      )
      .get() ?? null
  )
}

/** Values for the filter form: organizations that own actions, groups, and meetings with actions that
 * the viewer may see. */
export async function listFilterOptions(viewer: Viewer, lang: Lang) {
  // every state and organization (not the national institutions: a state's filter includes them)
  const owners = db
    .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
    .from(organizations)
    .where(isNull(organizations.parentId))
    .orderBy(asc(organizations.sortOrder), asc(organizations.code))
    .all()
    .map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) }))
  const groupList = groupChoices(lang)
  // the meetings of the viewer's visible actions: a distinct over every action, kept per visibility
  // bucket until an action changes (core/read-cache.server.ts); the meetings' titles and dates are read
  // fresh (a meeting renamed does not change the actions' version)
  const [withActions] = (await cachedReads('actions', [
    toStatement(
      sql`select distinct ${actionItems.meetingId} as id from ${actionItems}
        where ${actionItems.meetingId} is not null and ${visibleActionsWhere(viewer)}`,
      'all',
    ),
  ])) as [{ id: string }[]]
  const meetingRows = withActions.length
    ? await readAll<{ id: string; titleEs: string; titleEn: string; startsAt: number }>(sql`
        select ${meetings.id} as id, ${meetings.titleEs} as titleEs, ${meetings.titleEn} as titleEn,
          ${meetings.startsAt} as startsAt
        from ${meetings}
        where ${meetings.id} in (select value from json_each(${JSON.stringify(withActions.map((m) => m.id))}))
          -- an action the viewer supports may come from a meeting they may not see: not offered
          and ${visibleMeetingsWhere(viewer)}
        order by ${meetings.startsAt} desc
        limit 200`)
    : []
  const meetingList = meetingRows.map((m) => ({
    id: m.id,
    title: localized(lang, m.titleEs, m.titleEn),
    startsAt: new Date(m.startsAt),
  }))
  return { owners, groups: groupList, meetings: meetingList }
}
