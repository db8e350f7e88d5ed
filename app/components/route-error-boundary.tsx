/**
 * The error page of every route, inside the layout (navigation and the signed-in header stay), in the
 * person's language. Each route module re-exports it as its ErrorBoundary:
 *   export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
 */
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { translator, type MessageKey, type Translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { parseKeptForm, type KeptForm } from '~/modules/auth/kept-form'

const KNOWN_STATUSES = [400, 401, 403, 404, 405, 409, 413, 429, 500] as const

/** Error pages per status, in the person's language. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  // the root loader's language, or the page's own when it had no answer
  const { t } = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = (KNOWN_STATUSES as readonly number[]).includes(status) ? status : 500
  const kept = status === 401 && isRouteErrorResponse(error) ? parseKeptForm(error.data) : null
  if (kept) return <SessionEnded kept={kept} t={translator(kept.lang).t} />
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('error.status', { status: String(status) })}</h1>
      <p>{status === 503 ? t('error.busy') : t(`error.${known}` as MessageKey)}</p>
      {status === 401 ? (
        <p>
          <Link to="/login">{t('nav.signIn')}</Link>
        </p>
      ) : (
        <p>
          <Link to="/">{t('error.home')}</Link>
        </p>
      )}
    </section>
  )
}

/** A form sent after the session ended (kept-form.server.ts): what the person typed, to send again once
 * they have signed in in another tab. A plain form, so that it works the same with JavaScript off. */
function SessionEnded({ kept, t }: { kept: KeptForm; t: Translator['t'] }) {
  // what the person typed is shown and can be corrected; the form's own bookkeeping (intent, revision,
  // record ids) travels hidden
  const technical = (name: string, value: string) =>
    value === '' ||
    /^(intent|direction|redirectTo|answer|originType|id)$|Id$|[rR]evision$/.test(name) ||
    /^[A-Za-z0-9_-]{20,}$/.test(value)
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('kept.title')}</h1>
      <p>{t('kept.intro')}</p>
      <p>
        <a href="/login?redirectTo=%2Faccount" target="_blank" rel="noopener">
          {t('kept.signIn')}
        </a>
      </p>
      <form method="post" action={kept.action} className="stack">
        {kept.fields.map(([name, value], i) =>
          technical(name, value) ? (
            <input key={i} type="hidden" name={name} value={value} />
          ) : (
            <p key={i} className="field">
              <label htmlFor={`kept-${i}`}>{t('kept.field', { name })}</label>
              {value.length > 60 || value.includes('\n') ? (
                <textarea id={`kept-${i}`} name={name} defaultValue={value} rows={8} />
              ) : (
                <input id={`kept-${i}`} type="text" name={name} defaultValue={value} />
              )}
            </p>
          ),
        )}
        <button type="submit">{t('kept.resend')}</button>
      </form>
    </section>
  )
}
