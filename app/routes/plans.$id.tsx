import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { planPage } from '~/modules/plans/page.server'
import type { RootData } from '~/root'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${data?.plan.title ?? t('plans.title')} · ${t('app.name')}` }]
}

// Members of the plan's group and the secretariat; anyone else gets the 404 page, as for no plan.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const plan = planPage(viewer, params.id ?? '', lang)
  if (!plan) throw notFoundResponse()
  return { plan }
}

const heading = (depth: number) => (depth === 0 ? 'h2' : depth === 1 ? 'h3' : 'h4')

export default function PlanPage() {
  const { plan } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const orgs = Object.entries(plan.brackets.byOrganization)
  return (
    <>
      <p className="small">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p>
        <Link to={`/groups/${plan.group.slug}`}>{plan.group.name}</Link>{' '}
        <span className="badge">{t(`plans.stage.${plan.stage}`)}</span>{' '}
        {plan.role ? (
          <span className="muted small">
            {t('plans.yourRole', { role: t(`groups.role.${plan.role as 'chair'}`) })}
          </span>
        ) : null}
      </p>
      {plan.locked ? (
        <p className="card">{t('plans.locked', { stage: t(`plans.stage.${plan.stage}`) })}</p>
      ) : null}
      <ul className="plan-counts">
        <li>
          <strong>{t('plans.brackets', { count: plan.brackets.total })}</strong>
          {orgs.length ? (
            <span className="muted small"> ({orgs.map(([org, n]) => `${org}: ${n}`).join(', ')})</span>
          ) : null}
        </li>
        <li>{t('plans.openComments', { count: plan.openComments })}</li>
        <li>{t('plans.pendingSuggestions', { count: plan.pendingSuggestions })}</li>
      </ul>

      <nav aria-labelledby="plan-contents" className="plan-contents">
        <h2 id="plan-contents">{t('plans.contents')}</h2>
        <ol>
          {plan.sections
            .filter((s) => !s.retired && s.number)
            .map((s) => (
              <li key={s.id} style={{ marginInlineStart: `${s.depth}rem` }}>
                <a href={`#s-${s.id}`}>
                  {s.number} {s.title}
                </a>
              </li>
            ))}
        </ol>
      </nav>

      <h2>{t('plans.sections')}</h2>
      {plan.sections.map((s) => {
        const H = heading(s.depth)
        return (
          <section
            key={s.id}
            id={`s-${s.id}`}
            aria-labelledby={`h-${s.id}`}
            className={s.retired ? 'plan-section retired' : 'plan-section'}
          >
            <H id={`h-${s.id}`}>
              {s.number ? `${s.number} ` : null}
              {s.title} <span className="muted small">{t(`plans.kind.${s.kind}`)}</span>
            </H>
            <p className="small">
              {s.retired ? (
                <span className="badge">{t('plans.retired')}</span>
              ) : (
                <span className={s.status === 'agreed' ? 'badge ok' : 'badge'}>
                  {t(`plans.status.${s.status}`)}
                </span>
              )}{' '}
              {s.brackets.total ? (
                <span className="badge warn">{t('plans.brackets', { count: s.brackets.total })}</span>
              ) : null}{' '}
              {s.leadDrafter ? (
                <span className="muted">{t('plans.leadDrafter', { name: s.leadDrafter.name })}</span>
              ) : null}
            </p>
            {s.texts.length === 0 ? (
              <p className="muted">{t('plans.noText')}</p>
            ) : (
              <div className="plan-texts">
                {s.texts.map((x) => (
                  <div key={x.lang} lang={x.lang} className="plan-text">
                    <p className="muted small">
                      {t(`plans.lang.${x.lang}`)} · {t('plans.revision', { revision: x.revision })}
                      {x.author ? ` · ${x.author}` : ''} · {date(x.savedAt)}
                    </p>
                    {x.outdated ? <p className="badge warn">{t('plans.outdated')}</p> : null}
                    <div className="plan-markdown" dangerouslySetInnerHTML={{ __html: x.html }} />
                  </div>
                ))}
              </div>
            )}
            {s.openComments || s.pendingSuggestions ? (
              <p className="muted small">
                {t('plans.openComments', { count: s.openComments })} ·{' '}
                {t('plans.pendingSuggestions', { count: s.pendingSuggestions })}
              </p>
            ) : null}
          </section>
        )
      })}

      <section aria-labelledby="plan-history">
        <h2 id="plan-history">{t('plans.history')}</h2>
        <ol>
          {plan.history.map((h, i) => (
            <li key={i}>
              {date(h.at)}: {t('plans.historyEntry', { stage: t(`plans.stage.${h.stage}`), by: h.by ?? '—' })}
              {h.note ? <span className="muted"> · {h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
