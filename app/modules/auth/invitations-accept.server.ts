/**
 * The invitation link: an invited person sets their password once (`setPasswordByLink`), becomes active
 * and is signed in.
 */
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { people, type Language } from '@db/schema'
import { isLang, type Lang } from '~/i18n/core'
import { mustUseSecondFactor } from '~/modules/access/can'
import { audit } from '~/modules/audit/audit.server'
import { linkOwner, setPasswordByLink } from './one-time-links.server'
import { checkOneTimeToken, type LinkRefusal } from './one-time-tokens.server'
import { createSession, readCookie } from './session.server'

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
  const set = await setPasswordByLink({
    kind: 'invitation',
    action: 'auth.acceptInvitation',
    token: input.token,
    password: input.password,
    ip: input.ip,
    now,
    // an invitation is for an account not yet active; once active, the link has been used
    refuseStatus: (status) => (status === 'invited' ? null : status === 'active' ? 'used' : 'unknown'),
    write: (tx, personId, passwordHash) => {
      tx.update(people)
        .set({ passwordHash, status: 'active', passwordChangedAt: new Date(now), updatedAt: new Date(now) })
        .where(eq(people.id, personId))
        .run()
      return undefined
    },
  })
  if (!set.ok) return set
  const { owner } = set

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
