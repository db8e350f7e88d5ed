import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StackedBarChart } from '~/components/stacked-bar-chart'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { actionsBoardRead, boardFilterOptions } from '~/modules/actions/board.server'
import { BoardQuerySchema } from '~/modules/actions/schemas'
import { actionsToday } from '~/modules/actions/overdue.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowed } from '~/modules/core/domain-error.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { TableWrap } from '~/components/table-wrap'
import { withReads } from '~/modules/core/read-busy.server'

export { keepHeaders as headers } from '~/modules/core/route-headers'
export const meta = titleMeta('actions.board.title')

// The follow-up board: per member state and organization, open, overdue and done actions, as a table
// and as one stacked bar chart (one scale), narrowed by due year, meeting and working group (a GET form:
// the address can be shared), downloadable as CSV and XLSX. Every signed-in person may look; each sees
// the counts of what they may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  try {
    assertAllowed(viewer, 'action.board')
    const lang = resolveLang(request, viewer)
    const url = new URL(request.url)
    const filters = BoardQuerySchema.parse(Object.fromEntries(url.searchParams))
    const options = await withReads(lang, () => boardFilterOptions(viewer, lang))
    // a meeting the viewer may not see (or that has no actions) is not offered, and not applied
    if (filters.meeting && !options.meetings.some((m) => m.id === filters.meeting)) delete filters.meeting
    if (filters.group && !options.groups.some((g) => g.slug === filters.group)) delete filters.group
    const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString()
    return {
      rows: await withReads(lang, () => actionsBoardRead(viewer, lang, new Date(), filters)),
      today: actionsToday(),
      filters,
      options,
      query,
    }
  } catch (error) {
    return pageFailure(error)
  }
}

export default function ActionsBoard() {
  const { rows, today, filters, options, query } = useLoaderData<typeof loader>()
  const { t, number, date } = useT()
  const withActions = rows.filter((r) => r.open + r.done > 0)
  const total = rows.reduce(
    (s, r) => ({ open: s.open + r.open, overdue: s.overdue + r.overdue, done: s.done + r.done }),
    { open: 0, overdue: 0, done: 0 },
  )
  const narrowed = [
    filters.year ? `${t('followUp.year')} ${filters.year}` : null,
    options.meetings.find((m) => m.id === filters.meeting)?.title ?? null,
    options.groups.find((g) => g.slug === filters.group)?.name ?? null,
  ].filter(Boolean)
  const suffix = query ? `?${query}` : ''
  // the list's own filters, so that a count leads to the actions it counts
  const listQuery = (code: string, extra: string) =>
    `/actions?owner=${code}&${extra}${filters.meeting ? `&meeting=${filters.meeting}` : ''}${filters.group ? `&group=${filters.group}` : ''}`
  return (
    <>
      <p className="small">
        <Link to="/actions">{t('actions.back')}</Link>
      </p>
      <h1>{t('actions.board.title')}</h1>
      <p className="muted">{t('actions.board.intro', { date: date(`${today}T12:00:00Z`, 'long') })}</p>
      <Form method="get" className="filters actions-noprint" aria-label={t('followUp.filters')}>
        <div className="field">
          <label htmlFor="board-year">{t('followUp.year')}</label>
          <select id="board-year" name="year" defaultValue={filters.year ?? ''}>
            <option value="">{t('followUp.anyYear')}</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-meeting">{t('followUp.meeting')}</label>
          <select id="board-meeting" name="meeting" defaultValue={filters.meeting ?? ''}>
            <option value="">{t('followUp.anyMeeting')}</option>
            {options.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-group">{t('followUp.group')}</label>
          <select id="board-group" name="group" defaultValue={filters.group ?? ''}>
            <option value="">{t('followUp.anyGroup')}</option>
            {options.groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('followUp.apply')}</button>
          {query ? <Link to="/actions/board">{t('followUp.reset')}</Link> : null}
        </div>
      </Form>
      {narrowed.length ? <p>{t('followUp.filtered', { what: narrowed.join(' · ') })}</p> : null}
      <p className="small actions-noprint">
        {t('followUp.export')}:{' '}
        <a href={`/actions/board.csv${suffix}`} download>
          {t('followUp.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={`/actions/board.xlsx${suffix}`} download>
          {t('followUp.exportXlsx')}
        </a>
      </p>
      <TableWrap label={t('actions.board.tableCaption')}>
        <table>
          <caption className="actions-caption">{t('actions.board.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.board.organization')}</th>
              <th scope="col">{t('actions.board.open')}</th>
              <th scope="col">{t('actions.board.overdue')}</th>
              <th scope="col">{t('actions.board.done')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <Link to={`/actions/board/${r.code}`}>{r.name}</Link>{' '}
                  <span className="muted small">{t(`kind.${r.kind}`)}</span>
                </th>
                <td>
                  <Link to={listQuery(r.code, 'status=open')}>{number(r.open)}</Link>
                </td>
                <td>
                  {r.overdue ? (
                    <Link to={listQuery(r.code, 'overdue=1')}>
                      <span className="badge danger">{t('actions.overdueCount', { count: r.overdue })}</span>
                    </Link>
                  ) : (
                    number(0)
                  )}
                </td>
                <td>
                  <Link to={listQuery(r.code, 'status=done')}>{number(r.done)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('actions.board.total')}</th>
              <td>{number(total.open)}</td>
              <td>{number(total.overdue)}</td>
              <td>{number(total.done)}</td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <section aria-labelledby="board-charts" className="actions-charts">
        <h2 id="board-charts">{t('actions.board.charts')}</h2>
        {withActions.length ? (
          <StackedBarChart
            title={t('followUp.chartTitle')}
            series={[
              { label: t('followUp.overdue'), className: 'stacked-bar-1' },
              { label: t('followUp.onTime'), className: 'stacked-bar-2' },
              { label: t('followUp.done'), className: 'stacked-bar-3' },
            ]}
            rows={withActions.map((r) => ({
              label: r.name,
              values: [r.overdue, r.open - r.overdue, r.done],
            }))}
            labelHeading={t('actions.board.organization')}
            totalHeading={t('followUp.total')}
            formatValue={(n) => number(n)}
          />
        ) : (
          <p className="muted">{t('actions.empty')}</p>
        )}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
