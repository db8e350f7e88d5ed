import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { TableHead } from '~/components/table-head'
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowedPage, pageFailure } from '~/modules/core/form-reply.server'
import {
  listOutbox,
  OUTBOX_STATES,
  sendAgain,
  smtpConfigured,
  type OutboxState,
} from '~/modules/mail/mail.server'
import { outboxTexts } from '~/modules/mail/outbox-links.server'
import { titleMeta } from '~/i18n/meta'
import { can } from '~/modules/access/can'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('admin.outbox.title')

/** Every kind of mail the code sends (queueMail's `kind`), named. */
const MAIL_KINDS = {
  invitation: 'admin.outbox.kind.invitation',
  password_reset: 'admin.outbox.kind.password_reset',
  'action.due_soon': 'admin.outbox.kind.action.due_soon',
  'action.overdue': 'admin.outbox.kind.action.overdue',
  notification: 'notifications.outbox.kind.notification',
  digest: 'notifications.outbox.kind.digest',
  'procedure.launched': 'procedures.outbox.kind.launched',
  'procedure.reminder': 'procedures.outbox.kind.reminder',
  'procedure.extended': 'procedures.outbox.kind.extended',
  'procedure.adopted': 'procedures.outbox.kind.adopted',
  'procedure.not_adopted': 'procedures.outbox.kind.not_adopted',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'outbox.read')
  // `before` is a creation time in milliseconds (the "older" link); anything else means the newest.
  const raw = Number(new URL(request.url).searchParams.get('before'))
  const before = Number.isSafeInteger(raw) && raw > 0 ? new Date(raw) : undefined
  // filters from allowlists: a kind this page names, a state it knows; anything else is no filter
  const params = new URL(request.url).searchParams
  const kind = params.get('kind') ?? ''
  const state = params.get('state') ?? ''
  const filters = {
    kind: kind in MAIL_KINDS ? kind : undefined,
    state: (OUTBOX_STATES as readonly string[]).includes(state) ? (state as OutboxState) : undefined,
  }
  const { items, nextBefore } = listOutbox({ before, ...filters })
  const smtp = smtpConfigured()
  // Working links only when this page is the delivery (no SMTP), and only while they work.
  const texts = outboxTexts(items, { mayShowWorkingLinks: !smtp })
  return {
    smtp,
    filters,
    mayResend: can(viewer, 'outbox.sendAgain'),
    paged: Boolean(before),
    nextBefore: nextBefore ? nextBefore.getTime() : null,
    items: items.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      text: texts.get(m.id)!.text,
      links: texts.get(m.id)!.links,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      attempts: m.attempts,
      status: m.status,
      failedAt: m.failedAt,
      nextAttemptAt: m.nextAttemptAt,
      lastError: m.lastError,
    })),
  }
}

/** "Send again" for a failed message (a new 24-hour retry window). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'outbox.sendAgain')
  const form = await request.formData()
  const id = String(form.get('id') ?? '')
  try {
    sendAgain(viewer, id)
  } catch (error) {
    pageFailure(error)
  }
  return redirect('/admin/outbox')
}

type T = ReturnType<typeof useT>

// the states' order in the filter (the same list as the module's, without its server import)
const OUTBOX_STATE_NAMES = ['waiting', 'failing', 'sent'] as const

/** The kind of a mail by its name; a kind this page does not know yet is shown as "other". */
function mailKindName(t: T['t'], kind: string): string {
  return kind in MAIL_KINDS ? t(MAIL_KINDS[kind as keyof typeof MAIL_KINDS]) : t('admin.outbox.kind.other')
}

function linkStateText(
  t: T['t'],
  date: T['date'],
  zone: string,
  link: { state: 'valid' | 'used' | 'expired' | 'unknown'; expiresAt: Date | string | null },
): string {
  if (link.state === 'valid' && link.expiresAt) {
    return t('admin.outbox.link.validUntil', { date: date(link.expiresAt, 'datetime', zone) })
  }
  return t(`admin.outbox.link.${link.state}`)
}

