import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { localized } from '~/i18n'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { COUNT_CAP, isSearchType, MAX_YEAR, MIN_YEAR, type SearchType } from '~/modules/search/constants'
import {
  countAll,
  searchableTypes,
  searchType,
  typeQuery,
  type Counts,
  type RecordHit,
} from '~/modules/search/records.server'
import { withReads } from '~/modules/core/read-busy.server'

export { keepHeaders as headers } from '~/modules/core/route-headers'
export const meta = titleMeta('search.title')

const PAGE = 20
/** hits of each type on the page of all types */
const GROUP = 5

type Pair = { es: string | null; en: string | null }

/** Only what the page shows of a hit: its title, what it belongs to, a few facts, the snippet as parts
 * (rendered as text and <mark>). */
function view(h: RecordHit) {
  const pair = (n: { titleEs: string | null; titleEn: string | null }): Pair => ({
    es: n.titleEs,
    en: n.titleEn,
  })
  const own = h.agendaItem ?? h.section ?? null
  return {
    type: h.type,
    id: h.id,
    url: h.url,
    title: own ? pair(own) : pair(h),
    // the meeting of an agenda item or decision, the plan of a section, the organization of a person
    context: h.agendaItem
      ? { kind: 'agendaItemOf' as const, name: pair(h) }
      : h.meeting
        ? { kind: 'decisionOf' as const, name: pair(h.meeting) }
        : h.procedure
          ? { kind: 'procedureOf' as const, name: pair(h.procedure) }
          : h.section
            ? { kind: 'sectionOf' as const, name: pair(h) }
            : h.organization
              ? {
                  kind: 'organization' as const,
                  name: { es: h.organization.nameEs, en: h.organization.nameEn },
                }
              : null,
    reference: h.document?.reference ?? null,
    kind: h.document?.kind ?? null,
    status: h.action?.status ?? null,
    stage: h.plan?.stage ?? null,
    date: h.date,
    parts: h.parts,
  }
}

