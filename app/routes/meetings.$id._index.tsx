import { parseWithZod } from '~/modules/core/conform.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { replyErrors, replyValue } from '~/components/meetings'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  addAgendaItem,
  deleteAgendaItem,
  listAgenda,
  meetingDocuments,
  moveAgendaItem,
  updateAgendaItem,
  type AttachedDocument,
} from '~/modules/meetings/agenda.server'
import { failure, meetingPageContext, NO_STORE } from '~/modules/meetings/http.server'
import { AgendaItemSchema, AgendaMoveSchema, idField } from '~/modules/meetings/schemas'
import { utcToZoned } from '~/modules/meetings/time'

// The agenda tab: items and sub-items in order, with times, presenters and their documents.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const agenda = listAgenda(meeting.row.id, lang)
  const { byItem } = meetingDocuments(viewer, meeting.row.id, lang)
  const documents: Record<string, AttachedDocument[]> = {}
  for (const [key, docs] of byItem) documents[key ?? ''] = docs
  const manage = can(viewer, 'meeting.manageAgenda', meeting.ref)
  const editId = new URL(request.url).searchParams.get('edit')
  const editing = manage && editId ? agenda.find((a) => a.id === editId) : undefined
  return {
    meetingId: meeting.row.id,
    timeZone: meeting.row.timeZone,
    agenda,
    documents,
    manage,
    editing: editing
      ? {
          id: editing.id,
          number: editing.number,
          values: {
            titleEs: editing.titleEs ?? '',
            titleEn: editing.titleEn ?? '',
            startsAt: editing.startsAt ? utcToZoned(editing.startsAt, meeting.row.timeZone) : '',
            durationMinutes: editing.durationMinutes ? String(editing.durationMinutes) : '',
            presenter: editing.presenter ?? '',
          },
        }
      : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = meetingPageContext(request, params.id)
  const id = meeting.row.id
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent === 'add' || intent === 'edit') {
    const submission = parseWithZod(formData, { schema: AgendaItemSchema })
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply() }, { status: 400, headers: NO_STORE })
    }
    try {
      if (intent === 'add') {
        const item = addAgendaItem(viewer, id, submission.value)
        return redirect(`/meetings/${id}#agenda-${item.id}`)
      }
      const itemId = idField.safeParse(formData.get('itemId'))
      if (!itemId.success) throw new Response(null, { status: 400 })
      updateAgendaItem(viewer, id, itemId.data, submission.value)
      return redirect(`/meetings/${id}#agenda-${itemId.data}`)
    } catch (error) {
      return failure(error, submission, intent)
    }
  }
  if (intent === 'move') {
    const parsed = AgendaMoveSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response(null, { status: 400 })
    try {
      moveAgendaItem(viewer, id, parsed.data.itemId, parsed.data.direction)
    } catch (error) {
      return failure(error, null, intent)
    }
    return redirect(`/meetings/${id}#agenda-${parsed.data.itemId}`)
  }
  if (intent === 'delete') {
    const itemId = idField.safeParse(formData.get('itemId'))
    if (!itemId.success) throw new Response(null, { status: 400 })
    try {
      deleteAgendaItem(viewer, id, itemId.data)
    } catch (error) {
      return failure(error, null, intent)
    }
    return redirect(`/meetings/${id}`)
  }
  throw new Response(null, { status: 400 })
}

