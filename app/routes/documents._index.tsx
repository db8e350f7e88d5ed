import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '~/components/pager'
import { TableHead } from '~/components/table-head'
import { localized } from '~/i18n'
import { useZone } from '~/i18n/use-zone'
import { zonedDateTime } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { getViewer } from '~/modules/auth/viewer.server'
import { DOCUMENT_KINDS, FILE_LANGUAGES, SORTS } from '~/modules/documents/constants'
import {
  listDocumentsRead,
  listFilterOptions,
  PAGE_SIZE,
  readListQuery,
} from '~/modules/documents/queries.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { titleMeta } from '~/i18n/meta'
import { TableWrap } from '~/components/table-wrap'
import { withReads } from '~/modules/core/read-busy.server'

export { keepHeaders as headers } from '~/modules/core/route-headers'
export const meta = titleMeta('documents.title')

// Public documents are listed without signing in; everything else follows the viewer (in SQL).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const query = readListQuery(new URL(request.url).searchParams, 'language')
  const page = query.page ?? 1
  const { items, hasMore } = await withReads(resolveLang(request, viewer), () =>
    listDocumentsRead(viewer, query, {
      lang: resolveLang(request, viewer),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  )
  return {
    items,
    hasMore,
    page,
    query,
    options: listFilterOptions(),
    // whoever may publish at the upload form's first level may open it
    canUpload: can(viewer, 'document.upload', { visibility: 'participants', groupId: null }),
    canListDeleted: can(viewer, 'document.listDeleted'),
  }
}

export default function DocumentList() {
  const { items, hasMore, page, query, options, canUpload, canListDeleted } = useLoaderData<typeof loader>()
  const tr = useT()
  const { t, lang, date } = tr
  const timeZone = useZone()
  const pageLink = (n: number) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && k !== 'page') params.set(k === 'lang' ? 'language' : k, String(v))
    if (n > 1) params.set('page', String(n))
    const s = params.toString()
    return s ? `?${s}` : '?'
  }
  return (
    <>
      <div className="page-header">
        <h1>{t('documents.title')}</h1>
        {canUpload ? (
          <Link to="/documents/new" className="button">
            {t('documents.upload')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('documents.intro')}</p>

      <Form method="get" className="filters" aria-label={t('documents.filter.legend')}>
        <div className="field">
          <label htmlFor="f-q">{t('documents.filter.q')}</label>
          <input id="f-q" type="search" name="q" defaultValue={query.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('documents.filter.kind')}</label>
          <select id="f-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('documents.filter.any')}</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-year">{t('documents.filter.year')}</label>
          <select id="f-year" name="year" defaultValue={query.year ? String(query.year) : ''}>
            <option value="">{t('documents.filter.any')}</option>
            {options.years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-group">{t('documents.filter.group')}</label>
          <select id="f-group" name="group" defaultValue={query.group ?? ''}>
            <option value="">{t('documents.filter.any')}</option>
            {options.groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {lang === 'es' ? g.nameEs : g.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org">{t('documents.filter.organization')}</label>
          <select id="f-org" name="organization" defaultValue={query.organization ?? ''}>
            <option value="">{t('documents.filter.any')}</option>
            {options.organizations.map((o) => (
              <option key={o.code} value={o.code}>
                {lang === 'es' ? o.nameEs : o.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-lang">{t('documents.filter.lang')}</label>
          <select id="f-lang" name="language" defaultValue={query.lang ?? ''}>
            <option value="">{t('documents.filter.any')}</option>
            {FILE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`documents.lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('documents.filter.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={query.sort ?? 'date_desc'}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`documents.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {query.meeting ? <input type="hidden" name="meeting" value={query.meeting} /> : null}
        {canListDeleted ? (
          <div className="field documents-check">
            <label>
              <input type="checkbox" name="deleted" value="1" defaultChecked={query.deleted === '1'} />{' '}
              {t('documents.filter.showDeleted')}
            </label>
          </div>
        ) : null}
        <div>
          <button type="submit">{t('documents.filter.apply')}</button>
        </div>
      </Form>

      {items.length ? (
        <TableWrap label={t('documents.title')}>
          <table>
            <TableHead
              labels={[
                t('documents.col.title'),
                t('documents.col.reference'),
                t('documents.col.kind'),
                t('documents.col.date'),
                t('documents.col.organization'),
                t('documents.col.visibility'),
                t('documents.col.languages'),
              ]}
            />
            <tbody>
              {items.map((d) => {
                const title = localized(lang, d.titleEs, d.titleEn)
                return (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/documents/${d.id}`}>{title || t('documents.noTitle')}</Link>
                      {d.deletedAt ? (
                        <>
                          {' '}
                          <span className="badge danger">{t('documents.deleted')}</span>
                        </>
                      ) : null}
                      {d.embargoUntil && new Date(d.embargoUntil).getTime() > Date.now() ? (
                        <div className="small muted">
                          {t('documents.embargoedUntil', {
                            date: zonedDateTime(tr, d.embargoUntil, timeZone),
                          })}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <code>{d.reference}</code>
                    </td>
                    <td>{t(`documents.kind.${d.kind}`)}</td>
                    <td>{d.documentDate ? date(`${d.documentDate}T00:00:00Z`) : '—'}</td>
                    <td>{lang === 'es' ? d.organization.nameEs : d.organization.nameEn}</td>
                    <td>
                      <span className="badge">{t(`documents.visibility.${d.visibility}`)}</span>
                      {d.group ? (
                        <div className="small muted">{lang === 'es' ? d.group.nameEs : d.group.nameEn}</div>
                      ) : null}
                    </td>
                    <td>{d.languages.map((l) => l.toUpperCase()).join(' · ')}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="alert info">{t('documents.empty')}</p>
      )}

      <Pager
        page={page}
        hasMore={hasMore}
        href={pageLink}
        label={t('documents.pagination')}
        current={t('documents.page', { page })}
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
