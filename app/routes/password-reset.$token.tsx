// /password-reset/:token — the link in a reset e-mail: sets a new password once and ends every session.
import { getFormProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { SetPasswordSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import { OneTimeLinkRefused } from '~/components/one-time-link-refused'
import { SubmitButton } from '~/components/submit-button'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { personLanguageRedirect } from '~/modules/auth/invitations-accept.server'
import { LINK_REFUSAL_STATUS as STATUS } from '~/modules/auth/one-time-tokens.server'
import { completePasswordReset, viewPasswordReset } from '~/modules/auth/password-reset.server'
import { clearSessionCookie } from '~/modules/auth/session.server'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('account.reset.newTitle')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = resolveLang(request, getViewer(request))
  const view = viewPasswordReset(params.token ?? '')
  const to = personLanguageRedirect(request, lang, view.language)
  if (to) throw redirect(to)
  const state = view.state
  if (state !== 'ok') return data({ state }, { status: STATUS[state] })
  return data({ state })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  }
  const outcome = await completePasswordReset({
    token: params.token ?? '',
    password: submission.value.password,
    ip: context.clientIp ?? null,
  })
  if (!outcome.ok) {
    if (outcome.reason === 'password') {
      const result = submission.reply({
        fieldErrors: { password: ['validation.passwordTooLong'] },
        hideFields: ['password', 'confirm'],
      })
      return data({ result }, { status: 400 })
    }
    return data({ refused: outcome.reason }, { status: STATUS[outcome.reason] })
  }
  // Every session ended, this browser's included: its cookie goes too. Then to the sign-in page (a page
  // of its own, 200): this link's page would now say, rightly, that the link was used (410).
  return redirect('/login?reset=done', { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function PasswordResetNew() {
  const { state } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const validateSetPassword = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.SetPasswordSchema),
  )
  const [form, fields] = useForm({
    id: 'new-password',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: validateSetPassword,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  if (actionData && 'refused' in actionData)
    return <OneTimeLinkRefused kind="password_reset" reason={actionData.refused} />
  if (state !== 'ok') return <OneTimeLinkRefused kind="password_reset" reason={state} />
  return (
    <div className="auth-page card">
      <h1>{t('account.reset.newTitle')}</h1>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div>
          <SubmitButton>{t('account.reset.save')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
