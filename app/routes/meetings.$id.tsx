import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { DateRange, MembersOnlyBadge, StatusBadge } from '~/components/meetings'
import type { MessageKey } from '~/i18n'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { meetingHeader, meetingPermissions } from '~/modules/meetings/meetings.server'
import { FollowButton } from '~/components/follow-button'
import { followState } from '~/modules/notifications/notifications.server'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.header.title ?? t('meetings.title')} · ${t('app.name')}`,
)

// The header and tabs of every meeting page. Each tab's loader checks the meeting again for itself:
// Remix runs this loader in parallel with theirs, so it protects nothing on its own.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const id = meeting.row.id
  const ahead = meeting.ref.status === 'planned' || meeting.ref.status === 'confirmed'
  return {
    header: meetingHeader(meeting.row, lang),
    can: meetingPermissions(viewer, meeting.ref),
    follow: followState(viewer, 'meeting', id, request),
    // Both pages open for whoever may see the meeting; the carry-over list matters only for one ahead.
    links: {
      followUp: `/meetings/${id}/follow-up`,
      pendingActions: ahead ? `/meetings/${id}/pending-actions` : null,
    },
  }
}

const TABS: { to: string; key: MessageKey; end?: boolean }[] = [
  { to: '', key: 'meetings.tab.agenda', end: true },
  { to: 'documents', key: 'meetings.tab.documents' },
  { to: 'participants', key: 'meetings.tab.participants' },
  { to: 'minutes', key: 'meetings.tab.minutes' },
  { to: 'decisions', key: 'meetings.tab.decisions' },
]

/** A fact of the header that links to its record (host, PPT, organizing group). */
function LinkFact({ label, to, name }: { label: string; to: string; name: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Link to={to}>{name}</Link>
      </dd>
    </>
  )
}

export default function MeetingLayout() {
  const { header: m, can, links, follow } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  return (
    <>
      <p className="small">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <div className="page-header">
        <h1>{m.title}</h1>
        <p className="meetings-header-links">
          <a href={`/meetings/${m.id}.ics`} className="button small secondary">
            {t('meetings.addToCalendar')}
          </a>{' '}
          <Link to={links.followUp} className="button small secondary">
            {t('meetings.followUp')}
          </Link>{' '}
          {links.pendingActions ? (
            <>
              <Link to={links.pendingActions} className="button small secondary">
                {t('meetings.pendingActions')}
              </Link>{' '}
            </>
          ) : null}
          {can.edit ? (
            <>
              <Link to={`/meetings/${m.id}/copy`} className="button small secondary">
                {t('meetingsRun.copy')}
              </Link>{' '}
              <Link to={`/meetings/${m.id}/edit`} className="button small">
                {t('meetings.edit')}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <p>
        <span className="badge">{t(`meetings.kind.${m.kind}`)}</span>{' '}
        {m.number ? <span className="badge">{m.number}</span> : null} <StatusBadge status={m.status} />{' '}
        <MembersOnlyBadge openness={m.openness} />
      </p>
      <FollowButton recordType="meeting" recordId={m.id} {...follow} />
      {m.theme ? <p className="meetings-theme">{m.theme}</p> : null}
      <dl className="meetings-facts">
        <dt>{t('meetings.when')}</dt>
        <dd>
          <DateRange start={m.startsAt} end={m.endsAt} timeZone={m.timeZone} />
        </dd>
        <dt>{t('meetings.where')}</dt>
        <dd>
          {m.place ?? t('meetings.online')}
          {m.onlineUrl ? (
            <>
              {' · '}
              <a href={m.onlineUrl} rel="noopener noreferrer">
                {t('meetings.onlineLink')}
              </a>
            </>
          ) : null}
        </dd>
        {m.host ? (
          <LinkFact label={t('meetings.host')} to={`/members/${m.host.code}`} name={m.host.name} />
        ) : null}
        {m.ppt ? (
          <LinkFact
            label={t('meetings.ppt', { year: String(m.ppt.year) })}
            to={`/members/${m.ppt.code}`}
            name={m.ppt.name}
          />
        ) : null}
        {m.group ? (
          <LinkFact label={t('meetings.group')} to={`/groups/${m.group.slug}`} name={m.group.name} />
        ) : null}
        {m.registrationDeadline ? (
          <>
            <dt>{t('meetings.registrationDeadline')}</dt>
            <dd>{date(m.registrationDeadline, 'datetime', m.timeZone)}</dd>
          </>
        ) : null}
      </dl>
      <nav className="meetings-tabs" aria-label={t('meetings.tabs')}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink to={tab.to ? `/meetings/${m.id}/${tab.to}` : `/meetings/${m.id}`} end={tab.end}>
                {t(tab.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
