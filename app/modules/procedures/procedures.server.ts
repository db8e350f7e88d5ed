/**
 * Adoption by written (silence) procedure: the secretariat launches a procedure on a text (a plan at its
 * consolidated-draft stage, a document version, or a draft decision written here, in Spanish and
 * English) for the member states concerned, with a deadline in San José's time; the text is frozen at
 * launch (copied, or the version pinned). Each state's focal point, or the delegate they name, records
 * its position (agree; object with a reason or propose an amendment, both breaking silence), changeable
 * until the deadline, every change kept. The secretariat may extend the deadline once, with a reason.
 * Closing and the reminder: closing.server.ts. Every function takes `now`: the server's clock decides.
 * Rules: can.ts, block "written procedure".
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm'
import type { Tx } from '@db/client'
import {
  documentVersions,
  organizations,
  people,
  writtenProcedurePositions,
  writtenProcedureStates,
  writtenProcedures,
} from '@db/schema'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { getVisibleDocument } from '~/modules/documents/queries.server'
import { zonedToUtc } from '~/modules/meetings/time'
import { notify } from '~/modules/notifications/notify.server'
import { contentOfPlan } from '~/modules/plans/word-content.server'
import { visiblePlan } from '~/modules/plans/loading.server'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'
import type { DelegateInput, ExtendInput, LaunchInput, PositionInput } from './forms.server'
import { isOpen, statesOf, stateRef, visibleProcedureOrThrow, type LoadedProcedure } from './loading.server'
import { queueNotices } from './notices.server'

const DAY_MS = 24 * 60 * 60 * 1000
/** A procedure runs at least an hour (tests and demos launch short ones: a minute) and at most 90 days. */
export const MIN_PROCEDURE_MS = 5 * 1000
export const MAX_PROCEDURE_MS = 90 * DAY_MS

/** 403 with the message at the form's field, its refusal audited once (after the rollback). */
function refusedAt(
  viewer: Viewer,
  action: string,
  details: Record<string, unknown>,
  messageKey: string,
  field?: string,
) {
  return new DomainError(403, messageKey, {
    field,
    refusal: {
      actor: viewer,
      action,
      outcome: 'refused',
      targetType: 'procedure',
      targetId: String(details.procedureId ?? ''),
      details,
    },
  })
}

function parseDeadline(local: string, now: Date, field = 'deadline'): Date {
  // a datetime-local value may carry seconds (browsers send them when the field's step allows)
  const seconds = local.length === 19 ? Number(local.slice(17)) : 0
  const minute = zonedToUtc(local.slice(0, 16), SEAT_TIME_ZONE)
  if (!minute || seconds > 59) throw invalid('procedures.error.deadlineFormat', field)
  const deadline = new Date(minute.getTime() + seconds * 1000)
  const ahead = deadline.getTime() - now.getTime()
  if (ahead < MIN_PROCEDURE_MS) throw invalid('procedures.error.deadlinePast', field)
  if (ahead > MAX_PROCEDURE_MS) throw invalid('procedures.error.deadlineFar', field)
  return deadline
}

/** The plan's consolidated text in one language, as Markdown (numbers and titles as headings). */
function planMarkdown(row: Parameters<typeof contentOfPlan>[0], lang: 'es' | 'en'): string {
  const content = contentOfPlan(row, { lang })
  const parts = [`# ${content.title}`]
  for (const s of content.sections) {
    parts.push(`${'#'.repeat(Math.min(6, s.depth + 2))} ${s.number} ${s.title}`.trimEnd())
    if (s.text.trim()) parts.push(s.text.trim())
  }
  return parts.join('\n\n')
}

function memberStates(tx: Tx) {
  return tx
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
    .where(eq(organizations.kind, 'member_state'))
    .orderBy(asc(organizations.code))
    .all()
}

