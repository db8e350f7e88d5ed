// The controls of a filtered list: GET forms and plain links, so that they work without JavaScript.
import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The current query string with some parameters changed (null removes one). */
export function withParams(search: string, changes: Record<string, string | null>) {
  const params = new URLSearchParams(search)
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k)
    else params.set(k, v)
  }
  const s = params.toString()
  return s ? `?${s}` : '?'
}

/** A choice of a GET form: a labelled select whose first choice has no value ("all", or nothing chosen). */
export function FilterSelect({
  id,
  name,
  label,
  allLabel,
  value,
  options,
}: {
  id: string
  name: string
  label: string
  allLabel: string
  value: string | number | undefined
  options: readonly { value: string | number; label: string }[]
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value === undefined ? '' : String(value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Previous and next page links, keeping the other parameters of the query. */
export function Pager({
  search,
  page,
  hasMore,
  label,
}: {
  search: string
  page: number
  hasMore: boolean
  label: string
}) {
  const { t } = useT()
  const to = (n: number) => withParams(search, { page: String(n) })
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={to(page - 1)}>{t('common.previous')}</Link> : <span />}
      {hasMore ? <Link to={to(page + 1)}>{t('common.next')}</Link> : null}
    </nav>
  )
}
