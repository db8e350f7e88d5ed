import { pageTitle } from '~/i18n/meta'
export { keepHeaders as headers } from '~/modules/core/route-headers'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EditDocumentForm } from '~/components/documents/edit-form'
import { NewVersionForm, TranslationForm } from '~/components/documents/upload-forms'
import { DownloadLog, downloadUrl, TranslationList, VersionList } from '~/components/documents/version-list'
import { getEnv } from '~/env.server'
import { localized } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { getViewer, requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, notFoundResponse, pageFailure } from '~/modules/core/form-reply.server'
import { getDocumentDetails } from '~/modules/documents/details.server'
import { readDocumentPageForm } from '~/modules/documents/forms.server'
import { isMultipart } from '~/modules/documents/storage.server'
import { downloadChoice } from '~/modules/documents/download-choice'
import { resolveLang } from '~/modules/i18n/lang.server'
import { SEAT_TIME_ZONE, zoneOfViewer } from '~/modules/plans/round-time'
import { zonedDateTime } from '~/i18n/zones'
import { uploadOptions } from '~/modules/documents/queries.server'
import {
  addTranslation,
  addVersion,
  assertMayAddFiles,
  deleteDocument,
  editDocument,
  restoreDocument,
} from '~/modules/documents/writes.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [data?.doc.reference ?? t('documents.title'), t('app.name')].join(' · '),
)

const FLASHES = {
  uploaded: 'documents.uploaded',
  saved: 'documents.saved',
  restored: 'documents.restored',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const details = getDocumentDetails(viewer, params.id ?? '')
  // Hidden and missing look the same, signed in or not.
  if (!details) throw notFoundResponse()
  const flags = new URL(request.url).searchParams
  const flash = (Object.keys(FLASHES) as (keyof typeof FLASHES)[]).find((f) => flags.has(f))
  return {
    ...details,
    // the main download: the interface language's file when up to date, else the original
    files: downloadChoice(resolveLang(request, viewer), details.versions, details.doc.currentVersion),
    options: viewer && details.permissions.edit ? uploadOptions(viewer) : null,
    maxMb: getEnv().MAX_UPLOAD_MB,
    // the zone the reader reads (and an editor enters) times in: their own, the seat's when signed out
    timeZone: viewer ? zoneOfViewer(viewer) : SEAT_TIME_ZONE,
    flash: flash ? FLASHES[flash] : null,
  }
}

// One action for the page's forms, told apart by their intent; each service checks the permission.
export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  const viewer = requireViewer(request)
  if (isMultipart(request)) {
    try {
      assertMayAddFiles(viewer, id)
    } catch (error) {
      pageFailure(error)
    }
  }
  const form = await readDocumentPageForm(request, viewer)
  if (form.failure) return form.failure
  if (form.intent === 'delete' || form.intent === 'restore') {
    try {
      if (form.intent === 'delete') deleteDocument(viewer, id)
      else restoreDocument(viewer, id)
    } catch (error) {
      pageFailure(error)
    }
    return redirect(form.intent === 'delete' ? '/documents' : `/documents/${id}?restored=1`)
  }
  try {
    if (form.intent === 'edit') {
      editDocument(viewer, id, form.value)
      return redirect(`/documents/${id}?saved=1`)
    }
    if (form.intent === 'translation') await addTranslation(viewer, id, form.value, form.file)
    else await addVersion(viewer, id, form.value, form.file)
    return redirect(`/documents/${id}?uploaded=1`)
  } catch (error) {
    return formFailure(error, form.submission, form.intent)
  }
}

export default function DocumentPage() {
  const { doc, versions, translations, downloads, permissions, flash, options, maxMb, timeZone, files } =
    useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>()
  const lastResult = (intent: string) => (replied?.intent === intent ? replied.result : undefined)
  const tr = useT()
  const { t, lang, date } = tr
  const title = localized(lang, doc.titleEs, doc.titleEn) || t('documents.noTitle')
  const otherTitle = lang === 'es' ? doc.titleEn : doc.titleEs
  const main = files.main
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
            date: zonedDateTime(tr, doc.embargoUntil, timeZone),
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
                {doc.uploadedBy}, {zonedDateTime(tr, doc.createdAt, timeZone)}
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
          {doc.originRestricted ? (
            <>
              <dt>{t('documents.meeting')}</dt>
              <dd className="muted">{t('documents.originRestricted')}</dd>
            </>
          ) : doc.meeting ? (
            <>
              <dt>{t('documents.meeting')}</dt>
              <dd>
                <Link to={`/meetings/${doc.meeting.id}`}>
                  {localized(lang, doc.meeting.titleEs, doc.meeting.titleEn)}
                </Link>{' '}
                <span className="muted small">
                  {date(doc.meeting.startsAt, 'date', doc.meeting.timeZone)}
                </span>
                {doc.agendaItem
                  ? ` · ${t('documents.agendaItem')}: ${localized(lang, doc.agendaItem.titleEs, doc.agendaItem.titleEn)}`
                  : null}
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
        {main ? (
          <p>
            <a className="button" href={downloadUrl(doc.id, main.version, main.language)}>
              {t('documents.downloadFile', {
                language: t(`documents.lang.${main.language}`),
                version: main.version,
              })}
            </a>
          </p>
        ) : null}
        {files.others.length ? (
          <>
            <h3 className="small">{t('documents.otherLanguages')}</h3>
            <ul className="list-plain small">
              {files.others.map((f) => (
                <li key={f.language}>
                  <a href={downloadUrl(doc.id, f.version, f.language)} hrefLang={f.language}>
                    {t(`documents.offered.${f.kind}.${f.state}`, {
                      language: t(`documents.lang.${f.language}`),
                      version: f.version,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {main?.mimeType === 'application/pdf' ? (
        <details className="documents-viewer-box">
          <summary>{t('documents.viewer')}</summary>
          <iframe
            className="documents-viewer"
            src={`/documents/${doc.id}/view?version=${main.version}&lang=${main.language}`}
            title={t('documents.viewerTitle', { title })}
            loading="lazy"
          />
          <p className="small">
            <a href={`/documents/${doc.id}/view?version=${main.version}&lang=${main.language}`}>
              {t('documents.openPdf')}
            </a>
          </p>
        </details>
      ) : null}

      <TranslationList documentId={doc.id} currentVersion={doc.currentVersion} translations={translations} />
      <VersionList documentId={doc.id} currentVersion={doc.currentVersion} versions={versions} />

      {permissions.addVersion ? (
        <>
          <NewVersionForm doc={doc} maxMb={maxMb} lastResult={lastResult('version')} />
          <TranslationForm
            doc={doc}
            versions={versions}
            maxMb={maxMb}
            lastResult={lastResult('translation')}
          />
        </>
      ) : null}
      {permissions.edit && options ? (
        <EditDocumentForm doc={doc} options={options} lastResult={lastResult('edit')} timeZone={timeZone} />
      ) : null}

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

      {downloads ? <DownloadLog downloads={downloads} /> : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
