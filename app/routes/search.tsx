import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { localized } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { searchDocuments } from '~/modules/search/search.server'
import { titleMeta } from '~/i18n/meta'

export const meta = titleMeta('search.title')

const PAGE = 20

// The public can search public documents; signed-in people search what they may see.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const params = new URL(request.url).searchParams
  const q = (params.get('q') ?? '').trim().slice(0, 200)
  const page = Math.min(Math.max(Number.parseInt(params.get('page') ?? '1', 10) || 1, 1), 500)
  const { items, hasMore } = searchDocuments(viewer, q, { limit: PAGE, offset: (page - 1) * PAGE })
  return {
    q,
    page,
    hasMore,
    signedIn: Boolean(viewer),
    // Only what the page shows: the snippet as parts, to be rendered as text and <mark>.
    items: items.map((h) => ({
      id: h.id,
      reference: h.reference,
      titleEs: h.titleEs,
      titleEn: h.titleEn,
      kind: h.kind,
      documentDate: h.documentDate,
      parts: h.parts,
    })),
  }
}

export default function Search() {
  const { q, page, hasMore, signedIn, items } = useLoaderData<typeof loader>()
  const { t, lang, date } = useT()
  const link = (n: number) => `?${new URLSearchParams({ q, ...(n > 1 ? { page: String(n) } : {}) })}`
  return (
    <>
      <h1>{t('search.title')}</h1>
      <Form method="get" role="search" className="filters">
        <div className="field search-field">
          <label htmlFor="search-q">{t('search.label')}</label>
          <input id="search-q" type="search" name="q" defaultValue={q} aria-describedby="search-hint" />
          <span className="hint" id="search-hint">
            {t('search.hint')}
          </span>
        </div>
        <div>
          <button type="submit">{t('search.submit')}</button>
        </div>
      </Form>
      {!signedIn ? (
        <p className="small muted">
          <Link to={`/login?redirectTo=${encodeURIComponent(`/search?q=${q}`)}`}>
            {t('search.signInForMore')}
          </Link>
        </p>
      ) : null}
      {q ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('search.resultsFor', { q })}</h2>
          {items.length ? (
            <ol className="list-plain search-results" start={(page - 1) * PAGE + 1}>
              {items.map((hit) => {
                const title = localized(lang, hit.titleEs, hit.titleEn)
                return (
                  <li key={hit.id}>
                    <h3 className="search-title">
                      <Link to={`/documents/${hit.id}`}>{title || t('documents.noTitle')}</Link>
                    </h3>
                    <p className="small muted">
                      <code>{hit.reference}</code> · {t(`documents.kind.${hit.kind}`)}
                      {hit.documentDate ? ` · ${date(`${hit.documentDate}T00:00:00Z`)}` : null}
                    </p>
                    <p className="search-snippet">
                      {hit.parts.map((p, i) =>
                        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                      )}
                    </p>
                  </li>
                )
              })}
            </ol>
          ) : (
            <p className="alert info">{t('search.nothing', { q })}</p>
          )}
          {page > 1 || hasMore ? (
            <nav className="pager" aria-label={t('documents.pagination')}>
              {page > 1 ? <Link to={link(page - 1)}>{t('search.previousResults')}</Link> : <span />}
              {hasMore ? <Link to={link(page + 1)}>{t('search.moreResults')}</Link> : <span />}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
