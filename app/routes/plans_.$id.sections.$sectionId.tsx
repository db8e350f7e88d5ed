import type { LoaderFunctionArgs } from '@remix-run/node'
import { pageTitle } from '~/i18n/meta'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { sectionHistoryPage } from '~/modules/plans/page.server'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${t('plans.revisionsOf', { title: data?.section.title ?? '' })} · ${t('app.name')}`,
)

// Every revision of a section and the word difference between any two (?from=&to=, inline or side by
// side). Members of the plan's group and the secretariat; 404 for anyone else.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const search = new URL(request.url).searchParams
  const page = sectionHistoryPage(viewer, params.id ?? '', params.sectionId ?? '', lang, {
    from: Number(search.get('from')) || null,
    to: Number(search.get('to')) || null,
  })
  if (!page) throw notFoundResponse()
  return { ...page, planId: params.id ?? '', sideBySide: search.get('view') === 'side' }
}

export default function SectionRevisions() {
  const { planId, section, revisions, compare, sideBySide } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const options = revisions.map((r) => (
    <option key={r.number} value={r.number}>
      {r.number} ({r.lang})
    </option>
  ))
  const part = (p: { value: string; added: boolean; removed: boolean }, i: number) =>
    p.added ? (
      <ins key={i}>{p.value}</ins>
    ) : p.removed ? (
      <del key={i}>{p.value}</del>
    ) : (
      <span key={i}>{p.value}</span>
    )
  return (
    <>
      <p className="small">
        <Link to={`/plans/${planId}#s-${section.id}`}>{t('plans.backToPlan')}</Link>
      </p>
      <h1>{t('plans.revisionsOf', { title: section.title })}</h1>
      {revisions.length > 1 ? (
        <section aria-labelledby="compare" className="card">
          <h2 id="compare">{t('plans.compare')}</h2>
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="from">{t('plans.compareFrom')}</label>
              <select id="from" name="from" defaultValue={compare?.from}>
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor="to">{t('plans.compareTo')}</label>
              <select id="to" name="to" defaultValue={compare?.to}>
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor="view">{t('plans.compare')}</label>
              <select id="view" name="view" defaultValue={sideBySide ? 'side' : 'inline'}>
                <option value="inline">{t('plans.inline')}</option>
                <option value="side">{t('plans.sideBySide')}</option>
              </select>
            </div>
            <div>
              <button type="submit">{t('plans.compare')}</button>
            </div>
          </Form>
          {compare ? (
            sideBySide ? (
              <div className="plan-texts">
                <p className="plan-diff">{compare.left.map(part)}</p>
                <p className="plan-diff">{compare.right.map(part)}</p>
              </div>
            ) : (
              <p className="plan-diff">{compare.parts.map(part)}</p>
            )
          ) : null}
        </section>
      ) : null}
      <h2>{t('plans.revisions')}</h2>
      <ol reversed className="plan-revisions">
        {revisions.map((r) => (
          <li key={r.number}>
            <details>
              <summary>
                {t('plans.revisionBy', {
                  revision: r.number,
                  lang: t(`plans.lang.${r.lang}`),
                  author: `${r.author?.name ?? '—'}${r.organization ? ` (${r.organization.code})` : ''}`,
                  date: date(r.createdAt, 'datetime'),
                })}
                {r.merged && r.baseRevision ? ` · ${t('plans.mergedNote', { base: r.baseRevision })}` : ''}
                {r.suggestionId ? ` · ${t('plans.fromSuggestion')}` : ''}
                {r.note ? ` · ${r.note}` : ''}
              </summary>
              <div lang={r.lang} className="plan-markdown" dangerouslySetInnerHTML={{ __html: r.html }} />
            </details>
          </li>
        ))}
      </ol>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
