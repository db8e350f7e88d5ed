import { Link } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import type { LinkRefusal, OneTimeKind } from '~/modules/auth/constants'

const TEXT: Record<OneTimeKind, Record<LinkRefusal, [MessageKey, MessageKey]>> = {
  invitation: {
    used: ['account.invite.usedTitle', 'account.invite.usedBody'],
    expired: ['account.invite.expiredTitle', 'account.invite.expiredBody'],
    unknown: ['account.link.unknownTitle', 'account.link.unknownBody'],
  },
  password_reset: {
    used: ['account.reset.usedTitle', 'account.reset.usedBody'],
    expired: ['account.reset.expiredTitle', 'account.reset.expiredBody'],
    unknown: ['account.link.unknownTitle', 'account.link.unknownBody'],
  },
}

/** Where to go next: an invited person already has (or must be given) an account, so they sign in; a
 * reset link can be asked for again. */
const NEXT: Record<OneTimeKind, { to: string; key: MessageKey }> = {
  invitation: { to: '/login', key: 'account.link.signIn' },
  password_reset: { to: '/password-reset', key: 'account.link.newReset' },
}

/** The page of a one-time link (invitation, password reset) that was used, has expired or is unknown. */
export function OneTimeLinkRefused({ kind, reason }: { kind: OneTimeKind; reason: LinkRefusal }) {
  const { t } = useT()
  const [title, body] = TEXT[kind][reason]
  const next = NEXT[kind]
  return (
    <div className="auth-page card">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p>
        <Link to={next.to}>{t(next.key)}</Link>
      </p>
    </div>
  )
}
