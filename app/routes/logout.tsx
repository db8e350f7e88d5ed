import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { audit } from '~/modules/audit/audit.server'
import {
  clearSessionCookie,
  invalidateSession,
  personForSession,
  sessionTokenFrom,
  validateSessionToken,
} from '~/modules/auth/session.server'
import { hashToken } from '~/modules/auth/tokens.server'

export async function loader() {
  // Signing out changes state: only POST does it.
  throw new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = sessionTokenFrom(request)
  if (token) {
    const session = validateSessionToken(token)
    invalidateSession(hashToken(token))
    const person = session ? personForSession(session.personId) : null
    if (person) audit({ actor: person, action: 'auth.signOut', ip: context.clientIp })
  }
  return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie() } })
}
