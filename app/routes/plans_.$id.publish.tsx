import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { replyErrors, replyValue, type Reply } from '~/components/form-reply'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, notFoundResponse } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { invalidForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { publicationPage, publishPlan } from '~/modules/plans/publish.server'
import { PublishSchema } from '~/modules/plans/word-forms.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [t('planWord.publish.title'), data?.plan.title, t('app.name')].filter(Boolean).join(' · '),
)

// /plans/:id/publish: the chair (and the secretariat) publish an approved plan in the document library,
// with a visibility they may choose; everyone in the group sees the publications. 404 outside it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const page = publicationPage(viewer, params.id ?? '', resolveLang(request, viewer))
  if (!page) throw notFoundResponse()
  return page
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const planId = params.id ?? ''
  const submission = parseForm(await request.formData(), PublishSchema)
  if (submission.status !== 'success') return invalidForm(submission)
  try {
    const published = await publishPlan(viewer, planId, submission.value)
    return redirect(`/plans/${planId}/publish?version=${published.versionNumber}`)
  } catch (error) {
    return formFailure(error, submission)
  }
}

export default function PublishPlan() {
  const { plan, canPublish, visibilities, document, publications } = useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>() as { result?: Reply } | undefined
  const reply = replied?.result
  const [search] = useSearchParams()
  const { t, date } = useT()
  const version = search.get('version')
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}`}>{t('planWord.print.back')}</Link>
      </p>
      <h1>{t('planWord.publish.title')}</h1>
      <p>
        <strong>{plan.title}</strong> <span className="badge">{t(`plans.stage.${plan.stage}`)}</span>
      </p>
      {version && document ? (
        <div className="alert ok" role="status">
          <p>{t('planWord.publish.done', { version, reference: document.reference })}</p>
        </div>
      ) : null}
      {document ? (
        <p>
          <Link to={`/documents/${document.id}`}>{t('planWord.publish.document')}</Link> ({document.reference}
          )
        </p>
      ) : null}
      <p>{t('planWord.publish.intro')}</p>
      {canPublish || reply ? (
        <Form method="post" className="stack">
          <FormErrors errors={replyErrors(reply, '')} />
          <Field
            id="publish-visibility"
            label={t('planWord.publish.field.visibility')}
            errors={replyErrors(reply, 'visibility')}
          >
            {(ids) => (
              <select
                id={ids.id}
                name="visibility"
                defaultValue={replyValue(reply, 'visibility') ?? 'group'}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
              >
                {visibilities.map((v) => (
                  <option key={v} value={v}>
                    {t(`documents.visibility.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit">{t('planWord.publish.submit')}</button>
          </div>
        </Form>
      ) : (
        <p className="card">
          {t(
            plan.stage === 'approved' || plan.stage === 'published'
              ? 'planWord.error.cannotPublish'
              : 'planWord.error.notApproved',
          )}
        </p>
      )}
      <section aria-labelledby="plan-publications">
        <h2 id="plan-publications">{t('planWord.publish.history')}</h2>
        {publications.length ? (
          <ol>
            {publications.map((p) => (
              <li key={p.versionNumber}>
                {t('planWord.publish.entry', {
                  version: p.versionNumber,
                  date: date(p.publishedAt),
                  visibility: t(`documents.visibility.${p.visibility}`),
                  name: p.by,
                })}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('planWord.publish.none')}</p>
        )}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
