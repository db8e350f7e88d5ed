/**
 * Sessions as in Lucia's guide (lucia-auth.com/sessions): a random token in the cookie, its SHA-256 as
 * the row id. Idle timeout (SESSION_IDLE_MINUTES) and absolute lifetime (SESSION_MAX_HOURS).
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import { db, prepared } from '@db/client'
import { people, sessions } from '@db/schema'
import { appOrigin, getEnv } from '~/env.server'
import { generateToken, hashToken } from './tokens.server'

export type SessionRow = typeof sessions.$inferSelect

// Touching lastSeenAt on every request would write on every page view; once a minute is enough.
const TOUCH_EVERY_MS = 60 * 1000

export function createSession(
  personId: string,
  meta: { ip?: string | null; userAgent?: string | null; twoFactorVerified: boolean },
  now = Date.now(),
): { token: string; session: SessionRow } {
  const token = generateToken()
  const env = getEnv()
  const session: SessionRow = {
    id: hashToken(token),
    personId,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt: new Date(now + env.SESSION_MAX_HOURS * 3600 * 1000),
    twoFactorVerified: meta.twoFactorVerified,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  }
  db.insert(sessions).values(session).run()
  return { token, session }
}

/** The session for a token, or null when unknown, idle too long or past its absolute lifetime
 * (an expired row is deleted). */
export function validateSessionToken(token: string, now = Date.now()): SessionRow | null {
  if (!token || token.length > 100) return null
  const id = hashToken(token)
  const row = prepared('session.byId', (d) =>
    d
      .select()
      .from(sessions)
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id })
  if (!row) return null
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60 * 1000
  if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= idleMs) {
    db.delete(sessions).where(eq(sessions.id, id)).run()
    return null
  }
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id))
      .run()
    row.lastSeenAt = new Date(now)
  }
  return row
}

export function markTwoFactorVerified(sessionId: string) {
  db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run()
}

export function invalidateSession(sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run()
}

/** Ends one of a person's sessions, only if it is theirs. */
export function invalidateOwnSession(personId: string, sessionId: string): boolean {
  const r = db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.personId, personId)))
    .run()
  return r.changes > 0
}

export function invalidateAllSessions(personId: string, exceptSessionId?: string) {
  db.delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.personId, personId), ne(sessions.id, exceptSessionId))
        : eq(sessions.personId, personId),
    )
    .run()
}

export function listSessions(personId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.personId, personId))
    .all()
}

// ---- cookie ----

export function isSecureOrigin(): boolean {
  return appOrigin()?.startsWith('https://') ?? false
}

/** `__Host-` prefix only over HTTPS: browsers refuse such cookies without Secure. */
export function sessionCookieName(): string {
  return isSecureOrigin() ? '__Host-rcm_session' : 'rcm_session'
}

export function serializeSessionCookie(token: string, expiresAt: Date): string {
  const parts = [
    `${sessionCookieName()}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
  ]
  if (isSecureOrigin()) parts.push('Secure')
  return parts.join('; ')
}

export function clearSessionCookie(): string {
  const parts = [`${sessionCookieName()}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0']
  if (isSecureOrigin()) parts.push('Secure')
  return parts.join('; ')
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

export function sessionTokenFrom(request: Request): string | null {
  return readCookie(request, sessionCookieName())
}

/** Used by the person loader: the active person behind a session. */
export function personForSession(personId: string) {
  return db.select().from(people).where(eq(people.id, personId)).get()
}
