import { and, desc, eq, isNull } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { apiTokens } from '@db/schema'
import { DEFAULT_TOKEN_DAYS, type ApiTokenScope } from './constants'
import { generateToken, hashToken } from './tokens.server'

export const API_TOKEN_PREFIX = 'rcm_'
const DAY = 86_400_000

/** Creates a personal API token; the clear token is returned once and never stored. Every token
 * expires (90 days unless told otherwise) and has a scope (read unless told otherwise). */
export function createApiToken(
  personId: string,
  name: string,
  options: { expiresAt?: Date; scope?: ApiTokenScope } = {},
  tx: Tx | typeof db = db,
) {
  const token = API_TOKEN_PREFIX + generateToken()
  const expiresAt = options.expiresAt ?? new Date(Date.now() + DEFAULT_TOKEN_DAYS * DAY)
  const scope = options.scope ?? 'read'
  const row = tx
    .insert(apiTokens)
    .values({ personId, name, tokenHash: hashToken(token), expiresAt, scope })
    .returning({ id: apiTokens.id })
    .get()
  return { id: row.id, token, expiresAt, scope }
}

/** Ends every live token of a person: with their sessions, when the reasons to trust them end (a new
 * password, a reset, the account disabled). Returns how many. */
export function revokeAllApiTokens(tx: Tx | typeof db, personId: string, now = new Date()): number {
  return tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .run().changes
}

export function listApiTokens(personId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      scope: apiTokens.scope,
    })
    .from(apiTokens)
    .where(eq(apiTokens.personId, personId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
}

export function revokeApiToken(personId: string, tokenId: string): boolean {
  const r = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .run()
  return r.changes > 0
}

/** The person and scope behind a live token, or null. */
export function validateApiToken(
  token: string,
  now = Date.now(),
): { personId: string; scope: ApiTokenScope } | null {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null
  const row = db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .get()
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    db.update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.id))
      .run()
  }
  return { personId: row.personId, scope: row.scope }
}
