/**
 * The server closes written procedures by itself: a check run at start-up and by a timer
 * (PROCEDURE_CHECK_SECONDS, app/modules/startup.server.ts) closes every open procedure whose deadline
 * has passed and sends the reminder two days before a deadline. Nothing lives in memory: the state is the
 * rows (status, reminder_sent_at), so a restart resumes where it stopped and a missed tick is caught up.
 * Closing is one immediate transaction whose UPDATE ... WHERE status = 'open' decides: of two closings
 * racing (two ticks, two processes), one changes the row and records the outcome, the decision code,
 * the notices and the audit entry; the other changes nothing and returns null.
 */
import { and, asc, eq, gt, isNull, lte, max } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { decisions, plans, planStageHistory, writtenProcedures } from '@db/schema'
import { audit } from '~/modules/audit/audit.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { zonedDate } from '~/modules/meetings/time'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'
import { breaksSilence, REMINDER_BEFORE_MS, type ProcedureOutcome } from './constants'
import { currentPositions, statesOf, type ProcedureRow } from './loading.server'
import { queueNotices } from './notices.server'

const BATCH = 100

/** `2026-PE/D.3`: the year of adoption in San José, "PE" (procedimiento escrito), its number that year. */
export const procedureDecisionCode = (year: number, number: number) => `${year}-PE/D.${number}`

export interface ClosedProcedure {
  id: string
  outcome: ProcedureOutcome
  decisionCode: string | null
}

function nextDecisionNumber(tx: Tx, year: number) {
  return (
    (tx
      .select({ n: max(writtenProcedures.decisionNumber) })
      .from(writtenProcedures)
      .where(eq(writtenProcedures.decisionYear, year))
      .get()?.n ?? 0) + 1
  )
}

/** The stage a plan reaches when its consolidated draft is adopted by written procedure. */
export const PLAN_STAGE_ON_ADOPTION = 'approved' as const

/**
 * An adopted procedure's decision becomes a row of the decisions register (no meeting, linked to the
 * procedure; its text the draft decision, or the subject of the plan or document adopted), and a plan
 * adopted at its consolidated-draft stage moves on to approved (its stage history says by whose
 * procedure; a plan moved meanwhile by hand keeps its stage).
 */
function recordAdoption(
  tx: Tx,
  row: ProcedureRow & { decisionCode: string | null },
  number: number,
  now: Date,
) {
  const ownText = row.textKind === 'decision_text'
  const decision = tx
    .insert(decisions)
    .values({
      meetingId: null,
      procedureId: row.id,
      number,
      code: row.decisionCode!,
      textEs: ownText ? row.textEs : row.subjectEs,
      textEn: ownText ? row.textEn : row.subjectEn,
      createdById: row.launchedById,
      createdAt: now,
    })
    .returning({ id: decisions.id })
    .get()
  let planStage: { from: string; to: string } | null = null
  if (row.textKind === 'plan' && row.planId) {
    const moved = tx
      .update(plans)
      .set({ stage: PLAN_STAGE_ON_ADOPTION, updatedAt: now })
      .where(and(eq(plans.id, row.planId), eq(plans.stage, 'consolidated_draft')))
      .run()
    if (moved.changes === 1) {
      tx.insert(planStageHistory)
        .values({
          planId: row.planId,
          fromStage: 'consolidated_draft',
          stage: PLAN_STAGE_ON_ADOPTION,
          byId: null,
          note: row.decisionCode!,
          at: now,
        })
        .run()
      planStage = { from: 'consolidated_draft', to: PLAN_STAGE_ON_ADOPTION }
      audit(
        {
          action: 'plan.changeStage',
          targetType: 'plan',
          targetId: row.planId,
          details: { from: 'consolidated_draft', stage: PLAN_STAGE_ON_ADOPTION, procedureId: row.id },
        },
        tx,
      )
    }
  }
  return { decisionId: decision.id, planStage }
}

