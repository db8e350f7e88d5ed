import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ImportSummary, PlanImportForm } from '~/components/plans/word-import'
import type { Reply } from '~/components/form-reply'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { MAX_IMPORT_BYTES, MAX_IMPORT_SECTIONS } from '~/modules/plans/constants'
import { importRefusal } from '~/modules/plans/import.server'
import { importFromRequest } from '~/modules/plans/import-http.server'
import { localized, visiblePlan } from '~/modules/plans/loading.server'

export const meta = pageTitle<typeof loader>(
  (t, d) => `${t('planWord.import.forPlan', { title: d?.plan.title ?? '' })} · ${t('app.name')}`,
)

// /plans/:id/import: a plan still without sections (mandate or drafting) started from a Word document
// by its drafters or chair. The plan is 404 to anyone outside its group.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const plan = visiblePlan(viewer, params.id ?? '')
  if (!plan) throw notFoundResponse()
  return {
    plan: { id: plan.row.id, title: localized(lang, plan.row.titleEs, plan.row.titleEn) },
    refusal: importRefusal(viewer, plan.row.id),
    maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
    maxSections: MAX_IMPORT_SECTIONS,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const answer = await importFromRequest(request, viewer, params.id ?? '')
  if (answer.failure) return answer.failure as never
  return data({ summary: answer.summary, result: null }, { headers: NO_STORE })
}

export default function PlanImportPage() {
  const { plan, refusal, maxMb, maxSections } = useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>() as
    | { summary?: Parameters<typeof ImportSummary>[0]['summary'] | null; result?: Reply }
    | undefined
  const { t } = useT()
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}`}>{t('planWord.print.back')}</Link>
      </p>
      <h1>{t('planWord.import.forPlan', { title: plan.title })}</h1>
      <p>{t('planWord.import.intro')}</p>
      {replied?.summary ? <ImportSummary summary={replied.summary} /> : null}
      {replied?.summary ? null : !refusal || replied?.result ? (
        <PlanImportForm planId={plan.id} maxMb={maxMb} maxSections={maxSections} reply={replied?.result} />
      ) : (
        <p className="card">{t(refusal as 'planWord.error.notEmpty')}</p>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
