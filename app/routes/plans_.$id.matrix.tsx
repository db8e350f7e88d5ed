import type { LoaderFunctionArgs } from '@remix-run/node'
import { pageTitle } from '~/i18n/meta'
import { Link, useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/bar-chart'
import { MatrixTable } from '~/components/plans/matrix'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { ACTION_STATUSES } from '~/modules/actions/constants'
import { planMatrix } from '~/modules/plans/matrix.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${t('planMatrix.titleOf', { title: data?.plan.title ?? '' })} · ${t('app.name')}`,
)

// The implementation matrix of a plan: members of the plan's group and the secretariat; anyone else
// gets the 404 page, as for a missing plan.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = planMatrix(viewer, params.id ?? '', lang)
  if (!page) throw notFoundResponse()
  return page
}

export default function PlanMatrixPage() {
  const { plan, rows, counts } = useLoaderData<typeof loader>()
  const { t, number } = useT()
  const total = ACTION_STATUSES.reduce((n, s) => n + counts[s], 0)
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}`}>{t('planMatrix.backToPlan')}</Link>
      </p>
      <h1>{t('planMatrix.titleOf', { title: plan.title })}</h1>
      <p>{t('planMatrix.intro')}</p>
      {total ? (
        <BarChart
          title={t('planMatrix.statusCounts')}
          labelHeading={t('planMatrix.status')}
          valueHeading={t('planMatrix.count')}
          formatValue={number}
          bars={ACTION_STATUSES.map((s) => ({ label: t(`actions.status.${s}`), value: counts[s] }))}
        />
      ) : null}
      {rows.length ? (
        <TableWrap label={t('planMatrix.title')}>
          <MatrixTable rows={rows} planId={plan.id} />
        </TableWrap>
      ) : (
        <p className="muted">{t('planMatrix.empty')}</p>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
