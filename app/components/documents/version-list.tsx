// A document's history as its page shows it: each language against the current version, and every
// version with its files (all of them stay downloadable).
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import type { FileLanguage, TextFailure, TextStatus } from '~/modules/documents/constants'
import { TableHead } from '../table-head'
import { TableWrap } from '~/components/table-wrap'

export const downloadUrl = (id: string, version: number, language: string) =>
  `/documents/${id}/download?version=${version}&lang=${language}`

const STATE_BADGE = { current: 'ok', outdated: 'warn', missing: 'danger' } as const

export function TranslationList({
  documentId,
  currentVersion,
  translations,
}: {
  documentId: string
  currentVersion: number
  translations: readonly { language: FileLanguage; state: keyof typeof STATE_BADGE; version: number | null }[]
}) {
  const { t } = useT()
  return (
    <section aria-labelledby="languages-heading">
      <h2 id="languages-heading">{t('documents.translations')}</h2>
      <p className="small muted">{t('documents.translations.intro', { version: currentVersion })}</p>
      <ul className="list-plain">
        {translations.map((tr) => (
          <li key={tr.language}>
            <strong>{t(`documents.lang.${tr.language}`)}</strong>:{' '}
            <span className={`badge ${STATE_BADGE[tr.state]}`}>
              {tr.state === 'outdated'
                ? t('documents.translation.outdated', { version: tr.version ?? 0 })
                : t(`documents.translation.${tr.state}`)}
            </span>
            {tr.version ? (
              <>
                {' '}
                <a href={downloadUrl(documentId, tr.version, tr.language)}>{t('documents.download')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

interface VersionFile {
  language: FileLanguage
  isOriginal: boolean
  filename: string
  size: number
  sha256: string
  textStatus?: TextStatus
  textFailure?: TextFailure | null
}

/** Under the file's name: why its text is not (or only partly) searchable. */
function TextNote({ file }: { file: VersionFile }) {
  const { t } = useT()
  if (!file.textFailure || (file.textStatus === 'pending' && file.textFailure === 'interrupted')) return null
  const truncated = file.textFailure === 'text_truncated'
  return (
    <>
      <br />
      <span className={`small badge ${truncated ? 'warn' : 'danger'}`}>
        {truncated ? t('documents.text.truncated') : t('documents.text.notExtracted')}
      </span>{' '}
      {truncated ? null : (
        <span className="small muted">{t(`documents.text.failure.${file.textFailure}`)}</span>
      )}
    </>
  )
}

export function VersionList({
  documentId,
  currentVersion,
  versions,
}: {
  documentId: string
  currentVersion: number
  versions: readonly {
    number: number
    note: string | null
    createdAt: Date | string
    uploadedBy: string | null
    files: readonly VersionFile[]
  }[]
}) {
  const { t, date } = useT()
  const zone = useZone()
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('documents.versions')}</h2>
      <ZoneNote />
      {versions.map((v) => (
        <article key={v.number} className="card">
          <h3>
            {t('documents.version', { number: v.number })}
            {v.number === currentVersion ? (
              <>
                {' '}
                <span className="badge ok">{t('documents.currentVersion')}</span>
              </>
            ) : null}
          </h3>
          <p className="small muted">
            {[v.uploadedBy, date(v.createdAt, 'datetime', zone)].filter(Boolean).join(' · ')}
          </p>
          <p>{v.note ?? <span className="muted">{t('documents.noNote')}</span>}</p>
          <TableWrap label={t('documents.version', { number: v.number })}>
            <table>
              <TableHead
                labels={[
                  t('documents.col.language'),
                  t('documents.col.file'),
                  t('documents.col.size'),
                  t('documents.col.sha256'),
                  t('documents.col.download'),
                ]}
              />
              <tbody>
                {v.files.map((f) => (
                  <tr key={f.language}>
                    <td>
                      {t(`documents.lang.${f.language}`)}{' '}
                      <span className="small muted">
                        ({f.isOriginal ? t('documents.original') : t('documents.translation')})
                      </span>
                    </td>
                    <td className="documents-filename">
                      {f.filename}
                      <TextNote file={f} />
                    </td>
                    <td>{t('documents.sizeKb', { size: Math.max(1, Math.ceil(f.size / 1024)) })}</td>
                    <td>
                      <code className="documents-hash">{f.sha256}</code>
                    </td>
                    <td>
                      <a
                        href={downloadUrl(documentId, v.number, f.language)}
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
          </TableWrap>
        </article>
      ))}
    </section>
  )
}

/** Who downloaded a restricted document (shown to the secretariat). */
export function DownloadLog({
  downloads,
}: {
  downloads: readonly {
    at: Date | string
    name: string | null
    organization: string | null
    versionNumber: number
    language: string
  }[]
}) {
  const { t, date } = useT()
  const zone = useZone()
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{t('documents.downloads')}</h2>
      {downloads.length ? (
        <TableWrap label={t('documents.downloads')}>
          <table>
            <TableHead
              labels={[
                t('documents.downloads.when'),
                t('documents.downloads.who'),
                t('documents.downloads.what'),
              ]}
            />
            <tbody>
              {downloads.map((d, i) => (
                <tr key={i}>
                  <td>{date(d.at, 'datetime', zone)}</td>
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
        </TableWrap>
      ) : (
        <p className="muted">{t('documents.downloads.none')}</p>
      )}
    </section>
  )
}
