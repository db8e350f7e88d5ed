import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { databaseFile, db, rawSqlite } from '@db/client'
import { people, sessions } from '@db/schema'
import { DEMO_PASSWORD } from '@db/seed/demo'
import { resetEnvCache } from '~/env.server'
import {
  clearSessionCookie,
  createSession,
  invalidateAllSessions,
  invalidateOwnSession,
  invalidateSession,
  serializeSessionCookie,
  sessionTokenFrom,
  validateSessionToken,
} from '~/modules/auth/session.server'
import { signIn } from '~/modules/auth/sign-in.server'
import { requireViewer, resolveRequest } from '~/modules/auth/viewer.server'
import { action as logoutAction } from '~/routes/logout'
import { freshDemoDb, makeRequest, personByEmail } from './helpers/db'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const T0 = new Date('2026-04-01T08:00:00Z').getTime()
const MX = 'mx.delegate@rcm.example'

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex')
const sessionRow = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get()
const sessionCount = (personId: string) =>
  db.select({ n: count() }).from(sessions).where(eq(sessions.personId, personId)).get()!.n
const viewerWith = (token: string) =>
  resolveRequest(makeRequest('/', { cookie: `rcm_session=${token}` })).viewer

async function signInMx() {
  const result = await signIn({ email: MX, password: DEMO_PASSWORD, ip: '198.51.100.7', userAgent: 'vitest' })
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result)}`)
  return result
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn()
  } catch (thrown) {
    return thrown
  }
  throw new Error('did not throw')
}

function newSession(email = MX, now = T0) {
  return createSession(personByEmail(email).id, { twoFactorVerified: true }, now)
}

const savedEnv = { ...process.env }
beforeEach(() => {
  freshDemoDb()
})
afterEach(() => {
  vi.useRealTimers()
  for (const key of ['APP_ORIGIN', 'SESSION_IDLE_MINUTES', 'SESSION_MAX_HOURS']) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
  resetEnvCache()
})

describe('session tokens', () => {
  it('are 160 random bits; the database keeps only their SHA-256, never the token', async () => {
    const { token, personId } = await signInMx()
    expect(token).toMatch(/^[a-z2-7]{32}$/) // 20 bytes in base32
    const row = sessionRow(sha256Hex(token))
    expect(row).toMatchObject({ personId, twoFactorVerified: true, ip: '198.51.100.7' })
    // No column of any session row holds the token, nor does any byte of the database files.
    const dump = JSON.stringify(rawSqlite().prepare('SELECT * FROM sessions').all())
    expect(dump).not.toContain(token)
    rawSqlite().pragma('wal_checkpoint(TRUNCATE)')
    for (const file of [databaseFile(), `${databaseFile()}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(token)).toBe(false)
    }
    expect(viewerWith(token)?.email).toBe(MX)
    // The stored hash is not itself a token that signs in.
    expect(viewerWith(sha256Hex(token))).toBeNull()
  })

  it('are new at every sign-in', async () => {
    const first = await signInMx()
    const second = await signInMx()
    expect(second.token).not.toBe(first.token)
    expect(sessionRow(sha256Hex(first.token))).toBeDefined()
    expect(sessionRow(sha256Hex(second.token))).toBeDefined()
    expect(sessionCount(first.personId)).toBe(2)
  })

  it('refuse unknown, empty and oversized tokens', () => {
    expect(validateSessionToken('')).toBeNull()
    expect(validateSessionToken('a'.repeat(32))).toBeNull()
    expect(validateSessionToken('a'.repeat(5000))).toBeNull()
    expect(resolveRequest(makeRequest('/')).viewer).toBeNull()
  })

  it('owing a second factor give no viewer yet', () => {
    const { token } = createSession(personByEmail(MX).id, { twoFactorVerified: false })
    const resolved = resolveRequest(makeRequest('/', { cookie: `rcm_session=${token}` }))
    expect(resolved.viewer).toBeNull()
    expect(resolved.pending?.id).toBe(sha256Hex(token))
  })
})

