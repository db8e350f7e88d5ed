import { pageTitle } from '~/i18n/meta'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionLinks, ActionsProgress, ConvertForm, MatrixFieldsForm } from '~/components/plans/matrix'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { ConvertSchema, MatrixFieldsSchema } from '~/modules/plans/matrix-forms.server'
import { createActionFromSection, saveMatrixFields, sectionMatrix } from '~/modules/plans/matrix.server'

export const meta = pageTitle<typeof loader>((t, data) => {
  const title = data ? t('planMatrix.editTitle', { number: data.row.number, title: data.row.title }) : ''
  return `${title || t('planMatrix.title')} · ${t('app.name')}`
})

const ID = /^[A-Za-z0-9_-]{1,64}$/

// A line of action's or an activity's matrix fields (drafters and the chair, while the plan is open)
// and, for the chair, turning it into an action item. Members of the plan's group and the secretariat
// read it; anyone else gets the 404 page, as for a missing plan or a section outside the matrix.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = sectionMatrix(viewer, params.id ?? '', params.sectionId ?? '', lang)
  if (!page) throw notFoundResponse()
  const search = new URL(request.url).searchParams
  const created = search.get('created')
  return {
    ...page,
    saved: search.get('saved') === '1',
    created: created && ID.test(created) ? created : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const planId = params.id ?? ''
  const sectionId = params.sectionId ?? ''
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const here = `/plans/${planId}/sections/${sectionId}/matrix`
  if (intent === 'save') {
    const submission = parseForm(formData, MatrixFieldsSchema)
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply(), conflict: null }, { status: 400, headers: NO_STORE })
    try {
      saveMatrixFields(viewer, planId, sectionId, submission.value)
      return redirect(`${here}?saved=1`)
    } catch (error) {
      return formFailure(error, submission, intent)
    }
  }
  if (intent === 'convert') {
    const submission = parseForm(formData, ConvertSchema)
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply(), conflict: null }, { status: 400, headers: NO_STORE })
    try {
      const created = createActionFromSection(viewer, planId, sectionId, {
        confirm: submission.value.confirm === '1',
      })
      return redirect(`${here}?created=${created.id}`)
    } catch (error) {
      return formFailure(error, submission, intent)
    }
  }
  throw new Response(null, { status: 400, headers: NO_STORE })
}

export default function SectionMatrixPage() {
  const { plan, row, organizations, can, saved, created } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const reply = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined)
  const confirming = actionData?.intent === 'convert' && !!actionData.conflict
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}#s-${row.id}`}>{t('planMatrix.backToPlan')}</Link> ·{' '}
        <Link to={`/plans/${plan.id}/matrix#m-${row.id}`}>{t('planMatrix.backToMatrix')}</Link>
      </p>
      <p className="muted">{plan.title}</p>
      <h1>{t('planMatrix.editTitle', { number: row.number, title: row.title })}</h1>
      {saved && !actionData ? (
        <div className="alert ok" role="status">
          <p>{t('planMatrix.saved')}</p>
        </div>
      ) : null}
      {created && !actionData ? (
        <div className="alert ok" role="status">
          <p>
            {t('planMatrix.created')} <Link to={`/actions/${created}`}>{t('planMatrix.openAction')}</Link>
          </p>
        </div>
      ) : null}
      {plan.locked ? (
        <p className="card">{t('plans.error.locked')}</p>
      ) : !can.edit ? (
        <p className="card">{t('planMatrix.readOnly')}</p>
      ) : null}
      {can.edit ? <MatrixFieldsForm row={row} organizations={organizations} reply={reply('save')} /> : null}
      <section aria-labelledby="matrix-actions">
        <h2 id="matrix-actions">{t('planMatrix.actionsOfSection')}</h2>
        <ActionLinks row={row} />
        {row.actions.length ? <ActionsProgress row={row} /> : null}
      </section>
      {can.createActions ? <ConvertForm reply={reply('convert')} confirming={confirming} /> : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
