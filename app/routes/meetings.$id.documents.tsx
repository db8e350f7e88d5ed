import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { listAgenda, meetingDocuments } from '~/modules/meetings/agenda.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

// The documents tab: the library's own list filtered to this meeting (its visibility rules apply), by
// agenda item.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const { byItem } = meetingDocuments(viewer, meeting.row.id, lang)
  const agenda = listAgenda(meeting.row.id, lang)
  const groups = [
    { key: 'whole', label: null as string | null, docs: byItem.get(null) ?? [] },
    ...agenda.map((a) => ({ key: a.id, label: `${a.number}. ${a.title}`, docs: byItem.get(a.id) ?? [] })),
  ].filter((g) => g.docs.length)
  return {
    meetingId: meeting.row.id,
    groups,
    canUpload: can(viewer, 'document.upload', { visibility: 'participants', groupId: null }),
  }
}

export default function DocumentsTab() {
  const { meetingId, groups, canUpload } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <section aria-labelledby="documents-title">
      <div className="page-header">
        <h2 id="documents-title">{t('meetings.tab.documents')}</h2>
        {canUpload ? (
          <Link to={`/documents/new?meeting=${meetingId}`} className="button small">
            {t('meetings.documents.upload')}
          </Link>
        ) : null}
      </div>
      {groups.length === 0 ? (
        <p className="muted">{t('meetings.documents.empty')}</p>
      ) : (
        <p>
          <a href={`/meetings/${meetingId}/documents.zip`} className="button small secondary" download>
            {t('meetingsRun.zip')}
          </a>{' '}
          <span className="muted small">{t('meetingsRun.zipHint')}</span>
        </p>
      )}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`docs-${g.key}`}>
          <h3 id={`docs-${g.key}`}>{g.label ?? t('meetings.documents.whole')}</h3>
          <ul className="list-plain">
            {g.docs.map((d) => (
              <li key={d.id}>
                <Link to={`/documents/${d.id}`}>{d.title}</Link>{' '}
                <span className="muted small">
                  {d.reference} · {d.languages.map((l) => l.toUpperCase()).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
