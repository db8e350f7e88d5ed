import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meeting-form'
import { useT } from '~/i18n/use-t'
import { assertCan } from '~/modules/access/assert.server'
import { failure, meetingPageContext, NO_STORE } from '~/modules/meetings/http.server'
import { meetingFormOptions, meetingFormValues, updateMeeting } from '~/modules/meetings/meetings.server'
import { MeetingFormSchema } from '~/modules/meetings/meeting-form-schema'

// Secretariat only: the meeting's details and the invited organizations.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  assertCan(viewer, 'meeting.edit', meeting.ref)
  return { options: meetingFormOptions(lang), defaultValue: meetingFormValues(meeting.row) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: MeetingFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400, headers: NO_STORE })
  try {
    updateMeeting(viewer, meeting.row.id, submission.value)
    return redirect(`/meetings/${meeting.row.id}`)
  } catch (error) {
    const answer = failure(error, submission, 'edit')
    return data(answer.data.result, { status: answer.init?.status ?? 400, headers: NO_STORE })
  }
}

export default function EditMeeting() {
  const { options, defaultValue } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useT()
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('meetings.edit.title')}</h2>
      <MeetingForm
        lastResult={lastResult}
        defaultValue={defaultValue}
        options={options}
        submitLabel="common.save"
      />
    </section>
  )
}
