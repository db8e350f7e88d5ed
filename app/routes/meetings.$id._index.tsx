import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AgendaItemForm, AgendaTable, AttachedDocuments } from '~/components/agenda'
import { FormErrors } from '~/components/forms'
import { replyErrors } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  addAgendaItem,
  deleteAgendaItem,
  listAgenda,
  meetingDocuments,
  moveAgendaItem,
  updateAgendaItem,
} from '~/modules/meetings/agenda.server'
import { invalidForm, parseForm } from '~/modules/core/forms.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { AgendaItemSchema, AgendaMoveSchema, idField } from '~/modules/meetings/forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import type { AttachedDocument } from '~/modules/meetings/views'
import { utcToZoned } from '~/modules/meetings/time'
import { meetingDays } from '~/modules/meetings/agenda-dates.server'

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
    days: meetingDays(meeting.row),
    uploadTo: can(viewer, 'document.upload', { visibility: 'participants', groupId: null })
      ? meeting.row.id
      : null,
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
    const submission = parseForm(formData, AgendaItemSchema)
    if (submission.status !== 'success') {
      return invalidForm(submission, intent)
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
      return formFailure(error, submission, intent)
    }
  }
  if (intent === 'move') {
    const parsed = AgendaMoveSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response(null, { status: 400 })
    try {
      moveAgendaItem(viewer, id, parsed.data.itemId, parsed.data.direction)
    } catch (error) {
      return formFailure(error, null, intent)
    }
    return redirect(`/meetings/${id}#agenda-${parsed.data.itemId}`)
  }
  if (intent === 'delete') {
    const itemId = idField.safeParse(formData.get('itemId'))
    if (!itemId.success) throw new Response(null, { status: 400 })
    // removing an item asks first (components/confirm.tsx)
    if (!isConfirmed(formData)) return askConfirmation(formData)
    let removed: { title: string }
    try {
      removed = deleteAgendaItem(viewer, id, itemId.data)
    } catch (error) {
      return formFailure(error, null, intent)
    }
    return redirectWithNotice(`/meetings/${id}`, { key: 'confirm.done.agendaItemRemoved', params: removed })
  }
  throw new Response(null, { status: 400 })
}

export default function AgendaTab() {
  const { meetingId, timeZone, agenda, documents, manage, uploadTo, days, editing } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const reply =
    actionData && (actionData.intent === 'add' || actionData.intent === 'edit') ? actionData.result : null
  return (
    <section aria-labelledby="agenda-title">
      <div className="page-header">
        <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
        <p>
          <a href={`/meetings/${meetingId}/programme`} className="button small secondary">
            {t('meetingsRun.programme')}
          </a>{' '}
          {Object.keys(documents).length ? (
            <a href={`/meetings/${meetingId}/documents.zip`} className="button small secondary" download>
              {t('meetingsRun.zip')}
            </a>
          ) : null}
        </p>
      </div>
      {!reply ? <FormErrors errors={replyErrors(actionData?.result, '')} /> : null}
      {agenda.length === 0 ? (
        <p className="muted">{t('meetings.agenda.empty')}</p>
      ) : (
        <AgendaTable
          agenda={agenda}
          documents={documents}
          timeZone={timeZone}
          manage={manage}
          uploadTo={uploadTo}
          days={days}
        />
      )}
      {documents[''] ? (
        <>
          <h3>{t('meetings.documents.whole')}</h3>
          <AttachedDocuments docs={documents['']} />
        </>
      ) : null}
      {manage ? (
        <AgendaItemForm
          reply={reply}
          editing={editing}
          topLevel={agenda.filter((a) => a.depth === 0)}
          timeZone={timeZone}
          meetingId={meetingId}
          formKey={editing?.id ?? `new-${agenda.length}`}
        />
      ) : null}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
