// /account/sessions — where one is signed in: end one session, or every one but this.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '~/components/submit-button'
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
import { formFailure } from '~/modules/core/form-reply.server'
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
    const ended = endOtherSessions(viewer, ip)
    return redirect(`/account/sessions?done=endOthers&count=${ended}`)
  }
  if (intent !== 'end-session') throw new Response(null, { status: 400 })
  const submission = parseForm(formData, EndSessionSchema)
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  try {
    // someone else's session, or one already ended: the 404 page
    endSession(viewer, submission.value.sessionId, ip)
  } catch (error) {
    return formFailure(error, submission, intent)
  }
  if (submission.value.sessionId === viewer.sessionId) {
    return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie() } })
  }
  return redirect('/account/sessions?done=endSession')
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
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="end-session"
                        className="button small secondary"
                        aria-label={t('account.sessions.endLabel', {
                          date: date(s.createdAt, 'datetime', zone),
                        })}
                      >
                        {t('account.sessions.end')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {others > 0 ? (
        <Form method="post">
          <p>
            <SubmitButton intent="end-other-sessions" className="secondary">
              {t('account.sessions.endOthers')}
            </SubmitButton>
          </p>
        </Form>
      ) : (
        <p className="muted">{t('account.sessions.noOthers')}</p>
      )}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
