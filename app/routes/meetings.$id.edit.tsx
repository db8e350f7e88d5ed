import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AskedConfirmation, useConfirmationAsked } from '~/components/confirm'
import { MeetingForm } from '~/components/meeting-form'
import { localized } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { isDomainError } from '~/modules/core/domain-error.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { assertAllowedPage, formFailure } from '~/modules/core/form-reply.server'
import { MeetingFormSchema } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { meetingFormOptions, meetingFormValues, updateMeeting } from '~/modules/meetings/meeting-form.server'

// Secretariat only: the meeting's details and the invited organizations.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  assertAllowedPage(viewer, 'meeting.edit', meeting.ref)
  return {
    options: meetingFormOptions(lang),
    defaultValue: meetingFormValues(meeting.row),
    title: localized(lang, meeting.row.titleEs, meeting.row.titleEn),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const formData = await request.formData()
  const submission = parseForm(formData, MeetingFormSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission, 'edit')
  }
  // cancelling a meeting is final for its participants (they are told at once): the secretariat
  // confirms (components/confirm.tsx); anyone else goes straight to the service's refusal
  const cancelling = submission.value.status === 'cancelled' && meeting.row.status !== 'cancelled'
  if (cancelling && can(viewer, 'meeting.edit', meeting.ref) && !isConfirmed(formData))
    return askConfirmation(formData, 'cancel-meeting')
  try {
    updateMeeting(viewer, meeting.row.id, submission.value)
    if (cancelling) {
      const title = localized(viewer.language, meeting.row.titleEs, meeting.row.titleEn)
      return redirectWithNotice(`/meetings/${meeting.row.id}`, {
        key: 'confirm.done.meetingCancelled',
        params: { title },
      })
    }
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
  const { options, defaultValue, title } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const cancelAsked = useConfirmationAsked('cancel-meeting')
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('meetings.edit.title')}</h2>
      <p className="muted small">{t('meetingsRun.datesMoveItems')}</p>
      {cancelAsked ? (
        <AskedConfirmation
          intent="edit"
          confirmKey="cancel-meeting"
          title={t('confirm.meeting.title', { title })}
          text={t('confirm.meeting.text')}
          confirmLabel={t('confirm.meeting.confirm')}
        />
      ) : (
        <MeetingForm
          lastResult={actionData?.result}
          defaultValue={defaultValue}
          options={options}
          submitLabel="common.save"
        />
      )}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
