/**
 * The secretariat's own writes on an action item: creating it (from a decision, an agenda item, a
 * working group, a plan section or nothing), editing what it says and who owns it, and cancelling it.
 * Each is one synchronous immediate transaction with its audit entry; an edit or a cancellation based on
 * an older revision than the action's is refused with the current state (409).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '@db/client'
import {
  actionItems,
  actionOwners,
  actionUpdates,
  agendaItems,
  decisions,
  groups,
  organizations,
  people,
} from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, invalid } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { assertRevision, visibleActionOrThrow, type ActionRow } from './loading.server'
import { actionsDayOf, actionsToday } from './overdue.server'
import { parseTags, type ActionFormInput, type OriginType } from './schemas'

interface ResolvedOrigin {
  originType: OriginType
  decisionId: string | null
  agendaItemId: string | null
  meetingId: string | null
  groupId: string | null
  planSectionId: string | null
}

function resolveOrigin(tx: Tx, input: ActionFormInput): ResolvedOrigin {
  const none: ResolvedOrigin = {
    originType: input.originType,
    decisionId: null,
    agendaItemId: null,
    meetingId: null,
    groupId: null,
    planSectionId: null,
  }
  switch (input.originType) {
    case 'decision': {
      const key = input.decision ?? ''
      const d = tx
        .select({ id: decisions.id, meetingId: decisions.meetingId, agendaItemId: decisions.agendaItemId })
        .from(decisions)
        .where(sql`${decisions.code} = ${key} or ${decisions.id} = ${key}`)
        .get()
      if (!d) throw invalid('actions.error.unknownDecision', 'decision')
      return { ...none, decisionId: d.id, agendaItemId: d.agendaItemId, meetingId: d.meetingId }
    }
    case 'agenda_item': {
      const item = tx
        .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
        .from(agendaItems)
        .where(eq(agendaItems.id, input.agendaItem ?? ''))
        .get()
      if (!item) throw invalid('actions.error.unknownAgendaItem', 'agendaItem')
      return { ...none, agendaItemId: item.id, meetingId: item.meetingId }
    }
    case 'group': {
      const g = tx
        .select({ id: groups.id })
        .from(groups)
        .where(eq(groups.slug, input.group ?? ''))
        .get()
      if (!g) throw invalid('actions.error.unknownGroup', 'group')
      return { ...none, groupId: g.id }
    }
    case 'plan_section':
      return { ...none, planSectionId: input.planSection ?? null }
    default:
      return none
  }
}

interface OwnerValue {
  organizationId: string
  kind: 'owner' | 'supporting'
  focalPersonId: string | null
}

/** Owners, supporting organizations and focal people: every code must exist, every focal person must be
 * an active person of one owner, at most one per owner. */
function resolveOwners(tx: Tx, input: ActionFormInput): OwnerValue[] {
  const codes = [...new Set([...input.owners, ...(input.supporting ?? [])])]
  const orgs = tx
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
    .where(inArray(organizations.code, codes))
    .all()
  const byCode = new Map(orgs.map((o) => [o.code, o.id]))
  if (input.owners.some((c) => !byCode.has(c))) throw invalid('actions.error.unknownOrganization', 'owners')
  if ((input.supporting ?? []).some((c) => !byCode.has(c))) {
    throw invalid('actions.error.unknownOrganization', 'supporting')
  }
  const owners: OwnerValue[] = [...new Set(input.owners)].map((c) => ({
    organizationId: byCode.get(c)!,
    kind: 'owner',
    focalPersonId: null,
  }))
  const focalIds = [...new Set(input.focalPeople ?? [])]
  if (focalIds.length) {
    const found = tx
      .select({
        id: people.id,
        org: people.organizationId,
        inst: people.institutionId,
        status: people.status,
      })
      .from(people)
      .where(inArray(people.id, focalIds))
      .all()
    for (const id of focalIds) {
      const p = found.find((f) => f.id === id)
      // their institution first: a Panamanian SNM officer is the focal person of SNM when SNM owns it
      const owner = p
        ? (owners.find((o) => o.organizationId === p.inst) ?? owners.find((o) => o.organizationId === p.org))
        : undefined
      if (!p || p.status !== 'active' || !owner) throw invalid('actions.error.focalNotOwner', 'focalPeople')
      if (owner.focalPersonId) throw invalid('actions.error.oneFocalPerOwner', 'focalPeople')
      owner.focalPersonId = p.id
    }
  }
  const supporting: OwnerValue[] = [...new Set(input.supporting ?? [])].map((c) => ({
    organizationId: byCode.get(c)!,
    kind: 'supporting',
    focalPersonId: null,
  }))
  return [...owners, ...supporting]
}

function formValuesOf(input: ActionFormInput) {
  return {
    titleEs: input.titleEs || null,
    titleEn: input.titleEn || null,
    descriptionEs: input.descriptionEs || null,
    descriptionEn: input.descriptionEn || null,
    dueDate: input.dueDate,
    priority: input.priority,
    tags: parseTags(input.tags),
  }
}

/** A real calendar day (2024-02-30 is not). */
function isRealDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export function createAction(viewer: Viewer, input: ActionFormInput, now = new Date()): { id: string } {
  return writeTx((tx) => {
    assertAllowed(viewer, 'action.create')
    return insertAction(tx, viewer, input, now)
  })
}

/** The creation itself, inside the caller's transaction and after the caller's permission check:
 * `createAction` (the secretariat) and the plan's chair turning a line of action into an action item
 * (`plans/matrix.server.ts`, checked there with 'plan.createActions') share it. */
