/**
 * The signed-in person's own account: profile, language, password, sessions, personal API tokens, the
 * second factor's state (its changes are in totp.server.ts).
 * Everything acts on the viewer's own rows only; every change is audited (never with a secret in it), in
 * `writeTx`; refusals are DomainErrors, recorded in the audit log once.
 */
import { and, eq, ne } from 'drizzle-orm'
import { db } from '@db/client'
import { organizations, people, sessions, type Language } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { DomainError, invalid, notFound, recordRefusal } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { createApiToken, listApiTokens, revokeAllApiTokens, revokeApiToken } from './api-tokens.server'
import type { ApiTokenScope } from './constants'
import { hashPassword, PasswordLengthError, verifyPassword } from './password.server'
import { hitUnlessLimited, removeHits } from './rate-limit.server'
import { invalidateOwnSession, listSessions } from './session.server'
import { secondFactorStatus } from './totp.server'

/** Wrong current passwords on the change form, per person, before 429. */
export const PASSWORD_CHANGE_LIMIT = 10
export const passwordChangeKey = (personId: string) => `password:${personId}`

/** "Firefox on Windows": enough to recognise a session, without keeping a fingerprint. */
export function describeBrowser(userAgent: string | null): string | null {
  if (!userAgent) return null
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/curl\//, 'curl'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null
  const os =
    [
      [/Windows/, 'Windows'],
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Mac OS X/, 'macOS'],
      [/Linux/, 'Linux'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null
  if (!browser && !os) return userAgent.slice(0, 60)
  return [browser, os].filter(Boolean).join(' · ')
}

/** The viewer's own profile, with their organization's name in the page's language. */
export function getProfile(viewer: Viewer, lang: Lang) {
  const person = db
    .select({
      name: people.name,
      email: people.email,
      title: people.title,
      phone: people.phone,
      language: people.language,
      role: people.role,
      organizationNameEs: organizations.nameEs,
      organizationNameEn: organizations.nameEn,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, viewer.id))
    .get()
  if (!person) throw notFound()
  const { organizationNameEs, organizationNameEn, ...profile } = person
  return { ...profile, organization: lang === 'en' ? organizationNameEn : organizationNameEs }
}

/** The viewer's own sessions, the current one first, then the most recently active. */
export function listOwnSessions(viewer: Viewer) {
  return listSessions(viewer.id)
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      browser: describeBrowser(s.userAgent),
      current: s.id === viewer.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
}

/** The viewer's own personal API tokens (never the clear token: it is shown once, at creation). */
export function listOwnTokens(viewer: Viewer, now = Date.now()) {
  return listApiTokens(viewer.id).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    scope: t.scope,
    status: t.revokedAt
      ? ('revoked' as const)
      : t.expiresAt && t.expiresAt.getTime() <= now
        ? ('expired' as const)
        : ('active' as const),
  }))
}

/** The viewer's second factor: on or off, whether they must keep it, and whether they may turn it off. */
export function getSecondFactor(viewer: Viewer) {
  const status = secondFactorStatus(viewer.id)
  if (!status) throw notFound()
  const { totpExempt, email: _email, ...shown } = status
  return {
    ...shown,
    canTurnOff: status.enrolled && can(viewer, 'secondFactor.turnOff', { personId: viewer.id, totpExempt }),
  }
}

export function updateProfile(
  viewer: Viewer,
  input: { name: string; title?: string; phone?: string },
  ip: string | null,
) {
  writeTx((tx) => {
    tx.update(people)
      .set({
        name: input.name,
        title: input.title ?? null,
        phone: input.phone ?? null,
        updatedAt: new Date(),
      })
      .where(eq(people.id, viewer.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'account.profile',
        targetType: 'person',
        targetId: viewer.id,
        ip,
        details: { fields: ['name', 'title', 'phone'] },
      },
      tx,
    )
  })
}

export function updateLanguage(viewer: Viewer, language: Language, ip: string | null) {
  writeTx((tx) => {
    tx.update(people).set({ language, updatedAt: new Date() }).where(eq(people.id, viewer.id)).run()
    audit(
      {
        actor: viewer,
        action: 'account.language',
        targetType: 'person',
        targetId: viewer.id,
        ip,
        details: { language },
      },
      tx,
    )
  })
}

/**
 * Needs the current password; on success every OTHER session of the person ends (this one stays) and
 * the number ended is returned. Refuses with a DomainError: 429 after too many wrong current passwords
 * (with Retry-After), 400 at `currentPassword` for a wrong one, 400 at `password` for one too long to hash.
 */
