import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { getOrganizationPage } from '~/modules/members/directory.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.page.organization.name ?? t('members.title')} · ${t('app.name')}`,
)

// Public, but the delegation is shown as the viewer may see it (anonymous: no people at all).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  const page = getOrganizationPage({ viewer, code: params.code ?? '', lang })
  if (!page) throw new Response(null, { status: 404 })
  const { code, id, parentId } = page.organization
  if (params.code !== code) {
    // One address per organization: /members/pa and /members/SNM lead to /members/PA and /members/PA-SNM.
    throw redirect(`/members/${encodeURIComponent(code)}${new URL(request.url).search}`)
  }
  // People are invited into a participating organization; for a national institution, its state
  // (the invitation form then offers the institution).
  const inviteInto =
    page.organization.kind === 'national_institution' && page.parent ? page.parent.code : code
  return {
    page,
    signedIn: viewer !== null,
    canInvite: can(viewer, 'person.invite', { organizationId: id, parentOrganizationId: parentId }),
    inviteInto,
  }
}

export default function OrganizationPage() {
  const { page, signedIn, canInvite, inviteInto } = useLoaderData<typeof loader>()
  const { t } = useT()
  const { organization: org, parent, institutions, ptpYears, groups, delegation } = page
  return (
    <>
      <p className="small">
        <Link to="/members">{t('members.page.back')}</Link>
      </p>
      <div className="page-header">
        <h1>
          {org.name}
          {org.acronym && org.acronym !== org.name ? <span className="muted"> ({org.acronym})</span> : null}
        </h1>
        {canInvite ? (
          <Link to={`/invite?org=${encodeURIComponent(inviteInto)}`} className="button small">
            {t('members.invite')}
          </Link>
        ) : null}
      </div>
      <dl className="members-facts">
        <dt>{t('members.page.kind')}</dt>
        <dd>
          <span className="badge">{t(`kind.${org.kind}`)}</span>
          {org.isCurrentPtp ? (
            <>
              {' '}
              <span className="badge ok">{t('members.ptp.badge', { year: String(page.year) })}</span>
            </>
          ) : null}
        </dd>
        {parent ? (
          <>
            <dt>{t('members.page.partOf')}</dt>
            <dd>
              <Link to={`/members/${parent.code}`}>{parent.name}</Link>
            </dd>
          </>
        ) : null}
        {ptpYears.length ? (
          <>
            <dt>{t('members.page.ptpHeld')}</dt>
            <dd>{ptpYears.join(', ')}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('members.page.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {org.description ? <p>{org.description}</p> : null}

      {institutions.length ? (
        <section aria-labelledby="org-institutions">
          <h2 id="org-institutions">{t('members.page.institutions')}</h2>
          <ul>
            {institutions.map((i) => (
              <li key={i.code}>
                <Link to={`/members/${i.code}`}>{i.name}</Link>
                {i.acronym ? <span className="muted small"> ({i.acronym})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="org-groups">
        <h2 id="org-groups">{t('members.page.groups')}</h2>
        {groups.length ? (
          <ul>
            {groups.map((g) => (
              <li key={g.slug}>
                <Link to={`/groups/${g.slug}`}>{g.name}</Link>{' '}
                <span className="muted small">
                  {t(`groups.kind.${g.kind}`)}
                  {g.active ? null : ` · ${t('groups.inactive')}`}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('members.page.noGroups')}</p>
        )}
      </section>

      <section aria-labelledby="org-delegation">
        <h2 id="org-delegation">{t('members.delegation.title')}</h2>
        {!signedIn || !delegation ? (
          <p>
            {t('members.delegation.signedOut')}{' '}
            <Link to={`/login?redirectTo=${encodeURIComponent(`/members/${org.code}`)}`}>
              {t('members.delegation.signIn')}
            </Link>
          </p>
        ) : delegation.people.length === 0 ? (
          <p className="muted">{t('members.delegation.empty')}</p>
        ) : (
          <>
            <TableWrap label={t('members.delegation.caption', { name: org.name })}>
              <table>
                <caption className="members-caption">
                  {t('members.delegation.caption', { name: org.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('members.col.title')}</th>
                    <th scope="col">{t('common.role')}</th>
                    <th scope="col">{t('members.col.institution')}</th>
                    {delegation.showContact ? (
                      <>
                        <th scope="col">{t('common.email')}</th>
                        <th scope="col">{t('members.col.phone')}</th>
                      </>
                    ) : null}
                    {delegation.showStatus ? <th scope="col">{t('common.status')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {delegation.people.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>{p.title}</td>
                      <td>{t(`role.${p.role}`)}</td>
                      <td>
                        {p.institution ? (
                          <Link to={`/members/${p.institution.code}`}>{p.institution.name}</Link>
                        ) : null}
                      </td>
                      {delegation.showContact ? (
                        <>
                          <td>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null}</td>
                          <td>
                            {p.phone ? <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</a> : null}
                          </td>
                        </>
                      ) : null}
                      {delegation.showStatus ? (
                        <td>
                          {p.status ? (
                            <span className={p.status === 'active' ? 'badge ok' : 'badge warn'}>
                              {t(`members.status.${p.status}`)}
                            </span>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {delegation.showContact ? null : <p className="muted small">{t('privacy.contactRule')}</p>}
          </>
        )}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
