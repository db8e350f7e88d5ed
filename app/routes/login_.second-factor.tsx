// /login/second-factor: after the password, when the session still owes a second factor. The trailing
// underscore keeps it out of login.tsx's layout (flat routes: `login_.x` is /login/x without nesting).
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { SecondFactorSchema, parseWithZod, safeRedirect } from '~/modules/core/form-schemas.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { TotpCodeField } from '~/components/totp-code-field'
import { TotpEnrolment } from '~/components/totp-enrolment'
import { SubmitButton } from '~/components/submit-button'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import {
  enrolSecondFactor,
  isValidTotpKey,
  secondFactorStatus,
  startEnrolment,
  verifySecondFactor,
} from '~/modules/auth/totp.server'
import { getPendingSession, getViewer } from '~/modules/auth/viewer.server'

export const meta = titleMeta('account.2fa.title')

/** The pending session and its person, or the redirect that fits the situation. */
function requirePending(request: Request, redirectTo: string) {
  if (getViewer(request)) throw redirect(redirectTo)
  const pending = getPendingSession(request)
  const status = pending ? secondFactorStatus(pending.personId) : null
  if (!pending || !status) throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
  return { pending, status }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  const { status } = requirePending(request, redirectTo)
  // Not enrolled yet (a secretariat account): a new candidate key on every visit until one is confirmed.
  const enrolment = status.enrolled ? null : await startEnrolment(status.email)
  return { redirectTo, enrolment }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const redirectTo = safeRedirect(
    (formData.get('redirectTo') as string | null) ?? new URL(request.url).searchParams.get('redirectTo'),
  )
  const { pending, status } = requirePending(request, redirectTo)
  const submission = parseWithZod(formData, { schema: SecondFactorSchema })
  // While enrolling, the same candidate key is shown again after a wrong code (the app already has it).
  const posted = formData.get('secret')
  const enrolment = status.enrolled
    ? null
    : await startEnrolment(
        status.email,
        typeof posted === 'string' && isValidTotpKey(posted) ? posted : undefined,
      )
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }), enrolment }, { status: 400 })
  }
  const input = { personId: pending.personId, code: submission.value.code, ip: context.clientIp ?? null }
  const outcome = status.enrolled
    ? verifySecondFactor({ ...input, sessionId: pending.id })
    : enrolSecondFactor({ ...input, secret: submission.value.secret ?? '', sessionId: pending.id })
  if (outcome.ok) return redirect(redirectTo)
  if (outcome.reason === 'throttled') {
    return data(
      {
        result: submission.reply({ formErrors: ['account.totp.throttled'], hideFields: ['code'] }),
        enrolment,
      },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfter) } },
    )
  }
  return data(
    {
      result: submission.reply({ fieldErrors: { code: ['account.totp.wrongCode'] }, hideFields: ['code'] }),
      enrolment,
    },
    { status: 400 },
  )
}

export default function SecondFactor() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const enrolment = actionData?.enrolment ?? loaderData.enrolment
  const { t } = useT()
  const validateSecondFactor = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.SecondFactorSchema),
  )
  const [form, fields] = useForm({
    id: 'second-factor',
    lastResult: actionData?.result,
    onValidate: validateSecondFactor,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="auth-page card">
      <h1>{t(enrolment ? 'account.2fa.enrolTitle' : 'account.2fa.title')}</h1>
      <p>{t(enrolment ? 'account.2fa.enrolIntro' : 'account.2fa.intro')}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        {enrolment ? <TotpEnrolment secret={enrolment.secret} qrSvg={enrolment.qrSvg} /> : null}
        <TotpCodeField field={fields.code} />
        <div>
          <SubmitButton>{t('account.2fa.submit')}</SubmitButton>
        </div>
      </Form>
      <Form method="post" action="/logout">
        <button type="submit" className="link">
          {t('account.2fa.cancel')}
        </button>
      </Form>
    </div>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
