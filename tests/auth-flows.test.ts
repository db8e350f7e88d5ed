import { and, count, desc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { auditLog, mailOutbox, organizations, people, sessions } from '@db/schema'
import { DEMO_PASSWORD } from '@db/seed/demo'
import { resetEnvCache } from '~/env.server'
import { acceptInvitation } from '~/modules/auth/invitations-accept.server'
import { createOneTimeToken } from '~/modules/auth/one-time-tokens.server'
import { hashPassword, PasswordLengthError } from '~/modules/auth/password.server'
import { requestPasswordReset } from '~/modules/auth/password-reset.server'
import { validateSessionToken } from '~/modules/auth/session.server'
import { signIn } from '~/modules/auth/sign-in.server'
import { totpCodeAt } from '~/modules/auth/totp.server'
import { getViewer } from '~/modules/auth/viewer.server'
import { action as invitationAction, loader as invitationLoader } from '~/routes/invitation.$token'
import { action as secondFactorAction, loader as secondFactorLoader } from '~/routes/login_.second-factor'
import { action as resetRequestAction } from '~/routes/password-reset._index'
import { action as resetAction, loader as resetLoader } from '~/routes/password-reset.$token'
import { cookieFor, freshDemoDb, makeRequest, personByEmail } from './helpers/db'

const DAY = 24 * 3600 * 1000
const INVITED = 'gt.newdelegate@rcm.example'
const NEW_PASSWORD = 'a long new passphrase'

const args = (request: Request, params: Record<string, string> = {}) => ({
  request,
  params,
  context: { clientIp: '203.0.113.7' },
})

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

/** The session token in a Set-Cookie header. */
function tokenFromCookie(response: Response): string {
  const m = /rcm_session=([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')
  if (!m) throw new Error('no session cookie')
  return m[1]
}

const lastAudit = (action: string) =>
  db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).get()

const invite = (email: string, now = Date.now()) =>
  createOneTimeToken(db, { kind: 'invitation', personId: personByEmail(email).id }, now)

const getInvitation = (token: string, headers: Record<string, string> = {}) =>
  outcome(() => invitationLoader(args(makeRequest(`/invitation/${token}`, { headers }), { token })))

const postInvitation = (token: string, form: Record<string, string>) =>
  outcome(() => invitationAction(args(makeRequest(`/invitation/${token}`, { form }), { token })))

describe('invitation link', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows who is invited, sets the password once and signs the person in', async () => {
    const token = invite(INVITED)
    const page = await getInvitation(token)
    expect(statusOf(page)).toBe(200)
    expect(bodyOf(page).view).toMatchObject({
      state: 'ok',
      name: 'Rosa Elvira Tzul',
      email: INVITED,
      organization: 'Guatemala',
    })

    const res = (await postInvitation(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/')
    const session = validateSessionToken(tokenFromCookie(res))
    expect(session?.personId).toBe(personByEmail(INVITED).id)
    expect(session?.twoFactorVerified).toBe(true)
    const person = personByEmail(INVITED)
    expect(person.status).toBe('active')
    expect((await signIn({ email: INVITED, password: NEW_PASSWORD, ip: null, userAgent: null })).ok).toBe(
      true,
    )
    expect(lastAudit('auth.acceptInvitation')).toMatchObject({ outcome: 'ok', targetId: person.id })
    expect(JSON.stringify(lastAudit('auth.acceptInvitation'))).not.toContain(NEW_PASSWORD)

    // Second use: refused with a clear page, the password stays what was set first.
    const again = await postInvitation(token, { password: 'another password!', confirm: 'another password!' })
    expect(statusOf(again)).toBe(410)
    expect(bodyOf(again)).toEqual({ refused: 'used' })
    expect(personByEmail(INVITED).passwordHash).toBe(person.passwordHash)
    const reopened = await getInvitation(token)
    expect(statusOf(reopened)).toBe(410)
    expect(bodyOf(reopened).view.state).toBe('used')
  })

  it('refuses an expired link, on the page and on submit', async () => {
    const token = invite(INVITED)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 8 * DAY)
    const page = await getInvitation(token)
    expect(statusOf(page)).toBe(410)
    expect(bodyOf(page).view.state).toBe('expired')
    const res = await postInvitation(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(statusOf(res)).toBe(410)
    expect(bodyOf(res)).toEqual({ refused: 'expired' })
    expect(personByEmail(INVITED).status).toBe('invited')
    expect(personByEmail(INVITED).passwordHash).toBeNull()
    expect(lastAudit('auth.acceptInvitation')).toMatchObject({ outcome: 'refused' })
  })

  it('refuses an unknown link with 404', async () => {
    expect(statusOf(await getInvitation('not-a-real-token'))).toBe(404)
    const res = await postInvitation('not-a-real-token', { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(statusOf(res)).toBe(404)
  })

  it('answers in the invited person’s language unless they chose one', async () => {
    db.update(people).set({ language: 'en' }).where(eq(people.email, INVITED)).run()
    const token = invite(INVITED)
    const res = (await getInvitation(token, { 'Accept-Language': 'es' })) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(`/invitation/${token}?lang=en`)
    // A used link is refused in the person's language too.
    await acceptInvitation({ token, password: NEW_PASSWORD, ip: null, userAgent: null })
    const used = (await getInvitation(token)) as Response
    expect(used.headers.get('Location')).toBe(`/invitation/${token}?lang=en`)
    // Once the person picked a language with the switch, that choice wins.
    const chosen = await outcome(() =>
      invitationLoader(args(makeRequest(`/invitation/${token}?lang=es`), { token })),
    )
    expect(statusOf(chosen)).toBe(410)
  })

  it('refuses a mismatched confirmation with a field error, without echoing the passwords', async () => {
    const token = invite(INVITED)
    const res = await postInvitation(token, { password: NEW_PASSWORD, confirm: 'something else' })
    expect(statusOf(res)).toBe(400)
    const result = bodyOf(res).result
    expect(result.error.confirm).toEqual(['account.password.mismatch'])
    expect(result.initialValue?.password).toBeUndefined()
    expect(result.initialValue?.confirm).toBeUndefined()
    expect(personByEmail(INVITED).status).toBe('invited')
  })

  it('refuses a password over 128 characters before hashing', async () => {
    const token = invite(INVITED)
    const long = 'x'.repeat(129)
    const res = await postInvitation(token, { password: long, confirm: long })
    expect(statusOf(res)).toBe(400)
    expect(bodyOf(res).result.error.password).toEqual(['validation.passwordTooLong'])
    await expect(hashPassword(long)).rejects.toBeInstanceOf(PasswordLengthError)
    // The service refuses it too, without using up the link.
    const direct = await acceptInvitation({ token, password: long, ip: null, userAgent: null })
    expect(direct).toMatchObject({ ok: false, reason: 'password' })
    expect(personByEmail(INVITED).status).toBe('invited')
  })

  it('sends an invited secretariat member on to second-factor enrolment', async () => {
    const secretariat = db.select().from(organizations).where(eq(organizations.code, 'SECRETARIAT')).get()!
    db.insert(people)
      .values({
        email: 'new.officer@rcm.example',
        name: 'New Officer',
        organizationId: secretariat.id,
        role: 'secretariat',
        status: 'invited',
      })
      .run()
    const token = invite('new.officer@rcm.example')
    const res = (await postInvitation(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })) as Response
    expect(res.headers.get('Location')).toBe('/login/second-factor?redirectTo=%2F')
    expect(validateSessionToken(tokenFromCookie(res))?.twoFactorVerified).toBe(false)
  })
})

describe('password reset', () => {
  beforeEach(() => {
    freshDemoDb()
    process.env.APP_ORIGIN = 'https://portal.example.org'
    resetEnvCache()
  })
  afterEach(() => {
    delete process.env.APP_ORIGIN
    resetEnvCache()
    vi.useRealTimers()
  })

  const requestReset = (email: string, ip = '203.0.113.7') =>
    outcome(() =>
      resetRequestAction({
        request: makeRequest('/password-reset', { form: { email } }),
        params: {},
        context: { clientIp: ip },
      }),
    )
  // the password-reset mails only (the demo data has sent others to the same people)
  const mailsTo = (to: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, to), eq(mailOutbox.kind, 'password_reset')))
      .all()
  const tokenInMail = (text: string) => /\/password-reset\/([a-z0-9]+)/.exec(text)![1]

  it('gives the same answer whether the account exists or not, and mails only real accounts', async () => {
    const known = await requestReset('pa.focal@rcm.example')
    const unknown = await requestReset('nobody@rcm.example')
    expect(statusOf(known)).toBe(200)
    expect(statusOf(unknown)).toBe(200)
    expect(bodyOf(unknown).sent).toBe(true)
    expect(bodyOf(known)).toEqual(bodyOf(unknown))
    expect(mailsTo('nobody@rcm.example')).toHaveLength(0)
    const [mail] = mailsTo('pa.focal@rcm.example')
    expect(mail.kind).toBe('password_reset')
    expect(mail.subject).toBe('Restablecer su contraseña del Portal CRM') // pa.focal prefers Spanish
    expect(mail.text).toMatch(/https:\/\/portal\.example\.org\/password-reset\/[a-z0-9]{20,}/)
    // An English speaker gets the English mail.
    await requestReset('iom@rcm.example')
    expect(mailsTo('iom@rcm.example')[0].subject).toBe('Reset your RCM Portal password')
  })

  it('limits requests per e-mail address, the same way for unknown addresses', async () => {
    for (let i = 0; i < 5; i++) {
      expect(statusOf(await requestReset('pa.focal@rcm.example', `198.51.100.${i}`))).toBe(200)
      expect(statusOf(await requestReset('nobody@rcm.example', `198.51.100.${i}`))).toBe(200)
    }
    const known = await requestReset('pa.focal@rcm.example', '198.51.100.99')
    const unknown = await requestReset('nobody@rcm.example', '198.51.100.99')
    expect(statusOf(known)).toBe(429)
    expect(statusOf(unknown)).toBe(429)
    expect((known as { init: { headers: Record<string, string> } }).init.headers['Retry-After']).toBeTruthy()
    expect(mailsTo('pa.focal@rcm.example')).toHaveLength(5)
  })

  it('limits requests per IP address', () => {
    for (let i = 0; i < 20; i++)
      expect(requestPasswordReset({ email: `x${i}@example.org`, ip: '192.0.2.1' }).ok).toBe(true)
    expect(requestPasswordReset({ email: 'y@example.org', ip: '192.0.2.1' })).toMatchObject({
      reason: 'throttled',
    })
    expect(requestPasswordReset({ email: 'y@example.org', ip: '192.0.2.2' }).ok).toBe(true)
  })

  it('sets the new password once and ends every session of the person', async () => {
    const email = 'mx.delegate@rcm.example'
    const personId = personByEmail(email).id
    // APP_ORIGIN is https in this block: the session cookie has the __Host- prefix, not needed here.
    cookieFor(email)
    cookieFor(email)
    const sessionsOf = () =>
      db.select({ n: count() }).from(sessions).where(eq(sessions.personId, personId)).get()!.n
    expect(sessionsOf()).toBe(2)
    await requestReset(email)
    const token = tokenInMail(mailsTo(email)[0].text)

    const page = await outcome(() => resetLoader(args(makeRequest(`/password-reset/${token}`), { token })))
    expect(bodyOf(page)).toEqual({ state: 'ok' })
    const done = await outcome(() =>
      resetAction(
        args(
          makeRequest(`/password-reset/${token}`, {
            form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD },
          }),
          { token },
        ),
      ),
    )
    // done: to the sign-in page with a notice (never this link's page, which now answers 410)
    expect(statusOf(done)).toBe(302)
    expect((done as Response).headers.get('Location')).toBe('/login?reset=done')
    expect((done as Response).headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
    expect(sessionsOf()).toBe(0)
    expect((await signIn({ email, password: DEMO_PASSWORD, ip: null, userAgent: null })).ok).toBe(false)
    expect((await signIn({ email, password: NEW_PASSWORD, ip: null, userAgent: null })).ok).toBe(true)
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.passwordReset.complete'), eq(auditLog.targetId, personId)))
      .get()
    expect(entry?.outcome).toBe('ok')
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD)
    expect(JSON.stringify(entry)).not.toContain(token)

    const again = await outcome(() =>
      resetAction(
        args(
          makeRequest(`/password-reset/${token}`, {
            form: { password: 'yet another one', confirm: 'yet another one' },
          }),
          { token },
        ),
      ),
    )
    expect(statusOf(again)).toBe(410)
    expect((await signIn({ email, password: 'yet another one', ip: null, userAgent: null })).ok).toBe(false)
  })

  it('refuses an expired link', async () => {
    await requestReset('mx.delegate@rcm.example')
    const token = tokenInMail(mailsTo('mx.delegate@rcm.example')[0].text)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 61 * 60 * 1000)
    const page = await outcome(() => resetLoader(args(makeRequest(`/password-reset/${token}`), { token })))
    expect(statusOf(page)).toBe(410)
    expect(bodyOf(page)).toEqual({ state: 'expired' })
    const res = await outcome(() =>
      resetAction(
        args(
          makeRequest(`/password-reset/${token}`, {
            form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD },
          }),
          { token },
        ),
      ),
    )
    expect(statusOf(res)).toBe(410)
  })
})

