import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { DayRange, MembersOnlyBadge, StatusBadge } from '~/components/meetings'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { createFeedToken, feedStatus, originFor, revokeFeedTokens } from '~/modules/meetings/calendar.server'
import { NO_STORE } from '~/modules/meetings/http.server'
import { listMeetings, listMeetingYears, monthView, PAGE_SIZE } from '~/modules/meetings/meetings.server'
import { MEETING_KINDS, MEETING_STATUSES, WHEN } from '~/modules/meetings/constants'
import { MeetingListQuerySchema } from '~/modules/meetings/schemas'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('meetings.title')} · ${t('app.name')}` }]
}

// The meetings the viewer may see, as a filtered list or a month calendar (plain links and GET forms,
// no JavaScript needed), and the person's own calendar feed.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const url = new URL(request.url)
  const query = MeetingListQuerySchema.parse(Object.fromEntries(url.searchParams))
  const common = {
    query,
    years: listMeetingYears(viewer),
    canCreate: can(viewer, 'meeting.create'),
    feed: feedStatus(viewer),
    origin: originFor(request),
  }
  if (query.view === 'month') {
    const month = query.month ?? new Date().toISOString().slice(0, 7)
    return { ...common, view: 'month' as const, month: monthView(viewer, month, lang), list: null }
  }
  const page = query.page ?? 1
  const list = listMeetings(viewer, query, { lang, offset: (page - 1) * PAGE_SIZE })
  return { ...common, view: 'list' as const, month: null, list: { ...list, page } }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const intent = String((await request.formData()).get('intent') ?? '')
  if (intent === 'createFeed') {
    const { token } = createFeedToken(viewer)
    // Shown once: only the hash of the token is kept.
    return data({ feedUrl: `${originFor(request)}/calendar/feed/${token}.ics` }, { headers: NO_STORE })
  }
  if (intent === 'revokeFeed') {
    revokeFeedTokens(viewer)
    return redirect('/meetings?feed=revoked#calendar-feed')
  }
  throw new Response(null, { status: 400 })
}

function withParams(search: string, changes: Record<string, string | null>) {
  const params = new URLSearchParams(search)
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k)
    else params.set(k, v)
  }
  const s = params.toString()
  return s ? `?${s}` : '?'
}

function Filters() {
  const { query, years } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <Form method="get" className="filters" aria-label={t('common.filter')}>
      <div className="field">
        <label htmlFor="f-kind">{t('meetings.field.kind')}</label>
        <select id="f-kind" name="kind" defaultValue={query.kind ?? ''}>
          <option value="">{t('meetings.filter.all')}</option>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meetings.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-year">{t('meetings.filter.year')}</label>
        <select id="f-year" name="year" defaultValue={query.year ? String(query.year) : ''}>
          <option value="">{t('meetings.filter.all')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">{t('common.status')}</label>
        <select id="f-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">{t('meetings.filter.all')}</option>
          {MEETING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`meetings.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-when">{t('meetings.filter.when')}</label>
        <select id="f-when" name="when" defaultValue={query.when ?? ''}>
          <option value="">{t('meetings.filter.all')}</option>
          {WHEN.map((w) => (
            <option key={w} value={w}>
              {t(`meetings.filter.${w}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">{t('common.filter')}</button> <Link to="/meetings">{t('common.clear')}</Link>
      </div>
    </Form>
  )
}

function List() {
  const { list } = useLoaderData<typeof loader>()
  const { t } = useT()
  const location = useLocation()
  if (!list) return null
  return (
    <>
      {list.items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('meetings.meeting')}</th>
                <th scope="col">{t('meetings.where')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((m) => (
                <tr key={m.id}>
                  <td className="meetings-nowrap">
                    <DayRange start={m.startsAt} end={m.endsAt} timeZone={m.timeZone} />
                  </td>
                  <th scope="row">
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <br />
                    <span className="muted small">
                      {t(`meetings.kind.${m.kind}`)}
                      {m.number ? ` ${m.number}` : ''}
                    </span>{' '}
                    <MembersOnlyBadge openness={m.openness} />
                  </th>
                  <td>
                    {m.place ?? (m.online ? t('meetings.online') : '')}
                    {m.host ? <span className="muted small"> · {m.host.name}</span> : null}
                  </td>
                  <td>
                    <StatusBadge status={m.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('meetings.list.empty')}</p>
      )}
      <nav className="pager" aria-label={t('meetings.list.pages')}>
        {list.page > 1 ? (
          <Link to={withParams(location.search, { page: String(list.page - 1) })}>
            {t('common.previous')}
          </Link>
        ) : (
          <span />
        )}
        {list.hasMore ? (
          <Link to={withParams(location.search, { page: String(list.page + 1) })}>{t('common.next')}</Link>
        ) : null}
      </nav>
    </>
  )
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6]

function Month() {
  const { month } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  if (!month) return null
  const monthName = date(`${month.month}-01T00:00:00Z`, 'month')
  // 2024-01-01 was a Monday: the weekday names in the person's language
  const weekday = (i: number, style: 'long' | 'short') =>
    date(new Date(Date.UTC(2024, 0, 1 + i)), style === 'long' ? 'weekday' : 'weekdayShort')
  return (
    <>
      <nav className="pager" aria-label={t('meetings.month.nav')}>
        <Link to={withParams(location.search, { view: 'month', month: month.prev })}>
          {t('meetings.month.previous')}
        </Link>
        <Link to={withParams(location.search, { view: 'month', month: month.next })}>
          {t('meetings.month.next')}
        </Link>
      </nav>
      <div className="table-wrap">
        <table className="meetings-month">
          <caption className="meetings-caption-visible">{monthName}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((i) => (
                <th scope="col" key={i}>
                  <abbr title={weekday(i, 'long')}>{weekday(i, 'short')}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week) => (
              <tr key={week[0].date}>
                {week.map((day) => (
                  <td key={day.date} className={day.inMonth ? undefined : 'meetings-other-month'}>
                    <span className="meetings-day">{Number(day.date.slice(8))}</span>
                    {day.meetings.length ? (
                      <ul className="meetings-day-list">
                        {day.meetings.map((m) => (
                          <li key={m.id}>
                            <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                            {m.status === 'cancelled' ? (
                              <span className="muted small"> ({t('meetings.status.cancelled')})</span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('meetings.month.listTitle', { month: monthName })}</h2>
      {month.items.length ? (
        <ul className="list-plain">
          {month.items.map((m) => (
            <li key={m.id}>
              <DayRange start={m.startsAt} end={m.endsAt} timeZone={m.timeZone} /> ·{' '}
              <Link to={`/meetings/${m.id}`}>{m.title}</Link> <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meetings.month.empty')}</p>
      )}
    </>
  )
}

function CalendarFeed() {
  const { feed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const { t, date } = useT()
  const revoked = new URLSearchParams(location.search).get('feed') === 'revoked'
  return (
    <section aria-labelledby="calendar-feed" className="card meetings-feed">
      <h2 id="calendar-feed">{t('meetings.feed.title')}</h2>
      <p>{t('meetings.feed.intro')}</p>
      {actionData?.feedUrl ? (
        <div className="alert ok" role="status">
          <p>{t('meetings.feed.created')}</p>
          <p className="token-box mono">{actionData.feedUrl}</p>
        </div>
      ) : revoked ? (
        <p className="alert info" role="status">
          {t('meetings.feed.revoked')}
        </p>
      ) : null}
      <p className="small">
        {feed
          ? t('meetings.feed.active', {
              created: date(feed.createdAt, 'date'),
              used: feed.lastUsedAt ? date(feed.lastUsedAt, 'datetime') : t('meetings.feed.never'),
            })
          : t('meetings.feed.none')}
      </p>
      <Form method="post" className="meetings-row-actions">
        <button type="submit" name="intent" value="createFeed">
          {feed ? t('meetings.feed.replace') : t('meetings.feed.create')}
        </button>
        {feed ? (
          <button type="submit" name="intent" value="revokeFeed" className="danger">
            {t('meetings.feed.revoke')}
          </button>
        ) : null}
      </Form>
      <p className="small">
        {t('meetings.feed.public')} <a href="/calendar.ics">/calendar.ics</a>
      </p>
    </section>
  )
}

export default function Meetings() {
  const { view, canCreate } = useLoaderData<typeof loader>()
  const { t } = useT()
  const location = useLocation()
  return (
    <>
      <div className="page-header">
        <h1>{t('meetings.title')}</h1>
        <p className="meetings-header-links">
          <Link to="/meetings/decisions">{t('meetings.register.title')}</Link>
          {canCreate ? (
            <>
              {' '}
              <Link to="/meetings/new" className="button small">
                {t('meetings.new.title')}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <nav aria-label={t('meetings.view.label')} className="meetings-views">
        <ul>
          <li>
            <Link
              to={withParams(location.search, { view: null, month: null })}
              aria-current={view === 'list' ? 'page' : undefined}
            >
              {t('meetings.view.list')}
            </Link>
          </li>
          <li>
            <Link
              to={withParams(location.search, { view: 'month', page: null })}
              aria-current={view === 'month' ? 'page' : undefined}
            >
              {t('meetings.view.month')}
            </Link>
          </li>
        </ul>
      </nav>
      {view === 'list' ? (
        <>
          <Filters />
          <List />
        </>
      ) : (
        <Month />
      )}
      <CalendarFeed />
    </>
  )
}
