import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { badgeDelegations } from '~/modules/meetings/delegation-members.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { meetingHeader } from '~/modules/meetings/meetings.server'
import styles from '~/styles/delegations.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta = pageTitle<typeof loader>((t, data) =>
  [t('delegations.badges.title'), data?.title, t('app.name')].filter(Boolean).join(' · '),
)

const KINDS = ['badges', 'cards'] as const
const PER_SHEET = 8

// Badges (eight per A4 sheet) or folding name cards (two per sheet) of the delegations the viewer may
// print: the secretariat every delegation, a focal point their own. Names of organizations, never codes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const delegations = badgeDelegations(viewer, meeting, lang)
  if (!delegations) throw notFoundResponse()
  const asked = new URL(request.url).searchParams.get('kind')
  const kind = KINDS.find((k) => k === asked) ?? 'badges'
  return { meetingId: meeting.row.id, title: meetingHeader(meeting.row, lang).title, kind, delegations }
}

export default function Badges() {
  const { meetingId, title, kind, delegations } = useLoaderData<typeof loader>()
  const { t } = useT()
  const people = delegations.flatMap((d) =>
    d.members.map((m) => ({ ...m, organization: d.organization.name })),
  )
  const sheets: (typeof people)[] = []
  for (let i = 0; i < people.length; i += PER_SHEET) sheets.push(people.slice(i, i + PER_SHEET))
  return (
    <article>
      <div className="delegations-noprint">
        <p className="small">
          <Link to={`/meetings/${meetingId}/participants`}>{t('delegations.back')}</Link>
        </p>
        <h1>{t('delegations.badges.title')}</h1>
        <p>
          <strong>{title}</strong> · {t('delegations.badges.count', { count: people.length })}
        </p>
        <p className="hint">{t('delegations.badges.hint')}</p>
        <Form method="get" className="filters">
          <div className="field">
            <label htmlFor="badge-kind">{t('delegations.badges.kind')}</label>
            <select id="badge-kind" name="kind" defaultValue={kind}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`delegations.badges.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="secondary">
              {t('delegations.badges.show')}
            </button>
          </div>
        </Form>
      </div>
      {people.length === 0 ? <p>{t('delegations.badges.none')}</p> : null}
      {kind === 'badges' ? (
        sheets.map((sheet, i) => (
          <ul key={i} className="delegations-badges" aria-label={t('delegations.badges.kind.badges')}>
            {sheet.map((p) => (
              <li key={p.memberId} className="delegations-badge">
                <p className="delegations-badge-name">{p.name}</p>
                {p.title ? <p className="delegations-badge-title">{p.title}</p> : null}
                <p className="delegations-badge-org">{p.organization}</p>
                <p className="delegations-badge-role">{t(`meetings.role.${p.role}`)}</p>
              </li>
            ))}
          </ul>
        ))
      ) : (
        <ul className="delegations-cards" aria-label={t('delegations.badges.kind.cards')}>
          {people.map((p) => (
            <li key={p.memberId} className="delegations-card">
              {/* folded along the middle: the upper half is printed upside down */}
              <div className="delegations-card-half upside-down" aria-hidden="true">
                <p className="delegations-card-name">{p.name}</p>
                <p className="delegations-card-org">{p.organization}</p>
              </div>
              <div className="delegations-card-half">
                <p className="delegations-card-name">{p.name}</p>
                <p className="delegations-card-org">{p.organization}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
