import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DateRange } from '~/components/meetings'
import { TableHead } from '~/components/table-head'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { listDelegations } from '~/modules/meetings/delegations.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { meetingHeader } from '~/modules/meetings/meetings.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [t('meetings.print.title'), data?.header.title, t('app.name')].filter(Boolean).join(' · '),
)

// The printable list of participants: a page of its own (outside the tabs), plain tables, and the
// print stylesheet hides the portal's header and navigation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  return {
    header: meetingHeader(meeting.row, lang),
    delegations: listDelegations(viewer, meeting, lang).filter((d) => d.members.length),
  }
}

export default function PrintableParticipants() {
  const { header: m, delegations } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const showEmail = delegations.some((d) => d.members.some((p) => p.email))
  // logistics only of the delegations the viewer may see them for (the secretariat: all)
  const showLogistics = delegations.some((d) => d.members.some((p) => p.logistics))
  const when = (d: Date | null | undefined) => (d ? date(d, 'datetime', m.timeZone) : '')
  const total = delegations.reduce((n, d) => n + d.members.length, 0)
  return (
    <article className="meetings-print">
      <p className="small meetings-noprint">
        <Link to={`/meetings/${m.id}/participants`}>{t('meetings.print.back')}</Link> ·{' '}
        {t('meetings.print.hint')}
      </p>
      <h1>{t('meetings.print.title')}</h1>
      <p>
        <strong>{m.title}</strong>
        <br />
        <DateRange start={m.startsAt} end={m.endsAt} timeZone={m.timeZone} />
        <br />
        {m.place ?? t('meetings.online')}
      </p>
      <p>{t('meetings.print.count', { count: total, orgs: delegations.length })}</p>
      {delegations.map((d) => (
        <table key={d.organization.id} className="meetings-print-table">
          <caption className="meetings-caption-visible">{d.organization.name}</caption>
          <TableHead
            labels={[
              t('common.name'),
              t('meetings.print.position'),
              t('meetings.participants.role'),
              showEmail && t('common.email'),
              t('meetings.participants.attendance'),
              showLogistics && t('delegations.col.arrival'),
              showLogistics && t('delegations.col.departure'),
              showLogistics && t('delegations.col.needs'),
            ]}
          />
          <tbody>
            {d.members.map((p) => (
              <tr key={p.memberId}>
                <th scope="row">{p.name}</th>
                <td>{[p.title, p.institution].filter(Boolean).join(' · ')}</td>
                <td>{t(`meetings.role.${p.role}`)}</td>
                {showEmail ? <td>{p.email}</td> : null}
                <td>{t(`meetings.attendance.${p.attendance}`)}</td>
                {showLogistics ? (
                  <>
                    <td>{when(p.logistics?.arrivalAt)}</td>
                    <td>{when(p.logistics?.departureAt)}</td>
                    <td>{[p.logistics?.accessibility, p.logistics?.dietary].filter(Boolean).join(' · ')}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
