// /account/password — changing one's password: the current one first; every other session then ends.
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { ChangePasswordSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import { SubmitButton } from '~/components/submit-button'
import { InputField } from '~/components/input-field'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { changePassword } from '~/modules/auth/account.server'
import { requireSessionViewer, requireViewer } from '~/modules/auth/viewer.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { redirectWithNotice } from '~/modules/core/notice.server'

export const meta = titleMeta('account.password.heading', 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request)
  return null
}

/** The passwords are never sent back to the form. */
const HIDE = { hideFields: ['currentPassword', 'password', 'confirm'] }

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireSessionViewer(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent !== 'password') throw new Response(null, { status: 400 })
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply(HIDE) }, { status: 400 })
  }
  try {
    await changePassword(viewer, submission.value, context.clientIp ?? null)
  } catch (error) {
    // a refusal keeps the passwords out of the reply too
    return formFailure(error, { reply: (options) => submission.reply({ ...options, ...HIDE }) }, intent)
  }
  return redirectWithNotice('/account/password', { key: 'account.done.password' })
}

export default function AccountPassword() {
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const validateChangePassword = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.ChangePasswordSchema),
  )
  const [form, fields] = useForm({
    id: 'password-form',
    lastResult: actionData?.result,
    onValidate: validateChangePassword,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="account-section" aria-labelledby="password">
      <h2 id="password">{t('account.password.heading')}</h2>
      <p>{t('account.password.note')}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <InputField
          field={fields.currentPassword}
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          required
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div>
          <SubmitButton intent="password">{t('account.password.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
