export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { LoginSchema, parseWithZod, safeRedirect } from '~/modules/core/form-schemas.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { InputField } from '~/components/input-field'
import { useT } from '~/i18n/use-t'
import { serializeSessionCookie } from '~/modules/auth/session.server'
import { signIn } from '~/modules/auth/sign-in.server'
import { getViewer } from '~/modules/auth/viewer.server'
import { titleMeta } from '~/i18n/meta'

export const meta = titleMeta('auth.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'))
  if (getViewer(request)) throw redirect(redirectTo)
  return {
    redirectTo,
    expired: url.searchParams.get('expired') === '1',
    resetDone: url.searchParams.get('reset') === 'done',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password } = submission.value
  // redirectTo may come from the form or the query string; both are checked.
  const redirectTo = safeRedirect(
    submission.value.redirectTo ?? new URL(request.url).searchParams.get('redirectTo'),
  )
  const result = await signIn({
    email,
    password,
    ip: context.clientIp ?? null,
    userAgent: request.headers.get('User-Agent'),
  })
  if (!result.ok) {
    if (result.reason === 'throttled') {
      return data(submission.reply({ formErrors: ['auth.throttled'], hideFields: ['password'] }), {
        status: 429,
        headers: { 'Retry-After': String(result.retryAfter) },
      })
    }
    return data(submission.reply({ formErrors: ['auth.invalid'], hideFields: ['password'] }), { status: 400 })
  }
  const next = result.needsSecondFactor
    ? `/login/second-factor?redirectTo=${encodeURIComponent(redirectTo)}`
    : redirectTo
  return redirect(next, { headers: { 'Set-Cookie': serializeSessionCookie(result.token, result.expiresAt) } })
}

export default function Login() {
  const { redirectTo, expired, resetDone } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useT()
  const validateLogin = useBrowserValidation(() =>
    import('~/modules/auth/schemas').then((m) => m.LoginSchema),
  )
  const [form, fields] = useForm({
    lastResult,
    onValidate: validateLogin,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="auth-page card">
      <h1>{t('auth.title')}</h1>
      {expired ? <p className="alert info">{t('auth.expired')}</p> : null}
      {resetDone ? (
        <p className="alert ok" role="status">
          {t('account.reset.done')}
        </p>
      ) : null}
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField
          field={fields.email}
          type="email"
          label={t('common.email')}
          autoComplete="username"
          required
        />
        <InputField
          field={fields.password}
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          required
        />
        <div>
          <SubmitButton>{t('auth.submit')}</SubmitButton>
        </div>
      </Form>
      <p className="small">
        <Link to="/password-reset">{t('auth.forgot')}</Link>
      </p>
    </div>
  )
}
