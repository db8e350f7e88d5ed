import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '~/modules/core/conform.server'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { UploadProgress, useProgressUpload } from '~/components/upload-progress'
import { getEnv } from '~/env.server'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { requireViewer, getViewer } from '~/modules/auth/viewer.server'
import {
  addTranslation,
  addVersion,
  deleteDocument,
  DocumentError,
  editDocument,
  getDocumentDetails,
  restoreDocument,
  uploadOptions,
} from '~/modules/documents/documents.server'
import { DOCUMENT_KINDS, FILE_LANGUAGES } from '~/modules/documents/constants'
import { EditDocumentSchema, NewTranslationSchema, NewVersionSchema } from '~/modules/documents/schemas'
import { discardTemp, isMultipart, parseUpload, UploadError } from '~/modules/documents/storage.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.doc.reference ?? ''} — RCM` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const details = getDocumentDetails(viewer, params.id ?? '')
  // Hidden and missing look the same, signed in or not.
  if (!details) throw new Response(null, { status: 404 })
  const options = viewer && details.permissions.edit ? uploadOptions(viewer) : null
  const flags = new URL(request.url).searchParams
  return {
    ...details,
    options,
    maxMb: getEnv().MAX_UPLOAD_MB,
    flash: flags.has('uploaded')
      ? ('documents.uploaded' as const)
      : flags.has('saved')
        ? ('documents.saved' as const)
        : flags.has('restored')
          ? ('documents.restored' as const)
          : null,
  }
}

type Intent = 'version' | 'translation' | 'edit' | 'delete' | 'restore'
const reply = (intent: Intent, result: unknown, status: number) => data({ intent, result }, { status })

function refusal(intent: Intent, error: unknown, submission: { reply: (o: object) => unknown }) {
  if (error instanceof DocumentError) {
    if (error.status === 404) throw new Response(null, { status: 404 })
    const errors = error.field
      ? { fieldErrors: { [error.field]: [error.messageKey] } }
      : { formErrors: [error.messageKey] }
    return reply(intent, submission.reply(errors), error.status)
  }
  throw error
}

async function uploadAction(request: Request, id: string) {
  const viewer = requireViewer(request)
  let upload
  try {
    upload = await parseUpload(request)
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    const intent: Intent = error.fields.get('intent') === 'translation' ? 'translation' : 'version'
    const schema = intent === 'translation' ? NewTranslationSchema : NewVersionSchema
    const submission = parseWithZod(error.fields, { schema })
    return reply(intent, submission.reply({ fieldErrors: { file: [error.messageKey] } }), error.status)
  }
  const { fields, file } = upload
  const intent = fields.get('intent')
  const missingFile: Record<string, string[]> = file ? {} : { file: ['documents.error.fileRequired'] }
  if (intent === 'translation') {
    const submission = parseWithZod(fields, { schema: NewTranslationSchema })
    if (submission.status !== 'success' || !file) {
      discardTemp(file)
      return reply('translation', submission.reply({ fieldErrors: missingFile }), 400)
    }
    try {
      await addTranslation(viewer, id, submission.value, file)
    } catch (error) {
      return refusal('translation', error, submission)
    }
    return redirect(`/documents/${id}?uploaded=1`)
  }
  const submission = parseWithZod(fields, { schema: NewVersionSchema })
  if (intent !== 'version' || submission.status !== 'success' || !file) {
    discardTemp(file)
    return reply('version', submission.reply({ fieldErrors: missingFile }), 400)
  }
  try {
    await addVersion(viewer, id, submission.value, file)
  } catch (error) {
    return refusal('version', error, submission)
  }
  return redirect(`/documents/${id}?uploaded=1`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  if (isMultipart(request)) return uploadAction(request, id)
  const viewer = requireViewer(request)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'edit') {
    const submission = parseWithZod(form, { schema: EditDocumentSchema })
    if (submission.status !== 'success') return reply('edit', submission.reply(), 400)
    try {
      editDocument(viewer, id, submission.value)
    } catch (error) {
      return refusal('edit', error, submission)
    }
    return redirect(`/documents/${id}?saved=1`)
  }
  if (intent === 'delete' || intent === 'restore') {
    try {
      if (intent === 'delete') deleteDocument(viewer, id)
      else restoreDocument(viewer, id)
    } catch (error) {
      if (error instanceof DocumentError) throw new Response(null, { status: error.status })
      throw error
    }
    return redirect(intent === 'delete' ? '/documents' : `/documents/${id}?restored=1`)
  }
  throw new Response(null, { status: 400 })
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>

const titleIn = (doc: { titleEs: string | null; titleEn: string | null }, lang: Lang) =>
  (lang === 'es' ? (doc.titleEs ?? doc.titleEn) : (doc.titleEn ?? doc.titleEs)) ?? ''

const downloadUrl = (id: string, version: number, language: string) =>
  `/documents/${id}/download?version=${version}&lang=${language}`

/** `2026-03-01T09:00` for a datetime-local input, in UTC like the label says. */
const forDateTimeInput = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 16) : undefined)

