// "Previous · Page N · Next" under a list served a page at a time: plain links (`?...&page=N`), so it
// works without JavaScript. Nothing when the list fits on one page.
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

export function Pager({
  page,
  hasMore,
  href,
  label,
  current,
}: {
  page: number
  hasMore: boolean
  /** the link to page n (the list's filters kept) */
  href: (n: number) => string
  /** names the navigation for screen readers, e.g. "Pages of results" */
  label: string
  /** the current page in words, e.g. "Page 2"; none: only the links */
  current?: string
}) {
  const { t } = useT()
  if (page <= 1 && !hasMore) return null
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={href(page - 1)}>{t('common.previous')}</Link> : <span />}
      {current === undefined ? null : <span className="muted">{current}</span>}
      {hasMore ? <Link to={href(page + 1)}>{t('common.next')}</Link> : <span />}
    </nav>
  )
}
