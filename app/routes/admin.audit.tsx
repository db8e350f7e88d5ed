import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { TableHead } from '~/components/table-head'
import { useT } from '~/i18n/use-t'
import { listAudit } from '~/modules/audit/audit.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowedPage } from '~/modules/core/form-reply.server'
import { AUDIT_OUTCOMES } from '~/modules/audit/constants'
import { AuditFiltersSchema, searchParamsObject } from '~/modules/members/people-schemas'
import { titleMeta } from '~/i18n/meta'

export const meta = titleMeta('admin.audit.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'audit.read')
  const filters = AuditFiltersSchema.parse(searchParamsObject(request.url))
  // Days are whole UTC days: "to" includes the last millisecond of its day.
  const { items, nextBefore } = listAudit({
    actor: filters.actor,
    action: filters.action,
    outcome: filters.outcome,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
    before: filters.before,
  })
  return {
    filters,
    nextBefore,
    items: items.map((e) => ({
      id: e.id,
      at: e.at,
      actorEmail: e.actorEmail,
      action: e.action,
      outcome: e.outcome,
      target: e.targetType ? `${e.targetType}${e.targetId ? `:${e.targetId}` : ''}` : null,
      ip: e.ip,
      details: e.details ? JSON.stringify(e.details) : null,
    })),
  }
}

export default function AdminAudit() {
  const { items, filters, nextBefore } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  const badge = { ok: 'ok', refused: 'danger', failed: 'warn' } as const

  const pageLink = (before: number | null) => {
    const p = new URLSearchParams(location.search)
    p.delete('before')
    if (before) p.set('before', String(before))
    const qs = p.toString()
    return qs ? `?${qs}` : location.pathname
  }

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
          <label htmlFor="audit-actor">{t('admin.audit.actor')}</label>
          <input id="audit-actor" type="search" name="actor" defaultValue={filters.actor ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('admin.audit.action')}</label>
          <span className="hint" id="audit-action-hint">
            {t('admin.audit.actionHint')}
          </span>
          <input
            id="audit-action"
            type="text"
            name="action"
            defaultValue={filters.action ?? ''}
            aria-describedby="audit-action-hint"
          />
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

      {items.length === 0 ? (
        <p className="muted">{t('admin.audit.empty')}</p>
      ) : (
        // a wide log scrolls in its own box, which keyboard users can reach (axe: scrollable-region-focusable)
        <div className="table-wrap" role="region" aria-label={t('admin.audit.caption')} tabIndex={0}>
          <table>
            <caption className="admin-caption">{t('admin.audit.caption')}</caption>
            <TableHead
              labels={[
                t('admin.audit.when'),
                t('admin.audit.who'),
                t('admin.audit.what'),
                t('admin.audit.outcome'),
                t('admin.audit.target'),
                t('admin.audit.ip'),
                t('admin.audit.details'),
              ]}
            />
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="admin-nowrap">
                    <time dateTime={new Date(e.at).toISOString()}>{date(e.at, 'datetime')}</time>
                  </td>
                  <td>{e.actorEmail ?? <span className="muted">{t('admin.audit.anonymous')}</span>}</td>
                  <td className="mono">{e.action}</td>
                  <td>
                    <span className={`badge ${badge[e.outcome]}`}>
                      {t(`admin.audit.outcome.${e.outcome}`)}
                    </span>
                  </td>
                  <td className="mono small">{e.target ?? ''}</td>
                  <td className="mono small">{e.ip ?? ''}</td>
                  <td>{e.details ? <code className="admin-json">{e.details}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
