import { desc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { auditLog, people } from '@db/schema'
import { DEMO_PASSWORD } from '@db/seed/demo'
import { createApiToken, validateApiToken } from '~/modules/auth/api-tokens.server'
import { describeBrowser } from '~/modules/auth/account.server'
import { invalidateOwnSession, validateSessionToken } from '~/modules/auth/session.server'
import { signIn } from '~/modules/auth/sign-in.server'
import { hashToken } from '~/modules/auth/tokens.server'
import { takeNotice } from '~/modules/core/notice.server'
import { disableSecondFactor, totpCodeAt } from '~/modules/auth/totp.server'
import * as accountLayout from '~/routes/account'
import * as profilePage from '~/routes/account._index'
import * as passwordPage from '~/routes/account.password'
import * as secondFactorPage from '~/routes/account.second-factor'
import * as sessionsPage from '~/routes/account.sessions'
import * as tokensPage from '~/routes/account.tokens'
import { cookieFor, freshDemoDb, makeRequest, personByEmail } from './helpers/db'

const ME = 'mx.delegate@rcm.example'
const NEW_PASSWORD = 'a long new passphrase'

const args = (request: Request) => ({ request, params: {}, context: { clientIp: '203.0.113.7' } })

async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    return await fn()
  } catch (error) {
    return error
  }
}

function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status
  const init = (value as { init?: { status?: number } } | null)?.init
  return init?.status ?? 200
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function bodyOf(value: unknown): any {
  const v = value as { type?: string; data?: unknown }
  return v?.type === 'DataWithResponseInit' ? v.data : value
}

/** Each page of the account, by its path, and the page whose form sends each intent. */
const PAGES = {
  '/account': profilePage,
  '/account/password': passwordPage,
  '/account/sessions': sessionsPage,
  '/account/tokens': tokensPage,
  '/account/second-factor': secondFactorPage,
}
type Path = keyof typeof PAGES
const PAGE_OF: Record<string, Path> = {
  profile: '/account',
  language: '/account',
  password: '/account/password',
  'end-session': '/account/sessions',
  'end-other-sessions': '/account/sessions',
  'create-token': '/account/tokens',
  'revoke-token': '/account/tokens',
  'totp-enrol': '/account/second-factor',
  'totp-disable': '/account/second-factor',
}

const tokenOf = (cookie: string) => cookie.replace(/^rcm_session=/, '')
/** A form sent to the page that holds it (an unknown intent goes to the profile page). */
const post = (
  cookie: string,
  form: Record<string, string>,
  path: Path = PAGE_OF[form.intent] ?? '/account',
) => outcome(() => PAGES[path].action(args(makeRequest(path, { cookie, form }))))
/** A form sent to /account itself, as the one-page account sent them all. */
const postToLayout = (cookie: string, form: Record<string, string>) =>
  outcome(() => accountLayout.action(args(makeRequest('/account', { cookie, form }))))
const page = (cookie: string, url: string) =>
  outcome(() => PAGES[new URL(url, 'http://x').pathname as Path].loader(args(makeRequest(url, { cookie }))))
/** Where a redirect leads and what its notice said once (core/notice.server.ts). */
function saidOnce(res: unknown) {
  const r = res as Response
  const value = /rcm_notice=([^;]*)/.exec(r.headers.get('Set-Cookie') ?? '')?.[1] ?? ''
  const { notice } = takeNotice(new Request('http://x/', { headers: { Cookie: `rcm_notice=${value}` } }))
  return { location: r.headers.get('Location'), key: notice?.key }
}
const lastAudit = (action: string) =>
  db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).get()

