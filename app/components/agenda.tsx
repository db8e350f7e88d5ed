// The agenda tab's pieces: the table of items (with their documents and, for whoever manages the agenda,
// plain POST buttons to move, edit and remove each one) and the form that adds or edits an item.
import { Form, Link } from '@remix-run/react'
import { withZone } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { agendaByDay } from '~/modules/meetings/agenda-days'
import type { AgendaEntry, AttachedDocument } from '~/modules/meetings/views'
import { ConfirmForm } from './confirm'
import { FormErrors } from './forms'
import { replyErrors, type Reply } from './form-reply'
import { ReplyInput, ReplySelect } from './reply-fields'
import { TableHead } from './table-head'
import { TableWrap } from '~/components/table-wrap'

export function AttachedDocuments({ docs }: { docs: AttachedDocument[] | undefined }) {
  if (!docs?.length) return null
  return (
    <ul className="meetings-docs">
      {docs.map((d) => (
        <li key={d.id}>
          <Link to={`/documents/${d.id}`}>{d.title}</Link> <span className="muted small">{d.reference}</span>
        </li>
      ))}
    </ul>
  )
}

/** A one-button form that posts an intent about an item. */
function ItemButton({
  itemId,
  intent,
  direction,
  label,
  text,
  className = 'button small secondary',
  disabled,
}: {
  itemId: string
  intent: 'move'
  direction?: 'up' | 'down'
  label: string
  text: string
  className?: string
  disabled?: boolean
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="itemId" value={itemId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button
        type="submit"
        name="intent"
        value={intent}
        className={className}
        disabled={disabled}
        aria-label={label}
      >
        {text}
      </button>
    </Form>
  )
}

function ItemActions({ item }: { item: AgendaEntry }) {
  const { t } = useT()
  const number = { number: item.number }
  return (
    <div className="meetings-row-actions">
      {(['up', 'down'] as const).map((direction) => (
        <ItemButton
          key={direction}
          itemId={item.id}
          intent="move"
          direction={direction}
          disabled={direction === 'up' ? item.first : item.last}
          label={t(
            direction === 'up' ? 'meetings.agenda.moveUpLabel' : 'meetings.agenda.moveDownLabel',
            number,
          )}
          text={t(direction === 'up' ? 'meetings.agenda.moveUp' : 'meetings.agenda.moveDown')}
        />
      ))}
      <Link
        to={`?edit=${item.id}#agenda-form`}
        className="button small secondary"
        aria-label={t('meetings.agenda.editLabel', number)}
      >
        {t('meetings.agenda.edit')}
      </Link>
      <ConfirmForm
        intent="delete"
        confirmKey={`delete-${item.id}`}
        fields={{ itemId: item.id }}
        className="button small danger"
        ariaLabel={t('meetings.agenda.deleteLabel', number)}
        label={t('meetings.agenda.delete')}
        title={t('confirm.agenda.title', { number: item.number, title: item.title })}
        text={t('confirm.agenda.text')}
        confirmLabel={t('confirm.agenda.confirm')}
      />
    </div>
  )
}

export function AgendaTable({
  agenda,
  documents,
  timeZone,
  manage,
  uploadTo,
  days,
}: {
  agenda: AgendaEntry[]
  /** by agenda item id */
  documents: Record<string, AttachedDocument[]>
  timeZone: string
  manage: boolean
  /** the meeting's id when the viewer may upload: each item offers "Add a document" */
  uploadTo?: string | null
  /** the meeting's first and last day (its zone): a multi-day agenda gets a heading per day */
  days?: { first: string; last: string }
}) {
  const { t, date } = useT()
  const multiDay = !!days && days.first !== days.last
  const groups = multiDay
    ? agendaByDay(agenda, timeZone, days.first)
    : [{ date: null, n: null, items: agenda }]
  const columns = manage ? 5 : 4
  return (
    <TableWrap label={t('meetings.agenda.title')}>
      <table className="meetings-agenda">
        <TableHead
          labels={[
            t('meetings.agenda.number'),
            t('meetings.agenda.item'),
            t('meetings.agenda.time'),
            t('meetings.agenda.presenter'),
            manage && t('common.actions'),
          ]}
        />
        {groups.map((group) => (
          <tbody key={group.date ?? 'none'}>
            {multiDay && group.date ? (
              <tr className="meetings-day">
                <th scope="rowgroup" colSpan={columns}>
                  {t('meetingsRun.day', {
                    n: group.n ?? 1,
                    date: date(`${group.date}T12:00:00Z`, 'date', 'UTC'),
                  })}
                </th>
              </tr>
            ) : null}
            {group.items.map((item) => (
              <tr
                key={item.id}
                id={`agenda-${item.id}`}
                className={item.depth ? 'meetings-subitem' : undefined}
              >
                <td>{item.number}</td>
                <th scope="row">
                  {item.title}
                  <AttachedDocuments docs={documents[item.id]} />
                  {uploadTo ? (
                    <Link
                      to={`/documents/new?meeting=${uploadTo}&item=${item.id}`}
                      className="small meetings-add-document"
                      aria-label={t('meetingsRun.addDocumentLabel', { number: item.number })}
                    >
                      {t('meetingsRun.addDocument')}
                    </Link>
                  ) : null}
                </th>
                <td>
                  {item.startsAt ? date(item.startsAt, 'time', timeZone) : null}
                  {item.durationMinutes ? (
                    <span className="muted small">
                      {' '}
                      ({t('meetings.agenda.minutes', { count: item.durationMinutes })})
                    </span>
                  ) : null}
                </td>
                <td>{item.presenter}</td>
                {manage ? (
                  <td>
                    <ItemActions item={item} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableWrap>
  )
}

export interface AgendaItemEditing {
  id: string
  number: string
  values: Record<'titleEs' | 'titleEn' | 'startsAt' | 'durationMinutes' | 'presenter', string>
}

/** Adds an item (top level or under one), or edits the one being edited. */
export function AgendaItemForm({
  reply,
  editing,
  topLevel,
  timeZone,
  meetingId,
  formKey,
}: {
  reply: Reply
  editing: AgendaItemEditing | null
  topLevel: { id: string; number: string; title: string }[]
  timeZone: string
  meetingId: string
  /** a new key after each saved item empties the form when JavaScript keeps the page */
  formKey: string
}) {
  const { t } = useT()
  const prefix = editing ? 'edit' : 'add'
  const field = (name: keyof AgendaItemEditing['values']) => ({
    reply,
    name,
    defaultValue: editing?.values[name],
  })
  return (
    <section aria-labelledby="agenda-form" className="card meetings-form-card">
      <h3 id="agenda-form">
        {editing ? t('meetings.agenda.editTitle', { number: editing.number }) : t('meetings.agenda.addTitle')}
      </h3>
      <FormErrors errors={replyErrors(reply, '')} />
      <Form method="post" className="stack" key={formKey}>
        {editing ? <input type="hidden" name="itemId" value={editing.id} /> : null}
        <ReplyInput {...field('titleEs')} id={`${prefix}-titleEs`} label={t('meetings.field.titleEs')} />
        <ReplyInput {...field('titleEn')} id={`${prefix}-titleEn`} label={t('meetings.field.titleEn')} />
        <ReplyInput
          {...field('startsAt')}
          type="datetime-local"
          id={`${prefix}-startsAt`}
          label={withZone({ t }, t('meetings.agenda.startsAt'), timeZone)}
          hint={t('meetings.agenda.startsAtHint')}
        />
        <ReplyInput
          {...field('durationMinutes')}
          type="number"
          min={1}
          max={1440}
          id={`${prefix}-duration`}
          label={t('meetings.agenda.duration')}
        />
        <ReplyInput
          {...field('presenter')}
          id={`${prefix}-presenter`}
          label={t('meetings.agenda.presenter')}
        />
        {!editing && topLevel.length ? (
          <ReplySelect
            reply={reply}
            name="parentId"
            id="add-parent"
            label={t('meetings.agenda.parent')}
            blank={t('meetings.agenda.topLevel')}
            options={topLevel.map((a) => ({ value: a.id, label: `${a.number}. ${a.title}` }))}
          />
        ) : null}
        <div>
          <button type="submit" name="intent" value={editing ? 'edit' : 'add'}>
            {editing ? t('common.save') : t('meetings.agenda.add')}
          </button>{' '}
          {editing ? <Link to={`/meetings/${meetingId}`}>{t('common.cancel')}</Link> : null}
        </div>
      </Form>
    </section>
  )
}
