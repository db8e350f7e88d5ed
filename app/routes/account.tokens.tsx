// /account/tokens — personal API tokens: create one (shown once) or revoke one.
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { CreateTokenSchema, RevokeTokenSchema, parseWithZod } from '~/modules/core/form-schemas.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmForm } from '~/components/confirm'
import { Field, FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { pageTitle } from '~/i18n/meta'
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import { createPersonalToken, listOwnTokens, revokePersonalToken } from '~/modules/auth/account.server'
import { requireSessionViewer, requireViewer } from '~/modules/auth/viewer.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle(
  (t) => `${t('account.tokens.heading')} · ${t('account.title')} · ${t('app.name')}`,
)

export async function loader({ request }: LoaderFunctionArgs) {
  return { tokens: listOwnTokens(requireViewer(request)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireSessionViewer(request)
  const ip = context.clientIp ?? null
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'revoke-token') {
    const submission = parseWithZod(formData, { schema: RevokeTokenSchema })
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply(), created: null }, { status: 400 })
    }
    const own = listOwnTokens(viewer).find(
      (tok) => tok.id === submission.value.tokenId && tok.status === 'active',
    )
    // revoking is final: the person confirms (components/confirm.tsx); someone else's token, or one
    // already revoked, goes straight to the service's 404
    if (own && !isConfirmed(formData)) return askConfirmation(formData)
    try {
      revokePersonalToken(viewer, submission.value.tokenId, ip)
    } catch (error) {
      return formFailure(error, submission, intent)
    }
    return redirectWithNotice('/account/tokens', {
      key: 'confirm.done.tokenRevoked',
      params: { name: own?.name ?? '' },
    })
  }
  if (intent !== 'create-token') throw new Response(null, { status: 400 })
  const submission = parseWithZod(formData, { schema: CreateTokenSchema })
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply(), created: null }, { status: 400 })
  }
  const created = createPersonalToken(viewer, submission.value, ip)
  // The only time the clear token exists outside the person's hands: shown once, never stored.
  return data({ intent, result: submission.reply({ resetForm: true }), created })
}

export default function AccountTokens() {
  const { tokens } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  const zone = useZone()
  const validateCreateToken = useBrowserValidation(() =>
    import('~/modules/auth/account-schemas').then((m) => m.CreateTokenSchema),
  )
  const [form, fields] = useForm({
    id: 'token-form',
    lastResult: actionData?.intent === 'create-token' ? actionData.result : undefined,
    onValidate: validateCreateToken,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const created = actionData && 'created' in actionData ? actionData.created : null
  return (
    <section className="account-section" aria-labelledby="tokens">
      <h2 id="tokens">{t('account.tokens.heading')}</h2>
      <p>{t('account.tokens.intro')}</p>
      {created ? (
        <div className="alert ok" role="status">
          <h3>{t('account.tokens.createdTitle', { name: created.name })}</h3>
          <p>{t('account.tokens.createdBody')}</p>
          <p>
            {t('account.tokens.createdFacts', {
              scope: t(`account.tokens.scope.${created.scope}`),
              date: date(created.expiresAt, 'date'),
            })}
          </p>
          <p className="token-box mono">{created.token}</p>
        </div>
      ) : null}
      {tokens.length ? <ZoneNote /> : null}
      {tokens.length ? (
        <TableWrap label={t('account.tokens.caption')}>
          <table>
            <caption className="account-visually-hidden">{t('account.tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('account.tokens.created')}</th>
                <th scope="col">{t('account.tokens.lastUsed')}</th>
                <th scope="col">{t('account.tokens.expiry')}</th>
                <th scope="col">{t('account.tokens.scope')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td>{date(tok.createdAt, 'date')}</td>
                  <td>{tok.lastUsedAt ? date(tok.lastUsedAt, 'datetime', zone) : t('account.never')}</td>
                  <td>{tok.expiresAt ? date(tok.expiresAt, 'date') : t('account.never')}</td>
                  <td>{t(`account.tokens.scope.${tok.scope}`)}</td>
                  <td>
                    <span className={tok.status === 'active' ? 'badge ok' : 'badge'}>
                      {t(`account.tokens.status.${tok.status}`)}
                    </span>
                  </td>
                  <td>
                    {tok.status === 'active' ? (
                      <ConfirmForm
                        intent="revoke-token"
                        confirmKey={`revoke-${tok.id}`}
                        fields={{ tokenId: tok.id }}
                        label={t('account.tokens.revoke')}
                        ariaLabel={t('account.tokens.revokeLabel', { name: tok.name })}
                        className="button small danger"
                        title={t('confirm.token.title', { name: tok.name })}
                        text={t('confirm.token.text')}
                        confirmLabel={t('account.tokens.revoke')}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">{t('account.tokens.none')}</p>
      )}
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field
          id={fields.name.id}
          label={t('account.tokens.name')}
          hint={t('account.tokens.nameHint')}
          errors={fields.name.errors}
        >
          {({ describedBy }) => (
            <input
              {...getInputProps(fields.name, { type: 'text' })}
              autoComplete="off"
              aria-describedby={describedBy}
              required
            />
          )}
        </Field>
        <Field
          id={fields.expiresInDays.id}
          label={t('account.tokens.expiry')}
          errors={fields.expiresInDays.errors}
        >
          {({ describedBy }) => (
            <select
              {...getSelectProps(fields.expiresInDays)}
              defaultValue={fields.expiresInDays.initialValue ?? '90'}
              aria-describedby={describedBy}
            >
              <option value="30">{t('account.tokens.expiry30')}</option>
              <option value="90">{t('account.tokens.expiry90')}</option>
              <option value="365">{t('account.tokens.expiry365')}</option>
            </select>
          )}
        </Field>
        <Field
          id={fields.scope.id}
          label={t('account.tokens.scope')}
          hint={t('account.tokens.scopeHint')}
          errors={fields.scope.errors}
        >
          {({ describedBy }) => (
            <select
              {...getSelectProps(fields.scope)}
              defaultValue={fields.scope.initialValue ?? 'read'}
              aria-describedby={describedBy}
            >
              <option value="read">{t('account.tokens.scope.read')}</option>
              <option value="write">{t('account.tokens.scope.write')}</option>
            </select>
          )}
        </Field>
        <div>
          <SubmitButton intent="create-token">{t('account.tokens.create')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
