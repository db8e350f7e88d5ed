import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { withParams } from '~/components/list-controls'
import { Pager } from '~/components/pager'
import { DecisionStatusBadge } from '~/components/decision-entry'
import { FilterSelect } from '~/components/filter-select'
import { KindAndYearFilters } from '~/components/meeting-filters'
import { TableHead } from '~/components/table-head'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import {
  listDecisionRegister,
  listRegisterMeetings,
  REGISTER_PAGE_SIZE,
} from '~/modules/meetings/decisions.server'
import { DECISION_FILTERS } from '~/modules/meetings/constants'
import { DecisionRegisterQuerySchema } from '~/modules/meetings/forms.server'
import { findVisibleMeeting, listMeetingYears, localized } from '~/modules/meetings/meetings.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('meetings.register.title')

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
    meetings: listRegisterMeetings(viewer, lang),
    meeting: meeting
      ? { id: meeting.row.id, title: localized(lang, meeting.row.titleEs, meeting.row.titleEn) }
      : null,
  }
}

export default function DecisionRegister() {
  const { query, page, items, hasMore, years, meeting, meetings } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const location = useLocation()
  // the exports take the register's filters, not its page
  const params = new URLSearchParams(location.search)
  params.delete('page')
  const exportSearch = params.size ? `?${params}` : ''
  return (
    <>
      <p className="small">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <h1>{t('meetings.register.title')}</h1>
      <p className="muted">{t('meetings.register.intro')}</p>
      <Form method="get" className="filters" aria-label={t('common.filter')}>
        <FilterSelect
          id="r-meeting"
          name="meeting"
          label={t('decisionsOwners.register.meeting')}
          any={t('decisionsOwners.register.anyMeeting')}
          value={query.meeting}
          options={meetings}
        />
        <FilterSelect
          id="r-status"
          name="status"
          label={t('decisionsOwners.register.status')}
          any={t('decisionsOwners.register.anyStatus')}
          value={query.status}
          options={DECISION_FILTERS.map((s) => ({ value: s, label: t(`decisionsOwners.status.${s}`) }))}
        />
        <div className="field">
          <label htmlFor="r-q">{t('meetings.register.q')}</label>
          <input id="r-q" type="search" name="q" defaultValue={query.q ?? ''} />
        </div>
        <KindAndYearFilters idPrefix="r" kind={query.kind} year={query.year} years={years} />
        <div>
          <button type="submit">{t('common.filter')}</button>{' '}
          <Link to="/meetings/decisions">{t('common.clear')}</Link>
        </div>
      </Form>
      <div className="decisions-register-tools decisions-noprint">
        <span>{t('decisionsOwners.register.export')}:</span>
        <a href={`/meetings/decisions/export.xlsx${exportSearch}`} download>
          {t('decisionsOwners.register.xlsx')}
        </a>
        <a href={`/meetings/decisions/export.csv${exportSearch}`} download>
          {t('decisionsOwners.register.csv')}
        </a>
        <span className="muted small">{t('decisionsOwners.register.printHint')}</span>
      </div>
      {meeting ? (
        <p className="alert info">
          {t('meetings.register.ofMeeting')} <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </p>
      ) : null}
      {items.length ? (
        <TableWrap className="decisions-register" label={t('meetings.register.title')}>
          <table>
            <TableHead
              labels={[
                t('meetings.register.code'),
                t('meetings.register.decision'),
                t('procedures.decisionRegister'),
              ]}
            />
            <tbody>
              {items.map((d) => (
                <tr key={d.id} className={d.status === 'withdrawn' ? 'is-withdrawn' : undefined}>
                  <th scope="row" className="mono meetings-nowrap">
                    <Link
                      to={
                        d.meeting
                          ? `/meetings/${d.meeting.id}/decisions#decision-${d.id}`
                          : `/procedures/${d.procedure?.id ?? ''}`
                      }
                    >
                      {d.code}
                    </Link>
                  </th>
                  <td>
                    {d.text}
                    {d.status === 'withdrawn' || d.corrigenda ? (
                      <>
                        {' '}
                        <DecisionStatusBadge status={d.status} corrected={d.corrigenda > 0} />
                      </>
                    ) : null}
                    {d.withdrawalReason ? (
                      <span className="muted small">
                        <br />
                        {d.withdrawalReason}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {d.meeting ? (
                      <>
                        <Link to={`/meetings/${d.meeting.id}`}>{d.meeting.title}</Link>
                        <br />
                        <span className="muted small">
                          {date(d.meeting.startsAt, 'date', d.meeting.timeZone)}
                        </span>
                      </>
                    ) : d.procedure ? (
                      <>
                        <Link to={`/procedures/${d.procedure.id}`}>
                          {t('procedures.number', { number: d.procedure.number })}
                        </Link>
                        <br />
                        <span className="muted small">
                          {t('procedures.adoptedOn')}{' '}
                          {date(d.procedure.adoptedAt, 'date', 'America/Costa_Rica')}
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">{t('meetings.register.empty')}</p>
      )}
      <Pager
        page={page}
        hasMore={hasMore}
        href={(n) => withParams(location.search, { page: String(n) })}
        label={t('meetings.list.pages')}
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
