/**
 * The scheduled check: the time-based events of the notification system. Like the written procedures'
 * closing check (procedures/closing.server.ts), it runs at start-up and every PROCEDURE_CHECK_SECONDS
 * (app/modules/startup.server.ts), keeps nothing in memory, and fires each event once: the event and
 * its `notification_timers` row (kind, record, the moment it is about) are written in one immediate
 * transaction, and the row's primary key refuses a second one, so two ticks, two processes or a restart
 * never fire twice, and a tick missed while the server was down is caught up at the next start.
 *
 * - a meeting's registration deadline within REGISTRATION_NEAR_MS (not cancelled);
 * - a consultation round's deadline within ROUND_NEAR_MS (not closed early);
 * - a document's embargo ended (caught up for EMBARGO_CATCH_UP_MS, so an old install does not tell of
 *   embargoes lifted long ago);
 * - actions due soon and overdue: actions/reminders.server.ts, weekly-capped by its action_reminders rows,
 *   now events of this system (preferences apply; no separate reminder mail).
 *
 * Who is told, and whether they still may see the record, is decided by the dispatcher as for every
 * other event (audience.server.ts).
 */
import { and, asc, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm'
import { db } from '@db/client'
import { documents, meetings, notificationTimers, planRoundOrganizations, planRounds } from '@db/schema'
import { writeTx } from '~/modules/core/write-tx.server'
import { runReminders } from '~/modules/actions/reminders.server'
import type { NotificationKind } from './constants'
import { notify, type NotificationEvent } from './notify.server'

const HOUR = 3600 * 1000
export const REGISTRATION_NEAR_MS = 72 * HOUR
export const ROUND_NEAR_MS = 48 * HOUR
export const EMBARGO_CATCH_UP_MS = 48 * HOUR
const BATCH = 200

const notFired = (kind: NotificationKind, recordId: unknown, dueAt: unknown) =>
  sql`not exists (select 1 from ${notificationTimers} where ${notificationTimers.kind} = ${kind}
    and ${notificationTimers.recordId} = ${recordId} and ${notificationTimers.dueAt} = ${dueAt})`

/** Fires one event once (keyed by the record the moment belongs to): false when it had already fired. */
function fire(now: Date, key: { recordId: string; dueAt: Date }, event: NotificationEvent): boolean {
  return writeTx((tx) => {
    const row = tx
      .insert(notificationTimers)
      .values({ kind: event.kind, recordId: key.recordId, dueAt: key.dueAt, firedAt: now })
      .onConflictDoNothing()
      .returning({ kind: notificationTimers.kind })
      .get()
    if (!row) return false
    notify(tx, event)
    return true
  })
}

export interface TimedResult {
  registration: number
  rounds: number
  embargoes: number
  dueSoon: number
  overdue: number
}

export function runTimedNotifications(now = new Date()): TimedResult {
  const result: TimedResult = { registration: 0, rounds: 0, embargoes: 0, dueSoon: 0, overdue: 0 }

  const registering = db
    .select({ id: meetings.id, deadline: meetings.registrationDeadline })
    .from(meetings)
    .where(
      and(
        ne(meetings.status, 'cancelled'),
        gt(meetings.registrationDeadline, now),
        lte(meetings.registrationDeadline, new Date(now.getTime() + REGISTRATION_NEAR_MS)),
        notFired('meeting_registration_near', meetings.id, meetings.registrationDeadline),
      ),
    )
    .orderBy(asc(meetings.registrationDeadline))
    .limit(BATCH)
    .all()
  for (const m of registering)
    if (
      fire(
        now,
        { recordId: m.id, dueAt: m.deadline! },
        { kind: 'meeting_registration_near', recordType: 'meeting', recordId: m.id },
      )
    )
      result.registration++

  const closing = db
    .select({
      id: planRounds.id,
      planId: planRounds.planId,
      number: planRounds.number,
      deadline: planRounds.deadline,
    })
    .from(planRounds)
    .where(
      and(
        isNull(planRounds.closedAt),
        gt(planRounds.deadline, now),
        lte(planRounds.deadline, new Date(now.getTime() + ROUND_NEAR_MS)),
        notFired('round_deadline_near', planRounds.id, planRounds.deadline),
      ),
    )
    .orderBy(asc(planRounds.deadline))
    .limit(BATCH)
    .all()
  for (const r of closing) {
    const consulted = db
      .select({ id: planRoundOrganizations.organizationId })
      .from(planRoundOrganizations)
      .where(eq(planRoundOrganizations.roundId, r.id))
      .all()
    // the timer is keyed by the round; the event points at its plan, as round_opened does
    const fired = fire(
      now,
      { recordId: r.id, dueAt: r.deadline },
      {
        kind: 'round_deadline_near',
        recordType: 'plan',
        recordId: r.planId,
        params: {
          organizationIds: consulted.map((o) => o.id).join(','),
          roundNumber: r.number,
          path: `/plans/${r.planId}/rounds/${r.number}`,
        },
      },
    )
    if (fired) result.rounds++
  }

  const lifted = db
    .select({ id: documents.id, until: documents.embargoUntil })
    .from(documents)
    .where(
      and(
        isNull(documents.deletedAt),
        lte(documents.embargoUntil, now),
        gt(documents.embargoUntil, new Date(now.getTime() - EMBARGO_CATCH_UP_MS)),
        notFired('document_embargo_lifted', documents.id, documents.embargoUntil),
      ),
    )
    .orderBy(asc(documents.embargoUntil))
    .limit(BATCH)
    .all()
  for (const d of lifted)
    if (
      fire(
        now,
        { recordId: d.id, dueAt: d.until! },
        { kind: 'document_embargo_lifted', recordType: 'document', recordId: d.id },
      )
    )
      result.embargoes++

  const reminded = runReminders(now)
  result.dueSoon = reminded.dueSoon
  result.overdue = reminded.overdue
  return result
}
