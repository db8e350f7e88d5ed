/**
 * Delegates' logistics (arrival, departure, accessibility and dietary needs): personal data the
 * secretariat needs to receive a delegation, seen only by the secretariat and the member's own
 * delegation (`delegation.viewLogistics`), and kept only until LOGISTICS_RETENTION_DAYS after the
 * meeting ends. The retention rule is evaluated against the meeting's end as it stands at each sweep
 * (a meeting moved later keeps its delegates' logistics longer); the sweep deletes whole rows.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { delegationLogistics, delegationMembers, meetings } from '@db/schema'
import { getEnv } from '~/env.server'
import { audit } from '~/modules/audit/audit.server'
import { invalid } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { LOGISTICS_WINDOW_DAYS, type LogisticsInput } from './delegation-schemas'
import type { MeetingRow } from './meetings.server'
import { utcToZoned, zonedToUtc } from './time'

export const DAY_MS = 24 * 3600 * 1000

export const retentionDays = () => getEnv().LOGISTICS_RETENTION_DAYS

/** When a meeting's logistics are deleted. */
export const purgeDate = (endsAt: Date) => new Date(endsAt.getTime() + retentionDays() * DAY_MS)

export interface LogisticsValues {
  arrivalAt: Date | null
  departureAt: Date | null
  accessibility: string | null
  dietary: string | null
}

export const isEmptyLogistics = (v: LogisticsValues) =>
  !v.arrivalAt && !v.departureAt && !v.accessibility && !v.dietary

/** The form's wall-clock values as instants, checked against the meeting's dates; the message goes to
 * the field it concerns. */
export function logisticsValues(input: LogisticsInput, meeting: MeetingRow): LogisticsValues {
  const window = LOGISTICS_WINDOW_DAYS * DAY_MS
  const starts = meeting.startsAt.getTime()
  const ends = meeting.endsAt.getTime()
  const at = (field: 'arrivalAt' | 'departureAt') => {
    const local = input[field]
    if (!local) return null
    const d = zonedToUtc(local, meeting.timeZone)
    if (!d) throw invalid('meetings.error.dateTime', field)
    return d
  }
  const arrivalAt = at('arrivalAt')
  const departureAt = at('departureAt')
  if (arrivalAt && (arrivalAt.getTime() < starts - window || arrivalAt.getTime() > ends)) {
    throw invalid('delegations.error.arrivalOutside', 'arrivalAt')
  }
  if (departureAt && (departureAt.getTime() < starts || departureAt.getTime() > ends + window)) {
    throw invalid('delegations.error.departureOutside', 'departureAt')
  }
  if (arrivalAt && departureAt && departureAt < arrivalAt) {
    throw invalid('delegations.error.departureBeforeArrival', 'departureAt')
  }
  return {
    arrivalAt,
    departureAt,
    accessibility: input.accessibility ?? null,
    dietary: input.dietary ?? null,
  }
}

/** The form's values of stored logistics, in the meeting's zone. */
export function logisticsFormValues(v: LogisticsValues | null, timeZone: string): Record<string, string> {
  if (!v) return {}
  const out: Record<string, string> = {}
  if (v.arrivalAt) out.arrivalAt = utcToZoned(v.arrivalAt, timeZone)
  if (v.departureAt) out.departureAt = utcToZoned(v.departureAt, timeZone)
  if (v.accessibility) out.accessibility = v.accessibility
  if (v.dietary) out.dietary = v.dietary
  return out
}

/** Writes (or, when every field is empty, deletes) a member's logistics, inside the caller's transaction. */
export function putLogistics(tx: Tx, memberId: string, values: LogisticsValues, byId: string) {
  if (isEmptyLogistics(values)) {
    tx.delete(delegationLogistics).where(eq(delegationLogistics.memberId, memberId)).run()
    return
  }
  const row = { ...values, updatedById: byId, updatedAt: new Date() }
  tx.insert(delegationLogistics)
    .values({ memberId, ...row })
    .onConflictDoUpdate({ target: delegationLogistics.memberId, set: row })
    .run()
}

/** The logistics of some members, by member id. */
export function logisticsOf(memberIds: string[], tx: Tx | typeof db = db): Map<string, LogisticsValues> {
  if (!memberIds.length) return new Map()
  return new Map(
    tx
      .select()
      .from(delegationLogistics)
      .where(inArray(delegationLogistics.memberId, memberIds))
      .all()
      .map((l) => [
        l.memberId,
        {
          arrivalAt: l.arrivalAt,
          departureAt: l.departureAt,
          accessibility: l.accessibility,
          dietary: l.dietary,
        },
      ]),
  )
}

/** The retention job (from the start-up sweep): deletes the logistics of every meeting that ended more
 * than LOGISTICS_RETENTION_DAYS ago, whole rows, with one audit entry naming how many. */
export function purgeExpiredLogistics(now = new Date()): number {
  const cutoff = new Date(now.getTime() - retentionDays() * DAY_MS)
  return writeTx((tx) => {
    const expired = tx
      .select({ id: delegationMembers.id })
      .from(delegationMembers)
      .innerJoin(meetings, eq(meetings.id, delegationMembers.meetingId))
      .where(
        and(
          lt(meetings.endsAt, cutoff),
          sql`exists (select 1 from ${delegationLogistics} where ${delegationLogistics.memberId} = ${delegationMembers.id})`,
        ),
      )
      .all()
      .map((r) => r.id)
    if (!expired.length) return 0
    let deleted = 0
    // in chunks: SQLite bounds the number of parameters of one statement
    for (let i = 0; i < expired.length; i += 500) {
      deleted += tx
        .delete(delegationLogistics)
        .where(inArray(delegationLogistics.memberId, expired.slice(i, i + 500)))
        .run().changes
    }
    audit(
      {
        action: 'delegation.purgeLogistics',
        targetType: 'delegation_logistics',
        details: { deleted, retentionDays: retentionDays(), endedBefore: cutoff.toISOString() },
      },
      tx,
    )
    return deleted
  })
}
