import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { ConfirmForm } from '~/components/confirm'
import { AdminNav } from '~/components/admin-nav'
import { TableHead } from '~/components/table-head'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { requireViewer } from '~/modules/auth/viewer.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { assertAllowedPage, pageFailure } from '~/modules/core/form-reply.server'
import { smtpConfigured } from '~/modules/mail/mail.server'
import { INVITE_ROLES, PEOPLE_SORTS, PERSON_STATUSES } from '~/modules/members/constants'
import {
  PeopleFiltersSchema,
  PersonActionSchema,
  searchParamsObject,
  type PeopleFilters,
  type PersonAction,
} from '~/modules/members/people-schemas'
import {
  disablePerson,
  enablePerson,
  endSessionsOf,
  listPeople,
  organizationOptions,
  resendInvitation,
} from '~/modules/members/people.server'
import { titleMeta } from '~/i18n/meta'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('admin.people.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'admin.access')
  const filters = PeopleFiltersSchema.parse(searchParamsObject(request.url))
  const { items, ...list } = listPeople({ viewer, filters })
  return {
    ...list,
    // what the row's buttons may do, as the server will decide it
    items: items.map(({ organizationId, ...p }) => {
      const person = { personId: p.id, organizationId }
      return {
        ...p,
        canDisable: can(viewer, 'person.disable', person),
        canEnable: can(viewer, 'person.enable', person),
        canEndSessions: can(viewer, 'person.endSessions', person),
      }
    }),
    filters,
    organizations: organizationOptions(),
    viewerId: viewer.id,
  }
}

interface Notice {
  key: MessageKey
  params: Record<string, string | number>
  /** an invitation link to hand over, when the outbox is the delivery */
  link?: string | null
  /** the account just disabled: the notice offers to enable it again */
  undo?: { personId: string }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'admin.access')
  const formData = await request.formData()
  const parsed = PersonActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    return data({ notice: null, error: 'error.400' as MessageKey }, { status: 400 })
  }
  const { intent, personId } = parsed.data
  // disabling an account asks first (components/confirm.tsx); nothing changes until confirmed
  if (intent === 'disable' && !isConfirmed(formData)) return askConfirmation(formData)
  const meta = { ip: context.clientIp ?? null }
  let notice: Notice | null
  try {
    notice = change(viewer, intent, personId, meta)
  } catch (error) {
    pageFailure(error)
  }
  if (!notice) return data({ notice: null, error: 'admin.people.notInvited' as MessageKey }, { status: 409 })
  return { notice, error: null }
}

/** The change asked for, or null when there is nothing to do (a link resent to someone who accepted). */
function change(
  viewer: Viewer,
  intent: PersonAction,
  personId: string,
  meta: { ip: string | null },
): Notice | null {
  switch (intent) {
    case 'disable': {
      const r = disablePerson(viewer, personId, meta)
      return { key: 'admin.people.disabled', params: { name: r.name }, undo: { personId } }
    }
    case 'enable': {
      const r = enablePerson(viewer, personId, meta)
      const key = r.status === 'active' ? 'admin.people.enabled' : 'admin.people.enabledInvited'
      return { key, params: { name: r.name } }
    }
    case 'endSessions': {
      const r = endSessionsOf(viewer, personId, meta)
      return { key: 'admin.people.sessionsEnded', params: { name: r.name, count: r.ended } }
    }
    case 'resend': {
      const r = resendInvitation(viewer, personId, meta)
      if (!r.ok) return null
      return { key: 'admin.people.resent', params: { name: r.name }, link: smtpConfigured() ? null : r.link }
    }
  }
}

function query(filters: PeopleFilters, page: number) {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...filters, page })) {
    if (v !== undefined && v !== '') p.set(k, String(v))
  }
  return `?${p}`
}

