import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm'
import { db } from '@db/client'
import { rateLimitEvents } from '@db/schema'
import { audit, type AuditEntry } from '~/modules/audit/audit.server'

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const LOGIN_LIMIT_PER_ACCOUNT = 10
export const LOGIN_LIMIT_PER_IP = 100

export const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`
export const ipKey = (ip: string) => `login:ip:${ip}`

/** Seconds until the key may try again, or 0 when under the limit. Stored in the database, so a
 * restart does not reset it. */
export function retryAfterSeconds(key: string, limit: number, windowMs = LOGIN_WINDOW_MS, now = Date.now()) {
  const since = new Date(now - windowMs)
  const row = db
    .select({ n: count(), first: min(rateLimitEvents.at) })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)))
    .get()
  if (!row || row.n < limit || !row.first) return 0
  const first = row.first instanceof Date ? row.first.getTime() : Number(row.first)
  return Math.max(1, Math.ceil((first + windowMs - now) / 1000))
}

export interface Limit {
  key: string
  limit: number
  windowMs?: number
}

/**
 * The check and the count in one immediate transaction: the seconds to wait when any of the limits is
 * reached (nothing counted), else one hit recorded per key (their ids, to take back with removeHits()).
 * SQLite's write lock makes it atomic across the processes of a cluster (server.mjs): two attempts sent
 * at once to two processes cannot both read "one under the limit" and both pass.
 */
export function hitUnlessLimited(limits: Limit[], now = Date.now()): { wait: number; hits: number[] } {
  return db.transaction(
    () => {
      const wait = Math.max(
        0,
        ...limits.map((l) => retryAfterSeconds(l.key, l.limit, l.windowMs ?? LOGIN_WINDOW_MS, now)),
      )
      if (wait > 0) return { wait, hits: [] }
      return { wait: 0, hits: limits.map((l) => recordHit(l.key, now)) }
    },
    { behavior: 'immediate' },
  )
}

/** Returns the new row's id, so that a provisional hit can be taken back with removeHits(). */
export function recordHit(key: string, now = Date.now()): number {
  return db
    .insert(rateLimitEvents)
    .values({ key, at: new Date(now) })
    .returning({ id: rateLimitEvents.id })
    .get().id
}

export function removeHits(ids: number[]) {
  db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, ids)).run()
}

export function clearHits(key: string) {
  db.delete(rateLimitEvents).where(eq(rateLimitEvents.key, key)).run()
}

export function pruneRateLimits(now = Date.now()) {
  db.delete(rateLimitEvents)
    .where(lt(rateLimitEvents.at, new Date(now - 24 * 60 * 60 * 1000)))
    .run()
}

/** A request refused for coming too often: recorded in the audit log, with the seconds to wait. */
export function refuseThrottled(
  entry: Pick<AuditEntry, 'actor' | 'actorEmail' | 'action' | 'ip'>,
  retryAfter: number,
) {
  audit({ ...entry, outcome: 'refused', details: { reason: 'throttled' } })
  return { ok: false as const, reason: 'throttled' as const, retryAfter }
}
