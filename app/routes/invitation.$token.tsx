// /invitation/:token — the link in an invitation e-mail: the invited person sets their password once.
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
import {
  acceptInvitation,
  personLanguageRedirect,
  viewInvitation,
} from '~/modules/auth/invitations-accept.server'
import { LINK_REFUSAL_STATUS as STATUS } from '~/modules/auth/one-time-tokens.server'
import { serializeSessionCookie } from '~/modules/auth/session.server'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('account.invite.pageTitle')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = resolveLang(request, getViewer(request))
  const view = viewInvitation(params.token ?? '', lang)
  const to = personLanguageRedirect(request, lang, view.language)
  if (to) throw redirect(to)
  if (view.state !== 'ok') return data({ view }, { status: STATUS[view.state] })
  return data({ view })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  }
  const outcome = await acceptInvitation({
    token: params.token ?? '',
    password: submission.value.password,
    ip: context.clientIp ?? null,
    userAgent: request.headers.get('User-Agent'),
  })
  if (!outcome.ok) {
    if (outcome.reason === 'password') {
      return data(
        {
          result: submission.reply({
            fieldErrors: { password: ['validation.passwordTooLong'] },
            hideFields: ['password', 'confirm'],
          }),
        },
        { status: 400 },
      )
    }
    return data({ refused: outcome.reason }, { status: STATUS[outcome.reason] })
  }
  const next = outcome.needsSecondFactor ? '/login/second-factor?redirectTo=%2F' : '/'
  return redirect(next, {
    headers: { 'Set-Cookie': serializeSessionCookie(outcome.token, outcome.expiresAt) },
  })
}

export default function Invitation() {
  const { view } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const validateSetPassword = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.SetPasswordSchema),
  )
  const [form, fields] = useForm({
    id: 'invitation',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: validateSetPassword,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  if (actionData && 'refused' in actionData)
    return <OneTimeLinkRefused kind="invitation" reason={actionData.refused} />
  if (view.state !== 'ok') return <OneTimeLinkRefused kind="invitation" reason={view.state} />
  return (
    <div className="auth-page card">
      <h1>{t('account.invite.title')}</h1>
      <p>{t('account.invite.intro', { name: view.name, organization: view.organization })}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" value={view.email} autoComplete="username" readOnly hidden />
        <p>
          <span className="label">{t('common.email')}:</span> {view.email}
        </p>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div>
          <SubmitButton>{t('account.invite.submit')}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
