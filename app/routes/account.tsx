// /account — the signed-in person's own account: one page, one form per section, told apart by `intent`.
export { keepHeaders as headers } from '~/modules/core/route-headers'
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import { TotpEnrolment } from '~/components/totp-enrolment'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import {
  ChangePasswordSchema,
  CreateTokenSchema,
  EndOtherSessionsSchema,
  EndSessionSchema,
  isAccountIntent,
  LanguageSchema,
  ProfileSchema,
  RevokeTokenSchema,
  TotpDisableSchema,
  TotpEnrolSchema,
  type AccountIntent,
} from '~/modules/auth/account-schemas'
import {
  changePassword,
  createPersonalToken,
  endOtherSessions,
  endSession,
  getAccount,
  revokePersonalToken,
  updateLanguage,
  updateProfile,
} from '~/modules/auth/account.server'
import { clearSessionCookie } from '~/modules/auth/session.server'
import {
  disableSecondFactor,
  enrolSecondFactor,
  isValidTotpKey,
  startEnrolment,
} from '~/modules/auth/totp.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta: MetaFunction = () => [{ title: 'My account · Mi cuenta — RCM' }]

/** Confirmations after a redirect (?done=...), from an allowlist. */
const DONE: Record<string, MessageKey> = {
  profile: 'account.done.profile',
  language: 'account.done.language',
  password: 'account.done.password',
  endSession: 'account.done.endSession',
  endOthers: 'account.done.endOthers',
  revoked: 'account.done.revoked',
  totpOn: 'account.done.totpOn',
  totpOff: 'account.done.totpOff',
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const url = new URL(request.url)
  const account = getAccount(viewer, lang)
  const wantsSetup = url.searchParams.get('totp') === 'setup' && !account.secondFactor.enrolled
  const done = url.searchParams.get('done')
  return {
    ...account,
    enrolment: wantsSetup ? await startEnrolment(viewer.email) : null,
    done: done && Object.hasOwn(DONE, done) ? done : null,
    count: Number(url.searchParams.get('count')) || 0,
  }
}