/** Closes one procedure whose deadline has passed; null when it is not due or already closed. */
export function closeProcedure(id: string, now = new Date()): ClosedProcedure | null {
  return writeTx((tx) => {
    const row = tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()
    if (!row || row.status !== 'open' || row.deadline.getTime() > now.getTime()) return null
    const states = statesOf(tx, row.id)
    const current = currentPositions(tx, row.id)
    const breakers = states.filter((s) => {
      const p = current.get(s.organizationId)
      return p && breaksSilence(p.position)
    })
    const outcome: ProcedureOutcome = breakers.length ? 'not_adopted' : 'adopted'
    let decisionYear: number | null = null
    let decisionNumber: number | null = null
    let decisionCode: string | null = null
    if (outcome === 'adopted') {
      decisionYear = Number(zonedDate(now, SEAT_TIME_ZONE).slice(0, 4))
      decisionNumber = nextDecisionNumber(tx, decisionYear)
      decisionCode = procedureDecisionCode(decisionYear, decisionNumber)
    }
    const changed = tx
      .update(writtenProcedures)
      .set({ status: 'closed', outcome, closedAt: now, decisionYear, decisionNumber, decisionCode })
      .where(
        and(
          eq(writtenProcedures.id, row.id),
          eq(writtenProcedures.status, 'open'),
          lte(writtenProcedures.deadline, now),
        ),
      )
      .run()
    if (changed.changes !== 1) return null
    const closed = { ...row, status: 'closed' as const, outcome, closedAt: now, decisionCode }
    const adoption = outcome === 'adopted' ? recordAdoption(tx, closed, decisionNumber!, now) : null
    const objectors = breakers.map((s) => s.code)
    const notices = queueNotices(tx, outcome, closed, states, { objectors })
    notify(tx, { kind: 'procedure_closed', recordType: 'procedure', recordId: row.id, params: { outcome } })
    audit(
      {
        action: 'procedure.close',
        targetType: 'procedure',
        targetId: row.id,
        details: {
          outcome,
          decision: decisionCode,
          decisionId: adoption?.decisionId ?? null,
          planStage: adoption?.planStage ?? null,
          brokenBy: breakers.map((s) => ({
            state: s.code,
            position: current.get(s.organizationId)!.position,
            reason: current.get(s.organizationId)!.reason,
          })),
          notices,
        },
      },
      tx,
    )
    return { id: row.id, outcome, decisionCode }
  })
}

/** Sends the reminder of one procedure once (reminder_sent_at is set in the same transaction). */
function remind(id: string, now: Date): boolean {
  return writeTx((tx) => {
    const changed = tx
      .update(writtenProcedures)
      .set({ reminderSentAt: now })
      .where(
        and(
          eq(writtenProcedures.id, id),
          eq(writtenProcedures.status, 'open'),
          isNull(writtenProcedures.reminderSentAt),
          gt(writtenProcedures.deadline, now),
          lte(writtenProcedures.deadline, new Date(now.getTime() + REMINDER_BEFORE_MS)),
        ),
      )
      .run()
    if (changed.changes !== 1) return false
    const row = tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()!
    const notices = queueNotices(tx, 'reminder', row, statesOf(tx, id))
    notify(tx, { kind: 'procedure_deadline_near', recordType: 'procedure', recordId: id })
    audit({ action: 'procedure.remind', targetType: 'procedure', targetId: id, details: { notices } }, tx)
    return true
  })
}

/** The check the timers run: closes what is due, then sends due reminders. */
export function runProcedureChecks(now = new Date()): { closed: ClosedProcedure[]; reminded: number } {
  const due = db
    .select({ id: writtenProcedures.id })
    .from(writtenProcedures)
    .where(and(eq(writtenProcedures.status, 'open'), lte(writtenProcedures.deadline, now)))
    .orderBy(asc(writtenProcedures.deadline))
    .limit(BATCH)
    .all()
  const closed: ClosedProcedure[] = []
  for (const { id } of due) {
    const c = closeProcedure(id, now)
    if (c) closed.push(c)
  }
  const toRemind = db
    .select({ id: writtenProcedures.id })
    .from(writtenProcedures)
    .where(
      and(
        eq(writtenProcedures.status, 'open'),
        isNull(writtenProcedures.reminderSentAt),
        gt(writtenProcedures.deadline, now),
        lte(writtenProcedures.deadline, new Date(now.getTime() + REMINDER_BEFORE_MS)),
      ),
    )
    .limit(BATCH)
    .all()
  let reminded = 0
  for (const { id } of toRemind) if (remind(id, now)) reminded++
  return { closed, reminded }
}
