// /account — the signed-in person's own account: a sub-navigation and one page per form (profile and
// language, password, sessions, API tokens, second factor), as the Epic Stack's settings routes are laid
// out. Each page's loader and action check the viewer themselves: a layout loader does not protect its
// children (Remix runs them in parallel).
import type { ActionFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import type { AccountIntent } from '~/modules/auth/account-schemas'
import { isAccountIntent } from '~/modules/auth/forms.server'
import { requireViewer } from '~/modules/auth/viewer.server'

export const meta = titleMeta('account.title')

const SECTIONS: { to: string; key: MessageKey; end?: boolean }[] = [
  { to: '/account', key: 'account.nav.profile', end: true },
  { to: '/account/password', key: 'account.nav.password' },
  { to: '/account/sessions', key: 'account.nav.sessions' },
  { to: '/account/tokens', key: 'account.nav.tokens' },
  { to: '/account/second-factor', key: 'account.nav.secondFactor' },
  { to: '/account/notifications', key: 'notifications.prefs.title' },
]

/** The page whose action answers each form. Imported when needed, so that the pages' code stays out of
 * this layout's browser bundle (with the action, the imports go from it). */
const PAGE_OF: Record<
  AccountIntent,
  () => Promise<{ action: (args: ActionFunctionArgs) => Promise<unknown> }>
> = {
  profile: () => import('./account._index'),
  language: () => import('./account._index'),
  password: () => import('./account.password'),
  'end-session': () => import('./account.sessions'),
  'end-other-sessions': () => import('./account.sessions'),
  'create-token': () => import('./account.tokens'),
  'revoke-token': () => import('./account.tokens'),
  'totp-enrol': () => import('./account.second-factor'),
  'totp-disable': () => import('./account.second-factor'),
}

/** Forms sent to /account itself, as they were when the account was one page (a tab opened before, a
 * form kept after the session ended): each goes to the action of the page that now holds it. */
export async function action(args: ActionFunctionArgs) {
  const intent = (await args.request.clone().formData()).get('intent')
  if (isAccountIntent(intent)) return (await PAGE_OF[intent]()).action(args)
  requireViewer(args.request)
  throw new Response(null, { status: 400 })
}

export default function AccountLayout() {
  const { t } = useT()
  return (
    <>
      <h1>{t('account.title')}</h1>
      <nav className="account-nav" aria-label={t('account.nav.label')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {t(s.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
