// /password-reset/:token — the link in a reset e-mail: sets a new password once and ends every session.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { SetPasswordSchema } from '~/modules/auth/account-schemas'
import { personLanguageRedirect, type LinkRefusal } from '~/modules/auth/invitations-accept.server'
import { completePasswordReset, viewPasswordReset } from '~/modules/auth/password-reset.server'
import { clearSessionCookie } from '~/modules/auth/session.server'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta: MetaFunction = () => [{ title: 'New password · Nueva contraseña — RCM' }]

const STATUS: Record<LinkRefusal, number> = { used: 410, expired: 410, unknown: 404 }

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
  // Every session ended, this browser's included: its cookie goes too.
  return data({ done: true as const }, { headers: { 'Set-Cookie': clearSessionCookie() } })
}

const REFUSAL_TEXT: Record<LinkRefusal, [MessageKey, MessageKey]> = {
  used: ['account.reset.usedTitle', 'account.reset.usedBody'],
  expired: ['account.reset.expiredTitle', 'account.reset.expiredBody'],
  unknown: ['account.link.unknownTitle', 'account.link.unknownBody'],
}

function LinkRefused({ reason }: { reason: LinkRefusal }) {
  const { t } = useT()
  const [title, body] = REFUSAL_TEXT[reason]
  return (
    <div className="auth-page card">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p>
        <Link to="/password-reset">{t('account.link.newReset')}</Link>
      </p>
    </div>
  )
}

export default function PasswordResetNew() {
  const { state } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'new-password',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  if (actionData && 'done' in actionData) {
    return (
      <div className="auth-page card">
        <h1>{t('account.reset.newTitle')}</h1>
        <p className="alert ok" role="status">
          {t('account.reset.done')}
        </p>
        <p>
          <Link to="/login">{t('account.link.signIn')}</Link>
        </p>
      </div>
    )
  }
  if (actionData && 'refused' in actionData) return <LinkRefused reason={actionData.refused} />
  if (state !== 'ok') return <LinkRefused reason={state} />
  return (
    <div className="auth-page card">
      <h1>{t('account.reset.newTitle')}</h1>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('account.reset.save')}
          </button>
        </div>
      </Form>
    </div>
  )
}