export default function AdminOutbox() {
  const { items, smtp, mayResend, paged, nextBefore, filters } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const zone = useZone()
  const location = useLocation()
  const pageQuery = (before: number | null) => {
    const p = new URLSearchParams(location.search)
    p.delete('before')
    if (before) p.set('before', String(before))
    const qs = p.toString()
    return qs ? `?${qs}` : location.pathname
  }
  return (
    <>
      <AdminNav />
      <h1>{t('admin.outbox.title')}</h1>
      <p className={smtp ? 'alert info' : 'alert warn'}>
        {t(smtp ? 'admin.outbox.smtpOn' : 'admin.outbox.smtpOff')}
      </p>

      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('outbox.filters')}
        key={location.search}
      >
        <div className="field">
          <label htmlFor="outbox-kind">{t('admin.outbox.kind')}</label>
          <select id="outbox-kind" name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('outbox.anyKind')}</option>
            {Object.keys(MAIL_KINDS).map((k) => (
              <option key={k} value={k}>
                {mailKindName(t, k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outbox-state">{t('admin.outbox.state')}</label>
          <select id="outbox-state" name="state" defaultValue={filters.state ?? ''}>
            <option value="">{t('outbox.anyState')}</option>
            {OUTBOX_STATE_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('common.filter')}</button>{' '}
          <Link to="/admin/outbox">{t('common.clear')}</Link>
        </div>
      </Form>

      {items.length ? <ZoneNote /> : null}
      {items.length === 0 ? (
        <p className="muted">
          {filters.kind || filters.state ? t('outbox.noMatch') : t('admin.outbox.empty')}
        </p>
      ) : (
        <TableWrap label={t('admin.outbox.caption')}>
          <table>
            <caption className="admin-caption">{t('admin.outbox.caption')}</caption>
            <TableHead
              labels={[
                t('admin.outbox.created'),
                t('admin.outbox.to'),
                t('admin.outbox.subject'),
                t('admin.outbox.kind'),
                t('admin.outbox.state'),
              ]}
            />
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="admin-nowrap">
                    <time dateTime={new Date(m.createdAt).toISOString()}>
                      {date(m.createdAt, 'datetime', zone)}
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
                  <td>
                    {mailKindName(t, m.kind)}
                    {m.links.map((l, i) => (
                      <span key={i} className="small muted admin-mail-link">
                        {t(`admin.outbox.link.${l.kind}`)}: {linkStateText(t, date, zone, l)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {m.status === 'sent' && m.sentAt ? (
                      <span className="badge ok">
                        {t('admin.outbox.sent', { date: date(m.sentAt, 'datetime', zone) })}
                      </span>
                    ) : m.status === 'failed' ? (
                      <span className="badge danger">
                        {t('notifications.outbox.failed', {
                          date: date(m.failedAt ?? m.createdAt, 'datetime', zone),
                        })}
                      </span>
                    ) : m.status === 'sending' ? (
                      <span className="badge warn">{t('notifications.outbox.sending')}</span>
                    ) : m.attempts > 0 && m.nextAttemptAt ? (
                      <span className="badge danger">
                        {t('notifications.outbox.retryAt', {
                          count: m.attempts,
                          date: date(m.nextAttemptAt, 'datetime', zone),
                        })}
                      </span>
                    ) : (
                      <span className="badge warn">{t('admin.outbox.pending')}</span>
                    )}
                    {m.lastError && m.status !== 'sent' ? (
                      <span className="small muted admin-mail-link">
                        {t('notifications.outbox.lastError', { error: m.lastError })}
                      </span>
                    ) : null}
                    {m.status === 'failed' && mayResend ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="small">
                          {t('notifications.outbox.sendAgain')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {paged || nextBefore ? (
        <nav className="pager" aria-label={t('admin.people.pagination')}>
          {paged ? <Link to={pageQuery(null)}>{t('admin.outbox.newest')}</Link> : <span />}
          {nextBefore ? (
            <Link to={pageQuery(nextBefore)} rel="next">
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
