import { and, eq, isNull } from 'drizzle-orm'
import { type db, type Tx } from '@db/client'
import { oneTimeTokens } from '@db/schema'
import { publicOrigin } from '~/env.server'
import type { LinkRefusal, OneTimeKind } from './constants'
import { generateToken, hashToken } from './tokens.server'

export type { LinkRefusal, OneTimeKind }

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000
export const RESET_TTL_MS = 60 * 60 * 1000

/** The status of a refused link's page: a used or expired link is gone, an unknown one was never there. */
export const LINK_REFUSAL_STATUS: Record<LinkRefusal, 404 | 410> = { used: 410, expired: 410, unknown: 404 }

/** Creates an invitation or reset token (stored hashed) and returns the clear token for the link.
 * Any earlier unused token of the same kind for the person stops working. */
export function createOneTimeToken(
  tx: Tx | typeof db,
  input: { kind: OneTimeKind; personId: string; createdById?: string | null; ttlMs?: number },
  now = Date.now(),
): string {
  const token = generateToken()
  tx.update(oneTimeTokens)
    .set({ usedAt: new Date(now) })
    .where(
      and(
        eq(oneTimeTokens.personId, input.personId),
        eq(oneTimeTokens.kind, input.kind),
        isNull(oneTimeTokens.usedAt),
      ),
    )
    .run()
  tx.insert(oneTimeTokens)
    .values({
      kind: input.kind,
      personId: input.personId,
      tokenHash: hashToken(token),
      createdById: input.createdById ?? null,
      expiresAt: new Date(
        now + (input.ttlMs ?? (input.kind === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS)),
      ),
    })
    .run()
  return token
}

export type TokenCheck =
  | { ok: true; id: string; personId: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' }

/** Looks a token up without using it (to show the form). */
export function checkOneTimeToken(
  tx: Tx | typeof db,
  kind: OneTimeKind,
  token: string,
  now = Date.now(),
): TokenCheck {
  if (!token || token.length > 100) return { ok: false, reason: 'unknown' }
  const row = tx
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, hashToken(token)), eq(oneTimeTokens.kind, kind)))
    .get()
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.usedAt) return { ok: false, reason: 'used' }
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: 'expired' }
  return { ok: true, id: row.id, personId: row.personId }
}

/** Marks a token used; call inside the transaction that applies it. Returns false if it was used
 * meanwhile (a second, racing use). */
export function consumeOneTimeToken(tx: Tx | typeof db, id: string, now = Date.now()): boolean {
  const r = tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date(now) })
    .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt)))
    .run()
  return r.changes === 1
}

/** An absolute link built on APP_ORIGIN (never the Host header). */
export function linkTo(path: string): string {
  const origin = publicOrigin()
  return new URL(path, origin).toString()
}
