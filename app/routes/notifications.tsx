// /notifications — one's own notifications, newest first and grouped by day, filtered by kind (a GET
// form), each linking to its record; mark one or all read (POST forms). Works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { titleMeta } from '~/i18n/meta'
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { NO_STORE, pageFailure } from '~/modules/core/form-reply.server'
import { NOTIFICATION_KINDS } from '~/modules/notifications/constants'
import {
  isKind,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
} from '~/modules/notifications/notifications.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('notifications.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const url = new URL(request.url)
  const kindParam = url.searchParams.get('kind')
  const kind = isKind(kindParam) ? kindParam : undefined
  const unread = url.searchParams.get('unread') === '1'
  const raw = Number(url.searchParams.get('before'))
  const before = Number.isSafeInteger(raw) && raw > 0 ? new Date(raw) : undefined
  try {
    const { items, nextBefore } = listNotifications(viewer, lang, { kind, unread, before })
    return data(
      {
        kind: kind ?? '',
        unread,
        unreadTotal: unreadCount(viewer.id),
        items,
        nextBefore: nextBefore ? nextBefore.getTime() : null,
      },
      { headers: NO_STORE },
    )
  } catch (error) {
    pageFailure(error)
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const form = await request.formData()
  const intent = form.get('intent')
  try {
    if (intent === 'read-all') markAllRead(viewer)
    else if (intent === 'read') markRead(viewer, String(form.get('id') ?? ''))
    else throw new Response(null, { status: 400 })
  } catch (error) {
    if (error instanceof Response) throw error
    pageFailure(error)
  }
  // back to the same view (only our own path and known filters)
  const back = new URL(request.url)
  const kind = form.get('kind')
  const params = new URLSearchParams()
  if (isKind(kind)) params.set('kind', kind)
  if (form.get('unread') === '1') params.set('unread', '1')
  return redirect(`${back.pathname}${params.size ? `?${params}` : ''}`)
}

const dayKey = (d: string | Date) => new Date(d).toISOString().slice(0, 10)

export default function Notifications() {
  const { items, kind, unread, unreadTotal, nextBefore } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const zone = useZone()
  const days: { day: string; items: typeof items }[] = []
  for (const n of items) {
    const day = dayKey(n.createdAt)
    if (days.at(-1)?.day !== day) days.push({ day, items: [] })
    days.at(-1)!.items.push(n)
  }
  const keep = (
    <>
      {kind ? <input type="hidden" name="kind" value={kind} /> : null}
      {unread ? <input type="hidden" name="unread" value="1" /> : null}
    </>
  )
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <ZoneNote />
      <p>
        <Link to="/account/notifications">{t('notifications.preferences')}</Link>
      </p>
      <Form method="get" className="filters">
        <fieldset>
          <legend>{t('notifications.filter.legend')}</legend>
          <label>
            {t('notifications.filter.kind')}
            <select name="kind" defaultValue={kind}>
              <option value="">{t('notifications.filter.all')}</option>
              {NOTIFICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`notifications.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" name="unread" value="1" defaultChecked={unread} />{' '}
            {t('notifications.filter.unread')}
          </label>
          <button type="submit">{t('notifications.filter.apply')}</button>
        </fieldset>
      </Form>
      {unreadTotal > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          {keep}
          <button type="submit">{t('notifications.markAllRead')}</button>
        </Form>
      ) : null}
      {items.length === 0 ? <p className="muted">{t('notifications.empty')}</p> : null}
      {days.map((d) => (
        <section key={d.day} aria-labelledby={`day-${d.day}`}>
          <h2 id={`day-${d.day}`}>{t('notifications.day', { date: date(d.day, 'date') })}</h2>
          <ul className="notification-list">
            {d.items.map((n) => (
              <li key={n.id} className={n.read ? 'notification read' : 'notification unread'}>
                {n.read ? null : <span className="badge warn">{t('notifications.unread')}</span>}{' '}
                <Link to={n.path}>{t(`notifications.text.${n.kind}` as MessageKey, { title: n.title })}</Link>{' '}
                <span className="small muted">
                  {t(`notifications.kind.${n.kind}` as MessageKey)} ·{' '}
                  <time dateTime={new Date(n.createdAt).toISOString()}>
                    {date(n.createdAt, 'datetime', zone)}
                  </time>
                </span>
                {n.read ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    {keep}
                    <button type="submit" className="button-link small">
                      {t('notifications.markRead')}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {nextBefore ? (
        <nav className="pager" aria-label={t('notifications.older')}>
          <Link
            to={`?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(unread ? { unread: '1' } : {}), before: String(nextBefore) })}`}
            rel="next"
          >
            {t('notifications.older')}
          </Link>
        </nav>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
