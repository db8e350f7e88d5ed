// The participants tab's pieces: registering an organization's delegation, each invited organization's
// delegation with the delegates' answers, and attendance on the day. Plain forms, no JavaScript needed.
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { ATTENDANCE_STATUSES, DELEGATION_ROLES, type DelegationRole } from '~/modules/meetings/constants'
import type { DelegationView, Participant } from '~/modules/meetings/views'
import { TableHead } from './table-head'
import { TableWrap } from '~/components/table-wrap'

/** A select of fixed values, each shown through its message key. */
function ChoiceSelect<V extends string>({
  id,
  values,
  defaultValue,
  label,
  first,
}: {
  id: string
  values: readonly V[]
  defaultValue: string
  label: (value: V) => string
  /** a choice before the values (e.g. "not in the delegation") */
  first?: { value: string; label: string }
}) {
  return (
    <select id={id} name={id} defaultValue={defaultValue}>
      {first ? <option value={first.value}>{first.label}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  )
}

/** A table of selects, one per row, saved with one button (the `intent` of the action). */
function TableForm({
  intent,
  submitLabel,
  hidden,
  caption,
  label,
  labels,
  children,
}: {
  intent: string
  submitLabel: string
  hidden?: Record<string, string>
  caption?: string
  /** what the table holds, when it has no caption (its section's heading) */
  label?: string
  labels: string[]
  children: ReactNode
}) {
  return (
    <Form method="post">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TableWrap label={caption ?? label ?? ''}>
        <table>
          {caption ? <caption className="meetings-caption-visible">{caption}</caption> : null}
          <TableHead labels={labels} />
          <tbody>{children}</tbody>
        </table>
      </TableWrap>
      <p>
        <button type="submit" name="intent" value={intent}>
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}

/** The roles of an organization's active people in the delegation (none: not in it). */
export function DelegationRegistration({
  organization,
  people,
}: {
  organization: { code: string; name: string }
  people: { id: string; name: string; title: string | null; role: DelegationRole | 'none' }[]
}) {
  const { t } = useT()
  return (
    <TableForm
      intent="register"
      submitLabel={t('meetings.participants.saveDelegation')}
      hidden={{ organization: organization.code }}
      caption={t('meetings.participants.delegationOf', { name: organization.name })}
      labels={[t('common.name'), t('meetings.participants.role')]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            <label htmlFor={`role-${p.id}`}>{p.name}</label>
            {p.title ? <span className="muted small"> · {p.title}</span> : null}
          </th>
          <td>
            <ChoiceSelect
              id={`role-${p.id}`}
              values={DELEGATION_ROLES}
              defaultValue={p.role}
              label={(r) => t(`meetings.role.${r}`)}
              first={{ value: 'none', label: t('meetings.role.none') }}
            />
          </td>
        </tr>
      ))}
    </TableForm>
  )
}

/** Accept or decline, for whoever may answer for the delegate: one small form per answer. */
function RsvpButtons({ member }: { member: Participant }) {
  const { t } = useT()
  return (
    <span className="meetings-row-actions">
      {(['accepted', 'declined'] as const)
        .filter((a) => a !== member.rsvp)
        .map((answer) => (
          <Form method="post" className="inline-form" key={answer}>
            <input type="hidden" name="memberId" value={member.memberId} />
            <input type="hidden" name="answer" value={answer} />
            <button
              type="submit"
              name="intent"
              value="respond"
              className="button small secondary"
              aria-label={t(`meetings.rsvp.do.${answer}Label`, { name: member.name })}
            >
              {t(`meetings.rsvp.do.${answer}`)}
            </button>
          </Form>
        ))}
    </span>
  )
}

/** One invited organization and its delegates; e-mail addresses only where the viewer may see them. */
export function DelegationTable({
  meetingId,
  delegation: d,
  showEmail,
}: {
  meetingId: string
  delegation: DelegationView
  showEmail: boolean
}) {
  const { t } = useT()
  const showOpen = d.members.some((m) => m.canOpen)
  return (
    <section aria-labelledby={`delegation-${d.organization.code}`}>
      <h3 id={`delegation-${d.organization.code}`}>
        <Link to={`/members/${d.organization.code}`}>{d.organization.name}</Link>{' '}
        <span className="muted small">{t(`kind.${d.organization.kind}` as MessageKey)}</span>
      </h3>
      {d.members.length === 0 ? (
        <p className="muted">{t('meetings.participants.notRegistered')}</p>
      ) : (
        <TableWrap label={d.organization.name}>
          <table>
            <TableHead
              labels={[
                t('common.name'),
                t('meetings.participants.role'),
                showEmail && t('common.email'),
                t('meetings.participants.rsvp'),
                t('meetings.participants.attendance'),
                showOpen && t('delegations.open'),
              ]}
            />
            <tbody>
              {d.members.map((m) => (
                <tr key={m.memberId}>
                  <th scope="row">
                    {m.name}
                    {m.title ? <span className="muted small"> · {m.title}</span> : null}
                    {m.institution ? <span className="muted small"> · {m.institution}</span> : null}
                    {m.personId ? null : <span className="muted small"> · {t('delegations.noAccount')}</span>}
                  </th>
                  <td>{t(`meetings.role.${m.role}`)}</td>
                  {showEmail ? <td>{m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : null}</td> : null}
                  <td>
                    {t(`meetings.rsvp.${m.rsvp}`)}
                    {m.canRespond ? <RsvpButtons member={m} /> : null}
                  </td>
                  <td>{t(`meetings.attendance.${m.attendance}`)}</td>
                  {showOpen ? (
                    <td>
                      {m.canOpen ? (
                        <Link
                          to={`/meetings/${meetingId}/participants/${m.memberId}`}
                          aria-label={t('delegations.openLabel', { name: m.name })}
                        >
                          {t('delegations.open')}
                        </Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  )
}

/** Attendance on the day, every delegate in one form. */
export function AttendanceForm({ delegations }: { delegations: DelegationView[] }) {
  const { t } = useT()
  return (
    <section aria-labelledby="attendance-title" className="card">
      <h3 id="attendance-title">{t('meetings.participants.attendanceTitle')}</h3>
      <TableForm
        intent="attendance"
        label={t('meetings.participants.attendanceTitle')}
        submitLabel={t('meetings.participants.saveAttendance')}
        labels={[t('common.name'), t('common.organization'), t('meetings.participants.attendance')]}
      >
        {delegations.flatMap((d) =>
          d.members.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                <label htmlFor={`attendance-${m.memberId}`}>{m.name}</label>
              </th>
              <td>{d.organization.name}</td>
              <td>
                <ChoiceSelect
                  id={`attendance-${m.memberId}`}
                  values={ATTENDANCE_STATUSES}
                  defaultValue={m.attendance}
                  label={(a) => t(`meetings.attendance.${a}`)}
                />
              </td>
            </tr>
          )),
        )}
      </TableForm>
    </section>
  )
}
