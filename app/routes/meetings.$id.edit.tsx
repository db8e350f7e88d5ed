import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meeting-form'
import { useT } from '~/i18n/use-t'
import { isDomainError } from '~/modules/core/domain-error.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { assertAllowedPage, formFailure } from '~/modules/core/form-reply.server'
import { MeetingFormSchema } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { meetingFormOptions, meetingFormValues, updateMeeting } from '~/modules/meetings/meeting-form.server'

// Secretariat only: the meeting's details and the invited organizations.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  assertAllowedPage(viewer, 'meeting.edit', meeting.ref)
  return { options: meetingFormOptions(lang), defaultValue: meetingFormValues(meeting.row) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const submission = parseForm(await request.formData(), MeetingFormSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission, 'edit')
  }
  try {
    updateMeeting(viewer, meeting.row.id, submission.value)
    return redirect(`/meetings/${meeting.row.id}`)
  } catch (error) {
    // the agenda items that would fall after a new last day are named at the end date (decision 0029)
    if (isDomainError(error) && error.params?.items) {
      return invalidForm(submission, 'edit', { endsAt: [error.messageKey, String(error.params.items)] })
    }
    return formFailure(error, submission, 'edit')
  }
}

export default function EditMeeting() {
  const { options, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('meetings.edit.title')}</h2>
      <p className="muted small">{t('meetingsRun.datesMoveItems')}</p>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        options={options}
        submitLabel="common.save"
      />
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
