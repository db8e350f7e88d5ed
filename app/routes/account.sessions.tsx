// /account/sessions — where one is signed in: end one session, or every one but this.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmForm } from '~/components/confirm'
import { TableHead } from '~/components/table-head'
import { titleMeta } from '~/i18n/meta'
import { useZone } from '~/i18n/use-zone'
import { ZoneNote } from '~/components/zone-note'
import { useT } from '~/i18n/use-t'
import { endOtherSessions, endSession, listOwnSessions } from '~/modules/auth/account.server'
import { EndOtherSessionsSchema, EndSessionSchema } from '~/modules/auth/forms.server'
import { clearSessionCookie } from '~/modules/auth/session.server'
import { requireSessionViewer, requireViewer } from '~/modules/auth/viewer.server'
import { parseForm } from '~/modules/core/forms.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { formFailure } from '~/modules/core/form-reply.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = titleMeta('account.sessions.heading', 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  return { sessions: listOwnSessions(requireViewer(request)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requireSessionViewer(request)
  const ip = context.clientIp ?? null
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'end-other-sessions') {
    const submission = parseForm(formData, EndOtherSessionsSchema)
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    // ending every other session is final: the person confirms (components/confirm.tsx)
    if (!isConfirmed(formData)) return askConfirmation(formData)
    const ended = endOtherSessions(viewer, ip)
    return redirectWithNotice('/account/sessions', {
      key: 'account.done.endOthers',
      params: { count: ended },
    })
  }
  if (intent !== 'end-session') throw new Response(null, { status: 400 })
  const submission = parseForm(formData, EndSessionSchema)
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  // ending a session asks first; someone else's session, or one already ended, goes straight to the
  // service's 404
  const own = listOwnSessions(viewer).some((s) => s.id === submission.value.sessionId)
  if (own && !isConfirmed(formData)) return askConfirmation(formData)
  try {
    endSession(viewer, submission.value.sessionId, ip)
  } catch (error) {
    return formFailure(error, submission, intent)
  }
  if (submission.value.sessionId === viewer.sessionId) {
    return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie() } })
  }
  return redirectWithNotice('/account/sessions', { key: 'account.done.endSession' })
}

export default function AccountSessions() {
  const { sessions } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const zone = useZone()
  const others = sessions.filter((s) => !s.current).length
  return (
    <section className="account-section" aria-labelledby="sessions">
      <h2 id="sessions">{t('account.sessions.heading')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <ZoneNote />
      <TableWrap label={t('account.sessions.caption')}>
        <table>
          <caption className="account-visually-hidden">{t('account.sessions.caption')}</caption>
          <TableHead
            labels={[
              t('account.sessions.started'),
              t('account.sessions.lastSeen'),
              t('account.sessions.ip'),
              t('account.sessions.browser'),
              t('common.actions'),
            ]}
          />
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{date(s.createdAt, 'datetime', zone)}</td>
                <td>{date(s.lastSeenAt, 'datetime', zone)}</td>
                <td>{s.ip ?? t('account.unknown')}</td>
                <td>{s.browser ?? t('account.unknown')}</td>
                <td>
                  {s.current ? (
                    <span className="badge ok">{t('account.sessions.current')}</span>
                  ) : (
                    <ConfirmForm
                      intent="end-session"
                      confirmKey={`end-${s.id}`}
                      fields={{ sessionId: s.id }}
                      label={t('account.sessions.end')}
                      ariaLabel={t('account.sessions.endLabel', {
                        date: date(s.createdAt, 'datetime', zone),
                      })}
                      className="button small secondary"
                      title={t('confirm.session.title', { date: date(s.createdAt, 'datetime', zone) })}
                      text={t('confirm.session.text')}
                      confirmLabel={t('confirm.session.confirm')}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {others > 0 ? (
        <ConfirmForm
          intent="end-other-sessions"
          confirmKey="end-other-sessions"
          formClassName="stack"
          label={t('account.sessions.endOthers')}
          className="secondary"
          title={t('confirm.sessions.title')}
          text={t('confirm.sessions.text')}
          confirmLabel={t('account.sessions.endOthers')}
        />
      ) : (
        <p className="muted">{t('account.sessions.noOthers')}</p>
      )}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