describe('/account', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is for signed-in people only', async () => {
    const res = (await page('', '/account')) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Faccount')
    // a form sent without a session is kept for sending again (kept-form.server.ts), never applied
    const posted = (await post('', { intent: 'profile', name: 'Someone' })) as Response
    expect(posted.status).toBe(401)
    expect(await posted.text()).toContain('name=Someone')
  })

  it('has a page per form, each for signed-in people only', async () => {
    for (const path of Object.keys(PAGES) as Path[]) {
      const res = (await page('', path)) as Response
      expect(res.status, path).toBe(302)
      expect(res.headers.get('Location'), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`)
      expect(statusOf(await page(cookieFor(ME), path)), path).toBe(200)
    }
    // the set-up link of the one-page account leads to the second factor's page
    const old = (await page(cookieFor(ME), '/account?totp=setup')) as Response
    expect(old.headers.get('Location')).toBe('/account/second-factor?totp=setup')
  })

  it('answers 400 to a form its page does not hold', async () => {
    const cookie = cookieFor(ME)
    for (const [path, intent] of [
      ['/account', 'password'],
      ['/account/password', 'profile'],
      ['/account/sessions', 'revoke-token'],
      ['/account/tokens', 'end-session'],
      ['/account/second-factor', 'create-token'],
    ] as const) {
      expect(statusOf(await post(cookie, { intent, name: 'x' }, path)), path).toBe(400)
    }
    expect(statusOf(await postToLayout(cookie, { intent: 'nonsense' }))).toBe(400)
  })

  it('takes the forms sent to /account as the one-page account sent them, each to its page', async () => {
    const cookie = cookieFor(ME)
    const other = cookieFor(ME)
    const profile = (await postToLayout(cookie, {
      intent: 'profile',
      name: 'Por la Puerta Vieja',
    })) as Response
    expect(saidOnce(profile)).toEqual({ location: '/account', key: 'account.done.profile' })
    expect(personByEmail(ME).name).toBe('Por la Puerta Vieja')
    const ended = (await postToLayout(cookie, { intent: 'end-other-sessions', confirmed: 'yes' })) as Response
    expect(saidOnce(ended)).toEqual({ location: '/account/sessions', key: 'account.done.endOthers' })
    expect(validateSessionToken(tokenOf(other))).toBeNull()
    // refusals too: someone else's token is not revoked through the old address either
    const { id, token } = createApiToken(personByEmail('pa.focal@rcm.example').id, 'theirs')
    expect(
      statusOf(await postToLayout(cookie, { intent: 'revoke-token', tokenId: id, confirmed: 'yes' })),
    ).toBe(404)
    expect(validateApiToken(token)).not.toBeNull()
    // and signed out, the form is kept as before
    const kept = (await postToLayout('', { intent: 'profile', name: 'Someone' })) as Response
    expect(kept.status).toBe(401)
  })

  it('an API token is no login on the account pages: sent to sign in, nothing changed', async () => {
    const { token } = createApiToken(personByEmail(ME).id, 'script')
    const res = await outcome(() =>
      profilePage.action(
        args(
          makeRequest('/account', {
            headers: { Authorization: `Bearer ${token}` },
            form: { intent: 'profile', name: 'Changed By Script' },
          }),
        ),
      ),
    )
    // not signed in: the form comes back kept for after signing in (401), as for an expired session
    expect(statusOf(res)).toBe(401)
    expect(personByEmail(ME).name).not.toBe('Changed By Script')
    // on every page of the account: no token ends a session, makes a token or touches the second factor
    const other = cookieFor(ME)
    const bearer = { Authorization: `Bearer ${token}` }
    for (const form of [
      { intent: 'password', currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      { intent: 'end-other-sessions' },
      { intent: 'create-token', name: 'By script' },
      { intent: 'totp-disable', code: '123456' },
    ] as Record<string, string>[]) {
      const path = PAGE_OF[form.intent]
      const answer = await outcome(() =>
        PAGES[path].action(args(makeRequest(path, { headers: bearer, form }))),
      )
      expect([302, 303, 401], form.intent).toContain(statusOf(answer))
    }
    expect(validateSessionToken(tokenOf(other))).not.toBeNull()
    expect(lastAudit('account.apiToken.create')).toBeUndefined()
  })

  it('saves the profile, and keeps what was typed when a field is invalid', async () => {
    const cookie = cookieFor(ME)
    const bad = await post(cookie, {
      intent: 'profile',
      name: 'Nuevo Nombre',
      title: 'Jefe',
      phone: 'call me',
    })
    expect(statusOf(bad)).toBe(400)
    const result = bodyOf(bad).result
    expect(result.error.phone).toEqual(['account.profile.phoneFormat'])
    expect(result.initialValue).toMatchObject({ name: 'Nuevo Nombre', title: 'Jefe', phone: 'call me' })
    expect(personByEmail(ME).name).not.toBe('Nuevo Nombre')

    const ok = (await post(cookie, {
      intent: 'profile',
      name: 'Nuevo Nombre',
      title: 'Jefe',
      phone: '+52 55 1234 5678',
    })) as Response
    expect(saidOnce(ok)).toEqual({ location: '/account', key: 'account.done.profile' })
    expect(personByEmail(ME)).toMatchObject({
      name: 'Nuevo Nombre',
      title: 'Jefe',
      phone: '+52 55 1234 5678',
    })
    expect(lastAudit('account.profile')?.actorId).toBe(personByEmail(ME).id)
  })

  it('ignores fields that are not part of the form', async () => {
    const res = await post(cookieFor(ME), { intent: 'profile', name: 'Nuevo Nombre', role: 'secretariat' })
    expect(statusOf(res)).toBe(400)
    expect(personByEmail(ME).role).toBe('delegate')
  })

  it('saves the preferred language and remembers it in the browser', async () => {
    const res = (await post(cookieFor(ME), { intent: 'language', language: 'en' })) as Response
    expect(res.headers.get('Set-Cookie')).toContain('lang=en')
    expect(personByEmail(ME).language).toBe('en')
    expect(statusOf(await post(cookieFor(ME), { intent: 'language', language: 'fr' }))).toBe(400)
  })

  describe('password change', () => {
    it('needs the current password', async () => {
      const res = await post(cookieFor(ME), {
        intent: 'password',
        currentPassword: 'wrong password',
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      })
      expect(statusOf(res)).toBe(400)
      expect(bodyOf(res).result.error.currentPassword).toEqual(['account.password.wrongCurrent'])
      expect(JSON.stringify(bodyOf(res).result)).not.toContain('wrong password')
      expect(lastAudit('account.password')?.outcome).toBe('failed')
      expect((await signIn({ email: ME, password: DEMO_PASSWORD, ip: null, userAgent: null })).ok).toBe(true)
    })

    it('refuses a mismatched confirmation at the field, without sending the passwords back', async () => {
      const res = await post(cookieFor(ME), {
        intent: 'password',
        currentPassword: DEMO_PASSWORD,
        password: NEW_PASSWORD,
        confirm: 'not the same',
      })
      expect(statusOf(res)).toBe(400)
      const result = bodyOf(res).result
      expect(result.error.confirm).toEqual(['account.password.mismatch'])
      for (const field of ['currentPassword', 'password', 'confirm'])
        expect(result.initialValue?.[field]).toBeUndefined()
    })

    it('refuses a password over 128 characters', async () => {
      const long = 'y'.repeat(129)
      const res = await post(cookieFor(ME), {
        intent: 'password',
        currentPassword: DEMO_PASSWORD,
        password: long,
        confirm: long,
      })
      expect(statusOf(res)).toBe(400)
      expect(bodyOf(res).result.error.password).toEqual(['validation.passwordTooLong'])
    })

    it('ends the other sessions and keeps the current one', async () => {
      const current = cookieFor(ME)
      const other = cookieFor(ME)
      const someoneElse = cookieFor('pa.focal@rcm.example')
      const res = (await post(current, {
        intent: 'password',
        currentPassword: DEMO_PASSWORD,
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      })) as Response
      expect(saidOnce(res)).toEqual({ location: '/account/password', key: 'account.done.password' })
      expect(validateSessionToken(tokenOf(current))).not.toBeNull()
      expect(validateSessionToken(tokenOf(other))).toBeNull()
      expect(validateSessionToken(tokenOf(someoneElse))).not.toBeNull()
      expect((await signIn({ email: ME, password: NEW_PASSWORD, ip: null, userAgent: null })).ok).toBe(true)
      expect(JSON.stringify(lastAudit('account.password'))).not.toContain(NEW_PASSWORD)
    })

    it('answers 429 after 10 wrong current passwords', async () => {
      const cookie = cookieFor(ME)
      const wrong = {
        intent: 'password',
        currentPassword: 'nope nope',
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }
      for (let i = 0; i < 10; i++) expect(statusOf(await post(cookie, wrong))).toBe(400)
      const res = await post(cookie, { ...wrong, currentPassword: DEMO_PASSWORD })
      expect(statusOf(res)).toBe(429)
      expect(new Headers((res as { init?: ResponseInit }).init?.headers).get('Retry-After')).toMatch(/^\d+$/)
      const result = bodyOf(res).result
      expect(result.error['']).toEqual(['account.password.throttled'])
      expect(JSON.stringify(result)).not.toContain(DEMO_PASSWORD)
      expect(lastAudit('account.password')).toMatchObject({ outcome: 'refused' })
      const entries = db.select().from(auditLog).where(eq(auditLog.action, 'account.password')).all()
      expect(entries.map((e) => e.outcome)).toEqual([...Array(10).fill('failed'), 'refused'])
      expect((await signIn({ email: ME, password: NEW_PASSWORD, ip: null, userAgent: null })).ok).toBe(false)
    })
  })

  describe('sessions', () => {
    it('lists own sessions, marks the current one, and ends one or all others', async () => {
      const current = cookieFor(ME)
      const second = cookieFor(ME)
      const third = cookieFor(ME)
      cookieFor('pa.focal@rcm.example')
      const listed = bodyOf(await page(current, '/account/sessions')).sessions
      expect(listed).toHaveLength(3)
      expect(listed.filter((s: { current: boolean }) => s.current).map((s: { id: string }) => s.id)).toEqual([
        hashToken(tokenOf(current)),
      ])

      // ending a session asks first: nothing is ended without the confirmation
      const asked = await post(current, { intent: 'end-session', sessionId: hashToken(tokenOf(second)) })
      expect(statusOf(asked)).toBe(200)
      expect(bodyOf(asked).confirmation.fields).toContainEqual(['sessionId', hashToken(tokenOf(second))])
      expect(validateSessionToken(tokenOf(second))).not.toBeNull()
      expect(lastAudit('account.endSession')).toBeUndefined()
      const one = (await post(current, {
        intent: 'end-session',
        sessionId: hashToken(tokenOf(second)),
        confirmed: 'yes',
      })) as Response
      expect(saidOnce(one)).toEqual({ location: '/account/sessions', key: 'account.done.endSession' })
      expect(validateSessionToken(tokenOf(second))).toBeNull()
      expect(validateSessionToken(tokenOf(third))).not.toBeNull()

      expect(statusOf(await post(current, { intent: 'end-other-sessions' }))).toBe(200)
      expect(validateSessionToken(tokenOf(third))).not.toBeNull()
      const rest = (await post(current, { intent: 'end-other-sessions', confirmed: 'yes' })) as Response
      expect(saidOnce(rest)).toEqual({ location: '/account/sessions', key: 'account.done.endOthers' })
      expect(validateSessionToken(tokenOf(third))).toBeNull()
      expect(validateSessionToken(tokenOf(current))).not.toBeNull()
    })

    it("cannot end another person's session", async () => {
      const theirs = cookieFor('pa.focal@rcm.example')
      const theirId = hashToken(tokenOf(theirs))
      // refused, not asked: someone else's session is not the person's to confirm
      const res = await post(cookieFor(ME), { intent: 'end-session', sessionId: theirId })
      expect(statusOf(res)).toBe(404)
      expect(validateSessionToken(tokenOf(theirs))).not.toBeNull()
      expect(invalidateOwnSession(personByEmail(ME).id, theirId)).toBe(false)
      expect(lastAudit('account.endSession')?.outcome).toBe('refused')
    })

    it('cannot end a session twice', async () => {
      const current = cookieFor(ME)
      const second = cookieFor(ME)
      const sessionId = hashToken(tokenOf(second))
      await post(current, { intent: 'end-session', sessionId, confirmed: 'yes' })
      expect(statusOf(await post(current, { intent: 'end-session', sessionId }))).toBe(404)
      const entries = db.select().from(auditLog).where(eq(auditLog.action, 'account.endSession')).all()
      expect(entries.map((e) => e.outcome)).toEqual(['ok', 'refused'])
      expect(statusOf(await post(current, { intent: 'end-session', sessionId: 'not-a-session' }))).toBe(400)
    })

    it('ending the current session signs out', async () => {
      const current = cookieFor(ME)
      const res = (await post(current, {
        intent: 'end-session',
        sessionId: hashToken(tokenOf(current)),
        confirmed: 'yes',
      })) as Response
      expect(res.headers.get('Location')).toBe('/login')
      expect(res.headers.get('Set-Cookie')).toContain('Max-Age=0')
    })

    it('describes the browser without keeping the whole user agent', () => {
      expect(
        describeBrowser('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'),
      ).toBe('Firefox · Windows')
      expect(describeBrowser(null)).toBeNull()
    })
  })

  describe('personal API tokens', () => {
    it('shows a new token once; revoking it stops it working', async () => {
      const cookie = cookieFor(ME)
      const res = await post(cookie, { intent: 'create-token', name: 'Monthly report', expiresInDays: '30' })
      expect(statusOf(res)).toBe(200)
      const created = bodyOf(res).created
      expect(created.token).toMatch(/^rcm_/)
      expect(validateApiToken(created.token)).toEqual({ personId: personByEmail(ME).id, scope: 'read' })
      const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(29.9)
      expect(days).toBeLessThan(30.1)
      expect(JSON.stringify(lastAudit('account.apiToken.create'))).not.toContain(created.token)

      const listed = bodyOf(await page(cookie, '/account/tokens')).tokens
      expect(listed).toHaveLength(1)
      expect(listed[0]).toMatchObject({ name: 'Monthly report', status: 'active' })
      expect(JSON.stringify(listed)).not.toContain(created.token)

      // revoking asks first: the token works until the confirmation
      const asked = await post(cookie, { intent: 'revoke-token', tokenId: created.id })
      expect(statusOf(asked)).toBe(200)
      expect(bodyOf(asked).confirmation.fields).toContainEqual(['tokenId', created.id])
      expect(validateApiToken(created.token)).not.toBeNull()
      expect(lastAudit('account.apiToken.revoke')).toBeUndefined()
      const revoked = (await post(cookie, {
        intent: 'revoke-token',
        tokenId: created.id,
        confirmed: 'yes',
      })) as Response
      expect(saidOnce(revoked)).toEqual({ location: '/account/tokens', key: 'confirm.done.tokenRevoked' })
      expect(validateApiToken(created.token)).toBeNull()
      expect(bodyOf(await page(cookie, '/account/tokens')).tokens[0].status).toBe('revoked')
    })

    it('cannot revoke a token twice, and lists only own tokens', async () => {
      const cookie = cookieFor(ME)
      const mine = createApiToken(personByEmail(ME).id, 'mine')
      createApiToken(personByEmail('pa.focal@rcm.example').id, 'theirs')
      expect(
        bodyOf(await page(cookie, '/account/tokens')).tokens.map((t: { name: string }) => t.name),
      ).toEqual(['mine'])
      await post(cookie, { intent: 'revoke-token', tokenId: mine.id, confirmed: 'yes' })
      // revoked already: refused at once, not asked again
      expect(statusOf(await post(cookie, { intent: 'revoke-token', tokenId: mine.id }))).toBe(404)
      expect(lastAudit('account.apiToken.revoke')?.outcome).toBe('refused')
    })

    it('expires a token after the chosen number of days', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      const res = await post(cookieFor(ME), { intent: 'create-token', name: 'Short', expiresInDays: '30' })
      const { token } = bodyOf(res).created
      expect(validateApiToken(token)).not.toBeNull()
      expect(validateApiToken(token, Date.now() + 31 * 24 * 3600 * 1000)).toBeNull()
    })

    it("cannot revoke another person's token, nor pick an expiry outside the list", async () => {
      const { id, token } = createApiToken(personByEmail('pa.focal@rcm.example').id, 'theirs')
      expect(statusOf(await post(cookieFor(ME), { intent: 'revoke-token', tokenId: id }))).toBe(404)
      expect(validateApiToken(token)).not.toBeNull()
      const odd = await post(cookieFor(ME), {
        intent: 'create-token',
        name: 'Forever',
        expiresInDays: '99999',
      })
      expect(statusOf(odd)).toBe(400)
      expect(bodyOf(odd).result.initialValue.name).toBe('Forever')
    })
  })

  describe('second factor', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] })
    })

    it('sets up with a correct code, refuses a wrong one, and turns off with a current code', async () => {
      const cookie = cookieFor(ME)
      expect(bodyOf(await page(cookie, '/account/second-factor')).enrolment).toBeNull()
      const setup = bodyOf(await page(cookie, '/account/second-factor?totp=setup'))
      expect(setup.secondFactor).toMatchObject({ enrolled: false, required: false })
      const secret: string = setup.enrolment.secret

      const wrongCode = ['123456', '654321'].find(
        (c) => ![-30_000, 0, 30_000].some((d) => totpCodeAt(secret, Date.now() + d) === c),
      )!
      const wrong = await post(cookie, { intent: 'totp-enrol', secret, code: wrongCode })
      expect(statusOf(wrong)).toBe(400)
      expect(bodyOf(wrong).result.error.code).toEqual(['account.totp.wrongCode'])
      expect(bodyOf(wrong).enrolment.secret).toBe(secret)
      expect(personByEmail(ME).totpKey).toBeNull()

      const ok = (await post(cookie, { intent: 'totp-enrol', secret, code: totpCodeAt(secret) })) as Response
      expect(saidOnce(ok)).toEqual({ location: '/account/second-factor', key: 'account.done.totpOn' })
      expect(personByEmail(ME).totpKey).toBe(secret)
      expect(bodyOf(await page(cookie, '/account/second-factor')).secondFactor).toMatchObject({
        enrolled: true,
        required: false,
        canTurnOff: true,
      })
      // Signing in now owes a code.
      const again = await signIn({ email: ME, password: DEMO_PASSWORD, ip: null, userAgent: null })
      expect(again.ok && again.needsSecondFactor).toBe(true)

      vi.setSystemTime(Date.now() + 30_000)
      const off = (await post(cookie, { intent: 'totp-disable', code: totpCodeAt(secret) })) as Response
      expect(saidOnce(off)).toEqual({ location: '/account/second-factor', key: 'account.done.totpOff' })
      expect(personByEmail(ME).totpKey).toBeNull()
      expect(lastAudit('account.secondFactor.disable')?.outcome).toBe('ok')
    })

    it('does not let a secretariat member turn it off', async () => {
      const officer = 'secretariat2@rcm.example'
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
      db.update(people).set({ totpExempt: false, totpKey: secret }).where(eq(people.email, officer)).run()
      const cookie = cookieFor(officer)
      // the page offers no way to turn it off (can(): secondFactor.turnOff), and the server refuses it
      expect(bodyOf(await page(cookie, '/account/second-factor')).secondFactor).toMatchObject({
        enrolled: true,
        required: true,
        canTurnOff: false,
      })
      const res = await post(cookie, { intent: 'totp-disable', code: totpCodeAt(secret) })
      expect(statusOf(res)).toBe(403)
      expect(personByEmail(officer).totpKey).toBe(secret)
      expect(lastAudit('account.secondFactor.disable')?.outcome).toBe('refused')
      expect(
        disableSecondFactor({ personId: personByEmail(officer).id, code: totpCodeAt(secret), ip: null }),
      ).toEqual({
        ok: false,
        reason: 'required',
      })
    })

    it('says that the demo secretariat account is exempt', async () => {
      const status = bodyOf(
        await page(cookieFor('secretariat@rcm.example'), '/account/second-factor'),
      ).secondFactor
      expect(status).toMatchObject({ enrolled: false, required: false, exempt: true })
    })
  })
})
