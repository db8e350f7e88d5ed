/**
 * Progress reports by the owners' people (or the secretariat), with evidence from the library, and their
 * validation: an owner's report of `done` waits for the secretariat, who accepts it (the action is done)
 * or sends it back with a comment (the action is in progress again). Each is one synchronous immediate
 * transaction with its audit entry; a report based on an older revision than the action's is refused with
 * the current state (409), so that what the person typed is given back, never thrown away.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '@db/client'
import {
  actionItems,
  actionReportDrafts,
  actionUpdateEvidence,
  actionUpdates,
  documents,
  organizations,
} from '@db/schema'
import { can, type ActionItemRef } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import {
  assertRevision,
  conflictWithCurrent,
  pendingUpdateOf,
  visibleActionOrThrow,
  type OwnerRow,
} from './loading.server'
import {
  everyOwnerReportedDone,
  everyOwnerValidated,
  overallProgress,
  ownerParts,
  ownersFor,
} from './owner-progress.server'
import { notify } from '~/modules/notifications/notify.server'
import type { ActionStatus, UpdateInput, Validation, ValidationInput } from './schemas'

export interface UpdateRecord {
  id: string
  actionId: string
  status: ActionStatus
  progress: number
  note: string
  revision: number
  validation: Validation | null
  evidence: string[]
  /** the owner organization reported for (its code); null: the whole action */
  owner: string | null
  author: { name: string; organization: string }
  createdAt: string
}

/** Documents given as evidence: each must be one the viewer can see in the library. */
function resolveEvidence(tx: Tx, viewer: Viewer, input: UpdateInput, now: Date): string[] {
  const wanted = [...new Set(input.evidence ?? [])]
  const ids: string[] = []
  if (wanted.length) {
    const found = tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(inArray(documents.id, wanted), visibleDocumentsWhere(viewer, now)))
      .all()
      .map((d) => d.id)
    if (found.length !== wanted.length) throw invalid('actions.error.unknownDocument', 'evidence')
    ids.push(...found)
  }
  if (input.evidenceReference) {
    const d = tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.reference, input.evidenceReference), visibleDocumentsWhere(viewer, now)))
      .get()
    if (!d) throw invalid('actions.error.unknownDocument', 'evidenceReference')
    if (!ids.includes(d.id)) ids.push(d.id)
  }
  if (ids.length > 20) throw invalid('actions.error.tooManyDocuments', 'evidence')
  return ids
}

/**
 * A progress report by an owner's person (or the secretariat). A report of `done` by an owner waits for
 * the secretariat's validation (the action stays in progress until then); the secretariat's own `done`
 * closes the action. Refused: not visible (404), not an owner (403), a cancelled or done action, a report
 * already awaiting validation, or a stale revision (409).
 */
export function postUpdate(viewer: Viewer, id: string, input: UpdateInput, now = new Date()): UpdateRecord {
  return writeTx((tx) => {
    const { row, ref, owners } = visibleActionOrThrow(viewer, id, tx)
    assertAllowed(viewer, 'action.update', ref)
    if (row.status === 'cancelled') throw conflictWithCurrent(row, 'actions.error.cancelled', tx)
    if (row.status === 'done') throw conflictWithCurrent(row, 'actions.error.closed', tx)
    assertRevision(row, input.revision, tx)
    // each owner reports its own part; the secretariat reports on the whole action unless it names one
    const owner = reportedOwner(tx, viewer, ref, owners, input.owner)
    const pending = owner
      ? pendingUpdateOfOwner(row.id, owner.organizationId, tx)
      : pendingUpdateOf(row.id, tx)
    if (pending) {
      throw conflictWithCurrent(row, 'actions.error.pendingValidation', tx)
    }
    const evidence = resolveEvidence(tx, viewer, input, now)
    const claimsDone = input.status === 'done'
    // a `done` from one who validates such reports counts as validated; an owner's waits for validation
    const selfValidates = claimsDone && can(viewer, 'action.selfValidate', ref)
    const parts = ownerParts(row.id, owners, 'es', tx)
    // the whole action declared done by the secretariat: every owner's report, or a reason
    const closesWhole = selfValidates && !owner
    // (the secretariat's decision is the rule 'action.decideDone'; selfValidate already implies it)
    if (
      closesWhole &&
      !everyOwnerReportedDone(parts) &&
      !(input.note && can(viewer, 'action.decideDone', ref))
    ) {
      throw invalid('decisionsOwners.error.doneNeedsAllOwners', 'note')
    }
    const revision = row.revision + 1
    const validation: Validation | null = claimsDone ? (selfValidates ? 'validated' : 'pending') : null
    const progress = selfValidates ? 100 : input.progress
    const update = tx
      .insert(actionUpdates)
      .values({
        actionId: row.id,
        authorId: viewer.id,
        organizationId: viewer.institutionId ?? viewer.organizationId,
        ownerOrganizationId: owner?.organizationId ?? null,
        status: input.status,
        progress,
        note: input.note ?? '',
        revision,
        validation,
        validatedById: validation === 'validated' ? viewer.id : null,
        validatedAt: validation === 'validated' ? now : null,
        createdAt: now,
      })
      .returning()
      .get()
    for (const documentId of evidence) {
      tx.insert(actionUpdateEvidence).values({ updateId: update.id, documentId }).run()
    }
    if (closesWhole) {
      // the owners' reports still waiting are settled by the same decision
      tx.update(actionUpdates)
        .set({
          validation: 'validated',
          validatedById: viewer.id,
          validatedAt: now,
          validationComment: input.note || null,
        })
        .where(and(eq(actionUpdates.actionId, row.id), eq(actionUpdates.validation, 'pending')))
        .run()
    }
    const after = owner ? ownerParts(row.id, owners, 'es', tx) : parts
    const done = closesWhole || (!!owner && everyOwnerValidated(after))
    const status: ActionStatus = done ? 'done' : claimsDone ? 'in_progress' : input.status
    const overall = done ? 100 : owner ? overallProgress(after) : progress
    tx.update(actionItems)
      .set({ status, progress: overall, revision, updatedAt: now, completedAt: done ? now : null })
      .where(eq(actionItems.id, row.id))
      .run()
    tx.delete(actionReportDrafts)
      .where(and(eq(actionReportDrafts.actionId, row.id), eq(actionReportDrafts.personId, viewer.id)))
      .run()
    audit(
      {
        actor: viewer,
        action: 'action.update',
        targetType: 'action_item',
        targetId: row.id,
        details: {
          updateId: update.id,
          status: input.status,
          progress,
          validation,
          evidence: evidence.length,
          owner: owner?.code ?? null,
          decidedDone: closesWhole && !everyOwnerReportedDone(parts),
        },
      },
      tx,
    )
    const org = tx
      .select({ code: organizations.code })
      .from(organizations)
      .where(eq(organizations.id, update.organizationId))
      .get()
    return {
      id: update.id,
      actionId: row.id,
      status: update.status,
      progress: update.progress,
      note: update.note,
      revision,
      validation,
      evidence,
      owner: owner?.code ?? null,
      author: { name: viewer.name, organization: org?.code ?? viewer.organizationCode },
      createdAt: update.createdAt.toISOString(),
    }
  })
}

