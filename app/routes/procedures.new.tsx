import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
import { replyErrors, replyValue, replyValues } from '~/components/form-reply'
import { ReplyInput, ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import { SubmitButton } from '~/components/submit-button'
import { titleMeta } from '~/i18n/meta'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'
import { withZone } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowedPage, formFailure, NO_STORE } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { PROCEDURE_TEXT_KINDS, PROCEDURE_VISIBILITIES } from '~/modules/procedures/constants'
import { LaunchSchema } from '~/modules/procedures/forms.server'
import { launchProcedure } from '~/modules/procedures/procedures.server'
import { launchOptions } from '~/modules/procedures/queries.server'

export const meta = titleMeta('procedures.new', 'procedures.title')

// The secretariat launches a written procedure (or relaunches a revised text: ?previous=<id>).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'procedure.launch')
  const lang = resolveLang(request, viewer)
  const previous = new URL(request.url).searchParams.get('previous') ?? ''
  return data(
    { ...launchOptions(lang), previous: /^[A-Za-z0-9_-]{1,64}$/.test(previous) ? previous : '' },
    { headers: NO_STORE },
  )
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const submission = parseForm(await request.formData(), LaunchSchema)
  if (submission.status !== 'success')
    return data(
      { intent: 'launch', result: submission.reply(), conflict: null },
      { status: 400, headers: NO_STORE },
    )
  try {
    const { id } = launchProcedure(viewer, submission.value)
    return redirect(`/procedures/${id}?launched=1`)
  } catch (error) {
    return formFailure(error, submission, 'launch')
  }
}

export default function NewProcedurePage() {
  const { plans, documents, states, previous } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = actionData?.result
  const { t } = useT()
  const kind = replyValue(reply, 'textKind') ?? 'decision_text'
  const chosenStates = replyValues(reply, 'states') ?? []
  return (
    <>
      <p className="small">
        <Link to="/procedures">{t('procedures.title')}</Link>
      </p>
      <h1>{t('procedures.new')}</h1>
      <Form method="post" noValidate className="card">
        <FormErrors errors={replyErrors(reply, '')} />
        {previous ? <input type="hidden" name="previous" value={previous} /> : null}
        <ReplyInput
          reply={reply}
          id="p-subject-es"
          name="subjectEs"
          label={t('procedures.field.subjectEs')}
          lang="es"
        />
        <ReplyInput
          reply={reply}
          id="p-subject-en"
          name="subjectEn"
          label={t('procedures.field.subjectEn')}
          lang="en"
        />
        <fieldset>
          <legend>{t('procedures.field.textKind')}</legend>
          {PROCEDURE_TEXT_KINDS.map((k) => (
            <label key={k} className="rounds-choice">
              <input type="radio" name="textKind" value={k} defaultChecked={kind === k} />{' '}
              {t(`procedures.textKind.${k}`)}
            </label>
          ))}
          <FieldErrors id="p-kind-error" errors={replyErrors(reply, 'textKind')} />
        </fieldset>
        <ReplyTextArea
          reply={reply}
          id="p-text-es"
          name="textEs"
          label={t('procedures.field.textEs')}
          rows={5}
          lang="es"
        />
        <ReplyTextArea
          reply={reply}
          id="p-text-en"
          name="textEn"
          label={t('procedures.field.textEn')}
          rows={5}
          lang="en"
        />
        <ReplySelect
          reply={reply}
          id="p-plan"
          name="plan"
          label={t('procedures.field.plan')}
          options={plans}
          blank="—"
        />
        <ReplySelect
          reply={reply}
          id="p-document"
          name="document"
          label={t('procedures.field.document')}
          options={documents}
          blank="—"
        />
        <ReplyInput
          reply={reply}
          id="p-version"
          name="version"
          label={t('procedures.field.version')}
          inputMode="numeric"
        />
        <fieldset aria-describedby={replyErrors(reply, 'states')?.length ? 'p-states-error' : undefined}>
          <legend>{t('procedures.field.states')}</legend>
          <ul className="meetings-checks">
            {states.map((s) => (
              <li key={s.value}>
                <label>
                  <input
                    type="checkbox"
                    name="states"
                    value={s.value}
                    defaultChecked={chosenStates.includes(s.value)}
                  />{' '}
                  {s.label}
                </label>
              </li>
            ))}
          </ul>
          <FieldErrors id="p-states-error" errors={replyErrors(reply, 'states')} />
        </fieldset>
        <ReplyInput
          reply={reply}
          id="p-deadline"
          name="deadline"
          type="datetime-local"
          label={withZone({ t }, t('procedures.field.deadline'), SEAT_TIME_ZONE)}
          hint={t('procedures.field.deadlineHint')}
        />
        <ReplySelect
          reply={reply}
          id="p-visibility"
          name="visibility"
          label={t('procedures.field.visibility')}
          options={PROCEDURE_VISIBILITIES.map((v) => ({ value: v, label: t(`procedures.visibility.${v}`) }))}
          defaultValue="members"
        />
        <SubmitButton>{t('procedures.launch')}</SubmitButton>
      </Form>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
