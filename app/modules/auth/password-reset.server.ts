/**
 * Password reset through the mail outbox. The request always gets the same answer, whether an account
 * exists or not; the link (built on APP_ORIGIN) expires after an hour and works once; setting the new
 * password ends every session of the person.
 */
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { people, sessions } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import { audit } from '~/modules/audit/audit.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { queueMail } from '~/modules/mail/mail.server'
import { revokeAllApiTokens } from './api-tokens.server'
import { linkOwner, setPasswordByLink } from './one-time-links.server'
import { checkOneTimeToken, createOneTimeToken, linkTo, type LinkRefusal } from './one-time-tokens.server'
import { accountKey, clearHits, hitUnlessLimited, refuseThrottled } from './rate-limit.server'

export const RESET_WINDOW_MS = 60 * 60 * 1000
export const RESET_LIMIT_PER_EMAIL = 5
/** Higher: several people may share an office's address. */
export const RESET_LIMIT_PER_IP = 20

export const resetEmailKey = (email: string) => `reset:email:${email.trim().toLowerCase()}`
export const resetIpKey = (ip: string) => `reset:ip:${ip}`

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'throttled'; retryAfter: number }

/** Queues the reset mail when an active account has this e-mail. Every request counts towards the limits,
 * so the limits reveal nothing either. */
export function requestPasswordReset(input: {
  email: string
  ip: string | null
  now?: number
}): ResetRequestResult {
  const now = input.now ?? Date.now()
  const email = input.email.trim().toLowerCase()
  const ip = input.ip ?? 'unknown'
  const { wait } = hitUnlessLimited(
    [
      { key: resetEmailKey(email), limit: RESET_LIMIT_PER_EMAIL, windowMs: RESET_WINDOW_MS },
      { key: resetIpKey(ip), limit: RESET_LIMIT_PER_IP, windowMs: RESET_WINDOW_MS },
    ],
    now,
  )
  if (wait > 0)
    return refuseThrottled({ actorEmail: email, action: 'auth.passwordReset.request', ip: input.ip }, wait)

  const person = db.select().from(people).where(eq(people.email, email)).get()
  if (!person || person.status !== 'active') {
    audit({
      actorEmail: email,
      action: 'auth.passwordReset.request',
      outcome: 'failed',
      targetType: 'person',
      targetId: person?.id ?? null,
      ip: input.ip,
      details: { reason: person ? `account_${person.status}` : 'unknown_account' },
    })
    return { ok: true }
  }
  writeTx((tx) => {
    const token = createOneTimeToken(tx, { kind: 'password_reset', personId: person.id }, now)
    const { t } = translator(person.language)
    queueMail(
      {
        to: person.email,
        subject: t('account.resetMail.subject'),
        text: t('account.resetMail.body', { name: person.name, link: linkTo(`/password-reset/${token}`) }),
        kind: 'password_reset',
      },
      tx,
    )
    audit(
      {
        actorEmail: email,
        action: 'auth.passwordReset.request',
        targetType: 'person',
        targetId: person.id,
        ip: input.ip,
      },
      tx,
    )
  })
  return { ok: true }
}

export type ResetView = { state: 'ok' | LinkRefusal; language: 'es' | 'en' | null }

export function viewPasswordReset(token: string, now = Date.now()): ResetView {
  const owner = linkOwner('password_reset', token)
  if (!owner) return { state: 'unknown', language: null }
  const check = checkOneTimeToken(db, 'password_reset', token, now)
  if (!check.ok) return { state: check.reason, language: owner.language }
  if (owner.status !== 'active') return { state: 'unknown', language: owner.language }
  return { state: 'ok', language: owner.language }
}

export type ResetResult =
  | { ok: true }
  | { ok: false; reason: LinkRefusal | 'password'; language: 'es' | 'en' | null }

/** Sets the new password once and ends all of the person's sessions, in one transaction. */
export async function completePasswordReset(input: {
  token: string
  password: string
  ip: string | null
  now?: number
}): Promise<ResetResult> {
  const now = input.now ?? Date.now()
  const set = await setPasswordByLink({
    kind: 'password_reset',
    action: 'auth.passwordReset.complete',
    token: input.token,
    password: input.password,
    ip: input.ip,
    now,
    refuseStatus: (status) => (status === 'active' ? null : 'unknown'),
    write: (tx, personId, passwordHash) => {
      tx.update(people)
        .set({ passwordHash, passwordChangedAt: new Date(now), updatedAt: new Date(now) })
        .where(eq(people.id, personId))
        .run()
      const ended = tx.delete(sessions).where(eq(sessions.personId, personId)).run().changes
      // the API tokens end with the sessions: they were trusted under the old password
      const tokensRevoked = revokeAllApiTokens(tx, personId)
      return { sessionsEnded: ended, tokensRevoked }
    },
  })
  if (!set.ok) return set
  const { owner } = set
  // The owner of the mailbox proved who they are: earlier failed sign-ins no longer hold them back.
  clearHits(accountKey(owner.email))
  return { ok: true }
}
