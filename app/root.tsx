import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import type { ClientLoaderFunctionArgs, ShouldRevalidateFunction } from '@remix-run/react'
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useNonce } from './components/nonce'
import { SaidOnceNotice } from './components/notice'
import type { MessageKey } from './i18n'
import { messagesVersion } from './i18n/catalogue.server'
import { MessagesScript, messagesForPage } from './i18n/page-messages'
import { pageTitle } from './i18n/meta'
import { useT } from './i18n/use-t'
import { getEnv } from './env.server'
import { can } from './modules/access/can'
import { getViewer } from './modules/auth/viewer.server'
import { takeNotice } from './modules/core/notice.server'
import { SEAT_TIME_ZONE, zoneOfViewer } from '~/modules/plans/round-time'
import { unreadCount } from './modules/notifications/notifications.server'
import { resolveLang } from './modules/i18n/lang.server'
import { shellOrganization } from './modules/members/organizations.server'
import styles from './styles/app.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// a page without a title of its own is named by the portal's name, in the person's language
export const meta = pageTitle((t) => t('app.name'))

export async function loader({ request }: LoaderFunctionArgs) {
  const { notice, clear } = takeNotice(request)
  return data(rootData(request, notice), clear ? { headers: { 'Set-Cookie': clear } } : undefined)
}

function rootData(request: Request, notice: ReturnType<typeof takeNotice>['notice']) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  return {
    // what the last act did, said once (components/notice.tsx)
    notice,
    lang,
    // the version of this language's messages (their packs' addresses, i18n/packs.ts)
    messages: messagesVersion(lang),
    contactEmail: getEnv().CONTACT_EMAIL,
    // the zone the person enters and reads times in (useZone); the seat's for the signed-out
    timeZone: viewer ? zoneOfViewer(viewer) : SEAT_TIME_ZONE,
    viewer: viewer
      ? {
          id: viewer.id,
          name: viewer.name,
          organization: shellOrganization(viewer.organizationId, lang),
          isAdmin: can(viewer, 'admin.access'),
          unread: unreadCount(viewer.id),
        }
      : null,
  }
}

export type RootData = ReturnType<typeof rootData>

// Before a page of another area (or in another language) renders, the browser loads the message packs
// it needs (i18n/packs.ts): the root's data arrives through this clientLoader, which waits for them.
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  return messagesForPage(new URL(request.url).pathname, serverLoader<typeof loader>())
}

// As without a clientLoader under single fetch: the root's data is read again on every navigation and
// after every action, except after an action answered 4xx/5xx (the page shows that answer as it came,
// e.g. a form kept after the session ended). (With single fetch Remix hands a route's own
// shouldRevalidate `defaultShouldRevalidate: true` always, so that value cannot be used here.)
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus }) =>
  actionStatus === undefined || actionStatus < 400

// `signIn`: the page needs an account (its loader sends the signed-out to /login); the menu says so.
const NAV: { to: string; key: MessageKey; end?: boolean; signIn?: true }[] = [
  { to: '/', key: 'nav.dashboard', end: true },
  { to: '/members', key: 'nav.members' },
  { to: '/meetings', key: 'nav.meetings', signIn: true },
  { to: '/documents', key: 'nav.documents' },
  { to: '/actions', key: 'nav.actions', signIn: true },
  { to: '/groups', key: 'nav.groups' },
  { to: '/plans', key: 'nav.plans', signIn: true },
  { to: '/procedures', key: 'nav.procedures', signIn: true },
  { to: '/search', key: 'nav.search' },
  { to: '/help', key: 'help.nav' },
]

function NavLinks({ isAdmin, signedIn }: { isAdmin: boolean; signedIn: boolean }) {
  const { t } = useT()
  return (
    <ul>
      {NAV.map((item) => (
        <li key={item.to}>
          {item.signIn && !signedIn ? (
            <NavLink to={item.to} end={item.end}>
              {t(item.key)} <span className="nav-sign-in">{t('nav.needsSignIn')}</span>
            </NavLink>
          ) : (
            <NavLink to={item.to} end={item.end} prefetch="intent">
              {t(item.key)}
            </NavLink>
          )}
        </li>
      ))}
      {isAdmin ? (
        <li>
          <NavLink to="/admin/people">{t('nav.admin')}</NavLink>
        </li>
      ) : null}
    </ul>
  )
}

function LanguageSwitch() {
  const { t, lang } = useT()
  const location = useLocation()
  const params = new URLSearchParams(location.search)
  params.set('lang', lang === 'es' ? 'en' : 'es')
  return (
    <a
      className="lang-switch"
      href={`${location.pathname}?${params}`}
      hrefLang={lang === 'es' ? 'en' : 'es'}
      lang={lang === 'es' ? 'en' : 'es'}
      aria-label={t('nav.switchToLabel')}
    >
      {t('nav.switchTo')}
    </a>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root')
  const { t } = useT()
  const viewer = data?.viewer ?? null
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-link">
            <span className="brand-mark" aria-hidden="true">
              CRM
            </span>
            <span>
              <span className="brand-name">{t('app.fullName')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          {viewer ? (
            <>
              <Link
                to="/notifications"
                className="header-notifications"
                aria-label={
                  viewer.unread
                    ? t('notifications.header', { count: viewer.unread })
                    : t('notifications.headerNone')
                }
              >
                <span aria-hidden="true">🔔</span>
                {viewer.unread ? <span className="badge warn">{viewer.unread}</span> : null}
              </Link>
              <Link to="/account" className="who">
                <span className="who-name">{viewer.name}</span>
                <span className="who-org">{viewer.organization}</span>
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button-link">
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login" className="button small">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </header>
      <nav className="site-nav" aria-label={t('nav.main')}>
        {/* on a phone the links fold into a menu that opens without JavaScript (details); on a wider
            screen they stand in a row. One of the two is display: none, so neither is heard twice. */}
        <details className="site-menu">
          <summary>{t('nav.menu')}</summary>
          <NavLinks isAdmin={Boolean(viewer?.isAdmin)} signedIn={Boolean(viewer)} />
        </details>
        <div className="site-menu-wide">
          <NavLinks isAdmin={Boolean(viewer?.isAdmin)} signedIn={Boolean(viewer)} />
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        {data?.notice ? <SaidOnceNotice notice={data.notice} /> : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('app.fullName')} · {t('app.tagline')}
        </p>
        {data?.contactEmail ? (
          <p>
            {t('footer.contact')}
            <a href={`mailto:${data.contactEmail}`}>{data.contactEmail}</a>
          </p>
        ) : null}
        <nav aria-label={t('footer.links')}>
          <ul className="footer-links">
            <li>
              <Link to="/help">{t('footer.help')}</Link>
            </li>
            <li>
              <Link to="/privacy">{t('footer.privacy')}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
          </ul>
        </nav>
      </footer>
    </>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  // the root loader's language (the page's own without it); rendering again when its messages arrive
  // brings the <title> to that language too
  const { lang } = useT()
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <MessagesScript nonce={nonce} />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

/** Error pages per status, in the person's language (every route module re-exports the same). */
export { RouteErrorBoundary as ErrorBoundary } from './components/route-error-boundary'
