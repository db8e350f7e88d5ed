import { and, desc, eq, gte, inArray, like, lt, lte, or, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { auditLog, people } from '@db/schema'
import type { AUDIT_OUTCOMES } from './constants'
import type { Viewer } from '~/modules/access/viewer'

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

export interface AuditEntry {
  actor?: Pick<Viewer, 'id' | 'email' | 'organizationId'> | null
  /** when there is no signed-in actor (failed sign-in): who it was about */
  actorEmail?: string | null
  action: string
  outcome?: AuditOutcome
  targetType?: string
  targetId?: string | null
  ip?: string | null
  details?: Record<string, unknown>
}

const SECRET_KEYS = /pass|token|secret|totp|code|hash/i

/** Drops anything that looks like a secret before it reaches the log. */
function scrub(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value
  // Too deep to inspect: dropped, never stored unscrubbed.
  if (depth > 4) return '[nested]'
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1))
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.test(k))
      .map(([k, v]) => [k, scrub(v, depth + 1)]),
  )
}

/** Appends one entry. Pass the transaction to record it together with the change it describes. */
export function audit(entry: AuditEntry, tx: Tx | typeof db = db) {
  tx.insert(auditLog)
    .values({
      at: new Date(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      organizationId: entry.actor?.organizationId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? (scrub(entry.details) as Record<string, unknown>) : null,
    })
    .run()
}

export interface AuditFilters {
  actor?: string
  action?: string
  outcome?: AuditOutcome
  from?: Date
  to?: Date
  before?: number
}

export const AUDIT_PAGE_SIZE = 50

/** Newest first, keyset-paginated by id. */
export function listAudit(filters: AuditFilters, limit = AUDIT_PAGE_SIZE) {
  const where: SQL[] = []
  if (filters.actor) {
    const p = `%${filters.actor.toLowerCase()}%`
    // an e-mail, an id, or a part of the person's name
    const named = db.select({ id: people.id }).from(people).where(like(people.name, p))
    where.push(
      or(
        like(auditLog.actorEmail, p),
        eq(auditLog.actorId, filters.actor),
        inArray(auditLog.actorId, named),
      )!,
    )
  }
  if (filters.action) where.push(like(auditLog.action, `${filters.action}%`))
  if (filters.outcome) where.push(eq(auditLog.outcome, filters.outcome))
  if (filters.from) where.push(gte(auditLog.at, filters.from))
  if (filters.to) where.push(lte(auditLog.at, filters.to))
  if (filters.before) where.push(lt(auditLog.id, filters.before))
  const rows = db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all()
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  return { items, nextBefore: more ? items[items.length - 1].id : null }
}
