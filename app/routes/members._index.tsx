import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listDirectory, type DirectoryEntry } from '~/modules/members/directory.server'
import { TableHead } from '~/components/table-head'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('members.title')

// Public: organizations only, no people.
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = resolveLang(request, getViewer(request))
  return listDirectory(lang)
}

function Entry({ org, year }: { org: DirectoryEntry; year: number }) {
  const { t } = useT()
  return (
    <li>
      <Link to={`/members/${org.code}`}>{org.name}</Link>{' '}
      {org.acronym ? <span className="muted small">{org.acronym}</span> : null}
      {org.isCurrentPtp ? (
        <>
          {' '}
          <span className="badge ok">{t('members.ptp.badge', { year: String(year) })}</span>
        </>
      ) : null}
      {org.institutions.length ? (
        <ul className="members-institutions" aria-label={t('members.institutionsOf', { name: org.name })}>
          {org.institutions.map((i) => (
            <li key={i.code}>
              <Link to={`/members/${i.code}`}>{i.name}</Link>
              {i.acronym ? <span className="muted small"> ({i.acronym})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

export default function Members() {
  const { year, currentPtp, sections, ptpHistory } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <h1>{t('members.title')}</h1>
      <p>{t('members.intro')}</p>
      <p className="alert info">
        {currentPtp ? (
          <>
            {t('members.ptp.current', { year: String(year) })}{' '}
            <Link to={`/members/${currentPtp.code}`}>{currentPtp.name}</Link>
          </>
        ) : (
          t('members.ptp.currentUnknown', { year: String(year) })
        )}
      </p>
      <div className="members-sections">
        {sections.map((s) => (
          <section key={s.kind} aria-labelledby={`members-${s.kind}`} className="card">
            <h2 id={`members-${s.kind}`}>{t(`members.section.${s.kind}` as MessageKey)}</h2>
            {s.organizations.length ? (
              <ul className="list-plain">
                {s.organizations.map((o) => (
                  <Entry key={o.code} org={o} year={year} />
                ))}
              </ul>
            ) : (
              <p className="muted">{t('members.sectionEmpty')}</p>
            )}
          </section>
        ))}
      </div>
      <section aria-labelledby="members-ptp">
        <h2 id="members-ptp">{t('members.ptp.historyTitle')}</h2>
        <p>{t('members.ptp.explainer')}</p>
        <TableWrap label={t('members.ptp.historyTitle')}>
          <table>
            <caption className="members-caption">{t('members.ptp.historyTitle')}</caption>
            <TableHead labels={[t('members.ptp.year'), t('members.ptp.holder'), t('common.status')]} />
            <tbody>
              {ptpHistory.map((p) => (
                <tr key={p.year} className={p.status === 'current' ? 'members-ptp-current' : undefined}>
                  <th scope="row">{p.year}</th>
                  <td>
                    {p.organization ? (
                      <Link to={`/members/${p.organization.code}`}>{p.organization.name}</Link>
                    ) : (
                      <span className="muted">{t('members.ptp.unknown')}</span>
                    )}
                  </td>
                  <td>
                    {p.status === 'current' ? (
                      <span className="badge ok">{t('members.ptp.status.current')}</span>
                    ) : (
                      t(`members.ptp.status.${p.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
