import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AttendanceForm, DelegationRegistration, DelegationTable } from '~/components/delegations'
import { FormErrors } from '~/components/forms'
import { FilterSelect } from '~/components/filter-select'
import { replyErrors } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  delegationForm,
  listDelegations,
  recordAttendance,
  registerDelegation,
  respondToInvitation,
} from '~/modules/meetings/delegations.server'
import { invalid } from '~/modules/core/domain-error.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { AttendanceSchema, DelegationSchema, RsvpSchema } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// The participants tab: invited organizations and their delegations; the focal point of an invited
// organization registers its delegation, delegates answer, the secretariat records attendance.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const delegations = listDelegations(viewer, meeting, lang)
  const registerable = delegations.filter((d) => d.canRegister && d.invited).map((d) => d.organization)
  const url = new URL(request.url)
  const asked = url.searchParams.get('org')
  const own = registerable.find((o) => o.id === viewer.organizationId)
  const code = asked && registerable.some((o) => o.code === asked) ? asked : own?.code
  return {
    meetingId: meeting.row.id,
    delegations,
    registerable: registerable.map((o) => ({ code: o.code, name: o.name })),
    form: code ? delegationForm(viewer, meeting, code, lang) : null,
    recordAttendance: can(viewer, 'meeting.recordAttendance', meeting.ref),
    printBadges: delegations.some((d) =>
      can(viewer, 'delegation.printBadges', { ...meeting.ref, organizationId: d.organization.id }),
    ),
    saved: url.searchParams.get('saved'),
  }
}

/** The `role-<personId>` (or `attendance-<memberId>`) fields of a form as one record. */
function prefixed(formData: FormData, prefix: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of formData) {
    if (key.startsWith(prefix) && typeof value === 'string') out[key.slice(prefix.length)] = value
  }
  return out
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const id = meeting.row.id
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  try {
    if (intent === 'register') {
      const parsed = DelegationSchema.safeParse({
        organization: formData.get('organization'),
        roles: prefixed(formData, 'role-'),
      })
      if (!parsed.success) throw invalid('validation.invalid')
      registerDelegation(viewer, id, parsed.data)
      return redirect(
        `/meetings/${id}/participants?org=${encodeURIComponent(parsed.data.organization)}&saved=delegation`,
      )
    }
    if (intent === 'respond') {
      const parsed = RsvpSchema.safeParse(Object.fromEntries(formData))
      if (!parsed.success) throw invalid('validation.invalid')
      respondToInvitation(viewer, id, parsed.data.memberId, parsed.data.answer)
      return redirect(`/meetings/${id}/participants?saved=rsvp`)
    }
    if (intent === 'attendance') {
      const parsed = AttendanceSchema.safeParse(prefixed(formData, 'attendance-'))
      if (!parsed.success) throw invalid('validation.invalid')
      recordAttendance(viewer, id, parsed.data)
      return redirect(`/meetings/${id}/participants?saved=attendance`)
    }
  } catch (error) {
    return formFailure(error, null, intent)
  }
  throw new Response(null, { status: 400 })
}

export default function ParticipantsTab() {
  const { meetingId, delegations, registerable, form, recordAttendance, printBadges, saved } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const invited = delegations.filter((d) => d.invited)
  const delegates = delegations.flatMap((d) => d.members)
  const showEmail = delegates.some((m) => m.email)
  return (
    <section aria-labelledby="participants-title">
      <div className="page-header">
        <h2 id="participants-title">{t('meetings.tab.participants')}</h2>
        <p className="meetings-header-links">
          <Link to={`/meetings/${meetingId}/participants/print`} className="button small secondary">
            {t('meetings.participants.print')}
          </Link>{' '}
          {printBadges ? (
            <Link to={`/meetings/${meetingId}/participants/badges`} className="button small secondary">
              {t('delegations.badges')}
            </Link>
          ) : null}
        </p>
      </div>
      {(saved === 'delegation' || saved === 'rsvp' || saved === 'attendance') && !actionData ? (
        <p className="alert ok" role="status">
          {t(`meetings.participants.saved.${saved}`)}
        </p>
      ) : saved === 'removed' ? (
        <p className="alert ok" role="status">
          {t('delegations.saved.removed')}
        </p>
      ) : null}
      <FormErrors errors={replyErrors(actionData?.result, '')} />
      <p>{t('meetings.participants.summary', { orgs: invited.length, count: delegates.length })}</p>

      {registerable.length ? (
        <section aria-labelledby="register-title" className="card">
          <h3 id="register-title">{t('meetings.participants.registerTitle')}</h3>
          {registerable.length > 1 ? (
            <Form method="get" className="filters">
              <FilterSelect
                id="register-org"
                name="org"
                label={t('common.organization')}
                any="—"
                value={form?.organization.code}
                options={registerable.map((o) => ({ value: o.code, label: o.name }))}
              />
              <div>
                <button type="submit" className="secondary">
                  {t('meetings.participants.choose')}
                </button>
              </div>
            </Form>
          ) : null}
          {form ? <DelegationRegistration organization={form.organization} people={form.people} /> : null}
          <p>
            <Link
              to={`/meetings/${meetingId}/participants/new${form ? `?org=${encodeURIComponent(form.organization.code)}` : ''}`}
            >
              {t('delegations.addMember')}
            </Link>
          </p>
        </section>
      ) : null}

      {delegations.map((d) => (
        <DelegationTable key={d.organization.id} meetingId={meetingId} delegation={d} showEmail={showEmail} />
      ))}

      {recordAttendance && delegates.length ? <AttendanceForm delegations={delegations} /> : null}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
