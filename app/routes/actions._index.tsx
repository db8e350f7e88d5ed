import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ActionStatusBadge, DueDay, OwnerNames, Progress } from '~/components/actions'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  decisionFilterLabel,
  listActions,
  listFilterOptions,
  PAGE_SIZE,
} from '~/modules/actions/actions.server'
import { DUE_WINDOWS, SORTS, STATUS_FILTERS } from '~/modules/actions/constants'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('actions.title')} · ${t('app.name')}` }]
}

// The list of action items with filters (owner, meeting, group, status, due window, overdue) and a sort
// from allowlists, a page at a time; a plain GET form, so it works without JavaScript. Visibility in SQL.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  // `lang` switches the interface language: it is not a filter (dropped by the schema)
  const query = ListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { page = 1, ...filters } = query
  const { items, hasMore } = listActions(viewer, filters, {
    lang,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })
  return {
    items,
    hasMore,
    page,
    filters,
    options: listFilterOptions(viewer, lang),
    decision: filters.decision ? decisionFilterLabel(viewer, filters.decision) : null,
    canCreate: can(viewer, 'action.create'),
    isSecretariat: viewer.role === 'secretariat',
  }
}

function queryString(filters: Record<string, unknown>, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v))
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  const s = params.toString()
  return s ? `?${s}` : ''
}

export default function ActionList() {
  const { items, hasMore, page, filters, options, canCreate, isSecretariat, decision } =
    useLoaderData<typeof loader>()
  const { t, date } = useT()
  const pageLink = (n: number) => queryString(filters, n > 1 ? { page: String(n) } : {}) || '?'
  const exportQuery = queryString(filters)
  return (
    <>
      <div className="page-header">
        <h1>{t('actions.title')}</h1>
        <p className="actions-header-links">
          <Link to="/actions/board">{t('actions.board.title')}</Link>
          {canCreate ? (
            <>
              {' '}
              <Link to="/actions/new" className="button">
                {t('actions.new.title')}
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <p className="muted">{t('actions.intro')}</p>

      {filters.decision ? (
        <p className="alert info">
          {decision
            ? t('actions.filter.decisionNote', { code: decision.code })
            : t('actions.filter.decisionUnknown')}{' '}
          <Link to={queryString({ ...filters, decision: undefined }) || '?'}>
            {t('actions.filter.allDecisions')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t('actions.filter.legend')}>
        {filters.decision ? <input type="hidden" name="decision" value={filters.decision} /> : null}
        <div className="field">
          <label htmlFor="f-owner">{t('actions.filter.owner')}</label>
          <select id="f-owner" name="owner" defaultValue={filters.owner ?? ''}>
            <option value="">{t('actions.filter.any')}</option>
            {options.owners.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-meeting">{t('actions.filter.meeting')}</label>
          <select id="f-meeting" name="meeting" defaultValue={filters.meeting ?? ''}>
            <option value="">{t('actions.filter.any')}</option>
            {options.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({date(m.startsAt, 'month')})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-group">{t('actions.filter.group')}</label>
          <select id="f-group" name="group" defaultValue={filters.group ?? ''}>
            <option value="">{t('actions.filter.any')}</option>
            {options.groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('actions.filter.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('actions.filter.any')}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`actions.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-due">{t('actions.filter.due')}</label>
          <select id="f-due" name="due" defaultValue={filters.due ?? ''}>
            <option value="">{t('actions.filter.any')}</option>
            {DUE_WINDOWS.map((d) => (
              <option key={d} value={d}>
                {t('actions.filter.dueWithin', { days: Number(d) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('actions.filter.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={filters.sort ?? 'due_asc'}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`actions.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field actions-check">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === '1'} />{' '}
            {t('actions.filter.overdue')}
          </label>
        </div>
        <div>
          <button type="submit">{t('actions.filter.apply')}</button>
        </div>
      </Form>

      <p className="small">
        {t('actions.export.label')}{' '}
        <a href={`/actions/export.csv${exportQuery}`}>{t('actions.export.csv')}</a>
        {' · '}
        <a href={`/actions/export.xlsx${exportQuery}`}>{t('actions.export.xlsx')}</a>
        {isSecretariat ? (
          <>
            {' · '}
            <Link to="/actions?status=awaiting_validation">{t('actions.filter.awaitingLink')}</Link>
          </>
        ) : null}
      </p>

      {filters.meeting ? (
        <p className="small">
          <Link to={`/meetings/${filters.meeting}/follow-up`}>{t('actions.report.title')}</Link>
          {' · '}
          <Link to={`/meetings/${filters.meeting}/pending-actions`}>{t('actions.pending.title')}</Link>
        </p>
      ) : null}

      {items.length ? (
        <div className="table-wrap">
          <table>
            <caption className="actions-visually-hidden">{t('actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.col.title')}</th>
                <th scope="col">{t('actions.col.owners')}</th>
                <th scope="col">{t('actions.col.due')}</th>
                <th scope="col">{t('actions.col.status')}</th>
                <th scope="col">{t('actions.col.progress')}</th>
                <th scope="col">{t('actions.col.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/actions/${a.id}`}>{a.title}</Link>
                    {a.priority === 'high' ? (
                      <>
                        {' '}
                        <span className="badge warn">{t('actions.priority.high')}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <OwnerNames owners={a.owners} />
                  </td>
                  <td className="actions-nowrap">
                    <DueDay day={a.dueDate} overdue={a.overdue} />
                  </td>
                  <td>
                    <ActionStatusBadge status={a.status} awaiting={a.awaitingValidation} />
                  </td>
                  <td>
                    <Progress value={a.progress} />
                  </td>
                  <td className="small">
                    {a.origin.decisionCode ? <span className="mono">{a.origin.decisionCode}</span> : null}
                    {a.origin.meetingTitle ? <div>{a.origin.meetingTitle}</div> : null}
                    {a.origin.groupName ? <div>{a.origin.groupName}</div> : null}
                    {a.origin.type === 'plan_section' ? <div>{t('actions.origin.plan_section')}</div> : null}
                    {a.origin.type === 'none' ? (
                      <span className="muted">{t('actions.origin.none')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="alert info">{t('actions.empty')}</p>
      )}

      {page > 1 || hasMore ? (
        <nav className="pager" aria-label={t('actions.pagination')}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t('common.previous')}</Link> : <span />}
          <span className="muted">{t('actions.page', { page })}</span>
          {hasMore ? <Link to={pageLink(page + 1)}>{t('common.next')}</Link> : <span />}
        </nav>
      ) : null}
    </>
  )
}