/** Launches a procedure (the secretariat). Returns its id and number. */
export function launchProcedure(viewer: Viewer, input: LaunchInput, now = new Date()) {
  return writeTx((tx) => {
    assertAllowed(viewer, 'procedure.launch')
    const deadline = parseDeadline(input.deadline, now)
    let planId: string | null = null
    let documentId: string | null = null
    let documentVersionId: string | null = null
    let textEs: string | null = null
    let textEn: string | null = null
    if (input.textKind === 'plan') {
      // a plan the launcher cannot see does not exist for them
      const plan = input.plan ? visiblePlan(viewer, input.plan, tx) : null
      if (!plan) throw notFound()
      if (plan.row.stage !== 'consolidated_draft')
        throw invalid('procedures.error.planNotConsolidated', 'plan')
      planId = plan.row.id
      textEs = planMarkdown(plan.row, 'es')
      textEn = planMarkdown(plan.row, 'en')
    } else if (input.textKind === 'document_version') {
      const doc = input.document ? getVisibleDocument(viewer, input.document, now.getTime(), tx) : null
      if (!doc || doc.deletedAt) throw notFound()
      const number = input.version ?? doc.currentVersion
      const version = tx
        .select({ id: documentVersions.id })
        .from(documentVersions)
        .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, number)))
        .get()
      if (!version) throw invalid('procedures.error.unknownVersion', 'version')
      documentId = doc.id
      documentVersionId = version.id
    } else {
      textEs = input.textEs?.trim() || null
      textEn = input.textEn?.trim() || null
    }
    const all = memberStates(tx)
    const codes = [...new Set(input.states)]
    const chosen = codes.length ? all.filter((s) => codes.includes(s.code)) : all
    if (chosen.length !== (codes.length || all.length))
      throw invalid('procedures.error.unknownState', 'states')
    let previousId: string | null = null
    if (input.previous) {
      const prev = tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, input.previous)).get()
      if (!prev) throw notFound()
      if (prev.status !== 'closed' || prev.outcome !== 'not_adopted')
        throw conflict('procedures.error.relaunchNotBroken', { field: 'previous' })
      previousId = prev.id
    }
    const number =
      (tx
        .select({ n: max(writtenProcedures.number) })
        .from(writtenProcedures)
        .get()?.n ?? 0) + 1
    const row = tx
      .insert(writtenProcedures)
      .values({
        number,
        subjectEs: input.subjectEs || null,
        subjectEn: input.subjectEn || null,
        textKind: input.textKind,
        planId,
        documentId,
        documentVersionId,
        textEs,
        textEn,
        visibility: input.visibility,
        deadline,
        originalDeadline: deadline,
        previousId,
        launchedById: viewer.id,
        launchedAt: now,
      })
      .returning()
      .get()
    tx.insert(writtenProcedureStates)
      .values(chosen.map((s) => ({ procedureId: row.id, organizationId: s.id })))
      .run()
    const notices = queueNotices(tx, 'launched', row, statesOf(tx, row.id))
    notify(tx, { kind: 'procedure_launched', recordType: 'procedure', recordId: row.id, actorId: viewer.id })
    audit(
      {
        actor: viewer,
        action: 'procedure.launch',
        targetType: 'procedure',
        targetId: row.id,
        details: {
          number,
          textKind: input.textKind,
          planId,
          documentId,
          documentVersionId,
          states: chosen.map((s) => s.code),
          deadline: deadline.toISOString(),
          previousId,
          notices,
        },
      },
      tx,
    )
    return { id: row.id, number }
  })
}

/** Why a position is refused, in the person's words. */
function positionRefusalKey(viewer: Viewer, p: LoadedProcedure, organizationId: string, now: Date) {
  if (!isOpen(p.row, now)) return 'procedures.error.closed'
  if (viewer.organizationKind !== 'member_state') return 'procedures.error.notMemberState'
  if (organizationId !== viewer.organizationId) return 'procedures.error.otherState'
  if (!p.states.some((s) => s.organizationId === organizationId)) return 'procedures.error.notConcerned'
  return 'procedures.error.notFocalPoint'
}

