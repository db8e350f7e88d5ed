import { and, desc, eq, isNull } from 'drizzle-orm'
import { db } from '@db/client'
import { apiTokens } from '@db/schema'
import { generateToken, hashToken } from './tokens.server'

export const API_TOKEN_PREFIX = 'rcm_'

/** Creates a personal API token; the clear token is returned once and never stored. */
export function createApiToken(personId: string, name: string, expiresAt: Date | null = null) {
  const token = API_TOKEN_PREFIX + generateToken()
  const row = db
    .insert(apiTokens)
    .values({ personId, name, tokenHash: hashToken(token), expiresAt })
    .returning({ id: apiTokens.id })
    .get()
  return { id: row.id, token }
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

/** The person id behind a live token, or null. */
export function validateApiToken(token: string, now = Date.now()): string | null {
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
  return row.personId
}
