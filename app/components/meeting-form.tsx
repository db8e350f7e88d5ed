// The meeting form (new and edit): conform with the shared zod schema, which the browser also validates
// with; errors at the fields and the values kept, with JavaScript or without.
import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { useBrowserValidation } from '~/components/browser-validation'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { withZone, zoneChoice } from '~/i18n/zones'
import {
  INVITABLE_KINDS,
  MEETING_KINDS,
  MEETING_OPENNESS,
  MEETING_STATUSES,
} from '~/modules/meetings/constants'
import { TIME_ZONES } from '~/modules/meetings/time'
import { Field, FieldErrors, FormErrors } from './forms'
import { SubmitButton } from './submit-button'

export interface MeetingFormOptions {
  hosts: { code: string; name: string }[]
  invitable: { code: string; kind: string; name: string }[]
  groups: { slug: string; name: string }[]
}

type TextName = 'titleEs' | 'titleEn' | 'themeEs' | 'themeEn' | 'number' | 'place' | 'onlineUrl'
type WhenName = 'startsAt' | 'endsAt' | 'registrationDeadline'
type ChoiceName = 'kind' | 'timeZone' | 'host' | 'group' | 'openness' | 'status'

export function MeetingForm({
  lastResult,
  defaultValue,
  options,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined
  defaultValue: Record<string, string | string[]>
  options: MeetingFormOptions
  submitLabel: MessageKey
}) {
  const tr = useT()
  const { t } = tr
  const validateMeetingForm = useBrowserValidation(() =>
    import('~/modules/meetings/meeting-form-schema').then((m) => m.MeetingFormSchema),
  )
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: validateMeetingForm,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const invitedBoxes = getCollectionProps(fields.invited, {
    type: 'checkbox',
    options: options.invitable.map((o) => o.code),
  })
  /** A labelled control with its hint and errors; `control` gets the id of what describes it. */
  const field = (
    name: TextName | WhenName | ChoiceName,
    label: MessageKey,
    hint: MessageKey | undefined,
    control: (describedBy: string | undefined) => ReactNode,
    zone?: string,
  ) => (
    <Field
      id={fields[name].id}
      label={zone ? withZone(tr, t(label), zone) : t(label)}
      hint={hint ? t(hint) : undefined}
      errors={fields[name].errors}
    >
      {(ids) => control(ids.describedBy)}
    </Field>
  )
  const text = (name: TextName, label: MessageKey, hint?: MessageKey, required = false) =>
    field(name, label, hint, (describedBy) => (
      <input
        {...getInputProps(fields[name], { type: name === 'onlineUrl' ? 'url' : 'text' })}
        aria-describedby={describedBy}
        required={required}
      />
    ))
  // The times are the meeting's local ones, in the zone chosen above: each says which (the chosen zone
  // as the page was drawn, or as chosen since when JavaScript runs).
  const chosen = fields.timeZone.value ?? defaultValue.timeZone
  const meetingZone = typeof chosen === 'string' && chosen ? chosen : 'UTC'
  const when = (name: WhenName, label: MessageKey, hint: MessageKey) =>
    field(
      name,
      label,
      hint,
      (describedBy) => (
        <input
          {...getInputProps(fields[name], { type: 'datetime-local' })}
          aria-describedby={describedBy}
          required={name !== 'registrationDeadline'}
        />
      ),
      meetingZone,
    )
  /** A select; an optional one starts with "none". */
  const choice = (
    name: ChoiceName,
    label: MessageKey,
    choices: readonly { value: string; label: string }[],
    { optional = false, hint }: { optional?: boolean; hint?: MessageKey } = {},
  ) =>
    field(name, label, hint, (describedBy) => (
      <select {...getSelectProps(fields[name])} aria-describedby={describedBy} required={!optional}>
        {optional ? <option value="">{t('meetings.field.none')}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    ))
  return (
    <>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack meetings-form" {...getFormProps(form)}>
        {choice(
          'kind',
          'meetings.field.kind',
          MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) })),
        )}
        {text('number', 'meetings.field.number', 'meetings.field.numberHint')}
        {text('titleEs', 'meetings.field.titleEs', undefined, true)}
        {text('titleEn', 'meetings.field.titleEn', undefined, true)}
        {text('themeEs', 'meetings.field.themeEs')}
        {text('themeEn', 'meetings.field.themeEn')}
        {choice(
          'timeZone',
          'meetings.field.timeZone',
          TIME_ZONES.map((z) => ({ value: z, label: zoneChoice(tr, z) })),
        )}
        {when('startsAt', 'meetings.field.startsAt', 'meetings.field.localTimeHint')}
        {when('endsAt', 'meetings.field.endsAt', 'meetings.field.localTimeHint')}
        {text('place', 'meetings.field.place', 'meetings.field.placeHint')}
        {text('onlineUrl', 'meetings.field.onlineUrl')}
        {choice(
          'host',
          'meetings.field.host',
          options.hosts.map((h) => ({ value: h.code, label: h.name })),
          { optional: true },
        )}
        {choice(
          'group',
          'meetings.field.group',
          options.groups.map((g) => ({ value: g.slug, label: g.name })),
          { optional: true },
        )}
        {choice(
          'openness',
          'meetings.field.openness',
          MEETING_OPENNESS.map((o) => ({ value: o, label: t(`meetings.openness.${o}`) })),
          { hint: 'meetings.field.opennessHint' },
        )}
        {choice(
          'status',
          'common.status',
          MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) })),
        )}
        {when(
          'registrationDeadline',
          'meetings.field.registrationDeadline',
          'meetings.field.registrationDeadlineHint',
        )}
        <fieldset
          className="meetings-invited"
          aria-describedby={fields.invited.errors?.length ? `${fields.invited.id}-error` : undefined}
        >
          <legend>{t('meetings.field.invited')}</legend>
          {INVITABLE_KINDS.map((kind) => (
            <div key={kind} className="meetings-invited-group">
              <p className="label">{t(`kind.${kind}`)}</p>
              <ul className="meetings-checks">
                {options.invitable
                  .map((o, i) => ({ o, box: invitedBoxes[i] }))
                  .filter(({ o }) => o.kind === kind)
                  .map(({ o, box: { key: _key, ...box } }) => (
                    <li key={o.code}>
                      <label>
                        <input {...box} /> {o.name}
                      </label>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          <FieldErrors id={`${fields.invited.id}-error`} errors={fields.invited.errors} />
        </fieldset>
        <div>
          <SubmitButton>{t(submitLabel)}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