export async function changePassword(
  viewer: Viewer,
  input: { currentPassword: string; password: string },
  ip: string | null,
  now = Date.now(),
): Promise<number> {
  const key = passwordChangeKey(viewer.id)
  // Counted before the slow check (and taken back on success), in the check's immediate transaction, so
  // parallel attempts cannot all pass.
  const { wait, hits } = hitUnlessLimited([{ key, limit: PASSWORD_CHANGE_LIMIT }], now)
  if (wait > 0) {
    const error = new DomainError(429, 'account.password.throttled', {
      refusal: {
        actor: viewer,
        action: 'account.password',
        outcome: 'refused',
        ip,
        details: { reason: 'throttled' },
      },
      headers: { 'Retry-After': String(wait) },
    })
    recordRefusal(error)
    throw error
  }
  const hit = hits[0]!
  const row = db.select({ hash: people.passwordHash }).from(people).where(eq(people.id, viewer.id)).get()
  if (!row?.hash || !(await verifyPassword(row.hash, input.currentPassword))) {
    const error = new DomainError(400, 'account.password.wrongCurrent', {
      field: 'currentPassword',
      refusal: {
        actor: viewer,
        action: 'account.password',
        outcome: 'failed',
        ip,
        details: { reason: 'wrong_current' },
      },
    })
    recordRefusal(error)
    throw error
  }
  removeHits([hit])
  let hashed: string
  try {
    hashed = await hashPassword(input.password)
  } catch (error) {
    if (error instanceof PasswordLengthError) throw invalid('validation.passwordTooLong', 'password')
    throw error
  }
  return writeTx((tx) => {
    tx.update(people)
      .set({ passwordHash: hashed, passwordChangedAt: new Date(now), updatedAt: new Date(now) })
      .where(eq(people.id, viewer.id))
      .run()
    const others = viewer.sessionId
      ? and(eq(sessions.personId, viewer.id), ne(sessions.id, viewer.sessionId))
      : eq(sessions.personId, viewer.id)
    const ended = tx.delete(sessions).where(others).run().changes
    // the API tokens end with the other sessions: they were trusted under the old password
    const tokensRevoked = revokeAllApiTokens(tx, viewer.id)
    audit(
      {
        actor: viewer,
        action: 'account.password',
        targetType: 'person',
        targetId: viewer.id,
        ip,
        details: { sessionsEnded: ended, tokensRevoked },
      },
      tx,
    )
    return ended
  })
}

/** Ends one of the viewer's own sessions. Anyone else's (or one already ended) is not found: a 404
 * DomainError, its refusal in the audit log. */
export function endSession(viewer: Viewer, sessionId: string, ip: string | null): void {
  const entry = {
    actor: viewer,
    action: 'account.endSession',
    targetType: 'session',
    ip,
    details: { current: sessionId === viewer.sessionId },
  }
  writeTx((tx) => {
    if (!invalidateOwnSession(viewer.id, sessionId)) {
      throw new DomainError(404, 'error.404', { refusal: { ...entry, outcome: 'refused' } })
    }
    audit(entry, tx)
  })
}

/** Ends every session of the viewer except the one making the request. */
export function endOtherSessions(viewer: Viewer, ip: string | null): number {
  if (!viewer.sessionId) return 0
  const current = viewer.sessionId
  return writeTx((tx) => {
    const ended = tx
      .delete(sessions)
      .where(and(eq(sessions.personId, viewer.id), ne(sessions.id, current)))
      .run().changes
    audit({ actor: viewer, action: 'account.endOtherSessions', ip, details: { sessionsEnded: ended } }, tx)
    return ended
  })
}

/** Creates a personal API token; the clear token is returned to show once and is never stored. */
export function createPersonalToken(
  viewer: Viewer,
  input: { name: string; expiresInDays: string; scope: ApiTokenScope },
  ip: string | null,
  now = Date.now(),
) {
  const expiresAt = new Date(now + Number(input.expiresInDays) * 86_400_000)
  return writeTx((tx) => {
    const created = createApiToken(viewer.id, input.name, { expiresAt, scope: input.scope }, tx)
    audit(
      {
        actor: viewer,
        action: 'account.apiToken.create',
        targetType: 'api_token',
        targetId: created.id,
        ip,
        details: { name: input.name, expiresAt: expiresAt.toISOString(), scope: input.scope },
      },
      tx,
    )
    return {
      id: created.id,
      name: input.name,
      token: created.token,
      expiresAt: expiresAt.toISOString(),
      scope: input.scope,
    }
  })
}

/** Revokes one of the viewer's own tokens. Anyone else's (or one already revoked) is not found: a 404
 * DomainError, its refusal in the audit log. */
export function revokePersonalToken(viewer: Viewer, tokenId: string, ip: string | null): void {
  const entry = {
    actor: viewer,
    action: 'account.apiToken.revoke',
    targetType: 'api_token',
    targetId: tokenId,
    ip,
  }
  writeTx((tx) => {
    if (!revokeApiToken(viewer.id, tokenId)) {
      throw new DomainError(404, 'error.404', { refusal: { ...entry, outcome: 'refused' } })
    }
    audit(entry, tx)
  })
}
