// /account — the profile (name, title, telephone) and the preferred language: two forms, told apart by
// `intent`.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { LanguageSchema, ProfileSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { InputField } from '~/components/input-field'
import type { Lang } from '~/i18n/core'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getProfile, updateLanguage, updateProfile } from '~/modules/auth/account.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { requireSessionViewer, requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { redirectWithNotice } from '~/modules/core/notice.server'

export const meta = titleMeta('account.profile.heading', 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const url = new URL(request.url)
  // The second factor's set-up link of the one-page account.
  if (url.searchParams.get('totp') === 'setup') throw redirect('/account/second-factor?totp=setup')
  try {
    return { profile: getProfile(viewer, resolveLang(request, viewer)) }
  } catch (error) {
    pageFailure(error)
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireSessionViewer(request)
  const ip = context.clientIp ?? null
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'language') {
    const submission = parseWithZod(formData, { schema: LanguageSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    updateLanguage(viewer, submission.value.language, ip)
    // The remembered choice of the language switch would otherwise hide the new preference.
    return redirectWithNotice(
      '/account',
      { key: 'account.done.language' },
      { 'Set-Cookie': `lang=${submission.value.language}; Path=/; Max-Age=31536000; SameSite=Lax` },
    )
  }
  if (intent !== 'profile') throw new Response(null, { status: 400 })
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  updateProfile(viewer, submission.value, ip)
  return redirectWithNotice('/account', { key: 'account.done.profile' })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function ProfileForm({ profile }: { profile: LoaderData['profile'] }) {
  const { t } = useT()
  const actionData = useActionData<typeof action>()
  const validateProfile = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.ProfileSchema),
  )
  const [form, fields] = useForm({
    id: 'profile-form',
    lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
    defaultValue: { name: profile.name, title: profile.title ?? '', phone: profile.phone ?? '' },
    onValidate: validateProfile,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="account-section" aria-labelledby="profile">
      <h2 id="profile">{t('account.profile.heading')}</h2>
      <dl>
        <dt>{t('account.profile.email')}</dt>
        <dd>
          {profile.email} <span className="small muted">{t('account.profile.emailHint')}</span>
        </dd>
        <dt>{t('common.organization')}</dt>
        <dd>
          {profile.organization} · {t(`role.${profile.role}`)}
        </dd>
      </dl>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <InputField
          field={fields.name}
          type="text"
          label={t('account.profile.name')}
          autoComplete="name"
          required
        />
        <InputField
          field={fields.title}
          type="text"
          label={t('account.profile.title')}
          autoComplete="organization-title"
        />
        <InputField
          field={fields.phone}
          type="tel"
          label={t('account.profile.phone')}
          hint={t('account.profile.phoneHint')}
          autoComplete="tel"
        />
        <div>
          <SubmitButton intent="profile">{t('account.profile.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

function LanguageForm({ language }: { language: Lang }) {
  const { t } = useT()
  const actionData = useActionData<typeof action>()
  const validateLanguage = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.LanguageSchema),
  )
  const [form, fields] = useForm({
    id: 'language-form',
    lastResult: actionData?.intent === 'language' ? actionData.result : undefined,
    defaultValue: { language },
    onValidate: validateLanguage,
  })
  return (
    <section className="account-section" aria-labelledby="language">
      <h2 id="language">{t('account.language.heading')}</h2>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field
          id={fields.language.id}
          label={t('account.language.label')}
          hint={t('account.language.hint')}
          errors={fields.language.errors}
        >
          {({ describedBy }) => (
            <select {...getSelectProps(fields.language)} aria-describedby={describedBy}>
              <option value="es" lang="es">
                Español
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          )}
        </Field>
        <div>
          <SubmitButton intent="language">{t('account.language.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

export default function AccountProfile() {
  const { profile } = useLoaderData<typeof loader>()
  return (
    <>
      <ProfileForm profile={profile} />
      <LanguageForm language={profile.language} />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
