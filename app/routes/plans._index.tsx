import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listPlans } from '~/modules/plans/page.server'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('plans.title')} · ${t('app.name')}` }]
}

// The plans of the groups the person belongs to (every plan for the secretariat).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  return { plans: listPlans(viewer, lang) }
}

export default function Plans() {
  const { plans } = useLoaderData<typeof loader>()
  const { t, date, number } = useT()
  return (
    <>
      <h1>{t('plans.title')}</h1>
      <p>{t('plans.intro')}</p>
      {plans.length === 0 ? (
        <p className="muted">{t('plans.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="groups-caption">{t('plans.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.col.title')}</th>
                <th scope="col">{t('plans.col.group')}</th>
                <th scope="col">{t('plans.col.stage')}</th>
                <th scope="col">{t('plans.col.sections')}</th>
                <th scope="col">{t('plans.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>
                    <Link to={`/groups/${p.group.slug}`}>{p.group.name}</Link>
                  </td>
                  <td>
                    <span className="badge">{t(`plans.stage.${p.stage}`)}</span>
                  </td>
                  <td>{number(p.sections)}</td>
                  <td>{date(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
