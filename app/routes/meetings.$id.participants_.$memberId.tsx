import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GuestDetailsFields, LogisticsFields } from '~/components/delegation-member-form'
import { replyErrors } from '~/components/form-reply'
import { FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { useT } from '~/i18n/use-t'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { formFailure, pageFailure } from '~/modules/core/form-reply.server'
import { GuestMemberSchema, LogisticsSchema } from '~/modules/meetings/delegation-forms.server'
import { memberPage, removeGuestMember, saveMember } from '~/modules/meetings/delegation-members.server'
import { retentionDays } from '~/modules/meetings/logistics.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// One member of a delegation: the details of a member without an account, the logistics for the
// secretariat and the official invitation letter. Only for the secretariat and the member's own
// delegation (their focal point, the member, colleagues in it): for anyone else it does not exist.
function context(request: Request, params: { id?: string; memberId?: string }) {
  const ctx = meetingPageContext(request, params.id)
  try {
    return { ...ctx, page: memberPage(ctx.viewer, ctx.meeting, params.memberId ?? '', ctx.lang) }
  } catch (error) {
    pageFailure(error)
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, page } = context(request, params)
  return {
    meetingId: meeting.row.id,
    timeZone: meeting.row.timeZone,
    member: page,
    retentionDays: retentionDays(),
    saved: new URL(request.url).searchParams.get('saved'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting, page } = context(request, params)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const base = `/meetings/${meeting.row.id}/participants`
  if (intent === 'remove') {
    try {
      removeGuestMember(viewer, meeting.row.id, page.memberId)
      return redirect(`${base}?saved=removed`)
    } catch (error) {
      return formFailure(error, null, 'remove')
    }
  }
  if (page.canEditDetails) {
    const submission = parseForm(formData, GuestMemberSchema)
    if (submission.status !== 'success') return invalidForm(submission, 'save')
    const { name, title, institution, email, role, ...logistics } = submission.value
    try {
      saveMember(viewer, meeting.row.id, page.memberId, {
        details: { name, title, institution, email, role },
        logistics,
      })
      return redirect(`${base}/${page.memberId}?saved=member`)
    } catch (error) {
      return formFailure(error, submission, 'save')
    }
  }
  const submission = parseForm(formData, LogisticsSchema)
  if (submission.status !== 'success') return invalidForm(submission, 'save')
  try {
    saveMember(viewer, meeting.row.id, page.memberId, { logistics: submission.value })
    return redirect(`${base}/${page.memberId}?saved=member`)
  } catch (error) {
    return formFailure(error, submission, 'save')
  }
}

function LogisticsSummary({
  logistics,
  timeZone,
}: {
  logistics: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['member']['logistics']>
  timeZone: string
}) {
  const { t, date } = useT()
  return (
    <dl className="meetings-facts">
      <dt>{t('delegations.field.arrivalAt')}</dt>
      <dd>{logistics.arrivalAt ? date(logistics.arrivalAt, 'datetime', timeZone) : '—'}</dd>
      <dt>{t('delegations.field.departureAt')}</dt>
      <dd>{logistics.departureAt ? date(logistics.departureAt, 'datetime', timeZone) : '—'}</dd>
      <dt>{t('delegations.field.accessibility')}</dt>
      <dd>{logistics.accessibility ?? '—'}</dd>
      <dt>{t('delegations.field.dietary')}</dt>
      <dd>{logistics.dietary ?? '—'}</dd>
    </dl>
  )
}

export default function DelegationMember() {
  const { meetingId, timeZone, member: m, retentionDays: days, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = actionData?.result
  const { t, date, lang } = useT()
  const retention = { days, date: date(m.purgeAfter) }
  return (
    <section aria-labelledby="member-title">
      <p className="small">
        <Link to={`/meetings/${meetingId}/participants`}>{t('delegations.back')}</Link>
      </p>
      <h2 id="member-title">{m.name}</h2>
      <p>
        {t('delegations.member.of', { organization: m.organization.name })} · {t(`meetings.role.${m.role}`)}
        {m.hasAccount ? null : <span className="muted"> · {t('delegations.noAccount')}</span>}
      </p>
      {m.title || m.institution ? <p>{[m.title, m.institution].filter(Boolean).join(' · ')}</p> : null}
      {m.email && !m.canEditDetails ? <p>{m.email}</p> : null}
      {(saved === 'added' || saved === 'member') && !actionData ? (
        <p className="alert ok" role="status">
          {t(`delegations.saved.${saved}`)}
        </p>
      ) : null}
      <FormErrors errors={replyErrors(reply, '')} />

      {m.canEditDetails || m.canEditLogistics ? (
        <Form method="post" className="stack card" noValidate>
          {m.canEditDetails ? <GuestDetailsFields reply={reply} defaults={m.formValues} /> : null}
          {m.canEditLogistics ? (
            <LogisticsFields
              reply={reply}
              defaults={m.formValues}
              timeZone={timeZone}
              retention={retention}
            />
          ) : null}
          <div>
            <SubmitButton intent="save">{t('delegations.submit.save')}</SubmitButton>
          </div>
        </Form>
      ) : m.canViewLogistics ? (
        <section aria-labelledby="logistics-title" className="card">
          <h3 id="logistics-title">{t('delegations.logistics.title')}</h3>
          <p className="hint">{t('delegations.logistics.privacy', retention)}</p>
          {m.logistics ? (
            <LogisticsSummary logistics={m.logistics} timeZone={timeZone} />
          ) : (
            <p className="muted">{t('delegations.logistics.none')}</p>
          )}
          <p className="muted small">{t('delegations.logistics.readOnly')}</p>
        </section>
      ) : null}

      {m.canGetLetter ? (
        <section aria-labelledby="letter-title" className="card">
          <h3 id="letter-title">{t('delegations.letter.heading')}</h3>
          <p>{t('delegations.letter.hint')}</p>
          <form
            method="get"
            action={`/meetings/${meetingId}/participants/${m.memberId}/letter.pdf`}
            className="filters"
          >
            <div className="field">
              <label htmlFor="letter-language">{t('delegations.letter.language')}</label>
              <select id="letter-language" name="language" defaultValue={lang}>
                <option value="es">{t('lang.es')}</option>
                <option value="en">{t('lang.en')}</option>
              </select>
            </div>
            <div>
              <button type="submit" className="secondary">
                {t('delegations.letter.download')}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      {m.canEditDetails ? (
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="remove"
            className="secondary"
            aria-label={t('delegations.removeLabel', { name: m.name })}
          >
            {t('delegations.remove')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
