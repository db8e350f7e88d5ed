/**
 * One action item as the rules see it: its row, its owner and supporting organizations, and the
 * reference can() decides on (`ActionItemRef`). A hidden action and a missing one look the same (null,
 * or a 404 inside a write). Every change carries the revision the person saw: a change based on an older
 * one is refused with the action's current state (`ActionSnapshot`), shown beside what they typed.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { actionItems, actionOwners, actionUpdates, meetings, organizations, people } from '@db/schema'
import { localized } from '~/i18n/core'
import { can, type ActionItemRef, type MeetingOpenness } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { conflict, notFound } from '~/modules/core/domain-error.server'
import { select } from '~/modules/core/read-select.server'
import type { ActionSnapshot } from './views'

export type ActionRow = typeof actionItems.$inferSelect

/** The text in the reader's language, else in the other one. */
/** Re-exported for this area's modules. */
export { localized }

const ID = /^[A-Za-z0-9_-]{1,64}$/

export interface OwnerRow {
  actionId: string
  organizationId: string
  code: string
  orgKind: string
  nameEs: string
  nameEn: string
  acronym: string | null
  parentId: string | null
  /** the member state of a national institution */
  parentCode: string | null
  role: 'owner' | 'supporting'
  focalPersonId: string | null
  focalName: string | null
}

const parentOrg = alias(organizations, 'parent_org')
const focal = alias(people, 'focal')

const ownerFields = {
  actionId: actionOwners.actionId,
  organizationId: actionOwners.organizationId,
  code: organizations.code,
  orgKind: organizations.kind,
  nameEs: organizations.nameEs,
  nameEn: organizations.nameEn,
  acronym: organizations.acronym,
  parentId: organizations.parentId,
  parentCode: parentOrg.code,
  role: actionOwners.kind,
  focalPersonId: actionOwners.focalPersonId,
  focalName: focal.name,
  sortOrder: organizations.sortOrder,
}

function ownersQuery(ids: string[], tx: Tx | typeof db) {
  return tx
    .select(ownerFields)
    .from(actionOwners)
    .innerJoin(organizations, eq(organizations.id, actionOwners.organizationId))
    .leftJoin(parentOrg, eq(parentOrg.id, organizations.parentId))
    .leftJoin(focal, eq(focal.id, actionOwners.focalPersonId))
    .where(inArray(actionOwners.actionId, ids))
    .orderBy(asc(actionOwners.kind), asc(organizations.sortOrder), asc(organizations.code))
}

function groupOwners(rows: (OwnerRow & { sortOrder: number })[]): Map<string, OwnerRow[]> {
  const out = new Map<string, OwnerRow[]>()
  for (const { sortOrder: _s, ...r } of rows) {
    const list = out.get(r.actionId) ?? []
    list.push(r)
    out.set(r.actionId, list)
  }
  return out
}

/** The owners, then the supporting organizations, of each action. */
export function ownersOf(ids: string[], tx: Tx | typeof db = db): Map<string, OwnerRow[]> {
  if (!ids.length) return new Map()
  return groupOwners(ownersQuery(ids, tx).all() as (OwnerRow & { sortOrder: number })[])
}

/** The same, read in the pool with other selections (core/read-select.server.ts). */
export function ownersSelection(ids: string[]) {
  const selection = select(ownersQuery(ids, db), ownerFields)
  return {
    ...selection,
    group: (rows: ReturnType<typeof selection.decode>) =>
      groupOwners(rows as (OwnerRow & { sortOrder: number })[]),
  }
}

export function actionRef(
  row: Pick<ActionRow, 'status'>,
  owners: OwnerRow[],
  meetingOpenness: MeetingOpenness | null,
): ActionItemRef {
  const refs = (role: OwnerRow['role']) =>
    owners
      .filter((o) => o.role === role)
      .map((o) => ({ organizationId: o.organizationId, parentOrganizationId: o.parentId }))
  return { meetingOpenness, status: row.status, owners: refs('owner'), supporters: refs('supporting') }
}

export interface LoadedAction {
  row: ActionRow
  owners: OwnerRow[]
  ref: ActionItemRef
}

/** The action whoever asks: only for code that decides visibility itself. */
export function loadAction(id: string, tx: Tx | typeof db = db): LoadedAction | null {
  if (!ID.test(id)) return null
  const row = tx.select().from(actionItems).where(eq(actionItems.id, id)).get()
  if (!row) return null
  const owners = ownersOf([row.id], tx).get(row.id) ?? []
  const openness = row.meetingId
    ? (tx.select({ o: meetings.openness }).from(meetings).where(eq(meetings.id, row.meetingId)).get()?.o ??
      null)
    : null
  return { row, owners, ref: actionRef(row, owners, openness) }
}

/** The action when the viewer may see it, else null: a hidden action and a missing one look the same. */
export function findVisibleAction(
  viewer: Viewer | null,
  id: string,
  tx: Tx | typeof db = db,
): LoadedAction | null {
  const loaded = loadAction(id, tx)
  return loaded && can(viewer, 'action.view', loaded.ref) ? loaded : null
}

/** Inside a write: the visible action, or a 404. */
export function visibleActionOrThrow(viewer: Viewer, id: string, tx: Tx): LoadedAction {
  const loaded = findVisibleAction(viewer, id, tx)
  if (!loaded) throw notFound()
  return loaded
}

/** The report of `done` awaiting validation, if any (at most one per action). */
export function pendingUpdateOf(actionId: string, tx: Tx | typeof db = db) {
  return (
    tx
      .select()
      .from(actionUpdates)
      .where(and(eq(actionUpdates.actionId, actionId), eq(actionUpdates.validation, 'pending')))
      .get() ?? null
  )
}

const author = alias(people, 'author')
const authorOrg = alias(organizations, 'author_org')

/** The current state, to show beside a refused change. */
export function snapshotOf(row: ActionRow, tx: Tx | typeof db = db): ActionSnapshot {
  const last = tx
    .select({
      note: actionUpdates.note,
      status: actionUpdates.status,
      progress: actionUpdates.progress,
      createdAt: actionUpdates.createdAt,
      author: author.name,
      organization: authorOrg.code,
    })
    .from(actionUpdates)
    .innerJoin(author, eq(author.id, actionUpdates.authorId))
    .innerJoin(authorOrg, eq(authorOrg.id, actionUpdates.organizationId))
    .where(eq(actionUpdates.actionId, row.id))
    .orderBy(desc(actionUpdates.revision))
    .get()
  return {
    revision: row.revision,
    status: row.status,
    progress: row.progress,
    dueDate: row.dueDate,
    updatedAt: row.updatedAt.toISOString(),
    lastUpdate: last ? { ...last, createdAt: last.createdAt.toISOString() } : null,
  }
}

/** A 409 with the action as it stands now. */
export const conflictWithCurrent = (row: ActionRow, messageKey: string, tx: Tx | typeof db = db) =>
  conflict(messageKey, { current: snapshotOf(row, tx) })

/** Refuses a change based on another revision than the action's (no revision given: not checked). */
export function assertRevision(row: ActionRow, revision: number | undefined, tx: Tx) {
  if (revision === undefined || revision === row.revision) return
  throw conflictWithCurrent(row, 'actions.error.stale', tx)
}
