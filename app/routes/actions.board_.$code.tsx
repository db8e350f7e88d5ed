import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ActionTable } from '~/components/actions'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import type { ListedAction } from '~/modules/actions/lists.server'
import { stateCommitments } from '~/modules/actions/board.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowed, notFound } from '~/modules/core/domain-error.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [data?.organization.name, t('actions.board.title'), t('app.name')].filter(Boolean).join(' · '),
)

// /actions/board/PA: one member state's (or organization's) commitments: what it owns (its national
// institutions' included) and what it supports. Not nested in the board page (the `_` in the file name).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  try {
    assertAllowed(viewer, 'action.board')
    const page = stateCommitments(viewer, params.code ?? '', resolveLang(request, viewer))
    if (!page) throw notFound()
    return page
  } catch (error) {
    return pageFailure(error)
  }
}

/** The decision an action follows from, or only that its origin is restricted. */
function DecisionCode({ origin: o }: Pick<ListedAction, 'origin'>) {
  const { t } = useT()
  if (o.restricted) return <div className="small muted">{t('actions.origin.restricted')}</div>
  return o.decision ? <div className="small mono">{o.decision.code}</div> : null
}
const decisionCode = (a: ListedAction) => <DecisionCode origin={a.origin} />

export default function StateCommitments() {
  const { organization: org, counts, owned, supported, truncated } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <p className="small">
        <Link to="/actions/board">{t('actions.board.back')}</Link>
      </p>
      <h1>{t('actions.state.title', { name: org.name })}</h1>
      <ul className="list-plain actions-counts">
        <li>{t('actions.state.open', { count: counts.open })}</li>
        <li>
          {counts.overdue ? (
            <span className="badge danger">{t('actions.state.overdue', { count: counts.overdue })}</span>
          ) : (
            t('actions.state.overdue', { count: counts.overdue })
          )}
        </li>
        <li>{t('actions.state.done', { count: counts.done })}</li>
      </ul>
      <p className="small">
        <Link to={`/actions?owner=${org.code}`}>{t('actions.state.inList')}</Link>
        {' · '}
        <a href={`/actions/export.csv?owner=${org.code}`}>{t('actions.export.csv')}</a>
        {' · '}
        <a href={`/actions/export.xlsx?owner=${org.code}`}>{t('actions.export.xlsx')}</a>
        {' · '}
        <Link to={`/members/${org.code}`}>{t('actions.state.profile')}</Link>
      </p>
      <section aria-labelledby="owned-title">
        <h2 id="owned-title">{t('actions.state.owned', { count: owned.length })}</h2>
        {owned.length ? (
          <ActionTable
            rows={owned}
            caption={t('actions.state.owned', { count: owned.length })}
            titleExtra={decisionCode}
          />
        ) : (
          <p className="muted">{t('actions.state.none')}</p>
        )}
      </section>
      <section aria-labelledby="supported-title">
        <h2 id="supported-title">{t('actions.state.supported', { count: supported.length })}</h2>
        {supported.length ? (
          <ActionTable
            rows={supported}
            caption={t('actions.state.supported', { count: supported.length })}
            titleExtra={decisionCode}
          />
        ) : (
          <p className="muted">{t('actions.state.none')}</p>
        )}
      </section>
      {truncated ? <p className="alert info">{t('actions.state.truncated', { count: 300 })}</p> : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
