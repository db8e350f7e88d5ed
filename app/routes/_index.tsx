import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { BarChart } from '~/components/bar-chart'
import type { MessageKey } from '~/i18n'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { getDashboard, getPublicLanding, type Dashboard } from '~/modules/dashboard/dashboard.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { withReads } from '~/modules/core/read-busy.server'

export { keepHeaders as headers } from '~/modules/core/route-headers'
export const meta = pageTitle((t, _data, root) =>
  [t(root?.viewer ? 'nav.dashboard' : 'dashboard.landing.title'), t('app.name')].join(' · '),
)

// Signed in: the person's dashboard. Signed out: a public landing page (organizations, never people).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  if (!viewer) return { signedIn: false as const, landing: getPublicLanding(lang) }
  return {
    signedIn: true as const,
    name: viewer.name,
    dashboard: await withReads(lang, () => getDashboard({ viewer, lang })),
  }
}

type Ptp = Dashboard['ptp']
type Membership = Dashboard['membership']

function Card({
  id,
  title,
  wide,
  children,
}: {
  id: string
  title: string
  wide?: boolean
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id} className={wide ? 'card dashboard-wide' : 'card'}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function ProfileCard({ profile }: { profile: Dashboard['profile'] }) {
  const { t } = useT()
  if (!profile) return null
  return (
    <Card id="dash-profile" title={t('dashboard.profile.title')}>
      <p>
        <Link to={`/members/${profile.organization.code}`}>{profile.organization.name}</Link>{' '}
        <span className="muted small">{t(`kind.${profile.organization.kind}`)}</span>
      </p>
      <dl className="dashboard-facts">
        {profile.institution ? (
          <>
            <dt>{t('dashboard.profile.institution')}</dt>
            <dd>
              <Link to={`/members/${profile.institution.code}`}>{profile.institution.name}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('dashboard.profile.role')}</dt>
        <dd>{t(`role.${profile.role}`)}</dd>
      </dl>
    </Card>
  )
}

function GroupsCard({ groups }: { groups: Dashboard['groups'] }) {
  const { t } = useT()
  return (
    <Card id="dash-groups" title={t('dashboard.groups.title')}>
      {groups.length ? (
        <ul className="list-plain">
          {groups.map((g) => (
            <li key={g.slug}>
              <Link to={`/groups/${g.slug}`}>{g.name}</Link>{' '}
              <span className="muted small">{t(`groups.role.${g.groupRole}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dashboard.groups.empty')}</p>
      )}
      <p className="small">
        <Link to="/groups">{t('dashboard.groups.all')}</Link>
      </p>
    </Card>
  )
}

function PlansCard({ plans }: { plans: Dashboard['plans'] }) {
  const { t } = useT()
  if (!plans.length) return null
  return (
    <Card id="dash-plans" title={t('plans.title')}>
      <ul className="list-plain">
        {plans.map((p) => (
          <li key={p.id}>
            <Link to={`/plans/${p.id}`}>{p.title}</Link>{' '}
            <span className="muted small">
              {p.group} · {t(`plans.stage.${p.stage}`)}
            </span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
    </Card>
  )
}

function MeetingsCard({ meetings }: { meetings: Dashboard['meetings'] }) {
  const { t, date } = useT()
  return (
    <Card id="dash-meetings" title={t('meetings.dashboard.title')}>
      {meetings.registrationsDue?.length ? (
        <>
          <h3>{t('meetings.dashboard.registrationsDue')}</h3>
          <ul className="list-plain">
            {meetings.registrationsDue.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}/participants`}>{m.title}</Link>{' '}
                <span className="badge warn">
                  {m.registrationDeadline
                    ? t('meetings.dashboard.registerBy', {
                        date: date(m.registrationDeadline, 'date', m.timeZone),
                      })
                    : t('meetings.dashboard.registerOpen')}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('meetings.dashboard.upcoming')}</h3>
        </>
      ) : null}
      {meetings.upcoming.length ? (
        <ul className="list-plain">
          {meetings.upcoming.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              <br />
              <span className="muted small">
                {date(m.startsAt, 'date', m.timeZone)} · {m.place ?? t('meetings.online')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meetings.dashboard.none')}</p>
      )}
      <p className="small">
        <Link to="/meetings">{t('meetings.dashboard.all')}</Link>
      </p>
    </Card>
  )
}

function ActionsCard({ actions }: { actions: Dashboard['actions'] }) {
  const { t, date } = useT()
  if (actions.kind === 'overview') {
    return (
      <Card id="dash-actions" title={t('actions.dashboard.title')}>
        <ul className="list-plain">
          <li>
            <Link to="/actions?overdue=1">
              {t('actions.dashboard.overdueAll', { count: actions.overdue })}
            </Link>
          </li>
          <li>
            <Link to="/actions?status=awaiting_validation">
              {t('actions.dashboard.awaiting', { count: actions.awaitingValidation })}
            </Link>
          </li>
          <li>
            <Link to="/actions?due=7">{t('actions.dashboard.dueSoonAll', { count: actions.dueSoon })}</Link>
          </li>
        </ul>
        <p className="small">
          <Link to="/actions/board">{t('actions.board.title')}</Link>
        </p>
      </Card>
    )
  }
  return (
    <Card id="dash-actions" title={t('actions.dashboard.mine')}>
      {actions.overdue ? (
        <p>
          <span className="badge danger">
            {t('actions.dashboard.overdueMine', { count: actions.overdue })}
          </span>
        </p>
      ) : null}
      {actions.items.length ? (
        <ul className="list-plain">
          {actions.items.map((a) => (
            <li key={a.id}>
              <Link to={`/actions/${a.id}`}>{a.title}</Link>
              <br />
              <span className="muted small">
                {t('actions.dashboard.due', { date: date(`${a.dueDate}T12:00:00Z`, 'date') })} ·{' '}
                {t('actions.percent', { value: a.progress })}
              </span>{' '}
              {a.overdue ? <span className="badge danger">{t('actions.overdue')}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('actions.dashboard.none')}</p>
      )}
      <p className="small">
        <Link to="/actions">{t('actions.dashboard.all')}</Link>
      </p>
    </Card>
  )
}

function DocumentsCard({ documents }: { documents: Dashboard['documents'] }) {
  const { t, date } = useT()
  return (
    <Card id="dash-documents" title={t('dashboard.documents.title')}>
      {documents.length ? (
        <ul className="list-plain">
          {documents.map((d) => (
            <li key={d.id}>
              <Link to={`/documents/${d.id}`}>{d.title || t('documents.noTitle')}</Link>
              <br />
              <span className="muted small">
                <code>{d.reference}</code> ·{' '}
                {d.documentDate ? date(`${d.documentDate}T00:00:00Z`, 'date') : date(d.addedAt, 'date')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dashboard.documents.empty')}</p>
      )}
      <p className="small">
        <Link to="/documents">{t('dashboard.documents.all')}</Link>
      </p>
    </Card>
  )
}

function PtpCard({ ptp }: { ptp: Ptp }) {
  const { t } = useT()
  return (
    <Card id="dash-ptp" title={t('dashboard.ptp.title', { year: String(ptp.year) })}>
      <p className="stat">
        {ptp.current ? (
          <Link to={`/members/${ptp.current.code}`}>{ptp.current.name}</Link>
        ) : (
          t('dashboard.ptp.unknown')
        )}
      </p>
      <h3>{t('dashboard.ptp.troika')}</h3>
      <ul className="list-plain">
        {ptp.troika.map((p) => (
          <li key={p.year}>
            {p.year}: {p.organization ? p.organization.name : t('dashboard.ptp.unknown')}{' '}
            <span className={p.status === 'current' ? 'badge ok' : 'muted small'}>
              {t(`members.ptp.status.${p.status}`)}
            </span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/members#members-ptp">{t('dashboard.ptp.history')}</Link>
      </p>
    </Card>
  )
}

function MembershipCard({ membership }: { membership: Membership }) {
  const { t, number } = useT()
  const bars = (Object.keys(membership) as (keyof Membership)[])
    .filter((kind) => kind !== 'secretariat')
    .map((kind) => ({ label: t(`members.section.${kind}` as MessageKey), value: membership[kind] }))
  return (
    <Card id="dash-membership" title={t('dashboard.membership.title')} wide>
      <BarChart
        title={t('dashboard.membership.chart')}
        bars={bars}
        labelHeading={t('dashboard.membership.kind')}
        valueHeading={t('dashboard.membership.count')}
        formatValue={(n) => number(n)}
      />
      <p className="small">
        <Link to="/members">{t('dashboard.landing.allMembers')}</Link>
      </p>
    </Card>
  )
}

function AdministrationCard({ admin }: { admin: Dashboard['administration'] }) {
  const { t } = useT()
  if (!admin) return null
  return (
    <Card id="dash-admin" title={t('nav.admin')}>
      <ul className="list-plain">
        <li>
          <Link to="/admin/people?status=invited">
            {t('dashboard.admin.pending', { count: admin.pendingInvitations })}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit?outcome=failed">
            {t('dashboard.admin.failed', { count: admin.failedSignIns })}
          </Link>
        </li>
      </ul>
    </Card>
  )
}

const QUICK_LINKS: { to: string; key: MessageKey }[] = [
  { to: '/members', key: 'nav.members' },
  { to: '/groups', key: 'nav.groups' },
  { to: '/plans', key: 'nav.plans' },
  { to: '/procedures', key: 'nav.procedures' },
  { to: '/meetings', key: 'nav.meetings' },
  { to: '/documents', key: 'nav.documents' },
  { to: '/actions', key: 'nav.actions' },
  { to: '/search', key: 'nav.search' },
  { to: '/account', key: 'nav.account' },
]

function QuickLinksCard() {
  const { t } = useT()
  return (
    <Card id="dash-links" title={t('dashboard.links.title')}>
      <ul className="list-plain">
        {QUICK_LINKS.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{t(l.key)}</Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}

function ProceduresAwaitingCard({ procedures }: { procedures: Dashboard['procedures'] }) {
  const { t, date } = useT()
  if (!procedures.length) return null
  return (
    <Card id="dash-procedures" title={t('procedures.awaiting.title')}>
      <ul className="list-plain">
        {procedures.map((p) => (
          <li key={p.id}>
            <Link to={`/procedures/${p.id}`}>{p.subject}</Link>{' '}
            <span className="badge warn">
              {t('procedures.awaiting.until', { date: date(p.deadline, 'datetime', 'America/Costa_Rica') })}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** The dashboard's sections, in order. A new capability adds its card here (and its data in
 * modules/dashboard/dashboard.server.ts). */
const SECTIONS: { key: string; render: (d: Dashboard) => ReactNode }[] = [
  { key: 'profile', render: (d) => <ProfileCard profile={d.profile} /> },
  { key: 'groups', render: (d) => <GroupsCard groups={d.groups} /> },
  { key: 'plans', render: (d) => <PlansCard plans={d.plans} /> },
  { key: 'meetings', render: (d) => <MeetingsCard meetings={d.meetings} /> },
  { key: 'actions', render: (d) => <ActionsCard actions={d.actions} /> },
  { key: 'procedures', render: (d) => <ProceduresAwaitingCard procedures={d.procedures} /> },
  { key: 'documents', render: (d) => <DocumentsCard documents={d.documents} /> },
  { key: 'ptp', render: (d) => <PtpCard ptp={d.ptp} /> },
  { key: 'administration', render: (d) => <AdministrationCard admin={d.administration} /> },
  { key: 'links', render: () => <QuickLinksCard /> },
  { key: 'membership', render: (d) => <MembershipCard membership={d.membership} /> },
]

function DeclarationsCard({ declarations }: { declarations: LandingData['declarations'] }) {
  const { t, date } = useT()
  return (
    <Card id="landing-declarations" title={t('landing.declarations')}>
      <p className="muted small">{t('landing.declarationsIntro')}</p>
      {declarations.length ? (
        <ul className="list-plain">
          {declarations.map((d) => (
            <li key={d.id}>
              <Link to={`/documents/${d.id}`}>{d.title || t('documents.noTitle')}</Link>
              {d.documentDate ? (
                <>
                  <br />
                  <span className="muted small">{date(`${d.documentDate}T00:00:00Z`, 'date')}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('landing.declarationsEmpty')}</p>
      )}
      <p className="small">
        <Link to="/documents">{t('landing.allPublic')}</Link>
      </p>
    </Card>
  )
}

type LandingData = ReturnType<typeof getPublicLanding>

function Landing({ landing }: { landing: ReturnType<typeof getPublicLanding> }) {
  const { t } = useT()
  return (
    <>
      <h1>{t('dashboard.landing.title')}</h1>
      <p>{t('dashboard.landing.about', { count: landing.memberStates.length })}</p>
      <p>{t('dashboard.landing.portal')}</p>
      <p>
        <Link to="/login" className="button">
          {t('dashboard.landing.signIn')}
        </Link>
      </p>
      <p>
        <Link to="/help">{t('landing.help')}</Link>
      </p>
      <div className="dashboard-grid">
        <Card id="landing-states" title={t('members.section.member_state')}>
          <ul className="list-plain">
            {landing.memberStates.map((s) => (
              <li key={s.code}>
                <Link to={`/members/${s.code}`}>{s.name}</Link>
                {s.code === landing.ptp.current?.code ? (
                  <>
                    {' '}
                    <span className="badge ok">
                      {t('members.ptp.badge', { year: String(landing.ptp.year) })}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
        <PtpCard ptp={landing.ptp} />
        <DeclarationsCard declarations={landing.declarations} />
        <Card id="landing-calendar" title={t('landing.calendar')}>
          <p>
            <label htmlFor="calendar-address">{t('landing.calendarIntro')}</label>
          </p>
          <input
            id="calendar-address"
            className="calendar-address"
            type="url"
            readOnly
            value={landing.calendarUrl}
          />
          <p className="small">
            <a href={landing.calendarUrl}>{landing.calendarUrl}</a>
          </p>
        </Card>
        <MembershipCard membership={landing.membership} />
      </div>
    </>
  )
}

export default function Index() {
  const data = useLoaderData<typeof loader>()
  const { t } = useT()
  if (!data.signedIn) return <Landing landing={data.landing} />
  return (
    <>
      <h1>{t('dashboard.greeting', { name: data.name })}</h1>
      <div className="dashboard-grid">
        {SECTIONS.map((s) => (
          <Fragment key={s.key}>{s.render(data.dashboard)}</Fragment>
        ))}
      </div>
    </>
  )
}
export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
