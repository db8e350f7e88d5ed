import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { WithContactEmail } from '~/components/contact-email'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { HELP_PAGES, isHelpRole } from '~/modules/help/roles'

export const meta = pageTitle<typeof loader>((t, data) =>
  [data ? t(HELP_PAGES[data.role].title) : t('help.title'), t('help.title'), t('app.name')].join(' · '),
)

// Public, like /help; an unknown role is a 404.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isHelpRole(params.role)) throw new Response(null, { status: 404 })
  return { role: params.role }
}

export default function HelpRolePage() {
  const { role } = useLoaderData<typeof loader>()
  const { t } = useT()
  const page = HELP_PAGES[role]
  return (
    <>
      <p className="small">
        <Link to="/help">{t('help.back')}</Link>
      </p>
      <h1>{t(page.title)}</h1>
      <p>{t(page.summary)}</p>
      <h2>{t('help.canDo')}</h2>
      <ul>
        {page.can.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h2>{t('help.steps')}</h2>
      <ol className="help-steps">
        {page.steps.map((step) => (
          <li key={step.text}>
            {t(step.text)} <Link to={step.to}>{t(step.link)}</Link>
          </li>
        ))}
      </ol>
      <h2>{t('help.more')}</h2>
      <p>
        <WithContactEmail text={t('help.moreText')} />
      </p>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
