import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '~/modules/core/conform.server'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FieldErrors, FormErrors } from '~/components/forms'
import { UploadProgress, useProgressUpload } from '~/components/upload-progress'
import { getEnv } from '~/env.server'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listMeetings } from '~/modules/meetings/meetings.server'
import { createDocument, DocumentError, uploadOptions } from '~/modules/documents/documents.server'
import { DOCUMENT_KINDS, ORIGINAL_LANGUAGES, type NEW_DOCUMENT_FIELDS } from '~/modules/documents/constants'
import { NewDocumentSchema } from '~/modules/documents/schemas'
import { discardTemp, parseUpload, UploadError } from '~/modules/documents/storage.server'

export const meta: MetaFunction = () => [{ title: 'Upload a document · Subir un documento — RCM' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const url = new URL(request.url)
  const meeting = url.searchParams.get('meeting')
  return {
    ...uploadOptions(viewer),
    maxMb: getEnv().MAX_UPLOAD_MB,
    meeting: meeting && /^[A-Za-z0-9_-]{1,64}$/.test(meeting) ? meeting : null,
    // The most recent meetings the uploader can see, to attach the document to one of them.
    meetings: listMeetings(viewer, {}, { lang: resolveLang(request, viewer), limit: 200 }).items.map((m) => ({
      id: m.id,
      label: `${m.startsAt.toISOString().slice(0, 10)} · ${m.title}`,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  let upload
  try {
    upload = await parseUpload(request)
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    const submission = parseWithZod(error.fields, { schema: NewDocumentSchema })
    return data(submission.reply({ fieldErrors: { file: [error.messageKey] } }), { status: error.status })
  }
  const submission = parseWithZod(upload.fields, { schema: NewDocumentSchema })
  if (submission.status !== 'success' || !upload.file) {
    discardTemp(upload.file)
    const fileErrors: Record<string, string[]> = upload.file ? {} : { file: ['documents.error.fileRequired'] }
    return data(submission.reply({ fieldErrors: fileErrors }), { status: 400 })
  }
  try {
    const { id } = await createDocument(viewer, submission.value, upload.file)
    return redirect(`/documents/${id}?uploaded=1`)
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error
    const field = error.field ?? 'visibility'
    return data(submission.reply({ fieldErrors: { [field]: [error.messageKey] } }), { status: error.status })
  }
}

type FormShape = Partial<Record<(typeof NEW_DOCUMENT_FIELDS)[number] | 'file', string>>

export default function NewDocument() {
  const { visibilities, groups, maxMb, meeting, meetings } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t, lang } = useT()
  const upload = useProgressUpload({
    endpoint: () => '/api/v1/documents',
    next: (record) => `/documents/${record.id}?uploaded=1`,
  })
  const [form, fields] = useForm<FormShape>({
    lastResult,
    defaultValue: { language: lang, visibility: 'participants', meeting: meeting ?? undefined },
    shouldValidate: 'onSubmit',
    onSubmit: (event) => upload.onSubmit(event),
  })
  // Messages from the API (with JavaScript) take the place of the server-rendered ones.
  const errorsOf = (name: keyof typeof fields) => upload.errors[name] ?? fields[name].errors
  const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

  return (
    <>
      <h1>{t('documents.new.title')}</h1>
      <p className="muted">{t('documents.new.intro')}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
        <Field id={fields.title.id} label={t('documents.field.title')} errors={errorsOf('title')}>
          {(ids) => (
            <input
              {...getInputProps(fields.title, { type: 'text' })}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              required
            />
          )}
        </Field>
        <Field id={fields.language.id} label={t('documents.field.language')} errors={errorsOf('language')}>
          {(ids) => (
            <select {...getSelectProps(fields.language)} aria-describedby={ids.describedBy}>
              {ORIGINAL_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`documents.lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fields.titleTranslation.id}
          label={t('documents.field.titleTranslation')}
          hint={t('documents.field.titleTranslationHint')}
          errors={errorsOf('titleTranslation')}
        >
          {(ids) => (
            <input
              {...getInputProps(fields.titleTranslation, { type: 'text' })}
              aria-describedby={ids.describedBy}
            />
          )}
        </Field>
        <Field id={fields.kind.id} label={t('documents.field.kind')} errors={errorsOf('kind')}>
          {(ids) => (
            <select {...getSelectProps(fields.kind)} aria-describedby={ids.describedBy} required>
              <option value="">—</option>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`documents.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset
          className="documents-fieldset"
          aria-describedby={describedBy(
            errorsOf('visibility')?.length ? `${fields.visibility.id}-error` : undefined,
          )}
        >
          <legend className="label">{t('documents.field.visibility')}</legend>
          {visibilities.map((v) => (
            <div key={v} className="documents-radio">
              <input
                type="radio"
                id={`${fields.visibility.id}-${v}`}
                name={fields.visibility.name}
                value={v}
                defaultChecked={(fields.visibility.initialValue ?? 'participants') === v}
              />
              <label htmlFor={`${fields.visibility.id}-${v}`}>
                {t(`documents.visibility.${v}`)}{' '}
                <span className="muted small">— {t(`documents.visibilityHint.${v}`)}</span>
              </label>
            </div>
          ))}
          <FieldErrors id={`${fields.visibility.id}-error`} errors={errorsOf('visibility')} />
        </fieldset>
        <Field
          id={fields.group.id}
          label={t('documents.field.group')}
          hint={t('documents.field.groupHint')}
          errors={errorsOf('group')}
        >
          {(ids) => (
            <select {...getSelectProps(fields.group)} aria-describedby={ids.describedBy}>
              <option value="">{t('documents.field.groupNone')}</option>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {lang === 'es' ? g.nameEs : g.nameEn}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fields.documentDate.id}
          label={t('documents.field.documentDate')}
          hint={t('documents.field.documentDateHint')}
          errors={errorsOf('documentDate')}
        >
          {(ids) => (
            <input
              {...getInputProps(fields.documentDate, { type: 'date' })}
              aria-describedby={ids.describedBy}
            />
          )}
        </Field>
        <Field
          id={fields.description.id}
          label={t('documents.field.description')}
          errors={errorsOf('description')}
        >
          {(ids) => (
            <textarea {...getTextareaProps(fields.description)} rows={4} aria-describedby={ids.describedBy} />
          )}
        </Field>
        <Field
          id={fields.tags.id}
          label={t('documents.field.tags')}
          hint={t('documents.field.tagsHint')}
          errors={errorsOf('tags')}
        >
          {(ids) => (
            <input {...getInputProps(fields.tags, { type: 'text' })} aria-describedby={ids.describedBy} />
          )}
        </Field>
        <Field
          id={fields.embargoUntil.id}
          label={t('documents.field.embargoUntil')}
          hint={t('documents.field.embargoHint')}
          errors={errorsOf('embargoUntil')}
        >
          {(ids) => (
            <input
              {...getInputProps(fields.embargoUntil, { type: 'datetime-local' })}
              aria-describedby={ids.describedBy}
            />
          )}
        </Field>
        <Field id={fields.meeting.id} label={t('documents.field.meeting')} errors={errorsOf('meeting')}>
          {(ids) => (
            <select {...getSelectProps(fields.meeting)} aria-describedby={ids.describedBy}>
              <option value="">{t('documents.field.meetingNone')}</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* The file comes last: the fields before it are read even when the file is refused. */}
        <Field
          id={`${form.id}-file`}
          label={t('documents.field.file')}
          hint={t('documents.field.fileHint', { mb: maxMb })}
          errors={errorsOf('file')}
        >
          {(ids) => (
            <input
              type="file"
              id={ids.id}
              name="file"
              required
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv,.png,.jpg,.jpeg"
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <UploadProgress state={upload} />
        <div>
          <button type="submit" disabled={upload.sending}>
            {t('documents.submit.upload')}
          </button>
        </div>
      </Form>
    </>
  )
}