export function insertAction(
  tx: Tx,
  viewer: Viewer,
  input: ActionFormInput,
  now = new Date(),
): { id: string } {
  if (!isRealDay(input.dueDate)) throw invalid('actions.error.dueDate', 'dueDate')
  if (input.dueDate < actionsToday(now)) throw invalid('actions.error.dueBeforeCreation', 'dueDate')
  const origin = resolveOrigin(tx, input)
  const owners = resolveOwners(tx, input)
  const row = tx
    .insert(actionItems)
    .values({
      ...formValuesOf(input),
      ...origin,
      status: 'not_started',
      progress: 0,
      revision: 1,
      createdById: viewer.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: actionItems.id })
    .get()
  for (const o of owners)
    tx.insert(actionOwners)
      .values({ actionId: row.id, ...o })
      .run()
  notify(tx, { kind: 'action_assigned', recordType: 'action', recordId: row.id, actorId: viewer.id })
  audit(
    {
      actor: viewer,
      action: 'action.create',
      targetType: 'action_item',
      targetId: row.id,
      details: { originType: origin.originType, decisionId: origin.decisionId, owners: owners.length },
    },
    tx,
  )
  return { id: row.id }
}

/** The secretariat edits the action's description, origin, owners, due date, priority and tags (not its
 * status or progress: those come from reports). */
export function editAction(viewer: Viewer, id: string, input: ActionFormInput, now = new Date()): void {
  writeTx((tx) => {
    const { row, ref } = visibleActionOrThrow(viewer, id, tx)
    assertAllowed(viewer, 'action.edit', ref)
    assertRevision(row, input.revision ?? -1, tx)
    if (!isRealDay(input.dueDate)) throw invalid('actions.error.dueDate', 'dueDate')
    if (input.dueDate < actionsDayOf(row.createdAt)) {
      throw invalid('actions.error.dueBeforeCreation', 'dueDate')
    }
    const origin = resolveOrigin(tx, input)
    const owners = resolveOwners(tx, input)
    const values = { ...formValuesOf(input), ...origin }
    tx.update(actionItems)
      .set({ ...values, revision: row.revision + 1, updatedAt: now })
      .where(eq(actionItems.id, row.id))
      .run()
    tx.delete(actionOwners).where(eq(actionOwners.actionId, row.id)).run()
    for (const o of owners)
      tx.insert(actionOwners)
        .values({ actionId: row.id, ...o })
        .run()
    const changed = Object.keys(values).filter(
      (k) =>
        JSON.stringify(values[k as keyof typeof values] ?? null) !==
        JSON.stringify(row[k as keyof ActionRow] ?? null),
    )
    audit(
      {
        actor: viewer,
        action: 'action.edit',
        targetType: 'action_item',
        targetId: row.id,
        details: { changed, owners: owners.length, revision: row.revision + 1 },
      },
      tx,
    )
  })
}

/** Cancelling is recorded in the history with its reason; a report awaiting validation is sent back. */
export function cancelAction(
  viewer: Viewer,
  id: string,
  input: { reason: string; revision: number },
  now = new Date(),
): void {
  writeTx((tx) => {
    const { row, ref } = visibleActionOrThrow(viewer, id, tx)
    if (row.status === 'cancelled') throw conflict('actions.error.cancelled')
    assertAllowed(viewer, 'action.cancel', ref)
    assertRevision(row, input.revision, tx)
    const revision = row.revision + 1
    tx.update(actionUpdates)
      .set({
        validation: 'returned',
        validatedById: viewer.id,
        validatedAt: now,
        validationComment: input.reason,
      })
      .where(and(eq(actionUpdates.actionId, row.id), eq(actionUpdates.validation, 'pending')))
      .run()
    tx.insert(actionUpdates)
      .values({
        actionId: row.id,
        authorId: viewer.id,
        organizationId: viewer.organizationId,
        status: 'cancelled',
        progress: row.progress,
        note: input.reason,
        revision,
        createdAt: now,
      })
      .run()
    tx.update(actionItems)
      .set({ status: 'cancelled', revision, updatedAt: now })
      .where(eq(actionItems.id, row.id))
      .run()
    audit({ actor: viewer, action: 'action.cancel', targetType: 'action_item', targetId: row.id }, tx)
  })
}

/**
 * The undo of a cancellation, offered by the notice right after it: only while the action stands as the
 * cancellation left it (`revision`), so a later change is never undone by an old notice. The action gets
 * back the status it had before, recorded in the history like any change; reports sent back by the
 * cancellation stay sent back (their owners report again).
 */
export function reopenAction(
  viewer: Viewer,
  id: string,
  input: { revision: number },
  now = new Date(),
): void {
  writeTx((tx) => {
    const { row, ref } = visibleActionOrThrow(viewer, id, tx)
    if (row.status !== 'cancelled') throw conflict('confirm.error.undoTooLate')
    assertAllowed(viewer, 'action.reopen', ref)
    if (row.revision !== input.revision) throw conflict('confirm.error.undoTooLate')
    const before = tx
      .select({ status: actionUpdates.status })
      .from(actionUpdates)
      .where(and(eq(actionUpdates.actionId, row.id), sql`${actionUpdates.status} <> 'cancelled'`))
      .orderBy(desc(actionUpdates.revision), desc(actionUpdates.createdAt))
      .get()
    const status = before?.status ?? 'not_started'
    const revision = row.revision + 1
    tx.insert(actionUpdates)
      .values({
        actionId: row.id,
        authorId: viewer.id,
        organizationId: viewer.organizationId,
        status,
        progress: row.progress,
        note: '',
        revision,
        createdAt: now,
      })
      .run()
    tx.update(actionItems).set({ status, revision, updatedAt: now }).where(eq(actionItems.id, row.id)).run()
    audit(
      {
        actor: viewer,
        action: 'action.reopen',
        targetType: 'action_item',
        targetId: row.id,
        details: { status },
      },
      tx,
    )
  })
}
