import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { getGroupPage } from '~/modules/groups/groups.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { TableHead } from '~/components/table-head'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.page.group.name ?? t('groups.title')} · ${t('app.name')}`,
)

// Public description and organizations; members only for viewers allowed by can('group.viewMembers').
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  const page = getGroupPage({ viewer, slug: params.slug ?? '', lang })
  if (!page) throw new Response(null, { status: 404 })
  return { page, signedIn: viewer !== null }
}

export default function GroupPage() {
  const { page, signedIn } = useLoaderData<typeof loader>()
  const { t, number } = useT()
  const { group, organizations, members } = page
  return (
    <>
      <p className="small">
        <Link to="/groups">{t('groups.back')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p>
        <span className="badge">{t(`groups.kind.${group.kind}`)}</span>{' '}
        <span className={group.active ? 'badge ok' : 'badge'}>
          {t(group.active ? 'groups.active' : 'groups.inactive')}
        </span>
      </p>
      {group.description ? <p>{group.description}</p> : null}

      <section aria-labelledby="group-organizations">
        <h2 id="group-organizations">
          {t('groups.organizations')} <span className="muted">({number(organizations.length)})</span>
        </h2>
        {organizations.length ? (
          <ul>
            {organizations.map((o) => (
              <li key={o.code}>
                <Link to={`/members/${o.code}`}>{o.name}</Link>
                {o.parentName ? <span className="muted"> ({o.parentName})</span> : null}{' '}
                <span className="muted small">{t(`kind.${o.kind}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('groups.noOrganizations')}</p>
        )}
      </section>

      <section aria-labelledby="group-members">
        <h2 id="group-members">{t('groups.members')}</h2>
        {members === null ? (
          signedIn ? (
            <p className="muted">{t('groups.membersHidden')}</p>
          ) : (
            <p>
              {t('groups.membersSignedOut')}{' '}
              <Link to={`/login?redirectTo=${encodeURIComponent(`/groups/${group.slug}`)}`}>
                {t('groups.membersSignIn')}
              </Link>
            </p>
          )
        ) : members.length === 0 ? (
          <p className="muted">{t('groups.noMembers')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="groups-caption">{t('groups.membersCaption', { name: group.name })}</caption>
              <TableHead labels={[t('common.name'), t('common.organization'), t('groups.col.groupRole')]} />
              <tbody>
                {members.map((m) => (
                  <tr key={m.personId}>
                    <th scope="row">
                      {m.name}
                      {m.title ? <span className="muted small"> · {m.title}</span> : null}
                    </th>
                    <td>
                      <Link to={`/members/${m.organization.code}`}>{m.organization.name}</Link>
                      {m.institution ? (
                        <>
                          {' · '}
                          <Link to={`/members/${m.institution.code}`}>{m.institution.name}</Link>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`groups.role.${m.groupRole}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
