// Pieces shared by the action items' pages: status and due-day badges (never colour alone: each says
// its meaning in words), progress, owner lists, reading a form reply, and the secretariat's action form.
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { ACTION_PRIORITIES, ORIGIN_TYPES, type ActionStatus } from '~/modules/actions/constants'
import { Field, FormErrors } from './forms'

type Reply = SubmissionResult<string[]> | null | undefined

/** The errors of one field in a reply from parseWithZod ('' for the form's own errors). */
export function replyErrors(reply: Reply, name: string) {
  return reply?.error?.[name] ?? undefined
}
/** What the person typed, kept after a refused submission. */
export function replyValue(reply: Reply, name: string): string | undefined {
  const v = reply?.initialValue?.[name]
  return typeof v === 'string' ? v : undefined
}
export function replyValues(reply: Reply, name: string): string[] | undefined {
  const v = reply?.initialValue?.[name]
  if (v === undefined || v === null) return undefined
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : []
}

const STATUS_CLASS: Record<ActionStatus, string> = {
  not_started: 'badge',
  in_progress: 'badge',
  blocked: 'badge warn',
  done: 'badge ok',
  cancelled: 'badge danger',
}

export function ActionStatusBadge({ status, awaiting }: { status: ActionStatus; awaiting?: boolean }) {
  const { t } = useT()
  return (
    <>
      <span className={STATUS_CLASS[status]}>{t(`actions.status.${status}`)}</span>
      {awaiting ? (
        <>
          {' '}
          <span className="badge warn">{t('actions.awaitingValidation')}</span>
        </>
      ) : null}
    </>
  )
}

/** A calendar day (YYYY-MM-DD), written in the reader's language; "overdue" in words when it is. */
export function DueDay({ day, overdue }: { day: string; overdue?: boolean }) {
  const { t, date } = useT()
  return (
    <>
      <time dateTime={day}>{date(`${day}T12:00:00Z`, 'date')}</time>
      {overdue ? (
        <>
          {' '}
          <span className="badge danger">{t('actions.overdue')}</span>
        </>
      ) : null}
    </>
  )
}

export function Progress({ value }: { value: number }) {
  const { t } = useT()
  return (
    <span className="actions-progress">
      <progress max={100} value={value} aria-label={t('actions.field.progress')}>
        {value}%
      </progress>{' '}
      <span>{t('actions.percent', { value })}</span>
    </span>
  )
}

export function OwnerNames({ owners }: { owners: { code: string; name: string }[] }) {
  if (!owners.length) return <>—</>
  return (
    <>
      {owners.map((o, i) => (
        <span key={o.code}>
          {i ? ', ' : ''}
          <abbr title={o.name}>{o.code}</abbr>
        </span>
      ))}
    </>
  )
}

export interface ActionFormOptions {
  organizations: { code: string; kind: string; name: string; institution: boolean }[]
  people: { id: string; name: string; organization: string }[]
  groups: { slug: string; name: string }[]
}

/** Create or edit an action (secretariat). Plain form posts: errors at the fields, what was typed kept. */
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
  const orgOptions = options.organizations.map((o) => (
    <option key={o.code} value={o.code}>
      {o.institution ? `— ${o.name}` : o.name} ({o.code})
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
              <Field
                id="action-originType"
                label={t('actions.field.originType')}
                errors={replyErrors(reply, 'originType')}
              >
                {(ids) => (
                  <select
                    id={ids.id}
                    name="originType"
                    defaultValue={value('originType') || 'none'}
                    aria-describedby={ids.describedBy}
                  >
                    {ORIGIN_TYPES.map((o) => (
                      <option key={o} value={o}>
                        {t(`actions.origin.${o}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text('decision', 'actions.field.decision', { hint: 'actions.field.decisionHint' })}
              {text('agendaItem', 'actions.field.agendaItem', { hint: 'actions.field.agendaItemHint' })}
              <Field id="action-group" label={t('actions.field.group')} errors={replyErrors(reply, 'group')}>
                {(ids) => (
                  <select
                    id={ids.id}
                    name="group"
                    defaultValue={value('group')}
                    aria-describedby={ids.describedBy}
                  >
                    <option value="">{t('actions.field.none')}</option>
                    {options.groups.map((g) => (
                      <option key={g.slug} value={g.slug}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text('planSection', 'actions.field.planSection')}
            </>
          )}
        </fieldset>
        <Field
          id="action-owners"
          label={t('actions.field.owners')}
          hint={t('actions.field.multiHint')}
          errors={replyErrors(reply, 'owners')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="owners"
              multiple
              size={8}
              defaultValue={many('owners')}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              required
            >
              {orgOptions}
            </select>
          )}
        </Field>
        <Field
          id="action-focalPeople"
          label={t('actions.field.focalPeople')}
          hint={t('actions.field.focalHint')}
          errors={replyErrors(reply, 'focalPeople')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="focalPeople"
              multiple
              size={6}
              defaultValue={many('focalPeople')}
              aria-describedby={ids.describedBy}
            >
              {options.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.organization})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="action-supporting"
          label={t('actions.field.supporting')}
          hint={t('actions.field.multiHint')}
          errors={replyErrors(reply, 'supporting')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="supporting"
              multiple
              size={6}
              defaultValue={many('supporting')}
              aria-describedby={ids.describedBy}
            >
              {orgOptions}
            </select>
          )}
        </Field>
        {text('dueDate', 'actions.field.dueDate', { type: 'date', hint: 'actions.field.dueDateHint' })}
        <Field
          id="action-priority"
          label={t('actions.field.priority')}
          errors={replyErrors(reply, 'priority')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="priority"
              defaultValue={value('priority') || 'medium'}
              aria-describedby={ids.describedBy}
            >
              {ACTION_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`actions.priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('tags', 'actions.field.tags', { hint: 'actions.field.tagsHint' })}
        {children}
        <div>
          <button type="submit">{t(submitLabel)}</button>
        </div>
      </Form>
    </>
  )
}
