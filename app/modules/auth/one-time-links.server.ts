/**
 * Setting a password through a one-time link (an invitation, a password reset): the link is checked,
 * the password hashed, then the link is checked again and consumed inside the write that sets the
 * password, so that a second (or racing) use is refused. Every refusal of the link is audited.
 */
import { and, eq } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { oneTimeTokens, organizations, people, type Language } from '@db/schema'
import { audit } from '~/modules/audit/audit.server'
import {
  checkOneTimeToken,
  consumeOneTimeToken,
  type LinkRefusal,
  type OneTimeKind,
} from './one-time-tokens.server'
import { hashPassword, PasswordLengthError } from './password.server'
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

export type LinkOwner = NonNullable<ReturnType<typeof linkOwner>>
type PersonStatus = LinkOwner['status']

export type LinkPasswordResult =
  | { ok: true; owner: LinkOwner }
  | { ok: false; reason: LinkRefusal | 'password'; language: Language | null }

/** Sets the password of the link's owner once. `refuseStatus` says why an account in a given state may
 * not use the link (null: it may); `write` does the rest of the change in the same transaction and
 * returns the details of its audit entry (`action`, outcome ok). */
export async function setPasswordByLink(input: {
  kind: OneTimeKind
  action: string
  token: string
  password: string
  ip: string | null
  now: number
  refuseStatus: (status: PersonStatus | undefined) => LinkRefusal | null
  write: (tx: Tx, personId: string, passwordHash: string) => Record<string, unknown> | undefined
}): Promise<LinkPasswordResult> {
  const { kind, action, token, ip, now } = input
  const owner = linkOwner(kind, token)
  const refuse = (reason: LinkRefusal): LinkPasswordResult => {
    audit({
      actorEmail: owner?.email ?? null,
      action,
      outcome: 'refused',
      targetType: 'person',
      targetId: owner?.id ?? null,
      ip,
      details: { reason },
    })
    return { ok: false, reason, language: owner?.language ?? null }
  }
  const first = checkOneTimeToken(db, kind, token, now)
  if (!owner || !first.ok) return refuse(first.ok ? 'unknown' : first.reason)
  const refusedOwner = input.refuseStatus(owner.status)
  if (refusedOwner) return refuse(refusedOwner)

  let passwordHash: string
  try {
    passwordHash = await hashPassword(input.password)
  } catch (error) {
    if (error instanceof PasswordLengthError)
      return { ok: false, reason: 'password', language: owner.language }
    throw error
  }

  // Hashing took a while: check the link again inside the write, and consume it there.
  const outcome = db.transaction(
    (tx): LinkRefusal | null => {
      const check = checkOneTimeToken(tx, kind, token, now)
      if (!check.ok) return check.reason
      const person = tx
        .select({ status: people.status })
        .from(people)
        .where(eq(people.id, check.personId))
        .get()
      const refused = input.refuseStatus(person?.status)
      if (refused) return refused
      if (!consumeOneTimeToken(tx, check.id, now)) return 'used'
      const details = input.write(tx, check.personId, passwordHash)
      audit({ actor: owner, action, targetType: 'person', targetId: owner.id, ip, details }, tx)
      return null
    },
    { behavior: 'immediate' },
  )
  if (outcome) return refuse(outcome)
  return { ok: true, owner }
}
