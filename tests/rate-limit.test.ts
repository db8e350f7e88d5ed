import { and, count, eq, like } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { closeDatabase, databaseFile, db, switchDatabaseFile } from '@db/client'
import { auditLog, rateLimitEvents, sessions } from '@db/schema'
import { DEMO_PASSWORD } from '@db/seed/demo'
import { ipKey, LOGIN_WINDOW_MS, recordHit } from '~/modules/auth/rate-limit.server'
import { signIn, type SignInResult } from '~/modules/auth/sign-in.server'
import { action as loginAction } from '~/routes/login'
import { freshDemoDb, makeRequest, personByEmail } from './helpers/db'

const MX = 'mx.delegate@rcm.example'
const WRONG = 'not-the-password'
const T0 = new Date('2026-04-01T08:00:00Z').getTime()

const attempt = (email: string, password: string, ip = '198.51.100.7'): Promise<SignInResult> =>
  signIn({ email, password, ip, userAgent: 'vitest' })

async function failTimes(n: number, email = MX, ip?: string) {
  for (let i = 0; i < n; i++)
    expect(await attempt(email, WRONG, ip)).toEqual({ ok: false, reason: 'invalid' })
}

/** What the route action returned: a redirect Response or data() with a status. */
function outcome(result: unknown): { status: number; headers: Headers; data: unknown } {
  if (result instanceof Response) return { status: result.status, headers: result.headers, data: null }
  const r = result as { data: unknown; init: { status?: number; headers?: HeadersInit } | null }
  return { status: r.init?.status ?? 200, headers: new Headers(r.init?.headers), data: r.data }
}

async function postLogin(form: Record<string, string>, url = '/login', ip = '203.0.113.20') {
  const result = await loginAction({
    request: makeRequest(url, { form }),
    context: { clientIp: ip },
    params: {},
  })
  return outcome(result)
}

