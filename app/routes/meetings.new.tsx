import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { MeetingForm } from '~/components/meeting-form'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { assertCan } from '~/modules/access/assert.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { failure, NO_STORE } from '~/modules/meetings/http.server'
import { createMeeting, invitableOrganizations, meetingFormOptions } from '~/modules/meetings/meetings.server'
import { MeetingFormSchema } from '~/modules/meetings/meeting-form-schema'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('meetings.new.title')} · ${t('app.name')}` }]
}

// Secretariat only. Member states are invited by default; the times are the meeting's local times.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertCan(viewer, 'meeting.create')
  const lang = resolveLang(request, viewer)
  return {
    options: meetingFormOptions(lang),
    defaultValue: {
      kind: 'rcgm',
      status: 'planned',
      openness: 'open',
      timeZone: 'America/Costa_Rica',
      invited: invitableOrganizations(lang)
        .filter((o) => o.kind === 'member_state')
        .map((o) => o.code),
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const submission = parseWithZod(await request.formData(), { schema: MeetingFormSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400, headers: NO_STORE })
  try {
    const { id } = createMeeting(viewer, submission.value)
    return redirect(`/meetings/${id}`)
  } catch (error) {
    const answer = failure(error, submission, 'create')
    return data(answer.data.result, { status: answer.init?.status ?? 400, headers: NO_STORE })
  }
}

export default function NewMeeting() {
  const { options, defaultValue } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useT()
  return (
    <>
      <p className="small">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <h1>{t('meetings.new.title')}</h1>
      <p className="muted">{t('meetings.new.intro')}</p>
      <MeetingForm
        lastResult={lastResult}
        defaultValue={defaultValue}
        options={options}
        submitLabel="meetings.new.submit"
      />
    </>
  )
}
