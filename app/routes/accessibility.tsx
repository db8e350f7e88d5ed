import { WithContactEmail } from '~/components/contact-email'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'

export const meta = titleMeta('accessibility.title')

export default function Accessibility() {
  const { t } = useT()
  return (
    <>
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.intro')}</p>
      <h2>{t('accessibility.how')}</h2>
      <ul>
        <li>{t('accessibility.how1')}</li>
        <li>{t('accessibility.how2')}</li>
        <li>{t('accessibility.how3')}</li>
        <li>{t('accessibility.how4')}</li>
      </ul>
      <h2>{t('accessibility.standard')}</h2>
      <p>{t('accessibility.standardText')}</p>
      <h2>{t('accessibility.limits')}</h2>
      <p>{t('accessibility.limitsText')}</p>
      <h2>{t('accessibility.report')}</h2>
      <p>
        <WithContactEmail text={t('accessibility.reportText')} />
      </p>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