describe('second factor at sign-in', () => {
  const OFFICER = 'secretariat2@rcm.example'
  beforeEach(() => {
    freshDemoDb()
    // The demo's secretariat accounts are exempt; a real one is not.
    db.update(people).set({ totpExempt: false }).where(eq(people.email, OFFICER)).run()
    vi.useFakeTimers({ toFake: ['Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  async function signInAs(email: string) {
    const r = await signIn({ email, password: DEMO_PASSWORD, ip: null, userAgent: null })
    if (!r.ok) throw new Error('sign-in failed')
    expect(r.needsSecondFactor).toBe(true)
    return `rcm_session=${r.token}`
  }
  const page = (cookie: string, redirectTo = '/members') =>
    outcome(() =>
      secondFactorLoader(
        args(makeRequest(`/login/second-factor?redirectTo=${encodeURIComponent(redirectTo)}`, { cookie })),
      ),
    )
  const submit = (cookie: string, form: Record<string, string>) =>
    outcome(() => secondFactorAction(args(makeRequest('/login/second-factor', { cookie, form }))))
  const signedIn = (cookie: string) => getViewer(makeRequest('/', { cookie }))

  it('makes a secretariat member enrol, refusing a wrong code, then asks for codes', async () => {
    const cookie = await signInAs(OFFICER)
    expect(signedIn(cookie)).toBeNull()
    const shown = bodyOf(await page(cookie))
    expect(shown.redirectTo).toBe('/members')
    const secret: string = shown.enrolment.secret
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(shown.enrolment.uri).toContain('otpauth://totp/RCM%20Portal:')
    expect(shown.enrolment.qrSvg).toMatch(/^<svg[^>]*>/)
    expect(shown.enrolment.qrSvg).not.toMatch(/<script|style=/i)

    const wrong = await submit(cookie, { code: '000000', secret, redirectTo: '/members' })
    expect(statusOf(wrong)).toBe(400)
    expect(bodyOf(wrong).result.error.code).toEqual(['account.totp.wrongCode'])
    expect(bodyOf(wrong).enrolment.secret).toBe(secret) // the same QR stays on the page
    expect(personByEmail(OFFICER).totpKey).toBeNull()
    expect(lastAudit('account.secondFactor.enrol')?.outcome).toBe('failed')

    const ok = (await submit(cookie, {
      code: totpCodeAt(secret),
      secret,
      redirectTo: '/members',
    })) as Response
    expect(ok.headers.get('Location')).toBe('/members')
    expect(personByEmail(OFFICER).totpKey).toBe(secret)
    expect(signedIn(cookie)?.email).toBe(OFFICER)
    expect(JSON.stringify(lastAudit('account.secondFactor.enrol'))).not.toContain(secret)

    // The next sign-in asks for a code (no enrolment any more); a used code does not work twice.
    const next = await signInAs(OFFICER)
    expect(bodyOf(await page(next)).enrolment).toBeNull()
    const replay = await submit(next, { code: totpCodeAt(secret) })
    expect(statusOf(replay)).toBe(400)
    vi.setSystemTime(Date.now() + 30_000)
    const evil = (await submit(next, { code: totpCodeAt(secret), redirectTo: '//evil.example' })) as Response
    expect(evil.headers.get('Location')).toBe('/')
    expect(signedIn(next)?.email).toBe(OFFICER)
    expect(lastAudit('auth.secondFactor')?.outcome).toBe('ok')
  })

  it('accepts a code from one step before or after, not two', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    db.update(people).set({ totpKey: secret }).where(eq(people.email, 'pa.focal@rcm.example')).run()
    const now = Date.now()
    const late = await signInAs('pa.focal@rcm.example')
    expect(statusOf(await submit(late, { code: totpCodeAt(secret, now - 60_000) }))).toBe(400)
    expect(statusOf(await submit(late, { code: totpCodeAt(secret, now - 30_000) }))).toBe(302)
  })

  it('answers 429 after 10 wrong codes', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    db.update(people).set({ totpKey: secret }).where(eq(people.email, 'pa.focal@rcm.example')).run()
    const cookie = await signInAs('pa.focal@rcm.example')
    const now = Date.now()
    const valid = [-30_000, 0, 30_000].map((d) => totpCodeAt(secret, now + d))
    const wrong = ['123456', '654321', '111111', '222222'].find((c) => !valid.includes(c))!
    for (let i = 0; i < 10; i++) expect(statusOf(await submit(cookie, { code: wrong }))).toBe(400)
    const throttled = await submit(cookie, { code: totpCodeAt(secret) })
    expect(statusOf(throttled)).toBe(429)
    expect(signedIn(cookie)).toBeNull()
  })

  it('sends people without a pending session to the sign-in page', async () => {
    const none = (await page('')) as Response
    expect(none.headers.get('Location')).toBe('/login?redirectTo=%2Fmembers')
    const verified = (await page(cookieFor('pa.focal@rcm.example'))) as Response
    expect(verified.headers.get('Location')).toBe('/members')
  })
})
