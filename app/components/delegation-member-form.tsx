// The fields of a delegation member (decision 0028): the details of a member without a portal account
// and the logistics for the secretariat, with the retention rule stated above them. Plain controls, no
// JavaScript needed: a refused submission comes back with its messages at the fields and the text typed.
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { zoneLabel } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { DELEGATION_ROLES } from '~/modules/meetings/constants'
import { replyErrors, replyValue, type Reply } from './form-reply'
import { Field } from './forms'

type Values = Record<string, string>

function useFieldProps(reply: Reply, defaults: Values) {
  const { t } = useT()
  return (name: string, label: MessageKey, hint: ReactNode, control: (p: ControlProps) => ReactNode) => {
    const errors = replyErrors(reply, name)
    return (
      <Field id={name} label={t(label)} hint={hint} errors={errors}>
        {(ids) =>
          control({
            id: ids.id,
            name,
            'aria-describedby': ids.describedBy,
            'aria-invalid': ids.invalid || undefined,
            defaultValue: replyValue(reply, name) ?? (reply ? '' : (defaults[name] ?? '')),
          })
        }
      </Field>
    )
  }
}

interface ControlProps {
  id: string
  name: string
  'aria-describedby': string | undefined
  'aria-invalid': boolean | undefined
  defaultValue: string
}

/** Name, title, institution, e-mail and role of a member without an account. */
export function GuestDetailsFields({ reply, defaults }: { reply: Reply; defaults: Values }) {
  const { t } = useT()
  const field = useFieldProps(reply, defaults)
  return (
    <fieldset>
      <legend>{t('delegations.member.details')}</legend>
      {field('name', 'delegations.field.name', null, (p) => (
        <input {...p} type="text" required maxLength={200} autoComplete="off" />
      ))}
      {field('title', 'delegations.field.title', t('delegations.field.titleHint'), (p) => (
        <input {...p} type="text" maxLength={200} autoComplete="off" />
      ))}
      {field('institution', 'delegations.field.institution', null, (p) => (
        <input {...p} type="text" maxLength={300} autoComplete="off" />
      ))}
      {field('email', 'delegations.field.email', null, (p) => (
        // type="text": the server checks the address and says why, in the person's language
        <input {...p} type="text" inputMode="email" maxLength={254} autoComplete="off" />
      ))}
      {field('role', 'delegations.field.role', null, (p) => (
        <select {...p} required>
          {DELEGATION_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`meetings.role.${r}`)}
            </option>
          ))}
        </select>
      ))}
    </fieldset>
  )
}

/** Arrival, departure, accessibility and dietary needs, with who sees them and when they are deleted. */
export function LogisticsFields({
  reply,
  defaults,
  timeZone,
  retention,
}: {
  reply: Reply
  defaults: Values
  timeZone: string
  retention: { days: number; date: string }
}) {
  const { t } = useT()
  const field = useFieldProps(reply, defaults)
  const timeHint = t('delegations.field.timeHint', { zone: zoneLabel({ t }, timeZone) })
  return (
    <fieldset aria-describedby="logistics-privacy">
      <legend>{t('delegations.logistics.title')}</legend>
      <p className="hint" id="logistics-privacy">
        {t('delegations.logistics.privacy', retention)}
      </p>
      {field('arrivalAt', 'delegations.field.arrivalAt', timeHint, (p) => (
        <input {...p} type="datetime-local" />
      ))}
      {field('departureAt', 'delegations.field.departureAt', timeHint, (p) => (
        <input {...p} type="datetime-local" />
      ))}
      {field(
        'accessibility',
        'delegations.field.accessibility',
        t('delegations.field.accessibilityHint'),
        (p) => (
          <textarea {...p} rows={2} maxLength={1000} />
        ),
      )}
      {field('dietary', 'delegations.field.dietary', null, (p) => (
        <textarea {...p} rows={2} maxLength={500} />
      ))}
    </fieldset>
  )
}
