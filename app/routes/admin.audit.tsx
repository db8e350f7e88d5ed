import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { TableHead } from '~/components/table-head'
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import { auditFiltersOf, auditKindOptions, listAuditInWords } from '~/modules/audit/in-words.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowedPage } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { AUDIT_OUTCOMES } from '~/modules/audit/constants'
import { AuditFiltersSchema, searchParamsObject } from '~/modules/members/people-schemas'
import { titleMeta } from '~/i18n/meta'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('admin.audit.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'audit.read')
  const lang = resolveLang(request, viewer)
  const filters = AuditFiltersSchema.parse(searchParamsObject(request.url))
  const { items, nextBefore } = listAuditInWords(auditFiltersOf(filters), lang)
  return { filters, nextBefore, items, kinds: auditKindOptions(lang) }
}

export default function AdminAudit() {
  const { items, filters, nextBefore, kinds } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const zone = useZone()
  const location = useLocation()
  const badge = { ok: 'ok', refused: 'danger', failed: 'warn' } as const

  const pageLink = (before: number | null) => {
    const p = new URLSearchParams(location.search)
    p.delete('before')
    if (before) p.set('before', String(before))
    const qs = p.toString()
    return qs ? `?${qs}` : location.pathname
  }
  const csvParams = new URLSearchParams(location.search)
  csvParams.delete('before')
  const csvQuery = csvParams.toString()

  return (
    <>
      <AdminNav />
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>

      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('admin.audit.filters')}
        key={location.search}
      >
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.filter.who')}</label>
          <input id="audit-actor" type="search" name="actor" defaultValue={filters.actor ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.filter.kind')}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">{t('audit.filter.anyKind')}</option>
            {kinds.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-outcome">{t('admin.audit.outcome')}</label>
          <select id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
            <option value="">{t('admin.audit.anyOutcome')}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`admin.audit.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('admin.audit.from')}</label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('admin.audit.to')}</label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ''} />
        </div>
        <div>
          <button type="submit">{t('common.filter')}</button>{' '}
          <Link to="/admin/audit">{t('common.clear')}</Link>
        </div>
      </Form>

      <p>
        {/* a download, not a page: a plain link (no client-side navigation) */}
        <a href={`/admin/audit.csv${csvQuery ? `?${csvQuery}` : ''}`} download>
          {t('audit.csv')}
        </a>
      </p>

      {items.length ? <ZoneNote /> : null}
      {items.length === 0 ? (
        <p className="muted">{t('admin.audit.empty')}</p>
      ) : (
        // a wide log scrolls in its own box, which keyboard users can reach (axe: scrollable-region-focusable)
        <TableWrap label={t('admin.audit.caption')}>
          <table>
            <caption className="admin-caption">{t('admin.audit.caption')}</caption>
            <TableHead labels={[t('admin.audit.when'), t('audit.col.sentence'), t('admin.audit.outcome')]} />
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="admin-nowrap">
                    <time dateTime={new Date(e.at).toISOString()}>{date(e.at, 'datetime', zone)}</time>
                  </td>
                  <td>
                    {e.sentence}
                    {e.target ? (
                      <>
                        {' '}
                        {e.target.href ? (
                          <Link to={e.target.href}>«{e.target.label}»</Link>
                        ) : (
                          <>«{e.target.label}»</>
                        )}
                      </>
                    ) : null}
                    {/* details on demand: the technical names, ids and data, said to be such */}
                    <details className="audit-details" data-technical="">
                      <summary>{t('audit.showDetails')}</summary>
                      <ul className="list-plain small">
                        <li>{t('audit.technical', { action: e.action })}</li>
                        {e.actor ? (
                          <li>
                            <Link to={e.actor.href}>{e.actorEmail}</Link>
                          </li>
                        ) : e.actorEmail ? (
                          <li>{e.actorEmail}</li>
                        ) : null}
                        {e.record ? (
                          <li>{t('audit.recordRef', { type: e.record.type, id: e.record.id ?? '' })}</li>
                        ) : null}
                        {e.ip ? (
                          <li>
                            {t('admin.audit.ip')}: <span className="mono">{e.ip}</span>
                          </li>
                        ) : null}
                      </ul>
                      {e.details ? <pre className="admin-json">{e.details}</pre> : null}
                    </details>
                  </td>
                  <td>
                    <span className={`badge ${badge[e.outcome]}`}>
                      {t(`admin.audit.outcome.${e.outcome}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {filters.before || nextBefore ? (
        <nav className="pager" aria-label={t('admin.people.pagination')}>
          {filters.before ? <Link to={pageLink(null)}>{t('admin.audit.newest')}</Link> : <span />}
          {nextBefore ? (
            <Link to={pageLink(nextBefore)} rel="next">
              {t('admin.audit.older')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
