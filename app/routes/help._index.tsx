import { Link } from '@remix-run/react'
import { WithContactEmail } from '~/components/contact-email'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { HELP_PAGES, HELP_ROLES } from '~/modules/help/roles'

export const meta = titleMeta('help.title')

// Public: a newcomer reads it before having an account.
export default function HelpIndex() {
  const { t } = useT()
  return (
    <>
      <h1>{t('help.title')}</h1>
      <p>{t('help.intro')}</p>
      <h2>{t('help.roles')}</h2>
      <ul>
        {HELP_ROLES.map((role) => (
          <li key={role}>
            <Link to={`/help/${role}`}>{t(HELP_PAGES[role].title)}</Link>: {t(HELP_PAGES[role].summary)}
          </li>
        ))}
      </ul>
      <p>{t('help.signedOut')}</p>
      <h2>{t('help.more')}</h2>
      <p>
        <WithContactEmail text={t('help.moreText')} />
      </p>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
