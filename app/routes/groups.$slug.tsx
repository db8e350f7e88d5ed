import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmForm } from '~/components/confirm'
import { FormErrors } from '~/components/forms'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { can, groupRoleOf } from '~/modules/access/can'
import { getViewer, requireViewer } from '~/modules/auth/viewer.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { GROUP_ROLES } from '~/modules/groups/constants'
import { addGroupMember, changeGroupRole, removeGroupMember } from '~/modules/groups/members.server'
import { getGroupPage } from '~/modules/groups/groups.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { listPlans } from '~/modules/plans/page.server'
import { TableHead } from '~/components/table-head'
import { FollowButton } from '~/components/follow-button'
import { followState } from '~/modules/notifications/notifications.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.page.group.name ?? t('groups.title')} · ${t('app.name')}`,
)

// Public description and organizations; members only for viewers allowed by can('group.viewMembers').
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  const lang = resolveLang(request, viewer)
  const page = getGroupPage({ viewer, slug: params.slug ?? '', lang })
  if (!page) throw new Response(null, { status: 404 })
  // the group's plans, for its members and the secretariat only (a plan is not even named to others)
  const plans = viewer ? listPlans(viewer, lang, { groupId: page.group.id }) : []
  const member = groupRoleOf(viewer, page.group.id) !== null
  const canManage = can(viewer, 'group.manageMembers', { groupId: page.group.id })
  const follow = viewer ? followState(viewer, 'group', page.group.id, request) : null
  return { page, signedIn: viewer !== null, plans, member, canManage, follow }
}

// The chair of the group and the secretariat add members, change their role and remove them.
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const page = getGroupPage({ viewer, slug: params.slug ?? '', lang: viewer.language })
  if (!page) throw new Response(null, { status: 404 })
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const field = (name: string) => String(form.get(name) ?? '')
  try {
    if (intent === 'addMember')
      addGroupMember(viewer, page.group.id, { email: field('email'), role: field('role') })
    else if (intent === 'role') changeGroupRole(viewer, page.group.id, field('personId'), field('role'))
    else if (intent === 'remove') {
      // removing a member asks first (components/confirm.tsx); the notice offers to add them back
      const allowed = can(viewer, 'group.manageMembers', { groupId: page.group.id })
      if (allowed && !isConfirmed(form)) return askConfirmation(form)
      const removed = removeGroupMember(viewer, page.group.id, field('personId'))
      return redirectWithNotice(`/groups/${page.group.slug}#group-members`, {
        key: 'confirm.done.memberRemoved',
        params: { name: removed.name, group: page.group.name },
        undo: {
          action: `/groups/${page.group.slug}`,
          fields: { intent: 'addMember', email: removed.email, role: removed.role, undo: '1' },
        },
      })
    } else throw new Response(null, { status: 400 })
    if (intent === 'addMember' && form.get('undo') === '1') {
      return redirectWithNotice(`/groups/${page.group.slug}#group-members`, {
        key: 'confirm.done.memberReadded',
        params: { email: field('email') },
      })
    }
    return redirect(`/groups/${page.group.slug}#group-members`)
  } catch (error) {
    return formFailure(error, null, intent)
  }
}

