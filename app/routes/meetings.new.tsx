import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meeting-form'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { assertAllowedPage, formFailure } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { MeetingFormSchema } from '~/modules/meetings/forms.server'
import { createMeeting, meetingFormOptions } from '~/modules/meetings/meeting-form.server'

export const meta = titleMeta('meetings.new.title')

// Secretariat only. The times are the meeting's local times.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'meeting.create')
  const options = meetingFormOptions(resolveLang(request, viewer))
  return {
    options,
    defaultValue: {
      kind: 'rcgm',
      status: 'planned',
      openness: 'open',
      timeZone: 'America/Costa_Rica',
      // the member states (the hosts the form offers) are invited by default
      invited: options.hosts.map((o) => o.code),
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const submission = parseForm(await request.formData(), MeetingFormSchema)
  if (submission.status !== 'success') {
    return invalidForm(submission, 'create')
  }
  try {
    const { id } = createMeeting(viewer, submission.value)
    return redirect(`/meetings/${id}`)
  } catch (error) {
    return formFailure(error, submission, 'create')
  }
}

export default function NewMeeting() {
  const { options, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <>
      <p className="small">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <h1>{t('meetings.new.title')}</h1>
      <p className="muted">{t('meetings.new.intro')}</p>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        options={options}
        submitLabel="meetings.new.submit"
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
