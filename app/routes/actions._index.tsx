import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ActionTable } from '~/components/actions'
import { FilterSelect } from '~/components/filter-select'
import { Pager } from '~/components/pager'
import { titleMeta } from '~/i18n/meta'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import {
  decisionFilterLabel,
  listActionsRead,
  listFilterOptions,
  PAGE_SIZE,
} from '~/modules/actions/lists.server'
import { DUE_WINDOWS, SORTS, STATUS_FILTERS } from '~/modules/actions/constants'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { withReads } from '~/modules/core/read-busy.server'
import { resolveLang } from '~/modules/i18n/lang.server'

export const meta = titleMeta('actions.title')

// The list of action items with filters (owner, meeting, group, status, due window, overdue) and a sort
// from allowlists, a page at a time; a plain GET form, so it works without JavaScript. Visibility in SQL.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  // `lang` switches the interface language: it is not a filter (dropped by the schema)
  const query = ListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { page = 1, ...filters } = query
  const [{ items, hasMore }, options] = await withReads(lang, () =>
    Promise.all([
      listActionsRead(viewer, filters, { lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      listFilterOptions(viewer, lang),
    ]),
  )
  return {
    items,
    hasMore,
    page,
    filters,
    options,
    decision: filters.decision ? decisionFilterLabel(viewer, filters.decision) : null,
    canCreate: can(viewer, 'action.create'),
    canFollowUpAll: can(viewer, 'action.followUpAll'),
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
  const { items, hasMore, page, filters, options, canCreate, canFollowUpAll, decision } =
    useLoaderData<typeof loader>()
  const { t, date } = useT()
  const pageLink = (n: number) => queryString(filters, n > 1 ? { page: String(n) } : {}) || '?'
  const exportQuery = queryString(filters)
  const filter = (
    name: 'owner' | 'meeting' | 'group' | 'status' | 'due',
    label: MessageKey,
    choices: ReactNode,
  ) => (
    <FilterSelect
      id={`f-${name}`}
      name={name}
      label={t(label)}
      value={filters[name] ?? ''}
      any={t('actions.filter.any')}
    >
      {choices}
    </FilterSelect>
  )
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
        {filter(
          'owner',
          'actions.filter.owner',
          options.owners.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          )),
        )}
        {filter(
          'meeting',
          'actions.filter.meeting',
          options.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({date(m.startsAt, 'month')})
            </option>
          )),
        )}
        {filter(
          'group',
          'actions.filter.group',
          options.groups.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name}
            </option>
          )),
        )}
        {filter(
          'status',
          'actions.filter.status',
          STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`actions.statusFilter.${s}`)}
            </option>
          )),
        )}
        {filter(
          'due',
          'actions.filter.due',
          DUE_WINDOWS.map((d) => (
            <option key={d} value={d}>
              {t('actions.filter.dueWithin', { days: Number(d) })}
            </option>
          )),
        )}
        <FilterSelect
          id="f-sort"
          name="sort"
          label={t('actions.filter.sort')}
          value={filters.sort ?? 'due_asc'}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`actions.sort.${s}`)}
            </option>
          ))}
        </FilterSelect>
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
        {canFollowUpAll ? (
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
        <ActionTable
          rows={items}
          caption={t('actions.title')}
          captionHidden
          ownerCodes
          titleExtra={(a) =>
            a.priority === 'high' ? (
              <>
                {' '}
                <span className="badge warn">{t('actions.priority.high')}</span>
              </>
            ) : null
          }
          columns={[
            {
              heading: t('actions.col.origin'),
              className: 'small',
              at: 'end',
              cell: ({ origin: o }) =>
                o.restricted ? (
                  <span className="muted">{t('actions.origin.restricted')}</span>
                ) : (
                  <>
                    {o.decision ? <span className="mono">{o.decision.code}</span> : null}
                    {o.meeting ? <div>{o.meeting.title}</div> : null}
                    {o.group ? <div>{o.group.name}</div> : null}
                    {o.type === 'plan_section' ? <div>{t('actions.origin.plan_section')}</div> : null}
                    {o.type === 'none' ? <span className="muted">{t('actions.origin.none')}</span> : null}
                  </>
                ),
            },
          ]}
        />
      ) : (
        <p className="alert info">{t('actions.empty')}</p>
      )}

      <Pager
        page={page}
        hasMore={hasMore}
        href={pageLink}
        label={t('actions.pagination')}
        current={t('actions.page', { page })}
      />
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
