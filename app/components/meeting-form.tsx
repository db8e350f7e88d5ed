// The meeting form (new and edit): conform with the shared zod schema, validated in the browser too.
import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { MEETING_KINDS, MEETING_OPENNESS, MEETING_STATUSES } from '~/modules/meetings/constants'
import { MeetingFormSchema } from '~/modules/meetings/meeting-form-schema'
import { TIME_ZONES } from '~/modules/meetings/time'
import type { OrganizationKind } from '~/modules/members/constants'
import { Field, FieldErrors, FormErrors } from './forms'

export interface MeetingFormOptions {
  hosts: { code: string; name: string }[]
  invitable: { code: string; kind: string; name: string }[]
  groups: { slug: string; name: string }[]
}

const INVITABLE_KINDS = [
  'member_state',
  'observer_state',
  'international_organization',
  'civil_society',
] as const satisfies readonly OrganizationKind[]

/** Create or edit a meeting: conform + the shared zod schema, errors at the fields, values kept. */
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
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingFormSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const invitedBoxes = getCollectionProps(fields.invited, {
    type: 'checkbox',
    options: options.invitable.map((o) => o.code),
  })
  const text = (
    name: 'titleEs' | 'titleEn' | 'themeEs' | 'themeEn' | 'number' | 'place' | 'onlineUrl',
    label: MessageKey,
    hint?: MessageKey,
    required = false,
  ) => (
    <Field
      id={fields[name].id}
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      errors={fields[name].errors}
    >
      {(ids) => (
        <input
          {...getInputProps(fields[name], { type: name === 'onlineUrl' ? 'url' : 'text' })}
          aria-describedby={ids.describedBy}
          required={required}
        />
      )}
    </Field>
  )
  const when = (
    name: 'startsAt' | 'endsAt' | 'registrationDeadline',
    label: MessageKey,
    hint?: MessageKey,
  ) => (
    <Field
      id={fields[name].id}
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      errors={fields[name].errors}
    >
      {(ids) => (
        <input
          {...getInputProps(fields[name], { type: 'datetime-local' })}
          aria-describedby={ids.describedBy}
          required={name !== 'registrationDeadline'}
        />
      )}
    </Field>
  )
  return (
    <>
      <FormErrors errors={form.errors} />
      <Form method="post" className="stack meetings-form" {...getFormProps(form)}>
        <Field id={fields.kind.id} label={t('meetings.field.kind')} errors={fields.kind.errors}>
          {(ids) => (
            <select {...getSelectProps(fields.kind)} aria-describedby={ids.describedBy} required>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('number', 'meetings.field.number', 'meetings.field.numberHint')}
        {text('titleEs', 'meetings.field.titleEs', undefined, true)}
        {text('titleEn', 'meetings.field.titleEn', undefined, true)}
        {text('themeEs', 'meetings.field.themeEs')}
        {text('themeEn', 'meetings.field.themeEn')}
        <Field id={fields.timeZone.id} label={t('meetings.field.timeZone')} errors={fields.timeZone.errors}>
          {(ids) => (
            <select {...getSelectProps(fields.timeZone)} aria-describedby={ids.describedBy} required>
              {TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        {when('startsAt', 'meetings.field.startsAt', 'meetings.field.localTimeHint')}
        {when('endsAt', 'meetings.field.endsAt', 'meetings.field.localTimeHint')}
        {text('place', 'meetings.field.place', 'meetings.field.placeHint')}
        {text('onlineUrl', 'meetings.field.onlineUrl')}
        <Field id={fields.host.id} label={t('meetings.field.host')} errors={fields.host.errors}>
          {(ids) => (
            <select {...getSelectProps(fields.host)} aria-describedby={ids.describedBy}>
              <option value="">{t('meetings.field.none')}</option>
              {options.hosts.map((h) => (
                <option key={h.code} value={h.code}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fields.group.id} label={t('meetings.field.group')} errors={fields.group.errors}>
          {(ids) => (
            <select {...getSelectProps(fields.group)} aria-describedby={ids.describedBy}>
              <option value="">{t('meetings.field.none')}</option>
              {options.groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fields.openness.id}
          label={t('meetings.field.openness')}
          hint={t('meetings.field.opennessHint')}
          errors={fields.openness.errors}
        >
          {(ids) => (
            <select {...getSelectProps(fields.openness)} aria-describedby={ids.describedBy} required>
              {MEETING_OPENNESS.map((o) => (
                <option key={o} value={o}>
                  {t(`meetings.openness.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fields.status.id} label={t('common.status')} errors={fields.status.errors}>
          {(ids) => (
            <select {...getSelectProps(fields.status)} aria-describedby={ids.describedBy} required>
              {MEETING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`meetings.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t(submitLabel)}
          </button>
        </div>
      </Form>
    </>
  )
}
