import { WithContactEmail } from '~/components/contact-email'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'

export const meta = titleMeta('privacy.title')

// The contact rule is the one can.ts applies ('person.viewContact', and the delegates of a meeting in
// modules/meetings/delegations.server.ts); the members pages show the same sentence.
export default function Privacy() {
  const { t } = useT()
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <h2>{t('privacy.what')}</h2>
      <p>{t('privacy.whatText')}</p>
      <h2>{t('privacy.who')}</h2>
      <ul>
        <li>{t('privacy.who1')}</li>
        <li>{t('privacy.who2')}</li>
        <li>{t('privacy.contactRule')}</li>
      </ul>
      <h2>{t('privacy.why')}</h2>
      <p>{t('privacy.whyText')}</p>
      <h2>{t('privacy.cookies')}</h2>
      <p>{t('privacy.cookiesText')}</p>
      <h2>{t('privacy.rights')}</h2>
      <p>
        <WithContactEmail text={t('privacy.rightsText')} />
      </p>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
