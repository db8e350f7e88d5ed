import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { listGroups } from '~/modules/groups/groups.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { TableHead } from '~/components/table-head'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('groups.title')

// Public: group names, kinds and how many organizations take part; no people.
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = resolveLang(request, getViewer(request))
  return { groups: listGroups(lang) }
}

export default function Groups() {
  const { groups } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <h1>{t('groups.title')}</h1>
      <p>{t('groups.intro')}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('groups.empty')}</p>
      ) : (
        <TableWrap label={t('groups.caption')}>
          <table>
            <caption className="groups-caption">{t('groups.caption')}</caption>
            <TableHead
              labels={[
                t('common.name'),
                t('groups.col.kind'),
                t('common.status'),
                t('groups.col.organizations'),
              ]}
            />
            <tbody>
              {groups.map((g) => (
                <tr key={g.slug}>
                  <th scope="row">
                    <Link to={`/groups/${g.slug}`}>{g.name}</Link>
                  </th>
                  <td>{t(`groups.kind.${g.kind}`)}</td>
                  <td>
                    <span className={g.active ? 'badge ok' : 'badge'}>
                      {t(g.active ? 'groups.active' : 'groups.inactive')}
                    </span>
                  </td>
                  <td>{g.organizationCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