export default function DocumentPage() {
  const loaded = useLoaderData<typeof loader>()
  const { doc, versions, translations, downloads, permissions, flash } = loaded
  const { t, lang, date } = useT()
  const title = titleIn(doc, lang) || t('documents.noTitle')
  const otherTitle = lang === 'es' ? doc.titleEn : doc.titleEs
  const current = versions.find((v) => v.number === doc.currentVersion) ?? versions[0]
  const currentOriginal = current?.files.find((f) => f.isOriginal) ?? current?.files[0]
  const groupName = doc.group ? (lang === 'es' ? doc.group.nameEs : doc.group.nameEn) : null
  const ownerName = lang === 'es' ? doc.owner.nameEs : doc.owner.nameEn

  return (
    <>
      <p className="small">
        <Link to="/documents">{t('documents.title')}</Link>
      </p>
      <h1>{title}</h1>
      {otherTitle && otherTitle !== title ? (
        <p className="muted" lang={lang === 'es' ? 'en' : 'es'}>
          {otherTitle}
        </p>
      ) : null}
      {flash ? (
        <p className="alert ok" role="status">
          {t(flash)}
        </p>
      ) : null}
      {doc.deletedAt ? (
        <p className="alert warn">{t('documents.deletedNotice', { date: date(doc.deletedAt) })}</p>
      ) : null}
      {doc.embargoed && doc.embargoUntil ? (
        <p className="alert info">
          {t('documents.embargoNotice', {
            date: date(doc.embargoUntil, 'datetime'),
            organization: ownerName,
          })}
        </p>
      ) : null}

      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading">{t('documents.details')}</h2>
        <dl className="documents-meta">
          <dt>{t('documents.reference')}</dt>
          <dd>
            <code>{doc.reference}</code>
          </dd>
          <dt>{t('documents.field.kind')}</dt>
          <dd>{t(`documents.kind.${doc.kind}`)}</dd>
          {doc.documentDate ? (
            <>
              <dt>{t('documents.date')}</dt>
              <dd>{date(`${doc.documentDate}T00:00:00Z`, 'long')}</dd>
            </>
          ) : null}
          <dt>{t('documents.owner')}</dt>
          <dd>
            <Link to={`/members/${doc.owner.code}`}>{ownerName}</Link>
          </dd>
          {doc.uploadedBy ? (
            <>
              <dt>{t('documents.uploadedBy')}</dt>
              <dd>
                {doc.uploadedBy}, {date(doc.createdAt, 'datetime')}
              </dd>
            </>
          ) : null}
          <dt>{t('documents.visibility')}</dt>
          <dd>
            <span className="badge">{t(`documents.visibility.${doc.visibility}`)}</span>{' '}
            <span className="small muted">{t(`documents.visibilityHint.${doc.visibility}`)}</span>
          </dd>
          {doc.group ? (
            <>
              <dt>{t('documents.group')}</dt>
              <dd>
                <Link to={`/groups/${doc.group.slug}`}>{groupName}</Link>
              </dd>
            </>
          ) : null}
          {doc.meetingId ? (
            <>
              <dt>{t('documents.meeting')}</dt>
              <dd>
                <Link to={`/meetings/${doc.meetingId}`}>{doc.meetingId}</Link>
                {doc.agendaItemId ? ` · ${t('documents.agendaItem')} ${doc.agendaItemId}` : null}
              </dd>
            </>
          ) : null}
          {doc.tags.length ? (
            <>
              <dt>{t('documents.tags')}</dt>
              <dd>
                {doc.tags.map((tag) => (
                  <span key={tag} className="badge documents-tag">
                    {tag}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        {doc.description ? <p className="documents-description">{doc.description}</p> : null}
        {current && currentOriginal ? (
          <p>
            <a className="button" href={downloadUrl(doc.id, current.number, currentOriginal.language)}>
              {t('documents.downloadFile', {
                language: t(`documents.lang.${currentOriginal.language}`),
                version: current.number,
              })}
            </a>
          </p>
        ) : null}
      </section>

      {current && currentOriginal?.mimeType === 'application/pdf' ? (
        <details className="documents-viewer-box">
          <summary>{t('documents.viewer')}</summary>
          <iframe
            className="documents-viewer"
            src={`/documents/${doc.id}/view?version=${current.number}&lang=${currentOriginal.language}`}
            title={t('documents.viewerTitle', { title })}
            loading="lazy"
          />
          <p className="small">
            <a href={`/documents/${doc.id}/view?version=${current.number}&lang=${currentOriginal.language}`}>
              {t('documents.openPdf')}
            </a>
          </p>
        </details>
      ) : null}

      <section aria-labelledby="languages-heading">
        <h2 id="languages-heading">{t('documents.translations')}</h2>
        <p className="small muted">{t('documents.translations.intro', { version: doc.currentVersion })}</p>
        <ul className="list-plain">
          {translations.map((tr) => (
            <li key={tr.language}>
              <strong>{t(`documents.lang.${tr.language}`)}</strong>:{' '}
              <span
                className={`badge ${tr.state === 'current' ? 'ok' : tr.state === 'outdated' ? 'warn' : 'danger'}`}
              >
                {tr.state === 'outdated'
                  ? t('documents.translation.outdated', { version: tr.version ?? 0 })
                  : t(`documents.translation.${tr.state}`)}
              </span>
              {tr.version ? (
                <>
                  {' '}
                  <a href={downloadUrl(doc.id, tr.version, tr.language)}>{t('documents.download')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('documents.versions')}</h2>
        {versions.map((v) => (
          <article key={v.number} className="card">
            <h3>
              {t('documents.version', { number: v.number })}
              {v.number === doc.currentVersion ? (
                <>
                  {' '}
                  <span className="badge ok">{t('documents.currentVersion')}</span>
                </>
              ) : null}
            </h3>
            <p className="small muted">
              {[v.uploadedBy, date(v.createdAt, 'datetime')].filter(Boolean).join(' · ')}
            </p>
            <p>{v.note ?? <span className="muted">{t('documents.noNote')}</span>}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.col.language')}</th>
                    <th scope="col">{t('documents.col.file')}</th>
                    <th scope="col">{t('documents.col.size')}</th>
                    <th scope="col">{t('documents.col.sha256')}</th>
                    <th scope="col">{t('documents.col.download')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.files.map((f) => (
                    <tr key={f.language}>
                      <td>
                        {t(`documents.lang.${f.language}`)}{' '}
                        <span className="small muted">
                          ({f.isOriginal ? t('documents.original') : t('documents.translation')})
                        </span>
                      </td>
                      <td className="documents-filename">{f.filename}</td>
                      <td>{t('documents.sizeKb', { size: Math.max(1, Math.ceil(f.size / 1024)) })}</td>
                      <td>
                        <code className="documents-hash">{f.sha256}</code>
                      </td>
                      <td>
                        <a
                          href={downloadUrl(doc.id, v.number, f.language)}
                          aria-label={t('documents.downloadFile', {
                            language: t(`documents.lang.${f.language}`),
                            version: v.number,
                          })}
                        >
                          {t('documents.download')}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        ))}
      </section>

      {permissions.addVersion ? <UploadForms data={loaded} /> : null}
      {permissions.edit && loaded.options ? <EditForm data={loaded} /> : null}

      {permissions.delete || permissions.restore ? (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{permissions.restore ? t('documents.restore') : t('documents.delete')}</h2>
          {permissions.delete ? <p className="small muted">{t('documents.deleteHint')}</p> : null}
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={permissions.restore ? 'restore' : 'delete'}
              className={permissions.restore ? undefined : 'danger'}
            >
              {permissions.restore ? t('documents.restore') : t('documents.delete')}
            </button>
          </Form>
        </section>
      ) : null}

      {downloads ? (
        <section aria-labelledby="downloads-heading">
          <h2 id="downloads-heading">{t('documents.downloads')}</h2>
          {downloads.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.downloads.when')}</th>
                    <th scope="col">{t('documents.downloads.who')}</th>
                    <th scope="col">{t('documents.downloads.what')}</th>
                  </tr>
                </thead>
                <tbody>
                  {downloads.map((d, i) => (
                    <tr key={i}>
                      <td>{date(d.at, 'datetime')}</td>
                      <td>
                        {d.name ?? '—'}{' '}
                        {d.organization ? <span className="muted">({d.organization})</span> : null}
                      </td>
                      <td>
                        {t('documents.version', { number: d.versionNumber })} · {d.language}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('documents.downloads.none')}</p>
          )}
        </section>
      ) : null}
    </>
  )
}

type ActionData = { intent: Intent; result: SubmissionResult<string[]> } | undefined

function useLastResult(intent: Intent) {
  const action = useActionData<typeof action>() as ActionData
  return action?.intent === intent ? action.result : undefined
}

function UploadForms({ data: loaded }: { data: Data }) {
  const { doc, versions, maxMb } = loaded
  const { t } = useT()
  const versionUpload = useProgressUpload({
    endpoint: () => `/api/v1/documents/${doc.id}/versions`,
    next: () => `/documents/${doc.id}?uploaded=1`,
  })
  const translationUpload = useProgressUpload({
    endpoint: (form) =>
      `/api/v1/documents/${doc.id}/versions/${encodeURIComponent(String(new FormData(form).get('version') ?? ''))}/files`,
    next: () => `/documents/${doc.id}?uploaded=1`,
  })
  const [vForm, vFields] = useForm<{ note?: string; language?: string; file?: string }>({
    id: 'new-version',
    lastResult: useLastResult('version'),
    defaultValue: { language: doc.originalLanguage },
    onSubmit: (e) => versionUpload.onSubmit(e),
  })
  const [tForm, tFields] = useForm<{ version?: string; language?: string; file?: string }>({
    id: 'new-translation',
    lastResult: useLastResult('translation'),
    defaultValue: { version: String(doc.currentVersion) },
    onSubmit: (e) => translationUpload.onSubmit(e),
  })
  const fileHint = t('documents.field.fileHint', { mb: maxMb })
  return (
    <>
      <section aria-labelledby="new-version-heading">
        <h2 id="new-version-heading">{t('documents.newVersion')}</h2>
        <p className="small muted">{t('documents.newVersionHint')}</p>
        <FormErrors errors={vForm.errors} />
        <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(vForm)}>
          <input type="hidden" name="intent" value="version" />
          <Field
            id={vFields.note.id}
            label={t('documents.field.note')}
            errors={versionUpload.errors.note ?? vFields.note.errors}
          >
            {(ids) => (
              <textarea {...getTextareaProps(vFields.note)} rows={2} aria-describedby={ids.describedBy} />
            )}
          </Field>
          <Field
            id={vFields.language.id}
            label={t('documents.field.language')}
            errors={versionUpload.errors.language ?? vFields.language.errors}
          >
            {(ids) => (
              <select {...getSelectProps(vFields.language)} aria-describedby={ids.describedBy}>
                {FILE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`documents.lang.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={vFields.file.id}
            label={t('documents.field.file')}
            hint={fileHint}
            errors={versionUpload.errors.file ?? vFields.file.errors}
          >
            {(ids) => (
              <input type="file" id={ids.id} name="file" required aria-describedby={ids.describedBy} />
            )}
          </Field>
          <UploadProgress state={versionUpload} />
          <div>
            <button type="submit" disabled={versionUpload.sending}>
              {t('documents.submit.version')}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="new-translation-heading">
        <h2 id="new-translation-heading">{t('documents.addTranslation')}</h2>
        <p className="small muted">{t('documents.addTranslationHint')}</p>
        <FormErrors errors={tForm.errors} />
        <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(tForm)}>
          <input type="hidden" name="intent" value="translation" />
          <Field
            id={tFields.version.id}
            label={t('documents.field.version')}
            errors={translationUpload.errors.version ?? tFields.version.errors}
          >
            {(ids) => (
              <select {...getSelectProps(tFields.version)} aria-describedby={ids.describedBy}>
                {versions.map((v) => (
                  <option key={v.number} value={String(v.number)}>
                    {t('documents.version', { number: v.number })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={tFields.language.id}
            label={t('documents.field.language')}
            errors={translationUpload.errors.language ?? tFields.language.errors}
          >
            {(ids) => (
              <select {...getSelectProps(tFields.language)} aria-describedby={ids.describedBy} required>
                <option value="">—</option>
                {FILE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`documents.lang.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={tFields.file.id}
            label={t('documents.field.file')}
            hint={fileHint}
            errors={translationUpload.errors.file ?? tFields.file.errors}
          >
            {(ids) => (
              <input type="file" id={ids.id} name="file" required aria-describedby={ids.describedBy} />
            )}
          </Field>
          <UploadProgress state={translationUpload} />
          <div>
            <button type="submit" disabled={translationUpload.sending}>
              {t('documents.submit.translation')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}

function EditForm({ data: loaded }: { data: Data }) {
  const { doc, options } = loaded
  const { t, lang } = useT()
  const lastResult = useLastResult('edit')
  const [form, fields] = useForm<Record<string, string | undefined>>({
    id: 'edit-document',
    lastResult,
    defaultValue: {
      titleEs: doc.titleEs ?? undefined,
      titleEn: doc.titleEn ?? undefined,
      kind: doc.kind,
      visibility: doc.visibility,
      group: doc.group?.slug,
      description: doc.description ?? undefined,
      documentDate: doc.documentDate ?? undefined,
      embargoUntil: forDateTimeInput(doc.embargoUntil),
      tags: doc.tags.join(', '),
    },
  })
  const visibilities = [...new Set([doc.visibility, ...(options?.visibilities ?? [])])]
  const groups = [...(options?.groups ?? [])]
  if (doc.group && !groups.some((g) => g.slug === doc.group!.slug)) groups.push(doc.group)
  return (
    <section aria-labelledby="edit-heading">
      <details open={Boolean(lastResult)}>
        <summary>
          <h2 id="edit-heading" className="documents-inline-heading">
            {t('documents.edit')}
          </h2>
        </summary>
        <FormErrors errors={form.errors} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="edit" />
          <Field id={fields.titleEs.id} label={t('documents.field.titleEs')} errors={fields.titleEs.errors}>
            {(ids) => (
              <input
                {...getInputProps(fields.titleEs, { type: 'text' })}
                lang="es"
                aria-describedby={ids.describedBy}
              />
            )}
          </Field>
          <Field id={fields.titleEn.id} label={t('documents.field.titleEn')} errors={fields.titleEn.errors}>
            {(ids) => (
              <input
                {...getInputProps(fields.titleEn, { type: 'text' })}
                lang="en"
                aria-describedby={ids.describedBy}
              />
            )}
          </Field>
          <Field id={fields.kind.id} label={t('documents.field.kind')} errors={fields.kind.errors}>
            {(ids) => (
              <select {...getSelectProps(fields.kind)} aria-describedby={ids.describedBy}>
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`documents.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fields.visibility.id}
            label={t('documents.field.visibility')}
            errors={fields.visibility.errors}
          >
            {(ids) => (
              <select {...getSelectProps(fields.visibility)} aria-describedby={ids.describedBy}>
                {visibilities.map((v) => (
                  <option key={v} value={v}>
                    {t(`documents.visibility.${v}`)} — {t(`documents.visibilityHint.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fields.group.id} label={t('documents.field.group')} errors={fields.group.errors}>
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
            errors={fields.documentDate.errors}
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
            errors={fields.description.errors}
          >
            {(ids) => (
              <textarea
                {...getTextareaProps(fields.description)}
                rows={4}
                aria-describedby={ids.describedBy}
              />
            )}
          </Field>
          <Field
            id={fields.tags.id}
            label={t('documents.field.tags')}
            hint={t('documents.field.tagsHint')}
            errors={fields.tags.errors}
          >
            {(ids) => (
              <input {...getInputProps(fields.tags, { type: 'text' })} aria-describedby={ids.describedBy} />
            )}
          </Field>
          <Field
            id={fields.embargoUntil.id}
            label={t('documents.field.embargoUntil')}
            hint={t('documents.field.embargoHint')}
            errors={fields.embargoUntil.errors}
          >
            {(ids) => (
              <input
                {...getInputProps(fields.embargoUntil, { type: 'datetime-local' })}
                aria-describedby={ids.describedBy}
              />
            )}
          </Field>
          <div>
            <button type="submit">{t('documents.submit.save')}</button>
          </div>
        </Form>
      </details>
    </section>
  )
}
