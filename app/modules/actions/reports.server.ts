/**
 * Progress reports by the owners' people (or the secretariat), with evidence from the library, and their
 * validation: an owner's report of `done` waits for the secretariat, who accepts it (the action is done)
 * or sends it back with a comment (the action is in progress again). Each is one synchronous immediate
 * transaction with its audit entry; a report based on an older revision than the action's is refused with
 * the current state (409), so that what the person typed is given back, never thrown away.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { actionItems, actionUpdateEvidence, actionUpdates, documents, organizations } from '@db/schema'
import { can } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { assertRevision, conflictWithCurrent, pendingUpdateOf, visibleActionOrThrow } from './loading.server'
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
    const { row, ref } = visibleActionOrThrow(viewer, id, tx)
    assertAllowed(viewer, 'action.update', ref)
    if (row.status === 'cancelled') throw conflictWithCurrent(row, 'actions.error.cancelled', tx)
    if (row.status === 'done') throw conflictWithCurrent(row, 'actions.error.closed', tx)
    assertRevision(row, input.revision, tx)
    if (pendingUpdateOf(row.id, tx)) throw conflictWithCurrent(row, 'actions.error.pendingValidation', tx)
    const evidence = resolveEvidence(tx, viewer, input, now)
    const claimsDone = input.status === 'done'
    // a `done` from one who validates such reports closes the action; an owner's waits for validation
    const closes = claimsDone && can(viewer, 'action.selfValidate', ref)
    const revision = row.revision + 1
    const validation: Validation | null = claimsDone ? (closes ? 'validated' : 'pending') : null
    const progress = closes ? 100 : input.progress
    const update = tx
      .insert(actionUpdates)
      .values({
        actionId: row.id,
        authorId: viewer.id,
        organizationId: viewer.institutionId ?? viewer.organizationId,
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
    const status: ActionStatus = claimsDone ? (closes ? 'done' : 'in_progress') : input.status
    tx.update(actionItems)
      .set({ status, progress, revision, updatedAt: now, completedAt: status === 'done' ? now : null })
      .where(eq(actionItems.id, row.id))
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
      author: { name: viewer.name, organization: org?.code ?? viewer.organizationCode },
      createdAt: update.createdAt.toISOString(),
    }
  })
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
    const { row, ref } = visibleActionOrThrow(viewer, actionId, tx)
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
    tx.update(actionItems)
      .set(
        accepted
          ? { status: 'done', progress: 100, completedAt: now, revision, updatedAt: now }
          : { status: 'in_progress', revision, updatedAt: now },
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
