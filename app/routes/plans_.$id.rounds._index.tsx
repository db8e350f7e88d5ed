import { pageTitle } from '~/i18n/meta'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OpenRoundForm, RoundOrganizations, When } from '~/components/plans/rounds'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { OpenRoundSchema } from '~/modules/plans/round-forms.server'
import { listRounds, openRound } from '~/modules/plans/rounds.server'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${t('planRounds.titleOf', { title: data?.plan.title ?? '' })} · ${t('app.name')}`,
)

// A plan's consultation rounds: the plan's group and the focal points of the organizations consulted in
// a round (who see only those rounds); anyone else gets the 404 page, as for a missing plan. The chair
// opens a round here.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = listRounds(viewer, params.id ?? '', lang)
  if (!page) throw notFoundResponse()
  return data(page, { headers: NO_STORE })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const planId = params.id ?? ''
  const formData = await request.formData()
  const submission = parseForm(formData, OpenRoundSchema)
  if (submission.status !== 'success')
    return data(
      { intent: 'open', result: submission.reply(), conflict: null },
      { status: 400, headers: NO_STORE },
    )
  try {
    const { number } = openRound(viewer, planId, submission.value)
    return redirect(`/plans/${planId}/rounds/${number}?opened=1`)
  } catch (error) {
    return formFailure(error, submission, 'open')
  }
}

export default function PlanRoundsPage() {
  const { plan, rounds, zone, canOpen, sections, organizations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <>
      <p className="small">
        {plan.inGroup ? (
          <>
            <Link to={`/plans/${plan.id}`}>{t('planRounds.backToPlan')}</Link> ·{' '}
            <Link to={`/plans/${plan.id}/comments`}>{t('planRounds.matrixLink')}</Link>
          </>
        ) : null}
      </p>
      <h1>{t('planRounds.titleOf', { title: plan.title })}</h1>
      <p>{t('planRounds.intro')}</p>
      {rounds.length ? (
        <ul className="rounds-list">
          {rounds.map((r) => (
            <li key={r.number} className="card">
              <h2>
                <Link to={`/plans/${plan.id}/rounds/${r.number}`}>
                  {t('planRounds.roundN', { number: r.number })}
                </Link>{' '}
                <span className="badge">{t(r.open ? 'planRounds.open' : 'planRounds.closed')}</span>
              </h2>
              <p>
                {t('planRounds.deadline')}: <When at={r.deadline} zone={zone} /> ·{' '}
                {r.wholePlan
                  ? t('planRounds.wholePlan')
                  : t('planRounds.someSections', { count: r.sectionCount })}
              </p>
              {r.note ? <p className="rounds-pre">{r.note}</p> : null}
              <RoundOrganizations organizations={r.organizations} zone={zone} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('planRounds.none')}</p>
      )}
      {plan.locked ? <p className="card">{t('plans.error.locked')}</p> : null}
      {canOpen ? (
        <OpenRoundForm
          reply={actionData?.intent === 'open' ? actionData.result : undefined}
          zone={zone}
          sections={sections}
          organizations={organizations}
        />
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
