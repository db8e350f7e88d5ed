import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { InviteSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { InputField } from '~/components/input-field'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { requireViewer } from '~/modules/auth/viewer.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { smtpConfigured } from '~/modules/mail/mail.server'
import { type InviteRole } from '~/modules/members/constants'
import {
  assertMayInvite,
  assertMayInviteInto,
  invitableOrganizations,
  invitePerson,
  type InviteResult,
} from '~/modules/members/people.server'
import { titleMeta } from '~/i18n/meta'

export const meta = titleMeta('admin.invite.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const requested = new URL(request.url).searchParams.get('org')
  try {
    assertMayInvite(viewer)
    if (requested) assertMayInviteInto(viewer, requested)
  } catch (error) {
    pageFailure(error)
  }
  const organizations = invitableOrganizations(viewer)
  // Preselect the requested organization, else the inviter's own, except for the secretariat, who
  // mostly invites into other organizations and chooses explicitly.
  const own = organizations.find((o) => o.id === viewer.organizationId)
  const selected = requested
    ? requested.toUpperCase()
    : own && own.kind !== 'secretariat'
      ? own.code
      : undefined
  // The secretariat role belongs to the secretariat organization, so it is offered only to those who
  // may invite into it.
  const roles: InviteRole[] = organizations.some((o) => o.kind === 'secretariat')
    ? ['delegate', 'focal_point', 'secretariat']
    : ['delegate', 'focal_point']
  return { organizations, selected, roles, isAdmin: can(viewer, 'admin.access') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  let outcome: InviteResult
  try {
    assertMayInvite(viewer)
  } catch (error) {
    pageFailure(error)
  }
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), invited: null }, { status: 400 })
  }
  try {
    outcome = invitePerson(viewer, submission.value, { ip: context.clientIp ?? null })
  } catch (error) {
    pageFailure(error)
  }
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: outcome.fieldErrors as Record<string, string[]> }),
        invited: null,
      },
      { status: 400 },
    )
  }
  const { name, email, organization } = submission.value
  return {
    result: submission.reply({ resetForm: true }),
    // With SMTP the link travels by e-mail only; without it the outbox is the delivery and the
    // inviter hands the link over.
    invited: { name, email, organization, link: smtpConfigured() ? null : outcome.link },
  }
}

export default function Invite() {
  const { organizations, selected, roles, isAdmin } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, lang } = useT()
  const validateInvite = useBrowserValidation(() =>
    import('~/modules/members/invite-schema').then((m) => m.InviteSchema),
  )
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { organization: selected, role: 'delegate', language: lang },
    onValidate: validateInvite,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const invited = actionData?.invited
  const withInstitutions = organizations.filter((o) => o.institutions.length > 0)
  const orgLabel = (o: { nameEs: string; nameEn: string }) => (lang === 'es' ? o.nameEs : o.nameEn)

  return (
    <>
      <h1>{t('admin.invite.title')}</h1>
      {invited ? (
        <div className="alert ok" role="status">
          <p>{t('admin.invite.sent', { name: invited.name, email: invited.email })}</p>
          {invited.link ? (
            <>
              <p>{t('admin.people.handOver')}</p>
              <p className="token-box mono">{invited.link}</p>
            </>
          ) : null}
          <p>
            <Link to={`/invite?org=${encodeURIComponent(invited.organization)}`}>
              {t('admin.invite.another')}
            </Link>
            {isAdmin ? (
              <>
                {' · '}
                <Link to="/admin/people">{t('admin.invite.backToPeople')}</Link>
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <p>{t('admin.invite.intro')}</p>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <InputField
          field={fields.name}
          type="text"
          label={t('admin.invite.name')}
          autoComplete="off"
          required
        />
        <InputField field={fields.email} type="email" label={t('common.email')} autoComplete="off" required />
        <Field
          id={fields.title.id}
          label={`${t('admin.invite.jobTitle')} (${t('common.optional')})`}
          errors={fields.title.errors}
        >
          {({ describedBy }) => (
            <input {...getInputProps(fields.title, { type: 'text' })} aria-describedby={describedBy} />
          )}
        </Field>
        <Field
          id={fields.organization.id}
          label={t('admin.invite.organization')}
          errors={fields.organization.errors}
        >
          {({ describedBy }) => (
            <select {...getSelectProps(fields.organization)} aria-describedby={describedBy} required>
              {selected ? null : <option value="">{t('admin.invite.chooseOrganization')}</option>}
              {organizations.map((o) => (
                <option key={o.code} value={o.code}>
                  {orgLabel(o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {withInstitutions.length > 0 ? (
          <Field
            id={fields.institution.id}
            label={`${t('admin.invite.institution')} (${t('common.optional')})`}
            hint={t('admin.invite.institutionHint')}
            errors={fields.institution.errors}
          >
            {({ describedBy }) => (
              <select {...getSelectProps(fields.institution)} aria-describedby={describedBy}>
                <option value="">{t('admin.invite.institutionNone')}</option>
                {withInstitutions.map((o) => (
                  <optgroup key={o.code} label={orgLabel(o)}>
                    {o.institutions.map((i) => (
                      <option key={i.code} value={i.code}>
                        {orgLabel(i)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id={fields.role.id} label={t('admin.invite.role')} errors={fields.role.errors}>
          {({ describedBy }) => (
            <select {...getSelectProps(fields.role)} aria-describedby={describedBy} required>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fields.language.id} label={t('admin.invite.language')} errors={fields.language.errors}>
          {({ describedBy }) => (
            <select {...getSelectProps(fields.language)} aria-describedby={describedBy} required>
              <option value="es">{t('lang.es')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          )}
        </Field>
        <div>
          <SubmitButton>{t('admin.invite.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
