export { keepHeaders as headers } from '~/modules/core/route-headers'
import { getFormProps, getInputProps, getSelectProps } from '@conform-to/react'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FileAndSubmit } from '~/components/documents/file-and-submit'
import { LanguageField } from '~/components/documents/upload-forms'
import { DocumentMetadataFields } from '~/components/documents/metadata-fields'
import { Field, FormErrors } from '~/components/forms'
import { useUploadForm } from '~/components/upload-progress'
import { getEnv } from '~/env.server'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure } from '~/modules/core/form-reply.server'
import type { NEW_DOCUMENT_FIELDS } from '~/modules/documents/constants'
import { readNewDocumentForm } from '~/modules/documents/forms.server'
import { uploadOptions } from '~/modules/documents/queries.server'
import { createDocument } from '~/modules/documents/writes.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listAgenda } from '~/modules/meetings/agenda.server'
import { findVisibleMeeting, listMeetings } from '~/modules/meetings/meetings.server'
import { titleMeta } from '~/i18n/meta'
import { safeReturnTo, withParam } from '~/modules/auth/return-to'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { discardTemp } from '~/modules/documents/storage.server'
import { zonedToUtc } from '~/modules/meetings/time'
import { zoneOfViewer } from '~/modules/plans/round-time'
import { data } from '@remix-run/node'

export const meta = titleMeta('documents.new.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  // Opened from a meeting's page: that meeting is chosen, and its agenda items are offered.
  const search = new URL(request.url).searchParams
  const meeting = findVisibleMeeting(viewer, search.get('meeting') ?? '')
  const agenda = meeting ? listAgenda(meeting.row.id, lang) : []
  // Opened from an agenda item ("Add a document"): that item is chosen.
  const item = agenda.find((a) => a.id === search.get('item'))
  // Opened from an action's report form: back there after the upload (a path on this site only).
  const askedReturn = search.get('returnTo')
  const returnTo = safeReturnTo(askedReturn)
  return {
    // the embargo is entered in the uploader's zone
    timeZone: zoneOfViewer(viewer),
    returnTo,
    returnToRefused: askedReturn !== null && returnTo === null,
    ...uploadOptions(viewer),
    maxMb: getEnv().MAX_UPLOAD_MB,
    meeting: meeting?.row.id ?? null,
    agendaItem: item?.id ?? null,
    agenda: agenda.map((a) => ({ id: a.id, label: `${a.number}. ${a.title}` })),
    // The most recent meetings the uploader can see, to attach the document to one of them.
    meetings: listMeetings(viewer, {}, { lang, limit: 200 }).items.map((m) => ({
      id: m.id,
      label: `${m.startsAt.toISOString().slice(0, 10)} · ${m.title}`,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const form = await readNewDocumentForm(request, viewer)
  if (form.failure) return form.failure
  // a return path that leaves the site is refused before anything is stored
  const askedReturn = form.submission.payload.returnTo
  const returnTo = safeReturnTo(askedReturn)
  if (askedReturn !== undefined && askedReturn !== '' && !returnTo) {
    discardTemp(form.file)
    return data(
      {
        intent: null,
        result: form.submission.reply({
          fieldErrors: { returnTo: ['decisionsOwners.error.returnToOffSite'] },
        }),
        conflict: null,
      },
      { status: 400, headers: NO_STORE },
    )
  }
  try {
    const { id } = await createDocument(viewer, form.value, form.file)
    return redirect(returnTo ? withParam(returnTo, 'evidence', id) : `/documents/${id}?uploaded=1`)
  } catch (error) {
    return formFailure(error, form.submission)
  }
}

type FormShape = Partial<Record<(typeof NEW_DOCUMENT_FIELDS)[number] | 'file' | 'returnTo', string>>

export default function NewDocument() {
  const {
    visibilities,
    groups,
    maxMb,
    meeting,
    agendaItem,
    agenda,
    meetings,
    returnTo,
    returnToRefused,
    timeZone,
  } = useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>()
  const { t, lang } = useT()
  const { upload, form, fields, errorsOf } = useUploadForm<FormShape>(
    {
      endpoint: () => '/api/v1/documents',
      next: (record) =>
        returnTo && record.id
          ? withParam(returnTo, 'evidence', record.id)
          : `/documents/${record.id}?uploaded=1`,
      // The API reads a time without offset as UTC: the embargo typed in the person's zone goes as UTC
      // (a malformed one goes as typed, and the API's message comes back to the field).
      prepare: (sent) => {
        const typed = sent.get('embargoUntil')
        const utc = typeof typed === 'string' && typed ? zonedToUtc(typed.slice(0, 16), timeZone) : null
        if (utc) sent.set('embargoUntil', utc.toISOString())
      },
    },
    {
      lastResult: replied?.result,
      defaultValue: {
        language: lang,
        visibility: 'participants',
        meeting: meeting ?? undefined,
        agendaItem: agendaItem ?? undefined,
      },
      shouldValidate: 'onSubmit',
    },
  )
  const textField = (name: 'title' | 'titleTranslation', hint?: string, required?: boolean) => (
    <Field id={fields[name].id} label={t(`documents.field.${name}`)} hint={hint} errors={errorsOf(name)}>
      {(ids) => (
        <input
          {...getInputProps(fields[name], { type: 'text' })}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          required={required}
        />
      )}
    </Field>
  )
  const choice = (name: 'meeting' | 'agendaItem', options: { id: string; label: string }[]) => (
    <Field
      id={fields[name].id}
      label={t(`documents.field.${name}`)}
      hint={name === 'agendaItem' ? t('documents.field.agendaItemHint') : undefined}
      errors={errorsOf(name)}
    >
      {(ids) => (
        <select {...getSelectProps(fields[name])} aria-describedby={ids.describedBy}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <>
      <h1>{t('documents.new.title')}</h1>
      <p className="muted">{t('documents.new.intro')}</p>
      <FormErrors errors={form.errors} />
      {returnToRefused || errorsOf('returnTo') ? (
        <div className="field">
          <p id="return-to-error" className="field-error" role="alert">
            {t('decisionsOwners.error.returnToOffSite')}
          </p>
        </div>
      ) : returnTo ? (
        <p className="alert info">{t('decisionsOwners.returnTo', { path: returnTo.split('?')[0] })}</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        {textField('title', undefined, true)}
        <LanguageField field={fields.language} errors={errorsOf('language')} of="original" />
        {textField('titleTranslation', t('documents.field.titleTranslationHint'))}
        <DocumentMetadataFields
          fields={fields}
          visibilities={visibilities}
          groups={groups}
          errorsOf={errorsOf}
          timeZone={timeZone}
        />
        {choice('meeting', [{ id: '', label: t('documents.field.meetingNone') }, ...meetings])}
        {agenda.length || errorsOf('agendaItem')
          ? choice('agendaItem', [{ id: '', label: t('documents.field.agendaItemNone') }, ...agenda])
          : null}
        <FileAndSubmit
          id={`${form.id}-file`}
          maxMb={maxMb}
          errors={errorsOf('file')}
          upload={upload}
          submitLabel={t('documents.submit.upload')}
        />
      </Form>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
