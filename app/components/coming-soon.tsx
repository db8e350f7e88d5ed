import { useT } from '~/i18n/use-t'
import type { MessageKey } from '~/i18n'

/** For areas of the navigation whose capability has not been released yet. */
export function ComingSoon({ title }: { title: MessageKey }) {
  const { t } = useT()
  return (
    <>
      <h1>{t(title)}</h1>
      <p className="alert info">{t('notYet.body')}</p>
    </>
  )
}
