import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ActionStatusBadge, DueDay, PrintedMeetingHeader } from '~/components/actions'
import { pageTitle } from '~/i18n/meta'
import { TableWrap } from '~/components/table-wrap'
import { useT } from '~/i18n/use-t'
import { followUpReport, type ReportAction } from '~/modules/actions/follow-up.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [t('actions.report.title'), data?.header.title, t('app.name')].filter(Boolean).join(' · '),
)

// The printable follow-up report of a meeting (outside the meeting's tabs): what was decided and what
// was done about it. The print stylesheet hides the portal's header and navigation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const report = followUpReport(viewer, params.id ?? '', lang)
  if (!report) throw notFoundResponse()
  return report
}

function ActionsTable({ actions, caption }: { actions: ReportAction[]; caption: string }) {
  const { t, date } = useT()
  return (
    <table className="actions-print-table">
      <caption className="actions-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('actions.col.title')}</th>
          <th scope="col">{t('actions.col.owners')}</th>
          <th scope="col">{t('actions.col.due')}</th>
          <th scope="col">{t('actions.col.status')}</th>
          <th scope="col">{t('actions.report.lastReport')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.title}</th>
            <td>{a.owners.join(', ')}</td>
            <td className="actions-nowrap">
              <DueDay day={a.dueDate} overdue={a.overdue} />
            </td>
            <td>
              <ActionStatusBadge status={a.status} /> {t('actions.percent', { value: a.progress })}
              {a.completedAt ? (
                <div className="small">
                  {t('actions.report.doneOn', { date: date(a.completedAt, 'date') })}
                </div>
              ) : null}
            </td>
            <td className="small">
              {a.lastReport ? (
                <>
                  <span className="muted">
                    {date(a.lastReport.at, 'date')} · {a.lastReport.organization}
                  </span>
                  <div className="actions-note">{a.lastReport.note || '—'}</div>
                </>
              ) : (
                <span className="muted">{t('actions.report.noReport')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default function FollowUpReport() {
  const { header: m, decisions, other, summary, byOrganization, generatedAt } = useLoaderData<typeof loader>()
  const { t, date, number } = useT()
  return (
    <article className="actions-print">
      <PrintedMeetingHeader meeting={m} title={t('actions.report.title')} />
      <p>
        {t('actions.report.summary', {
          total: summary.total,
          done: summary.done,
          open: summary.open,
          overdue: summary.overdue,
          cancelled: summary.cancelled,
        })}
      </p>
      <p className="small muted">{t('actions.report.generated', { date: date(generatedAt, 'datetime') })}</p>
      {byOrganization.length ? (
        <section aria-labelledby="report-by-org">
          <h2 id="report-by-org">{t('followUp.summaryTitle')}</h2>
          <TableWrap label={t('followUp.summaryTitle')}>
            <table className="actions-print-table">
              <caption className="actions-caption">{t('followUp.summaryCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followUp.col.organization')}</th>
                  <th scope="col">{t('followUp.total')}</th>
                  <th scope="col">{t('followUp.col.open')}</th>
                  <th scope="col">{t('followUp.col.overdue')}</th>
                  <th scope="col">{t('followUp.col.done')}</th>
                  <th scope="col">{t('followUp.cancelled')}</th>
                </tr>
              </thead>
              <tbody>
                {byOrganization.map((o) => (
                  <tr key={o.name}>
                    <th scope="row">{o.name}</th>
                    <td>{number(o.total)}</td>
                    <td>{number(o.open)}</td>
                    <td>{number(o.overdue)}</td>
                    <td>{number(o.done)}</td>
                    <td>{number(o.cancelled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      <h2>{t('actions.report.decisions')}</h2>
      {decisions.length ? (
        decisions.map((d) => (
          <section key={d.id} aria-labelledby={`decision-${d.id}`} className="actions-report-decision">
            <h3 id={`decision-${d.id}`} className="mono">
              {d.code}
            </h3>
            <p>{d.text}</p>
            {d.actions.length ? (
              <ActionsTable actions={d.actions} caption={t('actions.report.actionsOf', { code: d.code })} />
            ) : (
              <p className="muted small">{t('actions.report.noActions')}</p>
            )}
          </section>
        ))
      ) : (
        <p className="muted">{t('actions.report.noDecisions')}</p>
      )}
      {other.length ? (
        <section aria-labelledby="report-other">
          <h2 id="report-other">{t('actions.report.other')}</h2>
          <ActionsTable actions={other} caption={t('actions.report.other')} />
        </section>
      ) : null}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
