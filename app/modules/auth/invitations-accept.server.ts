/**
 * The invitation link: an invited person sets their password once, becomes active and is signed in.
 * The token is consumed in the same transaction that sets the password, so a second (or racing) use
 * is refused.
 */
import { and, eq } from 'drizzle-orm'
import { db } from '@db/client'
import { oneTimeTokens, organizations, people, type Language } from '@db/schema'
import { isLang, type Lang } from '~/i18n/core'
import { mustUseSecondFactor } from '~/modules/access/can'
import { audit } from '~/modules/audit/audit.server'
import { writeTx } from '~/modules/core/write-tx.server'
import {
  checkOneTimeToken,
  consumeOneTimeToken,
  type LinkRefusal,
  type OneTimeKind,
} from './one-time-tokens.server'
import { hashPassword, PasswordLengthError } from './password.server'
import { createSession, readCookie } from './session.server'
import { hashToken } from './tokens.server'

/** The person a link belongs to, whatever the state of the link (to answer in their language). */
export function linkOwner(kind: OneTimeKind, token: string) {
  if (!token || token.length > 100) return null
  return (
    db
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        language: people.language,
        status: people.status,
        role: people.role,
        totpKey: people.totpKey,
        totpExempt: people.totpExempt,
        organizationId: people.organizationId,
        organizationNameEs: organizations.nameEs,
        organizationNameEn: organizations.nameEn,
      })
      .from(oneTimeTokens)
      .innerJoin(people, eq(people.id, oneTimeTokens.personId))
      .innerJoin(organizations, eq(organizations.id, people.organizationId))
      .where(and(eq(oneTimeTokens.tokenHash, hashToken(token)), eq(oneTimeTokens.kind, kind)))
      .get() ?? null
  )
}

/** Pages opened from a link speak the person's language: when the page would come out in another one and
 * nobody chose a language with the switch, the path to redirect to (its `?lang=` is remembered). */
export function personLanguageRedirect(
  request: Request,
  current: Lang,
  personLanguage: Lang | null,
): string | null {
  if (!personLanguage || personLanguage === current) return null
  const url = new URL(request.url)
  if (isLang(url.searchParams.get('lang')) || isLang(readCookie(request, 'lang'))) return null
  url.searchParams.set('lang', personLanguage)
  return url.pathname + url.search
}

export type InvitationView =
  | { state: 'ok'; name: string; email: string; organization: string; language: Language }
  | { state: LinkRefusal; language: Language | null }

/** What the invitation page shows: who is invited, or why the link no longer works. */
export function viewInvitation(token: string, lang: Lang, now = Date.now()): InvitationView {
  const owner = linkOwner('invitation', token)
  const check = checkOneTimeToken(db, 'invitation', token, now)
  if (!owner) return { state: 'unknown', language: null }
  if (!check.ok) return { state: check.reason, language: owner.language }
  if (owner.status === 'active') return { state: 'used', language: owner.language }
  if (owner.status !== 'invited') return { state: 'unknown', language: owner.language }
  return {
    state: 'ok',
    name: owner.name,
    email: owner.email,
    organization: lang === 'en' ? owner.organizationNameEn : owner.organizationNameEs,
    language: owner.language,
  }
}

export type AcceptResult =
  | { ok: true; token: string; expiresAt: Date; needsSecondFactor: boolean }
  | { ok: false; reason: LinkRefusal | 'password'; language: Language | null }

/** Sets the password, activates the person, consumes the link and signs them in. */
export async function acceptInvitation(input: {
  token: string
  password: string
  ip: string | null
  userAgent: string | null
  now?: number
}): Promise<AcceptResult> {
  const now = input.now ?? Date.now()
  const owner = linkOwner('invitation', input.token)
  const refuse = (reason: LinkRefusal): AcceptResult => {
    audit({
      actorEmail: owner?.email ?? null,
      action: 'auth.acceptInvitation',
      outcome: 'refused',
      targetType: 'person',
      targetId: owner?.id ?? null,
      ip: input.ip,
      details: { reason },
    })
    return { ok: false, reason, language: owner?.language ?? null }
  }
  const first = checkOneTimeToken(db, 'invitation', input.token, now)
  if (!owner || !first.ok) return refuse(first.ok ? 'unknown' : first.reason)
  if (owner.status !== 'invited') return refuse(owner.status === 'active' ? 'used' : 'unknown')

  let passwordHash: string
  try {
    passwordHash = await hashPassword(input.password)
  } catch (error) {
    if (error instanceof PasswordLengthError)
      return { ok: false, reason: 'password', language: owner.language }
    throw error
  }

  // Hashing took a while: check the link again inside the write, and consume it there.
  const outcome = writeTx((tx): LinkRefusal | null => {
    const check = checkOneTimeToken(tx, 'invitation', input.token, now)
    if (!check.ok) return check.reason
    const person = tx
      .select({ status: people.status })
      .from(people)
      .where(eq(people.id, check.personId))
      .get()
    if (person?.status !== 'invited') return person?.status === 'active' ? 'used' : 'unknown'
    if (!consumeOneTimeToken(tx, check.id, now)) return 'used'
    tx.update(people)
      .set({ passwordHash, status: 'active', passwordChangedAt: new Date(now), updatedAt: new Date(now) })
      .where(eq(people.id, check.personId))
      .run()
    audit(
      {
        actor: owner,
        action: 'auth.acceptInvitation',
        targetType: 'person',
        targetId: owner.id,
        ip: input.ip,
      },
      tx,
    )
    return null
  })
  if (outcome) return refuse(outcome)

  // Those who must use a second factor set it up before the session is of any use.
  const needsSecondFactor = Boolean(owner.totpKey) || mustUseSecondFactor(owner)
  const { token, session } = createSession(
    owner.id,
    { ip: input.ip, userAgent: input.userAgent, twoFactorVerified: !needsSecondFactor },
    now,
  )
  audit({
    actor: owner,
    action: 'auth.signIn',
    ip: input.ip,
    details: { via: 'invitation', ...(needsSecondFactor ? { secondFactor: 'pending' } : {}) },
  })
  return { ok: true, token, expiresAt: session.expiresAt, needsSecondFactor }
}