/** The owner a report is for: the one named (which must be an owner the person may report for: 400 /
 * 403 at the field), else the person's own; null for the secretariat's report on the whole action. */
function reportedOwner(
  tx: Tx,
  viewer: Viewer,
  ref: ActionItemRef,
  owners: OwnerRow[],
  code: string | undefined,
): OwnerRow | null {
  if (code) {
    const owner = owners.find((o) => o.role === 'owner' && o.code === code)
    if (!owner) throw invalid('decisionsOwners.error.notAnOwner', 'owner')
    const ownerRef = { organizationId: owner.organizationId, parentOrganizationId: owner.parentId }
    if (!can(viewer, 'action.reportFor', { ...ref, owner: ownerRef })) {
      throw new DomainError(403, 'decisionsOwners.error.reportForAnother', {
        field: 'owner',
        refusal: {
          actor: viewer,
          action: 'action.reportFor',
          outcome: 'refused',
          targetType: 'organization',
          targetId: owner.organizationId,
        },
      })
    }
    return owner
  }
  if (can(viewer, 'action.reportWhole', ref)) return null
  const mine = ownersFor(viewer, owners)[0]
  if (!mine) throw invalid('decisionsOwners.error.ownerRequired', 'owner')
  void tx
  return mine
}

/** The report of `done` of this owner awaiting validation, if any. */
function pendingUpdateOfOwner(actionId: string, ownerId: string, tx: Tx) {
  return (
    tx
      .select({ id: actionUpdates.id })
      .from(actionUpdates)
      .where(
        and(
          eq(actionUpdates.actionId, actionId),
          eq(actionUpdates.ownerOrganizationId, ownerId),
          eq(actionUpdates.validation, 'pending'),
        ),
      )
      .get() ?? null
  )
}

/** The secretariat accepts an owner's `done` (the action is done) or sends it back with a comment (the
 * action is in progress again). */
export function validateUpdate(
  viewer: Viewer,
  actionId: string,
  input: ValidationInput,
  now = new Date(),
): void {
  writeTx((tx) => {
    const { row, ref, owners } = visibleActionOrThrow(viewer, actionId, tx)
    const update = tx
      .select()
      .from(actionUpdates)
      .where(and(eq(actionUpdates.id, input.updateId), eq(actionUpdates.actionId, row.id)))
      .get()
    if (!update) throw notFound()
    // who may validate here at all (403), then whether this report still waits for it (409)
    assertAllowed(viewer, 'action.validate', { ...ref, validation: 'pending' })
    if (update.validation !== 'pending') throw conflict('actions.error.notPending')
    assertRevision(row, input.revision, tx)
    const revision = row.revision + 1
    const accepted = input.intent === 'validate'
    tx.update(actionUpdates)
      .set({
        validation: accepted ? 'validated' : 'returned',
        validatedById: viewer.id,
        validatedAt: now,
        validationComment: input.comment || null,
      })
      .where(eq(actionUpdates.id, update.id))
      .run()
    // one owner's part accepted: the action is done once every owner's is (a report on the whole
    // action, from before owners reported apart, closes it as before)
    const parts = ownerParts(row.id, owners, 'es', tx)
    const done = accepted && (!update.ownerOrganizationId || everyOwnerValidated(parts))
    tx.update(actionItems)
      .set(
        done
          ? { status: 'done', progress: 100, completedAt: now, revision, updatedAt: now }
          : {
              status: 'in_progress',
              progress: update.ownerOrganizationId ? overallProgress(parts) : row.progress,
              revision,
              updatedAt: now,
            },
      )
      .where(eq(actionItems.id, row.id))
      .run()
    notify(tx, {
      kind: accepted ? 'action_validated' : 'action_returned',
      recordType: 'action',
      recordId: row.id,
      actorId: viewer.id,
    })
    audit(
      {
        actor: viewer,
        action: accepted ? 'action.validate' : 'action.return',
        targetType: 'action_item',
        targetId: row.id,
        details: { updateId: update.id },
      },
      tx,
    )
  })
}
