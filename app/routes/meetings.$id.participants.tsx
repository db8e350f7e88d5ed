import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  delegationForm,
  listDelegations,
  recordAttendance,
  registerDelegation,
  respondToInvitation,
} from '~/modules/meetings/delegations.server'
import { failure, meetingPageContext, NO_STORE } from '~/modules/meetings/http.server'
import { ATTENDANCE_STATUSES, DELEGATION_ROLES } from '~/modules/meetings/constants'
import { AttendanceSchema, DelegationSchema, RsvpSchema } from '~/modules/meetings/schemas'

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
  const invalid = () =>
    data(
      { intent, result: { status: 'error' as const, error: { '': ['validation.invalid'] } } },
      { status: 400, headers: NO_STORE },
    )
  try {
    if (intent === 'register') {
      const parsed = DelegationSchema.safeParse({
        organization: formData.get('organization'),
        roles: prefixed(formData, 'role-'),
      })
      if (!parsed.success) return invalid()
      registerDelegation(viewer, id, parsed.data)
      return redirect(
        `/meetings/${id}/participants?org=${encodeURIComponent(parsed.data.organization)}&saved=delegation`,
      )
    }
    if (intent === 'respond') {
      const parsed = RsvpSchema.safeParse(Object.fromEntries(formData))
      if (!parsed.success) return invalid()
      respondToInvitation(viewer, id, parsed.data.memberId, parsed.data.answer)
      return redirect(`/meetings/${id}/participants?saved=rsvp`)
    }
    if (intent === 'attendance') {
      const parsed = AttendanceSchema.safeParse(prefixed(formData, 'attendance-'))
      if (!parsed.success) return invalid()
      recordAttendance(viewer, id, parsed.data)
      return redirect(`/meetings/${id}/participants?saved=attendance`)
    }
  } catch (error) {
    return failure(error, null, intent)
  }
  throw new Response(null, { status: 400 })
}

export default function ParticipantsTab() {
  const { meetingId, delegations, registerable, form, recordAttendance, saved } =
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
        <Link to={`/meetings/${meetingId}/participants/print`} className="button small secondary">
          {t('meetings.participants.print')}
        </Link>
      </div>
      {saved === 'delegation' || saved === 'rsvp' || saved === 'attendance' ? (
        <p className="alert ok" role="status">
          {t(`meetings.participants.saved.${saved}`)}
        </p>
      ) : null}
      <FormErrors errors={actionData?.result?.error?.[''] ?? undefined} />
      <p>{t('meetings.participants.summary', { orgs: invited.length, count: delegates.length })}</p>

      {registerable.length ? (
        <section aria-labelledby="register-title" className="card">
          <h3 id="register-title">{t('meetings.participants.registerTitle')}</h3>
          {registerable.length > 1 ? (
            <Form method="get" className="filters">
              <div className="field">
                <label htmlFor="register-org">{t('common.organization')}</label>
                <select id="register-org" name="org" defaultValue={form?.organization.code ?? ''}>
                  <option value="">—</option>
                  {registerable.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <button type="submit" className="secondary">
                  {t('meetings.participants.choose')}
                </button>
              </div>
            </Form>
          ) : null}
          {form ? (
            <Form method="post">
              <input type="hidden" name="organization" value={form.organization.code} />
              <div className="table-wrap">
                <table>
                  <caption className="meetings-caption-visible">
                    {t('meetings.participants.delegationOf', { name: form.organization.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('common.name')}</th>
                      <th scope="col">{t('meetings.participants.role')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {form.people.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <label htmlFor={`role-${p.id}`}>{p.name}</label>
                          {p.title ? <span className="muted small"> · {p.title}</span> : null}
                        </th>
                        <td>
                          <select id={`role-${p.id}`} name={`role-${p.id}`} defaultValue={p.role}>
                            <option value="none">{t('meetings.role.none')}</option>
                            {DELEGATION_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`meetings.role.${r}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <button type="submit" name="intent" value="register">
                  {t('meetings.participants.saveDelegation')}
                </button>
              </p>
            </Form>
          ) : null}
        </section>
      ) : null}

      {delegations.map((d) => (
        <section key={d.organization.id} aria-labelledby={`delegation-${d.organization.code}`}>
          <h3 id={`delegation-${d.organization.code}`}>
            <Link to={`/members/${d.organization.code}`}>{d.organization.name}</Link>{' '}
            <span className="muted small">{t(`kind.${d.organization.kind}` as 'kind.member_state')}</span>
          </h3>
          {d.members.length === 0 ? (
            <p className="muted">{t('meetings.participants.notRegistered')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('meetings.participants.role')}</th>
                    {showEmail ? <th scope="col">{t('common.email')}</th> : null}
                    <th scope="col">{t('meetings.participants.rsvp')}</th>
                    <th scope="col">{t('meetings.participants.attendance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.members.map((m) => (
                    <tr key={m.memberId}>
                      <th scope="row">
                        {m.name}
                        {m.title ? <span className="muted small"> · {m.title}</span> : null}
                        {m.institution ? <span className="muted small"> · {m.institution}</span> : null}
                      </th>
                      <td>{t(`meetings.role.${m.role}`)}</td>
                      {showEmail ? (
                        <td>{m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : null}</td>
                      ) : null}
                      <td>
                        {t(`meetings.rsvp.${m.rsvp}`)}
                        {m.canRespond ? (
                          <span className="meetings-row-actions">
                            {(['accepted', 'declined'] as const)
                              .filter((a) => a !== m.rsvp)
                              .map((answer) => (
                                <Form method="post" className="inline-form" key={answer}>
                                  <input type="hidden" name="memberId" value={m.memberId} />
                                  <input type="hidden" name="answer" value={answer} />
                                  <button
                                    type="submit"
                                    name="intent"
                                    value="respond"
                                    className="button small secondary"
                                    aria-label={t(`meetings.rsvp.do.${answer}Label`, { name: m.name })}
                                  >
                                    {t(`meetings.rsvp.do.${answer}`)}
                                  </button>
                                </Form>
                              ))}
                          </span>
                        ) : null}
                      </td>
                      <td>{t(`meetings.attendance.${m.attendance}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      {recordAttendance && delegates.length ? (
        <section aria-labelledby="attendance-title" className="card">
          <h3 id="attendance-title">{t('meetings.participants.attendanceTitle')}</h3>
          <Form method="post">
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('common.organization')}</th>
                    <th scope="col">{t('meetings.participants.attendance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {delegations.flatMap((d) =>
                    d.members.map((m) => (
                      <tr key={m.memberId}>
                        <th scope="row">
                          <label htmlFor={`attendance-${m.memberId}`}>{m.name}</label>
                        </th>
                        <td>{d.organization.name}</td>
                        <td>
                          <select
                            id={`attendance-${m.memberId}`}
                            name={`attendance-${m.memberId}`}
                            defaultValue={m.attendance}
                          >
                            {ATTENDANCE_STATUSES.map((a) => (
                              <option key={a} value={a}>
                                {t(`meetings.attendance.${a}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
            <p>
              <button type="submit" name="intent" value="attendance">
                {t('meetings.participants.saveAttendance')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </section>
  )
}
