import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { replyErrors } from '~/components/form-reply'
import { ReplyInput } from '~/components/reply-fields'
import { withZone } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { assertAllowedPage, formFailure } from '~/modules/core/form-reply.server'
import { CopyMeetingSchema, copyMeeting } from '~/modules/meetings/copy-meeting.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { utcToZoned } from '~/modules/meetings/time'

const YEAR = 365 * 24 * 3600 * 1000

// Secretariat only: a new meeting from this one and its agenda, on new dates.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  assertAllowedPage(viewer, 'meeting.create')
  return {
    meetingId: meeting.row.id,
    timeZone: meeting.row.timeZone,
    // a year later is the usual next edition
    suggested: utcToZoned(meeting.row.startsAt.getTime() + YEAR, meeting.row.timeZone),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const submission = parseForm(await request.formData(), CopyMeetingSchema)
  if (submission.status !== 'success') return invalidForm(submission, 'copy')
  try {
    const { id } = copyMeeting(viewer, meeting.row.id, submission.value)
    return redirect(`/meetings/${id}`)
  } catch (error) {
    return formFailure(error, submission, 'copy')
  }
}

export default function CopyMeeting() {
  const { meetingId, timeZone, suggested } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = actionData?.result
  const { t } = useT()
  return (
    <section aria-labelledby="copy-title" className="card meetings-form-card">
      <h2 id="copy-title">{t('meetingsRun.copyTitle')}</h2>
      <p className="small">{t('meetingsRun.copyHelp')}</p>
      <FormErrors errors={replyErrors(reply, '')} />
      <Form method="post" className="stack">
        <ReplyInput
          reply={reply}
          name="startsAt"
          id="copy-startsAt"
          type="datetime-local"
          label={withZone({ t }, t('meetingsRun.copyStart'), timeZone)}
          hint={t('meetingsRun.copyStartHint')}
          required
          defaultValue={suggested}
        />
        <ReplyInput reply={reply} name="number" id="copy-number" label={t('meetingsRun.copyNumber')} />
        <div>
          <button type="submit">{t('meetingsRun.copySubmit')}</button>{' '}
          <Link to={`/meetings/${meetingId}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
