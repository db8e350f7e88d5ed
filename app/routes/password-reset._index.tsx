// /password-reset — ask for a reset link by e-mail. The answer never tells whether an account exists.
export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { ResetRequestSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, type ActionFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { InputField } from '~/components/input-field'
import { useT } from '~/i18n/use-t'
import { requestPasswordReset } from '~/modules/auth/password-reset.server'
import { titleMeta } from '~/i18n/meta'

export const meta = titleMeta('account.reset.title')

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetRequestSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sent: false }, { status: 400 })
  }
  const outcome = requestPasswordReset({ email: submission.value.email, ip: context.clientIp ?? null })
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: ['account.reset.throttled'] }), sent: false },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfter) } },
    )
  }
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export default function PasswordResetRequest() {
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const validateResetRequest = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.ResetRequestSchema),
  )
  const [form, fields] = useForm({
    id: 'password-reset',
    lastResult: actionData?.result,
    onValidate: validateResetRequest,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="auth-page card">
      <h1>{t('account.reset.title')}</h1>
      {actionData?.sent ? (
        <p className="alert ok" role="status">
          {t('account.reset.sent')}
        </p>
      ) : (
        <p>{t('account.reset.intro')}</p>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <InputField
          field={fields.email}
          type="email"
          label={t('common.email')}
          autoComplete="username"
          required
        />
        <div>
          <SubmitButton>{t('account.reset.submit')}</SubmitButton>
        </div>
      </Form>
      <p className="small">
        <Link to="/login">{t('account.reset.back')}</Link>
      </p>
    </div>
  )
}