export default function AdminPeople() {
  const { items, total, page, pageCount, filters, organizations, viewerId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, lang, date, number } = useT()
  const location = useLocation()
  const name = (o: { nameEs: string | null; nameEn: string | null }) => (lang === 'es' ? o.nameEs : o.nameEn)
  const statusBadge = { invited: 'warn', active: 'ok', disabled: 'danger' } as const

  return (
    <>
      <AdminNav />
      <div className="page-header">
        <h1>{t('admin.people.title')}</h1>
        <Link to="/invite" className="button">
          {t('admin.people.invite')}
        </Link>
      </div>
      <p>{t('admin.people.intro')}</p>

      {actionData && 'notice' in actionData && actionData.notice ? (
        <div className="alert ok" role="status">
          <p>{t(actionData.notice.key, actionData.notice.params)}</p>
          {actionData.notice.link ? (
            <>
              <p>{t('admin.people.handOver')}</p>
              <p className="token-box mono">{actionData.notice.link}</p>
            </>
          ) : null}
          {actionData.notice.undo ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="personId" value={actionData.notice.undo.personId} />
              <button type="submit" name="intent" value="enable" className="button small secondary">
                {t('confirm.undo')}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {actionData && 'error' in actionData && actionData.error ? (
        <div className="alert error" role="alert">
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}

      {/* Keyed by the query so the fields show the filters after each navigation. */}
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('admin.people.filters')}
        key={location.search}
      >
        <div className="field">
          <label htmlFor="people-q">{t('admin.people.q')}</label>
          <input id="people-q" type="search" name="q" defaultValue={filters.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="people-org">{t('common.organization')}</label>
          <select id="people-org" name="org" defaultValue={filters.org ?? ''}>
            <option value="">{t('admin.people.anyOrganization')}</option>
            {organizations
              .filter((o) => o.kind !== 'national_institution')
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {name(o)}
                </option>
              ))}
            <optgroup label={t('kind.national_institution')}>
              {organizations
                .filter((o) => o.kind === 'national_institution')
                .map((o) => (
                  <option key={o.code} value={o.code}>
                    {name(o)}
                  </option>
                ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-role">{t('common.role')}</label>
          <select id="people-role" name="role" defaultValue={filters.role ?? ''}>
            <option value="">{t('admin.people.anyRole')}</option>
            {INVITE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-status">{t('common.status')}</label>
          <select id="people-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('admin.people.anyStatus')}</option>
            {PERSON_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-sort">{t('admin.people.sort')}</label>
          <select id="people-sort" name="sort" defaultValue={filters.sort}>
            {PEOPLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`admin.people.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-dir">{t('admin.people.dir')}</label>
          <select id="people-dir" name="dir" defaultValue={filters.dir}>
            <option value="asc">{t('admin.people.dir.asc')}</option>
            <option value="desc">{t('admin.people.dir.desc')}</option>
          </select>
        </div>
        <div>
          <button type="submit">{t('common.filter')}</button>{' '}
          <Link to="/admin/people">{t('common.clear')}</Link>
        </div>
      </Form>

      <p aria-live="polite">{t('common.results', { count: total })}</p>
      {items.length === 0 ? (
        <p className="muted">{t('admin.people.empty')}</p>
      ) : (
        <TableWrap label={t('admin.people.caption')}>
          <table>
            <caption className="admin-caption">{t('admin.people.caption')}</caption>
            <TableHead
              labels={[
                t('common.name'),
                t('common.email'),
                t('common.organization'),
                t('common.role'),
                t('common.status'),
                t('admin.people.sessions'),
                t('admin.people.sort.created'),
                t('common.actions'),
              ]}
            />
            <tbody>
              {items.map((p) => {
                const self = p.id === viewerId
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name} {self ? <span className="muted">{t('admin.people.you')}</span> : null}
                      {p.title ? <div className="small muted">{p.title}</div> : null}
                    </th>
                    <td className="mono">{p.email}</td>
                    <td>
                      {name({ nameEs: p.organizationNameEs, nameEn: p.organizationNameEn })}
                      {p.institutionCode ? (
                        <div className="small muted">
                          {name({ nameEs: p.institutionNameEs, nameEn: p.institutionNameEn })}
                        </div>
                      ) : null}
                    </td>
                    <td>{t(`role.${p.role}`)}</td>
                    <td>
                      <span className={`badge ${statusBadge[p.status]}`}>
                        {t(`admin.status.${p.status}`)}
                      </span>
                    </td>
                    <td>{number(p.sessionCount)}</td>
                    <td>{date(p.createdAt)}</td>
                    <td>
                      <div className="admin-actions">
                        {p.status !== 'disabled' && p.canDisable ? (
                          <ConfirmForm
                            intent="disable"
                            confirmKey={`disable-${p.id}`}
                            fields={{ personId: p.id }}
                            className="button small danger"
                            label={t('admin.people.disable')}
                            ariaLabel={t('admin.people.disableLabel', { name: p.name })}
                            title={t('confirm.person.title', { name: p.name })}
                            text={t('confirm.person.text')}
                            confirmLabel={t('admin.people.disable')}
                          />
                        ) : null}
                        {p.status === 'disabled' && p.canEnable ? (
                          <RowAction
                            personId={p.id}
                            intent="enable"
                            label={t('admin.people.enable')}
                            fullLabel={t('admin.people.enableLabel', { name: p.name })}
                          />
                        ) : null}
                        {/* one's own sessions are ended from /account/sessions */}
                        {p.sessionCount > 0 && !self && p.canEndSessions ? (
                          <RowAction
                            personId={p.id}
                            intent="endSessions"
                            label={t('admin.people.endSessions')}
                            fullLabel={t('admin.people.endSessionsLabel', { name: p.name })}
                          />
                        ) : null}
                        {p.status === 'invited' ? (
                          <RowAction
                            personId={p.id}
                            intent="resend"
                            label={t('admin.people.resend')}
                            fullLabel={t('admin.people.resendLabel', { name: p.name })}
                          />
                        ) : null}
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </TableWrap>
      )}

      {pageCount > 1 ? (
        <nav className="pager" aria-label={t('admin.people.pagination')}>
          {page > 1 ? (
            <Link to={query(filters, page - 1)} rel="prev">
              {t('common.previous')}
            </Link>
          ) : (
            <span />
          )}
          <span>{t('admin.people.page', { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link to={query(filters, page + 1)} rel="next">
              {t('common.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  )
}

/** One POST button of a row. The accessible name says whom it is about; it starts with the visible
 * label so that speech input finds it. */
function RowAction({
  personId,
  intent,
  label,
  fullLabel,
  danger,
}: {
  personId: string
  intent: string
  label: string
  fullLabel: string
  danger?: boolean
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="personId" value={personId} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={danger ? 'button small danger' : 'button small secondary'}
        aria-label={fullLabel}
      >
        {label}
      </button>
    </Form>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
