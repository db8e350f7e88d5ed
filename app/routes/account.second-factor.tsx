// /account/second-factor — setting up an authenticator app (?totp=setup shows a candidate key), or
// turning it off with a current code (never for those who must use one).
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { TotpDisableSchema, TotpEnrolSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { TotpCodeField } from '~/components/totp-code-field'
import { TotpEnrolment } from '~/components/totp-enrolment'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getSecondFactor } from '~/modules/auth/account.server'
import {
  disableSecondFactor,
  enrolSecondFactor,
  isValidTotpKey,
  startEnrolment,
} from '~/modules/auth/totp.server'
import { requireSessionViewer, requireViewer } from '~/modules/auth/viewer.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { redirectWithNotice } from '~/modules/core/notice.server'

export const meta = titleMeta('account.totp.heading', 'account.title')

const HERE = '/account/second-factor'

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  let secondFactor: ReturnType<typeof getSecondFactor>
  try {
    secondFactor = getSecondFactor(viewer)
  } catch (error) {
    pageFailure(error)
  }
  const wantsSetup = new URL(request.url).searchParams.get('totp') === 'setup' && !secondFactor.enrolled
  return { secondFactor, enrolment: wantsSetup ? await startEnrolment(viewer.email) : null }
}

type Enrolment = Awaited<ReturnType<typeof startEnrolment>>

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireSessionViewer(request)
  const ip = context.clientIp ?? null
  const formData = await request.formData()
  const intent = formData.get('intent')
  const reply = (
    result: SubmissionResult<string[]>,
    status: number,
    enrolment: Enrolment | null = null,
    headers?: HeadersInit,
  ) => data({ intent, result, enrolment }, { status, headers })
  const hideCode = { hideFields: ['code'] }

  if (intent === 'totp-enrol') {
    const submission = parseWithZod(formData, { schema: TotpEnrolSchema })
    // After a wrong code the same candidate key is shown again: the app already has it.
    const posted = formData.get('secret')
    const enrolment = await startEnrolment(
      viewer.email,
      typeof posted === 'string' && isValidTotpKey(posted) ? posted : undefined,
    )
    if (submission.status !== 'success') return reply(submission.reply(hideCode), 400, enrolment)
    const outcome = enrolSecondFactor({ personId: viewer.id, ip, ...submission.value })
    if (outcome.ok) return redirectWithNotice(HERE, { key: 'account.done.totpOn' })
    if (outcome.reason === 'throttled') {
      return reply(
        submission.reply({ ...hideCode, formErrors: ['account.totp.throttled'] }),
        429,
        enrolment,
        { 'Retry-After': String(outcome.retryAfter) },
      )
    }
    if (outcome.reason === 'already_enrolled') {
      return reply(submission.reply({ formErrors: ['account.totp.alreadyOn'] }), 409)
    }
    return reply(
      submission.reply({ ...hideCode, fieldErrors: { code: ['account.totp.wrongCode'] } }),
      400,
      enrolment,
    )
  }

  if (intent !== 'totp-disable') throw new Response(null, { status: 400 })
  const submission = parseWithZod(formData, { schema: TotpDisableSchema })
  if (submission.status !== 'success') return reply(submission.reply(hideCode), 400)
  const outcome = disableSecondFactor({ personId: viewer.id, ip, code: submission.value.code })
  if (outcome.ok || outcome.reason === 'not_enrolled')
    return redirectWithNotice(HERE, { key: 'account.done.totpOff' })
  if (outcome.reason === 'required') {
    return reply(submission.reply({ ...hideCode, formErrors: ['account.totp.required'] }), 403)
  }
  if (outcome.reason === 'throttled') {
    return reply(submission.reply({ ...hideCode, formErrors: ['account.totp.throttled'] }), 429, null, {
      'Retry-After': String(outcome.retryAfter),
    })
  }
  return reply(submission.reply({ ...hideCode, fieldErrors: { code: ['account.totp.wrongCode'] } }), 400)
}

function EnrolForm({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useT()
  const actionData = useActionData<typeof action>()
  const validateTotpEnrol = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.TotpEnrolSchema),
  )
  const [form, fields] = useForm({
    id: 'totp-enrol-form',
    lastResult: actionData?.intent === 'totp-enrol' ? actionData.result : undefined,
    onValidate: validateTotpEnrol,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h3>{t('account.totp.setupHeading')}</h3>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TotpEnrolment secret={enrolment.secret} qrSvg={enrolment.qrSvg} />
        <TotpCodeField field={fields.code} />
        <div>
          <SubmitButton intent="totp-enrol">{t('account.totp.turnOn')}</SubmitButton>{' '}
          <Link to={HERE}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </>
  )
}

function DisableForm() {
  const { t } = useT()
  const actionData = useActionData<typeof action>()
  const validateTotpDisable = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.TotpDisableSchema),
  )
  const [form, fields] = useForm({
    id: 'totp-disable-form',
    lastResult: actionData?.intent === 'totp-disable' ? actionData.result : undefined,
    onValidate: validateTotpDisable,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <p>{t('account.totp.disableIntro')}</p>
        <TotpCodeField field={fields.code} />
        <div>
          <SubmitButton intent="totp-disable" className="danger">
            {t('account.totp.turnOff')}
          </SubmitButton>
        </div>
      </Form>
    </>
  )
}

export default function AccountSecondFactor() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const status = loaderData.secondFactor
  const enrolling = status.enrolled
    ? null
    : ((actionData?.intent === 'totp-enrol' ? actionData.enrolment : null) ?? loaderData.enrolment)
  return (
    <section className="account-section" aria-labelledby="second-factor">
      <h2 id="second-factor">{t('account.totp.heading')}</h2>
      <p>{t(status.enrolled ? 'account.totp.on' : 'account.totp.off')}</p>
      {status.required ? <p className="alert info">{t('account.totp.required')}</p> : null}
      {status.exempt ? <p className="alert warn">{t('account.totp.exempt')}</p> : null}
      {status.enrolled ? (
        status.canTurnOff ? (
          <DisableForm />
        ) : null
      ) : enrolling ? (
        <EnrolForm enrolment={enrolling} />
      ) : (
        <p>
          <Link to={`${HERE}?totp=setup`} className="button secondary">
            {t('account.totp.setUp')}
          </Link>
        </p>
      )}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