export default function GroupPage() {
  const { page, signedIn, plans, member, canManage, follow } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, number } = useT()
  const roleOptions = GROUP_ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`groups.role.${r}`)}
    </option>
  ))
  const { group, organizations, members } = page
  return (
    <>
      <p className="small">
        <Link to="/groups">{t('groups.back')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p>
        <span className="badge">{t(`groups.kind.${group.kind}`)}</span>{' '}
        <span className={group.active ? 'badge ok' : 'badge'}>
          {t(group.active ? 'groups.active' : 'groups.inactive')}
        </span>
      </p>
      {group.description ? <p>{group.description}</p> : null}
      {follow ? <FollowButton recordType="group" recordId={group.id} {...follow} /> : null}

      {plans.length || member ? (
        <section aria-labelledby="group-plans">
          <h2 id="group-plans">{t('plans.ofGroup')}</h2>
          {plans.length ? (
            <ul>
              {plans.map((p) => (
                <li key={p.id}>
                  <Link to={`/plans/${p.id}`}>{p.title}</Link>{' '}
                  <span className="badge">{t(`plans.stage.${p.stage}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('plans.noneInGroup')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="group-organizations">
        <h2 id="group-organizations">
          {t('groups.organizations')} <span className="muted">({number(organizations.length)})</span>
        </h2>
        {organizations.length ? (
          <ul>
            {organizations.map((o) => (
              <li key={o.code}>
                <Link to={`/members/${o.code}`}>{o.name}</Link>
                {o.parentName ? <span className="muted"> ({o.parentName})</span> : null}{' '}
                <span className="muted small">{t(`kind.${o.kind}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('groups.noOrganizations')}</p>
        )}
      </section>

      <section aria-labelledby="group-members">
        <h2 id="group-members">{t('groups.members')}</h2>
        {members === null ? (
          signedIn ? (
            <p className="muted">{t('groups.membersHidden')}</p>
          ) : (
            <p>
              {t('groups.membersSignedOut')}{' '}
              <Link to={`/login?redirectTo=${encodeURIComponent(`/groups/${group.slug}`)}`}>
                {t('groups.membersSignIn')}
              </Link>
            </p>
          )
        ) : members.length === 0 ? (
          <p className="muted">{t('groups.noMembers')}</p>
        ) : (
          <TableWrap label={t('groups.membersCaption', { name: group.name })}>
            <table>
              <caption className="groups-caption">{t('groups.membersCaption', { name: group.name })}</caption>
              <TableHead labels={[t('common.name'), t('common.organization'), t('groups.col.groupRole')]} />
              <tbody>
                {members.map((m) => (
                  <tr key={m.personId}>
                    <th scope="row">
                      {m.name}
                      {m.title ? <span className="muted small"> · {m.title}</span> : null}
                    </th>
                    <td>
                      <Link to={`/members/${m.organization.code}`}>{m.organization.name}</Link>
                      {m.institution ? (
                        <>
                          {' · '}
                          <Link to={`/members/${m.institution.code}`}>{m.institution.name}</Link>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {canManage ? (
                        <>
                          <Form method="post" className="filters">
                            <input type="hidden" name="personId" value={m.personId} />
                            <label className="account-visually-hidden" htmlFor={`role-${m.personId}`}>
                              {t('groups.manage.roleOf', { name: m.name })}
                            </label>
                            <select id={`role-${m.personId}`} name="role" defaultValue={m.groupRole}>
                              {roleOptions}
                            </select>
                            <button type="submit" name="intent" value="role" className="secondary small">
                              {t('groups.manage.change')}
                            </button>
                          </Form>
                          <ConfirmForm
                            intent="remove"
                            confirmKey={`remove-${m.personId}`}
                            fields={{ personId: m.personId }}
                            className="secondary small"
                            ariaLabel={t('groups.manage.removeLabel', { name: m.name })}
                            label={t('groups.manage.remove')}
                            title={t('confirm.member.title', { name: m.name })}
                            text={t('confirm.member.text')}
                            confirmLabel={t('groups.manage.remove')}
                          />
                        </>
                      ) : (
                        t(`groups.role.${m.groupRole}`)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {actionData?.result ? (
          <FormErrors
            errors={Object.values(actionData.result.error ?? {})
              .flat()
              .filter((e): e is string => !!e)}
          />
        ) : null}
        {canManage ? (
          <Form method="post" className="filters card">
            <h3>{t('groups.manage.add')}</h3>
            <div className="field">
              <label htmlFor="member-email">{t('groups.manage.email')}</label>
              <input id="member-email" name="email" type="email" required autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="member-role">{t('groups.manage.role')}</label>
              <select id="member-role" name="role" defaultValue="commenter">
                {roleOptions}
              </select>
            </div>
            <div>
              <button type="submit" name="intent" value="addMember">
                {t('groups.manage.addButton')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
