// The plan page's links to its printable version, its Word file and (when offered) the Word import
// and the publication in the library.
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

export function PlanWordLinks({
  planId,
  links,
}: {
  planId: string
  links: { import: boolean; publish: boolean } | null
}) {
  const { t, lang } = useT()
  return (
    <nav aria-label={t('planWord.outputs')} className="small">
      <ul className="plan-counts">
        <li>
          <Link to={`/plans/${planId}/print`}>{t('planWord.print.link')}</Link>
        </li>
        <li>
          <a href={`/plans/${planId}.docx?lang=${lang}`} download>
            {t('planWord.docx.link')}
          </a>
        </li>
        {links?.import ? (
          <li>
            <Link to={`/plans/${planId}/import`}>{t('planWord.import.link')}</Link>
          </li>
        ) : null}
        {links?.publish ? (
          <li>
            <Link to={`/plans/${planId}/publish`}>{t('planWord.publish.link')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
