import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GuestDetailsFields, LogisticsFields } from '~/components/delegation-member-form'
import { replyErrors, replyValue } from '~/components/form-reply'
import { Field, FormErrors } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { useT } from '~/i18n/use-t'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { formFailure, pageFailure } from '~/modules/core/form-reply.server'
import { refused } from '~/modules/core/domain-error.server'
import { NewMemberSchema } from '~/modules/meetings/delegation-forms.server'
import { addGuestMember, registerableOrganizations } from '~/modules/meetings/delegation-members.server'
import { purgeDate, retentionDays } from '~/modules/meetings/logistics.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// A focal point (or the secretariat) registers a member without a portal account, such as a
// Vice-Minister, into a delegation it may register, with their logistics for the secretariat.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const organizations = registerableOrganizations(viewer, meeting, lang)
  if (!organizations.length)
    pageFailure(refused(viewer, 'delegation.register', { meetingId: meeting.row.id }))
  const asked = new URL(request.url).searchParams.get('org')
  const own = organizations.find((o) => o.code === viewer.organizationCode)
  return {
    meetingId: meeting.row.id,
    organizations,
    organization: organizations.find((o) => o.code === asked)?.code ?? own?.code ?? organizations[0].code,
    timeZone: meeting.row.timeZone,
    retention: { days: retentionDays(), end: purgeDate(meeting.row.endsAt) },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const submission = parseForm(await request.formData(), NewMemberSchema)
  if (submission.status !== 'success') return invalidForm(submission, 'add')
  try {
    const memberId = addGuestMember(viewer, meeting.row.id, submission.value)
    return redirect(`/meetings/${meeting.row.id}/participants/${memberId}?saved=added`)
  } catch (error) {
    return formFailure(error, submission, 'add')
  }
}

export default function NewDelegationMember() {
  const { meetingId, organizations, organization, timeZone, retention } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = actionData?.result
  const { t, date } = useT()
  return (
    <section aria-labelledby="new-member-title">
      <p className="small">
        <Link to={`/meetings/${meetingId}/participants`}>{t('delegations.back')}</Link>
      </p>
      <h2 id="new-member-title">{t('delegations.new.title')}</h2>
      <p>{t('delegations.addMemberHint')}</p>
      <FormErrors errors={replyErrors(reply, '')} />
      <Form method="post" className="stack" noValidate>
        <Field
          id="organization"
          label={t('delegations.field.organization')}
          errors={replyErrors(reply, 'organization')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="organization"
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              defaultValue={replyValue(reply, 'organization') ?? organization}
            >
              {organizations.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <GuestDetailsFields reply={reply} defaults={{ role: 'adviser' }} />
        <LogisticsFields
          reply={reply}
          defaults={{}}
          timeZone={timeZone}
          retention={{ days: retention.days, date: date(retention.end) }}
        />
        <div>
          <SubmitButton>{t('delegations.submit.add')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