/** Records the state's position (it replaces the current one; the earlier ones stay in the history). */
export function takePosition(viewer: Viewer, procedureId: string, input: PositionInput, now = new Date()) {
  return writeTx((tx) => {
    const p = visibleProcedureOrThrow(viewer, procedureId, now, tx)
    let organizationId = viewer.organizationId
    if (input.state) {
      const org = tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.code, input.state), eq(organizations.kind, 'member_state')))
        .get()
      if (!org) throw invalid('procedures.error.unknownState', 'state')
      organizationId = org.id
    }
    const ref = stateRef(p.ref, organizationId, p.states)
    if (!can(viewer, 'procedure.takePosition', ref))
      throw refusedAt(
        viewer,
        'procedure.takePosition',
        { procedureId: p.row.id, organizationId, position: input.position },
        positionRefusalKey(viewer, p, organizationId, now),
        'position',
      )
    const last = tx
      .select({ n: max(writtenProcedurePositions.version) })
      .from(writtenProcedurePositions)
      .where(
        and(
          eq(writtenProcedurePositions.procedureId, p.row.id),
          eq(writtenProcedurePositions.organizationId, organizationId),
        ),
      )
      .get()
    const version = (last?.n ?? 0) + 1
    tx.insert(writtenProcedurePositions)
      .values({
        procedureId: p.row.id,
        organizationId,
        version,
        position: input.position,
        reason: input.reason ?? '',
        personId: viewer.id,
        createdAt: now,
      })
      .run()
    audit(
      {
        actor: viewer,
        action: 'procedure.takePosition',
        targetType: 'procedure',
        targetId: p.row.id,
        details: { organizationId, position: input.position, version },
      },
      tx,
    )
    return { version, position: input.position, organizationId }
  })
}

/** Moves the deadline later, once, with a reason, before it passes (the secretariat). */
export function extendProcedure(viewer: Viewer, procedureId: string, input: ExtendInput, now = new Date()) {
  return writeTx((tx) => {
    const p = visibleProcedureOrThrow(viewer, procedureId, now, tx)
    if (!can(viewer, 'procedure.extend', p.ref)) {
      const key = !can(viewer, 'procedure.launch')
        ? 'error.403'
        : !p.ref.open
          ? 'procedures.error.closed'
          : 'procedures.error.alreadyExtended'
      throw refusedAt(viewer, 'procedure.extend', { procedureId: p.row.id }, key, 'deadline')
    }
    const deadline = parseDeadline(input.deadline, now)
    if (deadline.getTime() <= p.row.deadline.getTime())
      throw invalid('procedures.error.extendEarlier', 'deadline')
    const changed = tx
      .update(writtenProcedures)
      // the reminder two days before goes again, once, two days before the new deadline
      .set({ deadline, extendedAt: now, extensionReason: input.reason, reminderSentAt: null })
      .where(and(eq(writtenProcedures.id, p.row.id), eq(writtenProcedures.status, 'open')))
      .run()
    if (changed.changes !== 1) throw conflict('procedures.error.closed')
    const row = { ...p.row, deadline, extendedAt: now, extensionReason: input.reason, reminderSentAt: null }
    queueNotices(tx, 'extended', row, p.states)
    audit(
      {
        actor: viewer,
        action: 'procedure.extend',
        targetType: 'procedure',
        targetId: p.row.id,
        details: { from: p.row.deadline.toISOString(), to: deadline.toISOString(), reason: input.reason },
      },
      tx,
    )
    return { deadline }
  })
}

/** The focal point names (or, without a person, stops naming) the delegate who may take the state's
 * position. */
export function nameDelegate(viewer: Viewer, procedureId: string, input: DelegateInput, now = new Date()) {
  return writeTx((tx) => {
    const p = visibleProcedureOrThrow(viewer, procedureId, now, tx)
    const ref = stateRef(p.ref, viewer.organizationId, p.states)
    if (!can(viewer, 'procedure.nameDelegate', ref))
      throw refusedAt(
        viewer,
        'procedure.nameDelegate',
        { procedureId: p.row.id },
        p.ref.open ? 'procedures.error.notFocalPoint' : 'procedures.error.closed',
        'person',
      )
    let delegateId: string | null = null
    if (input.person) {
      const person = tx
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            eq(people.id, input.person),
            eq(people.organizationId, viewer.organizationId),
            eq(people.status, 'active'),
            inArray(people.role, ['delegate', 'focal_point']),
          ),
        )
        .get()
      if (!person) throw invalid('procedures.error.unknownPerson', 'person')
      delegateId = person.id
    }
    tx.update(writtenProcedureStates)
      .set({ delegateId })
      .where(
        and(
          eq(writtenProcedureStates.procedureId, p.row.id),
          eq(writtenProcedureStates.organizationId, viewer.organizationId),
        ),
      )
      .run()
    audit(
      {
        actor: viewer,
        action: 'procedure.nameDelegate',
        targetType: 'procedure',
        targetId: p.row.id,
        details: { organizationId: viewer.organizationId, delegateId },
      },
      tx,
    )
    return { delegateId }
  })
}
