import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listDecisionRegister, REGISTER_PAGE_SIZE } from '~/modules/meetings/decisions.server'
import { findVisibleMeeting, listMeetingYears, localized } from '~/modules/meetings/meetings.server'
import { MEETING_KINDS } from '~/modules/meetings/constants'
import { DecisionRegisterQuerySchema } from '~/modules/meetings/schemas'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('meetings.register.title')} · ${t('app.name')}` }]
}

// Decisions across the meetings the viewer may see (members-only meetings' decisions stay hidden from
// observers), with filters from allowlists.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const query = DecisionRegisterQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const page = query.page ?? 1
  const meeting = query.meeting ? findVisibleMeeting(viewer, query.meeting) : null
  const { items, hasMore } = listDecisionRegister(viewer, query, {
    lang,
    offset: (page - 1) * REGISTER_PAGE_SIZE,
  })
  return {
    query,
    page,
    items,
    hasMore,
    years: listMeetingYears(viewer),
    meeting: meeting
      ? { id: meeting.row.id, title: localized(lang, meeting.row.titleEs, meeting.row.titleEn) }
      : null,
  }
}

export default function DecisionRegister() {
  const { query, page, items, hasMore, years, meeting } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  const pageLink = (n: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(n))
    return `?${params}`
  }
  return (
    <>
      <p className="small">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <h1>{t('meetings.register.title')}</h1>
      <p className="muted">{t('meetings.register.intro')}</p>
      <Form method="get" className="filters" aria-label={t('common.filter')}>
        {meeting ? <input type="hidden" name="meeting" value={meeting.id} /> : null}
        <div className="field">
          <label htmlFor="r-q">{t('meetings.register.q')}</label>
          <input id="r-q" type="search" name="q" defaultValue={query.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="r-kind">{t('meetings.field.kind')}</label>
          <select id="r-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('meetings.filter.all')}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-year">{t('meetings.filter.year')}</label>
          <select id="r-year" name="year" defaultValue={query.year ? String(query.year) : ''}>
            <option value="">{t('meetings.filter.all')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('common.filter')}</button>{' '}
          <Link to="/meetings/decisions">{t('common.clear')}</Link>
        </div>
      </Form>
      {meeting ? (
        <p className="alert info">
          {t('meetings.register.ofMeeting')} <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </p>
      ) : null}
      {items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('meetings.register.code')}</th>
                <th scope="col">{t('meetings.register.decision')}</th>
                <th scope="col">{t('meetings.meeting')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="mono meetings-nowrap">
                    <Link to={`/meetings/${d.meeting.id}/decisions#decision-${d.id}`}>{d.code}</Link>
                  </th>
                  <td>{d.text}</td>
                  <td>
                    <Link to={`/meetings/${d.meeting.id}`}>{d.meeting.title}</Link>
                    <br />
                    <span className="muted small">
                      {date(d.meeting.startsAt, 'date', d.meeting.timeZone)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('meetings.register.empty')}</p>
      )}
      <nav className="pager" aria-label={t('meetings.list.pages')}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t('common.previous')}</Link> : <span />}
        {hasMore ? <Link to={pageLink(page + 1)}>{t('common.next')}</Link> : null}
      </nav>
    </>
  )
}
