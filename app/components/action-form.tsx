// The secretariat's form to create or edit an action item: plain form posts, errors at the fields, what
// was typed kept.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { ACTION_PRIORITIES, ORIGIN_TYPES } from '~/modules/actions/constants'
import { replyErrors, replyValue, replyValues, type Reply } from './form-reply'
import { Field, FormErrors } from './forms'

export interface ActionFormOptions {
  organizations: { code: string; kind: string; name: string; acronym: string | null; institution: boolean }[]
  people: { id: string; name: string; organization: string }[]
  groups: { slug: string; name: string }[]
}

/** Create, or edit (with `intent` and the revision in `values`), an action. */
export function ActionForm({
  reply,
  values,
  options,
  submitLabel,
  intent,
  fixedDecision,
  children,
}: {
  reply: Reply
  /** the starting values (prefill or the action's current values) */
  values: Record<string, string | string[]>
  options: ActionFormOptions
  submitLabel: MessageKey
  intent?: string
  /** a decision chosen before (?decision=ID): shown, not editable here */
  fixedDecision?: { code: string; text: string; meeting: string } | null
  children?: ReactNode
}) {
  const { t } = useT()
  const value = (name: string) => {
    const typed = reply ? replyValue(reply, name) : undefined
    if (reply) return typed ?? ''
    const v = values[name]
    return typeof v === 'string' ? v : ''
  }
  const many = (name: string) =>
    reply ? (replyValues(reply, name) ?? []) : ((values[name] as string[]) ?? [])
  const text = (
    name: string,
    label: MessageKey,
    opts: { hint?: MessageKey; long?: boolean; type?: string } = {},
  ) => (
    <Field
      id={`action-${name}`}
      label={t(label)}
      hint={opts.hint ? t(opts.hint) : undefined}
      errors={replyErrors(reply, name)}
    >
      {(ids) =>
        opts.long ? (
          <textarea
            id={ids.id}
            name={name}
            rows={4}
            defaultValue={value(name)}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
          />
        ) : (
          <input
            id={ids.id}
            name={name}
            type={opts.type ?? 'text'}
            defaultValue={value(name)}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
          />
        )
      }
    </Field>
  )
  /** A choice: one value (with its `fallback` when nothing was chosen), or several (`size` rows). */
  const choice = (
    name: string,
    label: MessageKey,
    choices: ReactNode,
    opts: { hint?: MessageKey; fallback?: string; size?: number; required?: boolean } = {},
  ) => (
    <Field
      id={`action-${name}`}
      label={t(label)}
      hint={opts.hint ? t(opts.hint) : undefined}
      errors={replyErrors(reply, name)}
    >
      {(ids) => (
        <select
          id={ids.id}
          name={name}
          multiple={opts.size ? true : undefined}
          size={opts.size}
          defaultValue={opts.size ? many(name) : value(name) || opts.fallback || ''}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          required={opts.required}
        >
          {choices}
        </select>
      )}
    </Field>
  )
  const orgOptions = options.organizations.map((o) => (
    <option key={o.code} value={o.code}>
      {o.institution ? `— ${o.name}` : o.name}
      {o.acronym && o.acronym !== o.name ? ` (${o.acronym})` : ''}
    </option>
  ))
  return (
    <>
      <FormErrors errors={replyErrors(reply, '')} />
      <Form method="post" className="stack actions-form">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {values.revision ? <input type="hidden" name="revision" value={String(values.revision)} /> : null}
        {text('titleEs', 'actions.field.titleEs', { hint: 'actions.field.titleHint' })}
        {text('titleEn', 'actions.field.titleEn')}
        {text('descriptionEs', 'actions.field.descriptionEs', { long: true })}
        {text('descriptionEn', 'actions.field.descriptionEn', { long: true })}
        <fieldset className="actions-fieldset">
          <legend>{t('actions.field.origin')}</legend>
          {fixedDecision ? (
            <>
              <input type="hidden" name="originType" value="decision" />
              <input type="hidden" name="decision" value={fixedDecision.code} />
              <p>
                <strong className="mono">{fixedDecision.code}</strong> · {fixedDecision.meeting}
              </p>
              <blockquote className="actions-quote">{fixedDecision.text}</blockquote>
            </>
          ) : (
            <>
              {choice(
                'originType',
                'actions.field.originType',
                ORIGIN_TYPES.map((o) => (
                  <option key={o} value={o}>
                    {t(`actions.origin.${o}`)}
                  </option>
                )),
                { fallback: 'none' },
              )}
              {text('decision', 'actions.field.decision', { hint: 'actions.field.decisionHint' })}
              {text('agendaItem', 'actions.field.agendaItem', { hint: 'actions.field.agendaItemHint' })}
              {choice(
                'group',
                'actions.field.group',
                <>
                  <option value="">{t('actions.field.none')}</option>
                  {options.groups.map((g) => (
                    <option key={g.slug} value={g.slug}>
                      {g.name}
                    </option>
                  ))}
                </>,
              )}
              {text('planSection', 'actions.field.planSection')}
            </>
          )}
        </fieldset>
        {choice('owners', 'actions.field.owners', orgOptions, {
          hint: 'actions.field.multiHint',
          size: 8,
          required: true,
        })}
        {choice(
          'focalPeople',
          'actions.field.focalPeople',
          options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.organization})
            </option>
          )),
          { hint: 'actions.field.focalHint', size: 6 },
        )}
        {choice('supporting', 'actions.field.supporting', orgOptions, {
          hint: 'actions.field.multiHint',
          size: 6,
        })}
        {text('dueDate', 'actions.field.dueDate', { type: 'date', hint: 'actions.field.dueDateHint' })}
        {choice(
          'priority',
          'actions.field.priority',
          ACTION_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`actions.priority.${p}`)}
            </option>
          )),
          { fallback: 'medium' },
        )}
        {text('tags', 'actions.field.tags', { hint: 'actions.field.tagsHint' })}
        {children}
        <div>
          <button type="submit">{t(submitLabel)}</button>
        </div>
      </Form>
    </>
  )
}
