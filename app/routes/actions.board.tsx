import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/bar-chart'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { actionsBoard } from '~/modules/actions/board.server'
import { actionsToday } from '~/modules/actions/overdue.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowed } from '~/modules/core/domain-error.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('actions.board.title')

// The follow-up board: per member state and organization, open, overdue and done actions, as a table
// and as bar charts. Every signed-in person may look; each sees the counts of what they may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  try {
    assertAllowed(viewer, 'action.board')
    return { rows: actionsBoard(viewer, resolveLang(request, viewer)), today: actionsToday() }
  } catch (error) {
    return pageFailure(error)
  }
}

export default function ActionsBoard() {
  const { rows, today } = useLoaderData<typeof loader>()
  const { t, number, date } = useT()
  const withActions = rows.filter((r) => r.open + r.done > 0)
  const chart = (key: 'open' | 'overdue' | 'done', title: string) => (
    <BarChart
      title={title}
      bars={withActions.map((r) => ({ label: `${r.name} (${r.code})`, value: r[key] }))}
      labelHeading={t('actions.board.organization')}
      valueHeading={t('actions.board.count')}
      formatValue={(n) => number(n)}
    />
  )
  const total = rows.reduce(
    (s, r) => ({ open: s.open + r.open, overdue: s.overdue + r.overdue, done: s.done + r.done }),
    { open: 0, overdue: 0, done: 0 },
  )
  return (
    <>
      <p className="small">
        <Link to="/actions">{t('actions.back')}</Link>
      </p>
      <h1>{t('actions.board.title')}</h1>
      <p className="muted">{t('actions.board.intro', { date: date(`${today}T12:00:00Z`, 'long') })}</p>
      <div className="table-wrap">
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
                  <Link to={`/actions?owner=${r.code}&status=open`}>{number(r.open)}</Link>
                </td>
                <td>
                  {r.overdue ? (
                    <Link to={`/actions?owner=${r.code}&overdue=1`}>
                      {number(r.overdue)} <span className="badge danger">{t('actions.overdue')}</span>
                    </Link>
                  ) : (
                    number(0)
                  )}
                </td>
                <td>
                  <Link to={`/actions?owner=${r.code}&status=done`}>{number(r.done)}</Link>
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
      </div>
      <section aria-labelledby="board-charts" className="actions-charts">
        <h2 id="board-charts">{t('actions.board.charts')}</h2>
        {withActions.length ? (
          <>
            {chart('open', t('actions.board.chartOpen'))}
            {chart('overdue', t('actions.board.chartOverdue'))}
            {chart('done', t('actions.board.chartDone'))}
          </>
        ) : (
          <p className="muted">{t('actions.empty')}</p>
        )}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