// The public searches public documents; signed-in people search every type they may see, each with
// the visibility rule of its lists (records.server.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  const params = new URL(request.url).searchParams
  const q = (params.get('q') ?? '').trim().slice(0, 200)
  const typeParam = params.get('type')
  const type: SearchType | null = isSearchType(typeParam) ? typeParam : null
  const yearText = (params.get('year') ?? '').trim().slice(0, 20)
  const yearNumber = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
  const yearValid = yearText === '' || (yearNumber >= MIN_YEAR && yearNumber <= MAX_YEAR)
  const year = yearValid && yearText ? yearNumber : null
  const page = Math.min(Math.max(Number.parseInt(params.get('page') ?? '1', 10) || 1, 1), 500)
  const base = {
    q,
    type,
    year: yearText,
    yearInvalid: !yearValid,
    page,
    signedIn: Boolean(viewer),
    types: searchableTypes(viewer),
  }
  const query = typeQuery({ viewer, q, year, lang })
  if (!query) return { ...base, counts: null as Counts | null, groups: [], items: [] }
  const { counts, groups } = await withReads(lang, async () => {
    const counts = await countAll(query)
    const groups = type
      ? [
          {
            type,
            ...(await searchType(type, query, {
              limit: PAGE,
              offset: (page - 1) * PAGE,
              count: counts[type],
            })),
          },
        ]
      : []
    // one type after the other: each is one place in the read pool's queue
    for (const t of type ? [] : base.types.filter((ty) => counts[ty] > 0))
      groups.push({ type: t, ...(await searchType(t, query, { limit: GROUP, offset: 0, count: counts[t] })) })
    return { counts, groups }
  })
  return {
    ...base,
    counts: counts as Counts | null,
    groups: groups.map((g) => ({ type: g.type, hasMore: g.hasMore })),
    items: groups.flatMap((g) => g.items.map(view)),
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Item = Data['items'][number]

function Hit({ hit }: { hit: Item }) {
  const { t, lang, date } = useT()
  const name = (p: Pair) => localized(lang, p.es, p.en)
  const facts: string[] = []
  if (hit.reference) facts.push(hit.reference)
  if (hit.kind) facts.push(t(`documents.kind.${hit.kind}`))
  if (hit.context) {
    const n = name(hit.context.name)
    if (hit.context.kind === 'agendaItemOf') facts.push(t('searchTypes.agendaItemOf', { meeting: n }))
    else if (hit.context.kind === 'decisionOf') facts.push(t('searchTypes.decisionOf', { meeting: n }))
    else if (hit.context.kind === 'procedureOf') facts.push(t('searchTypes.procedureOf', { subject: n }))
    else if (hit.context.kind === 'sectionOf') facts.push(t('searchTypes.sectionOf', { plan: n }))
    else facts.push(n)
  }
  if (hit.stage) facts.push(t(`plans.stage.${hit.stage}`))
  if (hit.status) facts.push(t(`actions.status.${hit.status}`))
  if (hit.date) {
    const day = date(`${hit.date}T00:00:00Z`)
    facts.push(hit.type === 'action' ? t('searchTypes.due', { date: day }) : day)
  }
  return (
    <li>
      <h4 className="search-title">
        <Link to={hit.url}>{name(hit.title) || t('documents.noTitle')}</Link>
      </h4>
      <p className="small muted">{facts.join(' · ')}</p>
      <p className="search-snippet">
        {hit.parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </p>
    </li>
  )
}

export default function Search() {
  const data = useLoaderData<typeof loader>()
  const { q, type, year, yearInvalid, page, signedIn, types, counts, groups, items } = data
  const { t } = useT()
  const href = (changes: { type?: SearchType | null; page?: number }) => {
    const p = new URLSearchParams({ q })
    const ty = changes.type === undefined ? type : changes.type
    if (ty) p.set('type', ty)
    if (year && !yearInvalid) p.set('year', year)
    if (changes.page && changes.page > 1) p.set('page', String(changes.page))
    return `?${p}`
  }
  const shown = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP}+` : String(n))
  const total = counts ? types.reduce((sum, ty) => sum + counts[ty], 0) : 0
  const typeName = (ty: SearchType) => t(`searchTypes.type.${ty}`)
  return (
    <>
      <h1>{t('search.title')}</h1>
      <Form method="get" role="search" className="filters">
        <div className="field search-field">
          <label htmlFor="search-q">{t('searchTypes.label')}</label>
          <input id="search-q" type="search" name="q" defaultValue={q} aria-describedby="search-hint" />
          <span className="hint" id="search-hint">
            {t('searchTypes.hint')}
          </span>
        </div>
        <div className="field search-year">
          <label htmlFor="search-year">{t('searchTypes.year')}</label>
          <input
            id="search-year"
            name="year"
            inputMode="numeric"
            defaultValue={year}
            aria-invalid={yearInvalid || undefined}
            aria-describedby={yearInvalid ? 'search-year-error search-year-hint' : 'search-year-hint'}
          />
          {yearInvalid ? (
            <p className="field-error" id="search-year-error">
              {t('searchTypes.yearInvalid')}
            </p>
          ) : null}
          <span className="hint" id="search-year-hint">
            {t('searchTypes.yearHint')}
          </span>
        </div>
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <div>
          <button type="submit">{t('search.submit')}</button>
        </div>
      </Form>
      {!signedIn ? (
        <p className="small muted">
          <Link to={`/login?redirectTo=${encodeURIComponent(`/search?${new URLSearchParams({ q })}`)}`}>
            {t('searchTypes.signInForMore')}
          </Link>
        </p>
      ) : null}
      {q && counts ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t('search.resultsFor', { q })}
            {year && !yearInvalid ? ` ${t('searchTypes.inYear', { year })}` : null}
          </h2>
          <nav className="search-types" aria-label={t('searchTypes.types')}>
            <ul>
              <li>
                <Link to={href({ type: null, page: 1 })} aria-current={type === null ? 'page' : undefined}>
                  {t('searchTypes.count', { type: t('searchTypes.all'), count: shown(total) })}
                </Link>
              </li>
              {types.map((ty) => (
                <li key={ty}>
                  <Link to={href({ type: ty, page: 1 })} aria-current={type === ty ? 'page' : undefined}>
                    {t('searchTypes.count', { type: typeName(ty), count: shown(counts[ty]) })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {items.length === 0 ? (
            <p className="alert info">
              {type ? t('searchTypes.noneOfType', { type: typeName(type), q }) : t('search.nothing', { q })}
            </p>
          ) : null}
          {groups.map((g) => {
            const hits = items.filter((i) => i.type === g.type)
            if (!hits.length) return null
            return (
              <section key={g.type} className="search-group" aria-labelledby={`results-${g.type}`}>
                <h3 id={`results-${g.type}`} className={type ? 'search-visually-hidden' : undefined}>
                  {t('searchTypes.count', { type: typeName(g.type), count: shown(counts[g.type]) })}
                </h3>
                <ol className="list-plain search-results" start={type ? (page - 1) * PAGE + 1 : 1}>
                  {hits.map((hit) => (
                    <Hit key={`${hit.type}-${hit.url}`} hit={hit} />
                  ))}
                </ol>
                {!type && g.hasMore ? (
                  <p>
                    <Link to={href({ type: g.type, page: 1 })}>
                      {t('searchTypes.seeAll', { type: typeName(g.type), count: shown(counts[g.type]) })}
                    </Link>
                  </p>
                ) : null}
              </section>
            )
          })}
          {type && (page > 1 || groups[0]?.hasMore) ? (
            <nav className="pager" aria-label={t('documents.pagination')}>
              {page > 1 ? <Link to={href({ page: page - 1 })}>{t('search.previousResults')}</Link> : <span />}
              {groups[0]?.hasMore ? (
                <Link to={href({ page: page + 1 })}>{t('search.moreResults')}</Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
