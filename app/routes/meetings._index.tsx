import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { CalendarFeed } from '~/components/calendar-feed'
import { FormErrors } from '~/components/forms'
import { FilterSelect } from '~/components/filter-select'
import { withParams } from '~/components/list-controls'
import { Pager } from '~/components/pager'
import { KindAndYearFilters } from '~/components/meeting-filters'
import { DayRange, MembersOnlyBadge, StatusBadge } from '~/components/meetings'
import { MonthCalendar } from '~/components/meetings-month'
import { replyErrors } from '~/components/form-reply'
import { TableHead } from '~/components/table-head'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, NO_STORE } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { createFeedToken, feedStatus, originFor, revokeFeedTokens } from '~/modules/meetings/calendar.server'
import { MeetingListQuerySchema } from '~/modules/meetings/forms.server'
import { listMeetings, listMeetingYears, PAGE_SIZE } from '~/modules/meetings/meetings.server'
import { monthView } from '~/modules/meetings/month-view.server'
import { MEETING_STATUSES, WHEN } from '~/modules/meetings/constants'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('meetings.title')

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
    origin: originFor(),
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
  try {
    if (intent === 'createFeed') {
      const { token } = createFeedToken(viewer)
      // Shown once: only the hash of the token is kept.
      return data({ feedUrl: `${originFor()}/calendar/feed/${token}.ics` }, { headers: NO_STORE })
    }
    if (intent === 'revokeFeed') {
      revokeFeedTokens(viewer)
      return redirect('/meetings?feed=revoked#calendar-feed')
    }
  } catch (error) {
    return formFailure(error, null, intent)
  }
  throw new Response(null, { status: 400 })
}

function Filters() {
  const { query, years } = useLoaderData<typeof loader>()
  const { t } = useT()
  const all = t('meetings.filter.all')
  return (
    <Form method="get" className="filters" aria-label={t('common.filter')}>
      <KindAndYearFilters idPrefix="f" kind={query.kind} year={query.year} years={years} />
      <FilterSelect
        id="f-status"
        name="status"
        label={t('common.status')}
        any={all}
        value={query.status}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))}
      />
      <FilterSelect
        id="f-when"
        name="when"
        label={t('meetings.filter.when')}
        any={all}
        value={query.when}
        options={WHEN.map((w) => ({ value: w, label: t(`meetings.filter.${w}`) }))}
      />
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
        <TableWrap label={t('meetings.title')}>
          <table>
            <TableHead
              labels={[t('common.date'), t('meetings.meeting'), t('meetings.where'), t('common.status')]}
            />
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
        </TableWrap>
      ) : (
        <p className="muted">{t('meetings.list.empty')}</p>
      )}
      <Pager
        page={list.page}
        hasMore={list.hasMore}
        href={(n) => withParams(location.search, { page: String(n) })}
        label={t('meetings.list.pages')}
      />
    </>
  )
}

export default function Meetings() {
  const { view, canCreate, month, feed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
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
      ) : month ? (
        <MonthCalendar month={month} />
      ) : null}
      {actionData && 'result' in actionData ? (
        <FormErrors errors={replyErrors(actionData.result, '')} />
      ) : null}
      <CalendarFeed
        feed={feed}
        feedUrl={actionData && 'feedUrl' in actionData ? actionData.feedUrl : undefined}
        revoked={new URLSearchParams(location.search).get('feed') === 'revoked'}
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
