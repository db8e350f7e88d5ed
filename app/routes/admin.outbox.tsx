import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { useT } from '~/i18n/use-t'
import { assertCan } from '~/modules/access/assert.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { listOutbox, smtpConfigured } from '~/modules/mail/mail.server'

export const meta: MetaFunction = () => [{ title: 'Outbox · Bandeja de salida — RCM' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertCan(viewer, 'outbox.read')
  // `before` is a creation time in milliseconds (the "older" link); anything else means the newest.
  const raw = Number(new URL(request.url).searchParams.get('before'))
  const before = Number.isSafeInteger(raw) && raw > 0 ? new Date(raw) : undefined
  const { items, nextBefore } = listOutbox({ before })
  return {
    smtp: smtpConfigured(),
    paged: Boolean(before),
    nextBefore: nextBefore ? nextBefore.getTime() : null,
    items: items.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      text: m.text,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      attempts: m.attempts,
    })),
  }
}

export default function AdminOutbox() {
  const { items, smtp, paged, nextBefore } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <>
      <AdminNav />
      <h1>{t('admin.outbox.title')}</h1>
      <p className={smtp ? 'alert info' : 'alert warn'}>
        {t(smtp ? 'admin.outbox.smtpOn' : 'admin.outbox.smtpOff')}
      </p>

      {items.length === 0 ? (
        <p className="muted">{t('admin.outbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="admin-caption">{t('admin.outbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.created')}</th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.kind')}</th>
                <th scope="col">{t('admin.outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="admin-nowrap">
                    <time dateTime={new Date(m.createdAt).toISOString()}>
                      {date(m.createdAt, 'datetime')}
                    </time>
                  </td>
                  <td className="mono">{m.to}</td>
                  <td>
                    {m.subject}
                    <details className="admin-mail">
                      <summary>{t('admin.outbox.text')}</summary>
                      <pre className="admin-mail-text">{m.text}</pre>
                    </details>
                  </td>
                  <td className="mono small">{m.kind}</td>
                  <td>
                    {m.sentAt ? (
                      <span className="badge ok">
                        {t('admin.outbox.sent', { date: date(m.sentAt, 'datetime') })}
                      </span>
                    ) : m.attempts > 0 ? (
                      <span className="badge danger">{t('admin.outbox.failing', { count: m.attempts })}</span>
                    ) : (
                      <span className="badge warn">{t('admin.outbox.pending')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {paged || nextBefore ? (
        <nav className="pager" aria-label={t('admin.people.pagination')}>
          {paged ? <Link to="/admin/outbox">{t('admin.outbox.newest')}</Link> : <span />}
          {nextBefore ? (
            <Link to={`?before=${nextBefore}`} rel="next">
              {t('admin.outbox.older')}
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
