import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { people } from '@db/schema'
import { mustUseSecondFactor } from '~/modules/access/can'
import { audit } from '~/modules/audit/audit.server'
import { verifyAgainstDummy, verifyPassword } from './password.server'
import {
  accountKey,
  clearHits,
  ipKey,
  LOGIN_LIMIT_PER_ACCOUNT,
  LOGIN_LIMIT_PER_IP,
  hitUnlessLimited,
  refuseThrottled,
  removeHits,
} from './rate-limit.server'
import { createSession } from './session.server'

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; needsSecondFactor: boolean; personId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }

/** Checks the password with the same error and similar timing for unknown e-mails and wrong
 * passwords; counts failures per account and per IP in the database. */
export async function signIn(input: {
  email: string
  password: string
  ip: string | null
  userAgent: string | null
}): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const ip = input.ip ?? 'unknown'
  // Counted before the (slow) password check, in the same immediate transaction as the limit check, so
  // that attempts sent in parallel (to any process) cannot all pass it; taken back when the password is right.
  const { wait, hits } = hitUnlessLimited([
    { key: accountKey(email), limit: LOGIN_LIMIT_PER_ACCOUNT },
    { key: ipKey(ip), limit: LOGIN_LIMIT_PER_IP },
  ])
  if (wait > 0) return refuseThrottled({ actorEmail: email, action: 'auth.signIn', ip: input.ip }, wait)
  const person = db.select().from(people).where(eq(people.email, email)).get()
  const usable = person && person.status === 'active' && person.passwordHash
  const valid = usable
    ? await verifyPassword(person.passwordHash!, input.password)
    : await verifyAgainstDummy(input.password)
  if (!valid || !person) {
    audit({
      actorEmail: email,
      action: 'auth.signIn',
      outcome: 'failed',
      targetType: 'person',
      targetId: person?.id ?? null,
      ip: input.ip,
      details: {
        reason: !person
          ? 'unknown_account'
          : person.status !== 'active'
            ? `account_${person.status}`
            : 'wrong_password',
      },
    })
    return { ok: false, reason: 'invalid' }
  }
  removeHits(hits)
  clearHits(accountKey(email))
  // A second factor is owed when one is set up, and by those who must use one (enrolment at sign-in).
  const needsSecondFactor = Boolean(person.totpKey) || mustUseSecondFactor(person)
  const { token, session } = createSession(person.id, {
    ip: input.ip,
    userAgent: input.userAgent,
    twoFactorVerified: !needsSecondFactor,
  })
  audit({
    actor: { id: person.id, email: person.email, organizationId: person.organizationId },
    action: 'auth.signIn',
    outcome: 'ok',
    ip: input.ip,
    details: needsSecondFactor ? { secondFactor: 'pending' } : undefined,
  })
  return { ok: true, token, expiresAt: session.expiresAt, needsSecondFactor, personId: person.id }
}