const back = (done: string, hash: string, extra = '') => `/account?done=${done}${extra}#${hash}`

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  // Changing the account (password, tokens, second factor) needs a browser session, not an API token.
  if (viewer.via !== 'session') throw data({ error: 'account.viaSession' }, { status: 403 })
  const ip = context.clientIp ?? null
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!isAccountIntent(intent)) throw new Response(null, { status: 400 })
  const invalid = (result: SubmissionResult<string[]>, status = 400) =>
    data({ intent, result, created: null, enrolment: null }, { status })

  switch (intent) {
    case 'profile': {
      const submission = parseWithZod(formData, { schema: ProfileSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      updateProfile(viewer, submission.value, ip)
      return redirect(back('profile', 'profile'))
    }
    case 'language': {
      const submission = parseWithZod(formData, { schema: LanguageSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      updateLanguage(viewer, submission.value.language, ip)
      // The remembered choice of the language switch would otherwise hide the new preference.
      return redirect(back('language', 'language'), {
        headers: {
          'Set-Cookie': `lang=${submission.value.language}; Path=/; Max-Age=31536000; SameSite=Lax`,
        },
      })
    }
    case 'password': {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
      const hide = { hideFields: ['currentPassword', 'password', 'confirm'] }
      if (submission.status !== 'success') return invalid(submission.reply(hide))
      const outcome = await changePassword(viewer, submission.value, ip)
      if (outcome.ok) return redirect(back('password', 'password'))
      if (outcome.reason === 'throttled') {
        return data(
          {
            intent,
            result: submission.reply({ ...hide, formErrors: ['account.password.throttled'] }),
            created: null,
            enrolment: null,
          },
          { status: 429, headers: { 'Retry-After': String(outcome.retryAfter) } },
        )
      }
      const fieldErrors: Record<string, string[]> =
        outcome.reason === 'wrong_current'
          ? { currentPassword: ['account.password.wrongCurrent'] }
          : { password: ['validation.passwordTooLong'] }
      return invalid(submission.reply({ ...hide, fieldErrors }))
    }
    case 'end-session': {
      const submission = parseWithZod(formData, { schema: EndSessionSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      if (!endSession(viewer, submission.value.sessionId, ip)) throw new Response(null, { status: 404 })
      if (submission.value.sessionId === viewer.sessionId) {
        return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie() } })
      }
      return redirect(back('endSession', 'sessions'))
    }
    case 'end-other-sessions': {
      const submission = parseWithZod(formData, { schema: EndOtherSessionsSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      const ended = endOtherSessions(viewer, ip)
      return redirect(back('endOthers', 'sessions', `&count=${ended}`))
    }
    case 'create-token': {
      const submission = parseWithZod(formData, { schema: CreateTokenSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      const created = createPersonalToken(viewer, submission.value, ip)
      // The only time the clear token exists outside the person's hands: shown once, never stored.
      return data({ intent, result: submission.reply({ resetForm: true }), created, enrolment: null })
    }
    case 'revoke-token': {
      const submission = parseWithZod(formData, { schema: RevokeTokenSchema })
      if (submission.status !== 'success') return invalid(submission.reply())
      if (!revokePersonalToken(viewer, submission.value.tokenId, ip))
        throw new Response(null, { status: 404 })
      return redirect(back('revoked', 'tokens'))
    }
    case 'totp-enrol': {
      const submission = parseWithZod(formData, { schema: TotpEnrolSchema })
      const posted = formData.get('secret')
      const enrolment = await startEnrolment(
        viewer.email,
        typeof posted === 'string' && isValidTotpKey(posted) ? posted : undefined,
      )
      const again = (result: ReturnType<typeof submission.reply>, status: number, headers?: HeadersInit) =>
        data({ intent, result, created: null, enrolment }, { status, headers })
      if (submission.status !== 'success') return again(submission.reply({ hideFields: ['code'] }), 400)
      const outcome = enrolSecondFactor({ personId: viewer.id, ip, ...submission.value })
      if (outcome.ok) return redirect(back('totpOn', 'second-factor'))
      if (outcome.reason === 'throttled') {
        return again(
          submission.reply({ formErrors: ['account.totp.throttled'], hideFields: ['code'] }),
          429,
          {
            'Retry-After': String(outcome.retryAfter),
          },
        )
      }
      if (outcome.reason === 'already_enrolled') {
        return invalid(submission.reply({ formErrors: ['account.totp.alreadyOn'] }), 409)
      }
      return again(
        submission.reply({ fieldErrors: { code: ['account.totp.wrongCode'] }, hideFields: ['code'] }),
        400,
      )
    }
    case 'totp-disable': {
      const submission = parseWithZod(formData, { schema: TotpDisableSchema })
      if (submission.status !== 'success') return invalid(submission.reply({ hideFields: ['code'] }))
      const outcome = disableSecondFactor({ personId: viewer.id, ip, code: submission.value.code })
      if (outcome.ok) return redirect(back('totpOff', 'second-factor'))
      if (outcome.reason === 'required') {
        return invalid(submission.reply({ formErrors: ['account.totp.required'], hideFields: ['code'] }), 403)
      }
      if (outcome.reason === 'throttled') {
        return data(
          {
            intent,
            result: submission.reply({ formErrors: ['account.totp.throttled'], hideFields: ['code'] }),
            created: null,
            enrolment: null,
          },
          { status: 429, headers: { 'Retry-After': String(outcome.retryAfter) } },
        )
      }
      if (outcome.reason === 'not_enrolled') return redirect(back('totpOff', 'second-factor'))
      return invalid(
        submission.reply({ fieldErrors: { code: ['account.totp.wrongCode'] }, hideFields: ['code'] }),
      )
    }
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ActionData = ReturnType<typeof useActionData<typeof action>>

/** The last result of this form only: every form of the page shares one action. */
function resultFor(actionData: ActionData, intent: AccountIntent) {
  return actionData?.intent === intent ? actionData.result : undefined
}

function SubmitButton({
  intent,
  children,
  className,
}: {
  intent: AccountIntent
  children: string
  className?: string
}) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return (
    <button type="submit" name="intent" value={intent} className={className} disabled={busy}>
      {children}
    </button>
  )
}

function ProfileSection({ profile, actionData }: { profile: LoaderData['profile']; actionData: ActionData }) {
  const { t } = useT()
  const [form, fields] = useForm({
    id: 'profile-form',
    lastResult: resultFor(actionData, 'profile'),
    defaultValue: { name: profile.name, title: profile.title ?? '', phone: profile.phone ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
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
        <Field id={fields.name.id} label={t('account.profile.name')} errors={fields.name.errors}>
          {({ describedBy }) => (
            <input
              {...getInputProps(fields.name, { type: 'text' })}
              autoComplete="name"
              aria-describedby={describedBy}
              required
            />
          )}
        </Field>
        <Field id={fields.title.id} label={t('account.profile.title')} errors={fields.title.errors}>
          {({ describedBy }) => (
            <input
              {...getInputProps(fields.title, { type: 'text' })}
              autoComplete="organization-title"
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field
          id={fields.phone.id}
          label={t('account.profile.phone')}
          hint={t('account.profile.phoneHint')}
          errors={fields.phone.errors}
        >
          {({ describedBy }) => (
            <input
              {...getInputProps(fields.phone, { type: 'tel' })}
              autoComplete="tel"
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <div>
          <SubmitButton intent="profile">{t('account.profile.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

function LanguageSection({ language, actionData }: { language: 'es' | 'en'; actionData: ActionData }) {
  const { t } = useT()
  const [form, fields] = useForm({
    id: 'language-form',
    lastResult: resultFor(actionData, 'language'),
    defaultValue: { language },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LanguageSchema }),
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

function PasswordSection({ actionData }: { actionData: ActionData }) {
  const { t } = useT()
  const [form, fields] = useForm({
    id: 'password-form',
    lastResult: resultFor(actionData, 'password'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="account-section" aria-labelledby="password">
      <h2 id="password">{t('account.password.heading')}</h2>
      <p>{t('account.password.note')}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field
          id={fields.currentPassword.id}
          label={t('account.password.current')}
          errors={fields.currentPassword.errors}
        >
          {({ describedBy }) => (
            <input
              {...getInputProps(fields.currentPassword, { type: 'password' })}
              autoComplete="current-password"
              aria-describedby={describedBy}
              required
            />
          )}
        </Field>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <div>
          <SubmitButton intent="password">{t('account.password.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

function SessionsSection({ sessions }: { sessions: LoaderData['sessions'] }) {
  const { t, date } = useT()
  const others = sessions.filter((s) => !s.current).length
  return (
    <section className="account-section" aria-labelledby="sessions">
      <h2 id="sessions">{t('account.sessions.heading')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <div className="table-wrap">
        <table>
          <caption className="account-visually-hidden">{t('account.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.sessions.started')}</th>
              <th scope="col">{t('account.sessions.lastSeen')}</th>
              <th scope="col">{t('account.sessions.ip')}</th>
              <th scope="col">{t('account.sessions.browser')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{date(s.createdAt, 'datetime')}</td>
                <td>{date(s.lastSeenAt, 'datetime')}</td>
                <td>{s.ip ?? t('account.unknown')}</td>
                <td>{s.browser ?? t('account.unknown')}</td>
                <td>
                  {s.current ? (
                    <span className="badge ok">{t('account.sessions.current')}</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="end-session"
                        className="button small secondary"
                        aria-label={t('account.sessions.endLabel', { date: date(s.createdAt, 'datetime') })}
                      >
                        {t('account.sessions.end')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form method="post">
          <p>
            <SubmitButton intent="end-other-sessions" className="secondary">
              {t('account.sessions.endOthers')}
            </SubmitButton>
          </p>
        </Form>
      ) : (
        <p className="muted">{t('account.sessions.noOthers')}</p>
      )}
    </section>
  )
}

function TokensSection({ tokens, actionData }: { tokens: LoaderData['tokens']; actionData: ActionData }) {
  const { t, date } = useT()
  const [form, fields] = useForm({
    id: 'token-form',
    lastResult: resultFor(actionData, 'create-token'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTokenSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const created = actionData?.intent === 'create-token' ? actionData.created : null
  return (
    <section className="account-section" aria-labelledby="tokens">
      <h2 id="tokens">{t('account.tokens.heading')}</h2>
      <p>{t('account.tokens.intro')}</p>
      {created ? (
        <div className="alert ok" role="status">
          <h3>{t('account.tokens.createdTitle', { name: created.name })}</h3>
          <p>{t('account.tokens.createdBody')}</p>
          <p className="token-box mono">{created.token}</p>
        </div>
      ) : null}
      {tokens.length ? (
        <div className="table-wrap">
          <table>
            <caption className="account-visually-hidden">{t('account.tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('account.tokens.created')}</th>
                <th scope="col">{t('account.tokens.lastUsed')}</th>
                <th scope="col">{t('account.tokens.expiry')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td>{date(tok.createdAt, 'date')}</td>
                  <td>{tok.lastUsedAt ? date(tok.lastUsedAt, 'datetime') : t('account.never')}</td>
                  <td>{tok.expiresAt ? date(tok.expiresAt, 'date') : t('account.never')}</td>
                  <td>
                    <span className={tok.status === 'active' ? 'badge ok' : 'badge'}>
                      {t(`account.tokens.status.${tok.status}`)}
                    </span>
                  </td>
                  <td>
                    {tok.status === 'active' ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="tokenId" value={tok.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="revoke-token"
                          className="button small danger"
                          aria-label={t('account.tokens.revokeLabel', { name: tok.name })}
                        >
                          {t('account.tokens.revoke')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
            <select {...getSelectProps(fields.expiresInDays)} aria-describedby={describedBy}>
              <option value="">{t('account.tokens.expiryNever')}</option>
              <option value="30">{t('account.tokens.expiry30')}</option>
              <option value="90">{t('account.tokens.expiry90')}</option>
              <option value="365">{t('account.tokens.expiry365')}</option>
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

function SecondFactorSection({
  status,
  enrolment,
  actionData,
}: {
  status: LoaderData['secondFactor']
  enrolment: LoaderData['enrolment']
  actionData: ActionData
}) {
  const { t } = useT()
  const enrolling = status.enrolled
    ? null
    : ((actionData?.intent === 'totp-enrol' ? actionData.enrolment : null) ?? enrolment)
  const [enrolForm, enrolFields] = useForm({
    id: 'totp-enrol-form',
    lastResult: resultFor(actionData, 'totp-enrol'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpEnrolSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const [disableForm, disableFields] = useForm({
    id: 'totp-disable-form',
    lastResult: resultFor(actionData, 'totp-disable'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpDisableSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="account-section" aria-labelledby="second-factor">
      <h2 id="second-factor">{t('account.totp.heading')}</h2>
      <p>{t(status.enrolled ? 'account.totp.on' : 'account.totp.off')}</p>
      {status.required ? <p className="alert info">{t('account.totp.required')}</p> : null}
      {status.exempt ? <p className="alert warn">{t('account.totp.exempt')}</p> : null}
      {status.enrolled ? (
        status.required ? null : (
          <>
            <FormErrors errors={disableForm.errors} />
            <Form method="post" className="stack" {...getFormProps(disableForm)}>
              <p>{t('account.totp.disableIntro')}</p>
              <Field
                id={disableFields.code.id}
                label={t('account.totp.code')}
                hint={t('account.totp.codeHint')}
                errors={disableFields.code.errors}
              >
                {({ describedBy }) => (
                  <input
                    {...getInputProps(disableFields.code, { type: 'text' })}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={20}
                    aria-describedby={describedBy}
                    required
                  />
                )}
              </Field>
              <div>
                <SubmitButton intent="totp-disable" className="danger">
                  {t('account.totp.turnOff')}
                </SubmitButton>
              </div>
            </Form>
          </>
        )
      ) : enrolling ? (
        <>
          <h3>{t('account.totp.setupHeading')}</h3>
          <FormErrors errors={enrolForm.errors} />
          <Form method="post" className="stack" {...getFormProps(enrolForm)}>
            <TotpEnrolment secret={enrolling.secret} qrSvg={enrolling.qrSvg} />
            <Field
              id={enrolFields.code.id}
              label={t('account.totp.code')}
              hint={t('account.totp.codeHint')}
              errors={enrolFields.code.errors}
            >
              {({ describedBy }) => (
                <input
                  {...getInputProps(enrolFields.code, { type: 'text' })}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={20}
                  aria-describedby={describedBy}
                  required
                />
              )}
            </Field>
            <div>
              <SubmitButton intent="totp-enrol">{t('account.totp.turnOn')}</SubmitButton>{' '}
              <Link to="/account#second-factor">{t('common.cancel')}</Link>
            </div>
          </Form>
        </>
      ) : (
        <p>
          <Link to="/account?totp=setup#second-factor" className="button secondary">
            {t('account.totp.setUp')}
          </Link>
        </p>
      )}
    </section>
  )
}

export default function Account() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const done = loaderData.done ? DONE[loaderData.done] : null
  return (
    <>
      <h1>{t('account.title')}</h1>
      {done ? (
        <p className="alert ok" role="status">
          {t(done, { count: loaderData.count })}
        </p>
      ) : null}
      <ProfileSection profile={loaderData.profile} actionData={actionData} />
      <LanguageSection language={loaderData.profile.language} actionData={actionData} />
      <PasswordSection actionData={actionData} />
      <SessionsSection sessions={loaderData.sessions} />
      <TokensSection tokens={loaderData.tokens} actionData={actionData} />
      <SecondFactorSection
        status={loaderData.secondFactor}
        enrolment={loaderData.enrolment}
        actionData={actionData}
      />
    </>
  )
}