describe('session expiry', () => {
  it('ends a session idle for SESSION_IDLE_MINUTES and deletes its row', () => {
    const a = newSession()
    expect(validateSessionToken(a.token, T0 + 30 * MINUTE - 1000)).not.toBeNull()
    const b = newSession()
    expect(validateSessionToken(b.token, T0 + 30 * MINUTE)).toBeNull()
    expect(sessionRow(b.session.id)).toBeUndefined()
  })

  it('keeps an active session alive, but never past SESSION_MAX_HOURS', () => {
    const { token, session } = newSession()
    let t = T0
    // a request every 20 minutes for 12 hours
    for (; t < T0 + 12 * HOUR; t += 20 * MINUTE) {
      expect(validateSessionToken(token, t), `at +${(t - T0) / MINUTE} min`).not.toBeNull()
    }
    expect(sessionRow(session.id)!.lastSeenAt.getTime()).toBe(T0 + 12 * HOUR - 20 * MINUTE)
    expect(validateSessionToken(token, T0 + 12 * HOUR)).toBeNull()
    expect(sessionRow(session.id)).toBeUndefined()
  })

  it('follows the configured limits', () => {
    process.env.SESSION_IDLE_MINUTES = '5'
    process.env.SESSION_MAX_HOURS = '1'
    resetEnvCache()
    const idle = newSession()
    expect(validateSessionToken(idle.token, T0 + 5 * MINUTE)).toBeNull()
    const busy = newSession()
    expect(busy.session.expiresAt.getTime()).toBe(T0 + HOUR)
    for (let t = T0; t < T0 + HOUR; t += 4 * MINUTE)
      expect(validateSessionToken(busy.token, t)).not.toBeNull()
    expect(validateSessionToken(busy.token, T0 + HOUR)).toBeNull()
  })

  it('is enforced on requests, which read the current time (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    const { token, expiresAt } = await signInMx()
    expect(expiresAt.getTime()).toBe(T0 + 12 * HOUR)
    const cookie = `rcm_session=${token}`
    vi.setSystemTime(T0 + 29 * MINUTE)
    expect(resolveRequest(makeRequest('/', { cookie })).viewer?.email).toBe(MX)
    // that request counted as activity: 29 minutes after it the session is still alive
    vi.setSystemTime(T0 + 58 * MINUTE)
    expect(resolveRequest(makeRequest('/', { cookie })).viewer?.email).toBe(MX)
    vi.setSystemTime(T0 + 88 * MINUTE)
    expect(resolveRequest(makeRequest('/', { cookie })).viewer).toBeNull()
    expect(sessionRow(sha256Hex(token))).toBeUndefined()
    // signed out: pages send the person to the sign-in page
    const thrown = thrownBy(() => requireViewer(makeRequest('/members?x=1', { cookie })))
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(302)
    expect((thrown as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fmembers%3Fx%3D1')
  })
})

describe('ending sessions', () => {
  it('sign-out deletes the row and the old cookie no longer signs in', () => {
    const { token, session } = newSession(MX, Date.now())
    expect(viewerWith(token)).not.toBeNull()
    invalidateSession(session.id)
    expect(sessionRow(session.id)).toBeUndefined()
    expect(viewerWith(token)).toBeNull()
  })

  it('POST /logout ends the session and clears the cookie', async () => {
    const { token, session } = newSession(MX, Date.now())
    const other = newSession(MX, Date.now())
    const response = await logoutAction({
      request: makeRequest('/logout', { method: 'POST', cookie: `rcm_session=${token}` }),
      context: { clientIp: '198.51.100.7' },
      params: {},
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login')
    expect(response.headers.get('Set-Cookie')).toMatch(/^rcm_session=;.*Max-Age=0/)
    expect(sessionRow(session.id)).toBeUndefined()
    expect(viewerWith(token)).toBeNull()
    // only that session: the person's other device stays signed in
    expect(viewerWith(other.token)).not.toBeNull()
  })

  it('disabling a person ends all their sessions, and nobody else’s', () => {
    const mx = personByEmail(MX)
    const a = newSession(MX, Date.now())
    const b = newSession(MX, Date.now())
    const pa = newSession('pa.focal@rcm.example', Date.now())
    db.update(people).set({ status: 'disabled' }).where(eq(people.id, mx.id)).run()
    invalidateAllSessions(mx.id)
    expect(sessionCount(mx.id)).toBe(0)
    expect(viewerWith(a.token)).toBeNull()
    expect(viewerWith(b.token)).toBeNull()
    expect(viewerWith(pa.token)?.email).toBe('pa.focal@rcm.example')
  })

  it('a disabled person’s surviving session gives no viewer either', () => {
    const { token } = newSession(MX, Date.now())
    db.update(people).set({ status: 'disabled' }).where(eq(people.email, MX)).run()
    expect(viewerWith(token)).toBeNull()
  })

  it('a disabled person cannot sign in, even with the right password', async () => {
    const mx = personByEmail(MX)
    db.update(people).set({ status: 'disabled' }).where(eq(people.id, mx.id)).run()
    const result = await signIn({ email: MX, password: DEMO_PASSWORD, ip: null, userAgent: null })
    expect(result).toEqual({ ok: false, reason: 'invalid' })
    expect(sessionCount(mx.id)).toBe(0)
  })

  it('a password change can end every other session; a person ends only their own sessions', () => {
    const mx = personByEmail(MX)
    const current = newSession(MX, Date.now())
    const old = newSession(MX, Date.now())
    const pa = newSession('pa.focal@rcm.example', Date.now())
    invalidateAllSessions(mx.id, current.session.id)
    expect(viewerWith(current.token)).not.toBeNull()
    expect(viewerWith(old.token)).toBeNull()
    expect(invalidateOwnSession(mx.id, pa.session.id)).toBe(false)
    expect(viewerWith(pa.token)).not.toBeNull()
    expect(invalidateOwnSession(mx.id, current.session.id)).toBe(true)
    expect(viewerWith(current.token)).toBeNull()
  })
})

describe('session cookie', () => {
  const expires = new Date('2026-04-01T20:00:00Z')
  const attributes = (cookie: string) => cookie.split('; ').slice(1)

  it('is HttpOnly, SameSite=Lax, Path=/ and neither Secure nor __Host- over plain http', () => {
    for (const origin of [undefined, 'http://localhost:3000']) {
      if (origin) process.env.APP_ORIGIN = origin
      resetEnvCache()
      const cookie = serializeSessionCookie('tok', expires)
      expect(cookie.startsWith('rcm_session=tok;')).toBe(true)
      expect(attributes(cookie)).toEqual(
        expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expires.toUTCString()}`]),
      )
      expect(cookie).not.toMatch(/Secure|Domain/i)
    }
  })

  it('uses the __Host- prefix and Secure over https, and ignores an unprefixed cookie there', () => {
    process.env.APP_ORIGIN = 'https://portal.example.org'
    resetEnvCache()
    const cookie = serializeSessionCookie('tok', expires)
    expect(cookie.startsWith('__Host-rcm_session=tok;')).toBe(true)
    expect(attributes(cookie)).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']),
    )
    expect(cookie).not.toMatch(/Domain/i)
    const cleared = clearSessionCookie()
    expect(cleared.startsWith('__Host-rcm_session=;')).toBe(true)
    expect(attributes(cleared)).toEqual(expect.arrayContaining(['Max-Age=0', 'Secure', 'Path=/']))
    // a cookie planted without the prefix (e.g. by a sibling subdomain) is not read
    expect(sessionTokenFrom(makeRequest('/', { cookie: 'rcm_session=planted' }))).toBeNull()
    expect(sessionTokenFrom(makeRequest('/', { cookie: 'a=1; __Host-rcm_session=real' }))).toBe('real')
  })
})
