import { data, redirect } from '@remix-run/node'
import { eq, sql } from 'drizzle-orm'
import { prepared } from '@db/client'
import { groupMemberships, organizations, people } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { validateApiToken } from './api-tokens.server'
import { keptFormResponse } from './kept-form.server'
import { sessionTokenFrom, validateSessionToken, type SessionRow } from './session.server'

/** Loads the person as a Viewer; null when missing or not active. Group memberships are read on every
 * request, so removing someone from a group takes effect on their next request. */
export function loadViewer(personId: string, via: Viewer['via'], sessionId: string | null): Viewer | null {
  const row = prepared('viewer.person', (d) =>
    d
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        role: people.role,
        status: people.status,
        language: people.language,
        organizationId: people.organizationId,
        institutionId: people.institutionId,
        organizationCode: organizations.code,
        organizationKind: organizations.kind,
      })
      .from(people)
      .innerJoin(organizations, eq(organizations.id, people.organizationId))
      .where(eq(people.id, sql.placeholder('personId')))
      .prepare(),
  ).get({ personId })
  if (!row || row.status !== 'active') return null
  const memberships = prepared('viewer.memberships', (d) =>
    d
      .select({ groupId: groupMemberships.groupId, role: groupMemberships.role })
      .from(groupMemberships)
      .where(eq(groupMemberships.personId, sql.placeholder('personId')))
      .prepare(),
  ).all({ personId })
  const groupIds = memberships.map((g) => g.groupId)
  const groupRoles = Object.fromEntries(memberships.map((g) => [g.groupId, g.role]))
  const { status: _status, ...rest } = row
  return { ...rest, groupIds, groupRoles, via, sessionId }
}

/** `/api/v1` and below: the only paths where a Bearer token is accepted. */
export function isApiPath(request: Request): boolean {
  const path = new URL(request.url).pathname
  return path === '/api/v1' || path.startsWith('/api/v1/')
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization')
  if (!header) return null
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  return m ? m[1] : ''
}

export interface Resolved {
  viewer: Viewer | null
  /** a signed-in session that still owes its second factor */
  pending: SessionRow | null
  /** an Authorization header was sent but not accepted */
  badBearer: boolean
}

/** Who is asking: a Bearer token takes precedence over the cookie (no CSRF exposure), else the
 * session cookie. */
export function resolveRequest(request: Request): Resolved {
  const bearer = bearerToken(request)
  if (bearer !== null) {
    // API tokens are for the JSON API only: on a page a token is no login at all (a stolen token cannot
    // invite, end sessions or act in the administration, which want a session with its second factor).
    const valid = bearer && isApiPath(request) ? validateApiToken(bearer) : null
    const found = valid ? loadViewer(valid.personId, 'token', null) : null
    const viewer = found && valid ? { ...found, tokenScope: valid.scope } : null
    return { viewer, pending: null, badBearer: !viewer }
  }
  const token = sessionTokenFrom(request)
  if (!token) return { viewer: null, pending: null, badBearer: false }
  const session = validateSessionToken(token)
  if (!session) return { viewer: null, pending: null, badBearer: false }
  if (!session.twoFactorVerified) return { viewer: null, pending: session, badBearer: false }
  return { viewer: loadViewer(session.personId, 'session', session.id), pending: null, badBearer: false }
}

// Memoized per Request object: root and child loaders of one request resolve the viewer once.
const memo = new WeakMap<Request, Resolved>()
function resolved(request: Request): Resolved {
  let r = memo.get(request)
  if (!r) {
    r = resolveRequest(request)
    memo.set(request, r)
  }
  return r
}

export function getViewer(request: Request): Viewer | null {
  return resolved(request).viewer
}

export function getPendingSession(request: Request): SessionRow | null {
  return resolved(request).pending
}

/** For pages: signed-out people are sent to the sign-in page, then back. A form sent after the session
 * ended is answered 401 with its fields kept, so that nothing typed is lost (kept-form.server.ts). */
export function requireViewer(request: Request): Viewer {
  const viewer = getViewer(request)
  if (viewer) return viewer
  const kept = keptFormResponse(request)
  if (kept) throw kept
  const url = new URL(request.url)
  const back = url.pathname + url.search
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, {
    headers: { 'Cache-Control': 'no-store' },
  })
}

/** For the forms of one's own account (password, tokens, second factor...): they need a browser session,
 * not an API token, so that a leaked token cannot take the account over. 403 otherwise. */
export function requireSessionViewer(request: Request): Viewer {
  const viewer = requireViewer(request)
  if (viewer.via !== 'session') throw data({ error: 'account.viaSession' }, { status: 403 })
  return viewer
}