function Documents({ docs }: { docs: AttachedDocument[] | undefined }) {
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

export default function AgendaTab() {
  const { meetingId, timeZone, agenda, documents, manage, editing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  const reply =
    actionData && (actionData.intent === 'add' || actionData.intent === 'edit') ? actionData.result : null
  const formErrors = actionData?.result?.error?.[''] ?? undefined
  const topLevel = agenda.filter((a) => a.depth === 0)
  const value = (name: string) =>
    replyValue(reply, name) ?? (editing ? editing.values[name as keyof typeof editing.values] : undefined)
  const prefix = editing ? 'edit' : 'add'
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
      {!reply ? <FormErrors errors={formErrors} /> : null}
      {agenda.length === 0 ? (
        <p className="muted">{t('meetings.agenda.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="meetings-agenda">
            <thead>
              <tr>
                <th scope="col">{t('meetings.agenda.number')}</th>
                <th scope="col">{t('meetings.agenda.item')}</th>
                <th scope="col">{t('meetings.agenda.time')}</th>
                <th scope="col">{t('meetings.agenda.presenter')}</th>
                {manage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {agenda.map((item) => (
                <tr
                  key={item.id}
                  id={`agenda-${item.id}`}
                  className={item.depth ? 'meetings-subitem' : undefined}
                >
                  <td>{item.number}</td>
                  <th scope="row">
                    {item.title}
                    <Documents docs={documents[item.id]} />
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
                      <div className="meetings-row-actions">
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="itemId" value={item.id} />
                          <input type="hidden" name="direction" value="up" />
                          <button
                            type="submit"
                            name="intent"
                            value="move"
                            className="button small secondary"
                            disabled={item.first}
                            aria-label={t('meetings.agenda.moveUpLabel', { number: item.number })}
                          >
                            {t('meetings.agenda.moveUp')}
                          </button>
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="itemId" value={item.id} />
                          <input type="hidden" name="direction" value="down" />
                          <button
                            type="submit"
                            name="intent"
                            value="move"
                            className="button small secondary"
                            disabled={item.last}
                            aria-label={t('meetings.agenda.moveDownLabel', { number: item.number })}
                          >
                            {t('meetings.agenda.moveDown')}
                          </button>
                        </Form>
                        <Link
                          to={`?edit=${item.id}#agenda-form`}
                          className="button small secondary"
                          aria-label={t('meetings.agenda.editLabel', { number: item.number })}
                        >
                          {t('meetings.agenda.edit')}
                        </Link>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="itemId" value={item.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="delete"
                            className="button small danger"
                            aria-label={t('meetings.agenda.deleteLabel', { number: item.number })}
                          >
                            {t('meetings.agenda.delete')}
                          </button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {documents[''] ? (
        <>
          <h3>{t('meetings.documents.whole')}</h3>
          <Documents docs={documents['']} />
        </>
      ) : null}
      {manage ? (
        <section aria-labelledby="agenda-form" className="card meetings-form-card">
          <h3 id="agenda-form">
            {editing
              ? t('meetings.agenda.editTitle', { number: editing.number })
              : t('meetings.agenda.addTitle')}
          </h3>
          <FormErrors errors={replyErrors(reply, '')} />
          {/* A new key after each saved item empties the form when JavaScript keeps the page. */}
          <Form method="post" className="stack" key={editing?.id ?? `new-${agenda.length}`}>
            {editing ? <input type="hidden" name="itemId" value={editing.id} /> : null}
            <Field
              id={`${prefix}-titleEs`}
              label={t('meetings.field.titleEs')}
              errors={replyErrors(reply, 'titleEs')}
            >
              {(ids) => (
                <input
                  type="text"
                  id={ids.id}
                  name="titleEs"
                  defaultValue={value('titleEs')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <Field
              id={`${prefix}-titleEn`}
              label={t('meetings.field.titleEn')}
              errors={replyErrors(reply, 'titleEn')}
            >
              {(ids) => (
                <input
                  type="text"
                  id={ids.id}
                  name="titleEn"
                  defaultValue={value('titleEn')}
                  aria-describedby={ids.describedBy}
                />
              )}
            </Field>
            <Field
              id={`${prefix}-startsAt`}
              label={t('meetings.agenda.startsAt')}
              hint={t('meetings.agenda.startsAtHint', { zone: timeZone })}
              errors={replyErrors(reply, 'startsAt')}
            >
              {(ids) => (
                <input
                  type="datetime-local"
                  id={ids.id}
                  name="startsAt"
                  defaultValue={value('startsAt')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <Field
              id={`${prefix}-duration`}
              label={t('meetings.agenda.duration')}
              errors={replyErrors(reply, 'durationMinutes')}
            >
              {(ids) => (
                <input
                  type="number"
                  min={1}
                  max={1440}
                  id={ids.id}
                  name="durationMinutes"
                  defaultValue={value('durationMinutes')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <Field
              id={`${prefix}-presenter`}
              label={t('meetings.agenda.presenter')}
              errors={replyErrors(reply, 'presenter')}
            >
              {(ids) => (
                <input
                  type="text"
                  id={ids.id}
                  name="presenter"
                  defaultValue={value('presenter')}
                  aria-describedby={ids.describedBy}
                />
              )}
            </Field>
            {!editing && topLevel.length ? (
              <Field
                id="add-parent"
                label={t('meetings.agenda.parent')}
                errors={replyErrors(reply, 'parentId')}
              >
                {(ids) => (
                  <select
                    id={ids.id}
                    name="parentId"
                    defaultValue={replyValue(reply, 'parentId') ?? ''}
                    aria-describedby={ids.describedBy}
                  >
                    <option value="">{t('meetings.agenda.topLevel')}</option>
                    {topLevel.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.number}. {a.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <div>
              <button type="submit" name="intent" value={editing ? 'edit' : 'add'}>
                {editing ? t('common.save') : t('meetings.agenda.add')}
              </button>{' '}
              {editing ? <Link to={`/meetings/${meetingId}`}>{t('common.cancel')}</Link> : null}
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  )
}
