import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { pageTitle } from '~/i18n/meta'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { FilterSelect } from '~/components/filter-select'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { ROUND_OUTCOMES } from '~/modules/plans/constants'
import { MatrixFiltersSchema } from '~/modules/plans/round-forms.server'
import { commentMatrix } from '~/modules/plans/rounds.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${t('planRounds.matrix.titleOf', { title: data?.plan.title ?? '' })} · ${t('app.name')}`,
)

// The comment matrix of a plan (submitted comments of every round, with responses and the action
// taken), filtered by round, organization and outcome: the plan's group and the secretariat; anyone
// else gets the 404 page, as for a missing plan. The exports carry the same filters.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const filters = MatrixFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const page = commentMatrix(viewer, params.id ?? '', lang, filters)
  if (!page) throw notFoundResponse()
  return data({ ...page, filters }, { headers: NO_STORE })
}

export default function CommentMatrixPage() {
  const { plan, rounds, organizations, rows, filters } = useLoaderData<typeof loader>()
  const { t } = useT()
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString()
  const suffix = query ? `?${query}` : ''
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}`}>{t('planRounds.backToPlan')}</Link> ·{' '}
        <Link to={`/plans/${plan.id}/rounds`}>{t('planRounds.link')}</Link>
      </p>
      <h1>{t('planRounds.matrix.titleOf', { title: plan.title })}</h1>
      <p>{t('planRounds.matrix.intro')}</p>
      <Form method="get" className="filters">
        <FilterSelect
          id="filter-round"
          name="round"
          label={t('planRounds.matrix.filter.round')}
          value={filters.round}
          any={t('planRounds.matrix.filter.all')}
          options={rounds.map((n) => ({ value: n, label: t('planRounds.roundN', { number: n }) }))}
        />
        <FilterSelect
          id="filter-organization"
          name="organization"
          label={t('planRounds.matrix.filter.organization')}
          value={filters.organization}
          any={t('planRounds.matrix.filter.all')}
          options={organizations.map((o) => ({ value: o.code, label: o.name }))}
        />
        <FilterSelect
          id="filter-outcome"
          name="outcome"
          label={t('planRounds.matrix.filter.outcome')}
          value={filters.outcome}
          any={t('planRounds.matrix.filter.all')}
          options={[...ROUND_OUTCOMES, 'unanswered' as const].map((o) => ({
            value: o,
            label: t(`planRounds.outcome.${o}`),
          }))}
        />
        <div>
          <button type="submit">{t('planRounds.matrix.filter.apply')}</button>
        </div>
      </Form>
      <p>
        <a href={`/plans/${plan.id}/comments.csv${suffix}`} download>
          {t('planRounds.matrix.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={`/plans/${plan.id}/comments.xlsx${suffix}`} download>
          {t('planRounds.matrix.exportXlsx')}
        </a>
      </p>
      <p className="muted small" role="status">
        {t('planRounds.matrix.count', { count: rows.length })}
      </p>
      {rows.length ? (
        <TableWrap label={t('planRounds.matrix.caption')}>
          <table className="rounds-matrix">
            <caption className="rounds-visually-hidden">{t('planRounds.matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planRounds.matrix.col.round')}</th>
                <th scope="col">{t('planRounds.matrix.col.section')}</th>
                <th scope="col">{t('planRounds.matrix.col.passage')}</th>
                <th scope="col">{t('planRounds.matrix.col.organization')}</th>
                <th scope="col">{t('planRounds.matrix.col.comment')}</th>
                <th scope="col">{t('planRounds.matrix.col.response')}</th>
                <th scope="col">{t('planRounds.matrix.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('planRounds.matrix.col.round')}>
                    <Link to={`/plans/${plan.id}/rounds/${c.roundNumber}#c-${c.id}`}>{c.roundNumber}</Link>
                  </td>
                  <td data-label={t('planRounds.matrix.col.section')}>
                    {c.sectionNumber} {c.sectionTitle}
                  </td>
                  <td data-label={t('planRounds.matrix.col.passage')} className="rounds-pre">
                    {c.quote ?? ''}
                  </td>
                  <td data-label={t('planRounds.matrix.col.organization')}>{c.organization}</td>
                  <td data-label={t('planRounds.matrix.col.comment')} className="rounds-pre">
                    {c.body}
                  </td>
                  <td data-label={t('planRounds.matrix.col.response')} className="rounds-pre">
                    {c.response ?? ''}
                  </td>
                  <td data-label={t('planRounds.matrix.col.outcome')}>
                    {t(`planRounds.outcome.${c.outcome ?? 'unanswered'}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">{t('planRounds.matrix.empty')}</p>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