beforeEach(() => {
  freshDemoDb()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('sign-in rate limits', () => {
  it('after 10 wrong passwords the 11th attempt is throttled even with the right password', async () => {
    await failTimes(10)
    const result = await attempt(MX, DEMO_PASSWORD)
    if (result.ok || result.reason !== 'throttled')
      throw new Error(`not throttled: ${JSON.stringify(result)}`)
    expect(result.retryAfter).toBeGreaterThan(0)
    expect(result.retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000)
    expect(
      db
        .select({ n: count() })
        .from(sessions)
        .where(eq(sessions.personId, personByEmail(MX).id))
        .get()!.n,
    ).toBe(0)
  })

  it('survives a restart, and lifts once the window has passed', async () => {
    await failTimes(10)
    const file = databaseFile()
    closeDatabase()
    switchDatabaseFile(file)
    vi.setSystemTime(T0 + 14 * 60 * 1000)
    expect(await attempt(MX, DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' })
    vi.setSystemTime(T0 + LOGIN_WINDOW_MS + 1000)
    expect(await attempt(MX, DEMO_PASSWORD)).toMatchObject({ ok: true })
    // success clears the account's count: ten new failures are needed to lock it again
    await failTimes(9)
    expect(await attempt(MX, DEMO_PASSWORD)).toMatchObject({ ok: true })
  })

  it('counts concurrent attempts: firing them in parallel does not get past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(MX, WRONG)))
    const invalid = results.filter((r) => !r.ok && r.reason === 'invalid').length
    expect(invalid).toBeLessThanOrEqual(10)
    expect(await attempt(MX, DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'throttled' })
  })

  it('answers an unknown e-mail exactly like a wrong password, audits both, never the password', async () => {
    const unknown = await attempt('nobody@rcm.example', 'Secret-Guess-1')
    const wrong = await attempt(MX, 'Secret-Guess-2')
    expect(unknown).toEqual({ ok: false, reason: 'invalid' })
    expect(wrong).toEqual(unknown)
    const rows = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.signIn'), eq(auditLog.outcome, 'failed')))
      .all()
    expect(rows.map((r) => r.actorEmail).sort()).toEqual([MX, 'nobody@rcm.example'])
    expect(rows.every((r) => r.ip === '198.51.100.7')).toBe(true)
    expect(JSON.stringify(rows)).not.toMatch(/Secret-Guess/)
    // an unknown e-mail is throttled like a real one: the limit does not reveal which accounts exist
    await failTimes(9, 'nobody@rcm.example')
    expect(await attempt('nobody@rcm.example', WRONG)).toMatchObject({ ok: false, reason: 'throttled' })
  })

  it('limits an IP address to 100 failures across accounts; other addresses are unaffected', async () => {
    const ip = '192.0.2.50'
    // 95 failures from this address already recorded, then five real ones against five accounts
    for (let i = 0; i < 95; i++) recordHit(ipKey(ip), T0 - 60_000)
    const accounts = ['bz.focal', 'ca.focal', 'cr.focal', 'sv.focal', 'gt.focal'].map(
      (a) => `${a}@rcm.example`,
    )
    for (const email of accounts)
      expect(await attempt(email, WRONG, ip)).toEqual({ ok: false, reason: 'invalid' })
    expect(
      db
        .select({ n: count() })
        .from(rateLimitEvents)
        .where(eq(rateLimitEvents.key, ipKey(ip)))
        .get()!.n,
    ).toBe(100)
    // a different account, the right password, the same address: throttled
    expect(await attempt(MX, DEMO_PASSWORD, ip)).toMatchObject({ ok: false, reason: 'throttled' })
    expect(await attempt(MX, DEMO_PASSWORD, '192.0.2.51')).toMatchObject({ ok: true })
  })
})

describe('POST /login', () => {
  it('answers 400 to a wrong password and 429 with Retry-After after ten', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await postLogin({ email: MX, password: WRONG })
      expect(r.status).toBe(400)
      expect(JSON.stringify(r.data)).toContain('auth.invalid')
      expect(JSON.stringify(r.data)).not.toContain(WRONG)
    }
    const r = await postLogin({ email: MX, password: DEMO_PASSWORD })
    expect(r.status).toBe(429)
    expect(Number(r.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(JSON.stringify(r.data)).toContain('auth.throttled')
    expect(JSON.stringify(r.data)).not.toContain(DEMO_PASSWORD)
    expect(r.headers.get('Set-Cookie')).toBeNull()
  })

  it('answers 400 to an invalid form', async () => {
    expect((await postLogin({ email: 'not-an-email', password: 'x' })).status).toBe(400)
    expect((await postLogin({ email: MX })).status).toBe(400)
  })

  it('signs in with a session cookie and redirects to a local redirectTo', async () => {
    const r = await postLogin({ email: MX, password: DEMO_PASSWORD, redirectTo: '/members/PA' })
    expect(r.status).toBe(302)
    expect(r.headers.get('Location')).toBe('/members/PA')
    expect(r.headers.get('Set-Cookie')).toMatch(/^rcm_session=[a-z2-7]{32}; /)
  })

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2e//evil.example',
    '/./\\evil.example',
    'javascript:alert(1)',
    ' //evil.example',
    '/\t/evil.example',
  ])('ignores redirectTo=%j and stays on the site', async (redirectTo) => {
    for (const r of [
      await postLogin({ email: MX, password: DEMO_PASSWORD, redirectTo }),
      await postLogin(
        { email: MX, password: DEMO_PASSWORD },
        `/login?redirectTo=${encodeURIComponent(redirectTo)}`,
      ),
    ]) {
      expect(r.status).toBe(302)
      const location = r.headers.get('Location')!
      expect(location).toBe('/')
      expect(new URL(location, 'http://localhost:3000').origin).toBe('http://localhost:3000')
    }
  })

  it('records the failed attempts with the client address, in the audit log', async () => {
    await postLogin({ email: MX, password: WRONG }, '/login', '203.0.113.99')
    const row = db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, 'auth.%'), eq(auditLog.ip, '203.0.113.99')))
      .get()
    expect(row).toMatchObject({ action: 'auth.signIn', outcome: 'failed', actorEmail: MX })
  })
})
