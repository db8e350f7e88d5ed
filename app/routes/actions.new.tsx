import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionForm } from '~/components/action-form'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { actionFormOptions, decisionPrefill } from '~/modules/actions/form-options.server'
import { ActionFormSchema } from '~/modules/actions/schemas'
import { createAction } from '~/modules/actions/writing.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { assertAllowedPage, formFailure, notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('actions.new.title')

/** The signed-in viewer, when they may create actions; anyone else gets the 403 page, for the form and
 * for a post alike (before the form is read). */
function requireCreator(request: Request) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'action.create')
  return viewer
}

// Secretariat only. `?decision=ID` (or its code) starts from a decision: origin, title and meeting;
// `?agendaItem=ID` and `?group=slug` preset those origins.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireCreator(request)
  const lang = resolveLang(request, viewer)
  const url = new URL(request.url)
  const decisionParam = url.searchParams.get('decision')
  const decision = decisionParam ? decisionPrefill(viewer, decisionParam, lang) : null
  if (decisionParam && !decision) throw notFoundResponse()
  const agendaItem = url.searchParams.get('agendaItem') ?? ''
  const group = url.searchParams.get('group') ?? ''
  const values: Record<string, string | string[]> = decision
    ? {
        originType: 'decision',
        decision: decision.code,
        titleEs: decision.titleEs ?? '',
        titleEn: decision.titleEn ?? '',
      }
    : {
        originType: agendaItem ? 'agenda_item' : group ? 'group' : 'none',
        agendaItem: /^[A-Za-z0-9_-]{1,64}$/.test(agendaItem) ? agendaItem : '',
        group: /^[a-z0-9-]{1,100}$/.test(group) ? group : '',
      }
  return {
    options: actionFormOptions(lang),
    values: { priority: 'medium', owners: [], supporting: [], focalPeople: [], ...values },
    decision: decision
      ? {
          code: decision.code,
          text: decision.text,
          meeting: decision.origin.title,
          back: decision.origin.href,
        }
      : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireCreator(request)
  const submission = parseForm(await request.formData(), ActionFormSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission)
  }
  try {
    const { id } = createAction(viewer, submission.value)
    return redirect(`/actions/${id}`)
  } catch (error) {
    return formFailure(error, submission)
  }
}

export default function NewAction() {
  const { options, values, decision } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()?.result
  const { t } = useT()
  return (
    <>
      <p className="small">
        {decision ? (
          <Link to={decision.back}>{t('actions.new.backToDecisions')}</Link>
        ) : (
          <Link to="/actions">{t('actions.back')}</Link>
        )}
      </p>
      <h1>{t('actions.new.title')}</h1>
      <p className="muted">{t('actions.new.intro')}</p>
      <ActionForm
        reply={reply}
        values={values}
        options={options}
        submitLabel="actions.new.submit"
        fixedDecision={decision}
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
