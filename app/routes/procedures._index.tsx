import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Deadline, Outcome } from '~/components/procedures/procedures'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import { requireViewer } from '~/modules/auth/viewer.server'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { SEAT_TIME_ZONE, zoneOfOrganization } from '~/modules/plans/round-time'
import { PROCEDURE_FILTERS, readFilter } from '~/modules/procedures/constants'
import { listProcedures } from '~/modules/procedures/queries.server'

export const meta = titleMeta('procedures.title')

// Written procedures the viewer may see (member states: all; observers and organizations: those open to
// participants), open first by default, filtered by state and outcome.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const filter = readFilter(new URL(request.url).searchParams.get('show'))
  const now = new Date()
  return data(
    {
      filter,
      items: listProcedures(viewer, { filter, lang, now }),
      canLaunch: can(viewer, 'procedure.launch'),
      seatZone: SEAT_TIME_ZONE,
      ownZone: zoneOfOrganization(viewer.organizationCode),
    },
    { headers: NO_STORE },
  )
}

export default function ProceduresPage() {
  const { filter, items, canLaunch, seatZone, ownZone } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <h1>{t('procedures.title')}</h1>
      <p>{t('procedures.intro')}</p>
      {canLaunch ? (
        <p>
          <Link to="/procedures/new" className="button">
            {t('procedures.new')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <label htmlFor="procedures-show">{t('procedures.filter.label')}</label>{' '}
        <select id="procedures-show" name="show" defaultValue={filter}>
          {PROCEDURE_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`procedures.filter.${f}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('procedures.filter.submit')}</button>
      </Form>
      {items.length ? (
        <ul className="list-plain">
          {items.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/procedures/${p.id}`}>{p.subject}</Link>
              </h2>
              <p className="small">
                {t('procedures.number', { number: p.number })} · {t(`procedures.textKind.${p.textKind}`)} ·{' '}
                <Outcome status={p.status} outcome={p.outcome} code={p.decisionCode} />
              </p>
              <p className="small">
                {t('procedures.deadline')}: <Deadline at={p.deadline} seatZone={seatZone} ownZone={ownZone} />
              </p>
              <p className="small muted">
                {t('procedures.position.agree')}: {p.positions.agree} · {t('procedures.position.object')}:{' '}
                {p.positions.object} · {t('procedures.position.amend')}: {p.positions.amend}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('procedures.empty')}</p>
      )}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
