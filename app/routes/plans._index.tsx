import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { titleMeta } from '~/i18n/meta'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { Reply } from '~/components/form-reply'
import { ImportSummary, PlanImportForm, type ImportSummaryView } from '~/components/plans/word-import'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { MAX_IMPORT_BYTES, MAX_IMPORT_SECTIONS } from '~/modules/plans/constants'
import { importGroups } from '~/modules/plans/import.server'
import { importFromRequest } from '~/modules/plans/import-http.server'
import { listPlans } from '~/modules/plans/page.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('plans.title')

// The plans of the groups the person belongs to (every plan for the secretariat).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  return {
    plans: listPlans(viewer, lang),
    // a new plan from a Word document: the groups whose plans the person starts (their chair)
    importGroups: importGroups(viewer, lang),
    maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
    maxSections: MAX_IMPORT_SECTIONS,
  }
}

// A new plan started from a Word document (plan word): the summary, or the refusal at its field.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const answer = await importFromRequest(request, viewer, null)
  if (answer.failure) return answer.failure as never
  return data({ summary: answer.summary, result: null }, { headers: NO_STORE })
}

export default function Plans() {
  const { plans, importGroups, maxMb, maxSections } = useLoaderData<typeof loader>()
  const replied = useActionData<typeof action>() as
    | { summary?: ImportSummaryView | null; result?: Reply }
    | undefined
  const { t, date, number } = useT()
  return (
    <>
      <h1>{t('plans.title')}</h1>
      <p>{t('plans.intro')}</p>
      {plans.length === 0 ? (
        <p className="muted">{t('plans.empty')}</p>
      ) : (
        <TableWrap label={t('plans.caption')}>
          <table>
            <caption className="groups-caption">{t('plans.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.col.title')}</th>
                <th scope="col">{t('plans.col.group')}</th>
                <th scope="col">{t('plans.col.stage')}</th>
                <th scope="col">{t('plans.col.sections')}</th>
                <th scope="col">{t('plans.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>
                    <Link to={`/groups/${p.group.slug}`}>{p.group.name}</Link>
                  </td>
                  <td>
                    <span className="badge">{t(`plans.stage.${p.stage}`)}</span>
                  </td>
                  <td>{number(p.sections)}</td>
                  <td>{date(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {importGroups.length ? (
        <section aria-labelledby="plan-import">
          <h2 id="plan-import">{t('planWord.import.title')}</h2>
          <p>{t('planWord.import.intro')}</p>
          {replied?.summary ? <ImportSummary summary={replied.summary} /> : null}
          <PlanImportForm
            groups={importGroups}
            maxMb={maxMb}
            maxSections={maxSections}
            reply={replied?.result}
          />
        </section>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
