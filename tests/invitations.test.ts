import { and, count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, mailOutbox, oneTimeTokens, organizations, people } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { checkOneTimeToken } from '~/modules/auth/one-time-tokens.server'
import { sessionCookieName } from '~/modules/auth/session.server'
import { invitePerson } from '~/modules/members/people.server'
import { action, loader } from '~/routes/invite'
import { cookieFor, freshDemoDb, makeRequest, viewerFor } from './helpers/db'

const args = (request: Request) => ({ request, params: {}, context: {} })

/** What a loader or action threw (a Response or a `data()` value). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status
  const init = (value as { init?: { status?: number } } | null)?.init
  return init?.status ?? 200
}

/** The body of an action result, whether returned plain or with `data(body, init)`. */
function bodyOf<T>(value: T): Extract<T, { invited: unknown }> {
  const v = value as { type?: string; data?: unknown }
  return (v?.type === 'DataWithResponseInit' ? v.data : value) as Extract<T, { invited: unknown }>
}

const orgId = (code: string) => db.select().from(organizations).where(eq(organizations.code, code)).get()!.id
const personWith = (email: string) => db.select().from(people).where(eq(people.email, email)).get()
const countOf = (table: typeof people | typeof mailOutbox | typeof oneTimeTokens) =>
  db.select({ n: count() }).from(table).get()!.n

function form(overrides: Record<string, string> = {}) {
  return {
    name: 'Nueva Persona',
    email: 'nueva@example.org',
    title: 'Asesora',
    organization: 'PA',
    role: 'delegate',
    language: 'es',
    ...overrides,
  }
}

/** Over HTTPS (APP_ORIGIN https://...) the session cookie takes the `__Host-` prefix. */
const sessionCookie = (email: string) => cookieFor(email).replace(/^rcm_session=/, `${sessionCookieName()}=`)

async function postInvite(as: string, fields: Record<string, string>) {
  return action(args(makeRequest('/invite', { cookie: sessionCookie(as), form: fields })))
}

describe('invitations', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  afterEach(() => {
    delete process.env.APP_ORIGIN
    delete process.env.SMTP_URL
    resetEnvCache()
  })

  it('the secretariat invites into any organization, including the secretariat itself', async () => {
    for (const [code, role, email] of [
      ['MX', 'focal_point', 'a@example.org'],
      ['IOM', 'delegate', 'b@example.org'],
      ['SECRETARIAT', 'secretariat', 'c@example.org'],
    ]) {
      const result = await postInvite('secretariat@rcm.example', form({ organization: code, role, email }))
      expect(statusOf(result)).toBe(200)
      const p = personWith(email)!
      expect(p).toMatchObject({ organizationId: orgId(code), role, status: 'invited', passwordHash: null })
    }
  })

  it('a Panama focal point invites into Panama and its institutions', async () => {
    const result = await postInvite('pa.focal@rcm.example', form({ institution: 'PA-SNM' }))
    expect(statusOf(result)).toBe(200)
    expect(bodyOf(result).invited?.email).toBe('nueva@example.org')
    const p = personWith('nueva@example.org')!
    expect(p.organizationId).toBe(orgId('PA'))
    expect(p.institutionId).toBe(orgId('PA-SNM'))
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.invite'), eq(auditLog.targetId, p.id)))
      .get()
    expect(entry).toMatchObject({ outcome: 'ok', actorEmail: 'pa.focal@rcm.example' })
  })

  it('a Panama focal point cannot invite into Mexico: 403, nothing written, the refusal audited', async () => {
    const before = [countOf(people), countOf(mailOutbox), countOf(oneTimeTokens)]
    const error = await thrown(() => postInvite('pa.focal@rcm.example', form({ organization: 'MX' })))
    expect(statusOf(error)).toBe(403)
    expect([countOf(people), countOf(mailOutbox), countOf(oneTimeTokens)]).toEqual(before)
    expect(personWith('nueva@example.org')).toBeUndefined()
    const refusal = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.invite'), eq(auditLog.outcome, 'refused')))
      .get()
    expect(refusal?.actorEmail).toBe('pa.focal@rcm.example')
  })

  it('a Mexican delegate cannot invite at all, not even into Mexico', async () => {
    const before = countOf(people)
    for (const organization of ['PA', 'MX']) {
      const error = await thrown(() => postInvite('mx.delegate@rcm.example', form({ organization })))
      expect(statusOf(error)).toBe(403)
    }
    const page = await thrown(() =>
      loader(args(makeRequest('/invite', { cookie: cookieFor('mx.delegate@rcm.example') }))),
    )
    expect(statusOf(page)).toBe(403)
    expect(countOf(people)).toBe(before)
  })

  it('only the secretariat can create a secretariat account', async () => {
    const before = countOf(people)
    const delegate = await thrown(() =>
      postInvite('mx.delegate@rcm.example', form({ organization: 'SECRETARIAT', role: 'secretariat' })),
    )
    expect(statusOf(delegate)).toBe(403)
    const focalIntoSecretariat = await thrown(() =>
      postInvite('pa.focal@rcm.example', form({ organization: 'SECRETARIAT', role: 'secretariat' })),
    )
    expect(statusOf(focalIntoSecretariat)).toBe(403)
    // The role without the organization is refused at the field.
    const focalOwnOrg = await postInvite('pa.focal@rcm.example', form({ role: 'secretariat' }))
    expect(statusOf(focalOwnOrg)).toBe(400)
    expect(bodyOf(focalOwnOrg).result.error?.role).toEqual(['admin.invite.roleMismatch'])
    expect(countOf(people)).toBe(before)
  })

  it('refuses an institution of another state', async () => {
    const result = await postInvite('pa.focal@rcm.example', form({ institution: 'MX-SRE' }))
    expect(statusOf(result)).toBe(400)
    expect(bodyOf(result).result.error?.institution).toEqual(['admin.invite.institutionMismatch'])
    expect(personWith('nueva@example.org')).toBeUndefined()
  })

  it('an e-mail already in use is a field error, whatever its case', async () => {
    const before = countOf(people)
    const result = await postInvite('secretariat@rcm.example', form({ email: 'MX.Delegate@rcm.example' }))
    expect(statusOf(result)).toBe(400)
    expect(bodyOf(result).result.error?.email).toEqual(['admin.invite.emailTaken'])
    expect(countOf(people)).toBe(before)
    // The service says the same when called directly.
    const direct = invitePerson(viewerFor('secretariat@rcm.example'), {
      ...form({ email: 'pa.focal@rcm.example' }),
      role: 'delegate',
      language: 'es',
    })
    expect(direct).toEqual({ ok: false, fieldErrors: { email: ['admin.invite.emailTaken'] } })
  })

  it('invalid input is answered with 400 and field errors', async () => {
    const result = await postInvite(
      'secretariat@rcm.example',
      form({ email: 'not-an-email', name: '', organization: '' }),
    )
    expect(statusOf(result)).toBe(400)
    const errors = bodyOf(result).result.error
    expect(errors?.email).toEqual(['validation.email'])
    expect(errors?.name).toEqual(['validation.required'])
    expect(errors?.organization).toEqual(['validation.required'])
  })

  it('ignores injected fields (status, password, organization id, second-factor exemption)', async () => {
    const result = await postInvite(
      'pa.focal@rcm.example',
      form({
        status: 'active',
        passwordHash: 'x',
        organizationId: orgId('MX'),
        totpExempt: '1',
        id: 'chosen-id',
      }),
    )
    expect(statusOf(result)).toBe(200)
    const p = personWith('nueva@example.org')!
    expect(p.status).toBe('invited')
    expect(p.passwordHash).toBeNull()
    expect(p.organizationId).toBe(orgId('PA'))
    expect(p.totpExempt).toBe(false)
    expect(p.id).not.toBe('chosen-id')
  })

  it('queues a mail in the invitee language with a one-time link on APP_ORIGIN', async () => {
    process.env.APP_ORIGIN = 'https://portal.example.org'
    resetEnvCache()
    const result = await postInvite('secretariat@rcm.example', form({ organization: 'IOM', language: 'en' }))
    expect(statusOf(result)).toBe(200)
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nueva@example.org')).get()!
    expect(mail.kind).toBe('invitation')
    expect(mail.subject).toBe('Your invitation to the RCM Portal')
    const match = /(https?:\/\/\S+)/.exec(mail.text)
    expect(match).not.toBeNull()
    const link = new URL(match![1])
    expect(link.origin).toBe('https://portal.example.org')
    expect(link.pathname).toMatch(/^\/invitation\/[a-z0-9]+$/)
    const token = link.pathname.split('/').pop()!
    const check = checkOneTimeToken(db, 'invitation', token)
    expect(check).toMatchObject({ ok: true, personId: personWith('nueva@example.org')!.id })
    // Without SMTP the outbox is the delivery: the page shows the same link to hand over.
    expect(bodyOf(result).invited?.link).toBe(link.toString())
  })

  it('a Spanish-speaking invitee gets the mail in Spanish', async () => {
    await postInvite('secretariat@rcm.example', form({ language: 'es' }))
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nueva@example.org')).get()!
    expect(mail.subject).toBe('Su invitación al Portal de la CRM')
  })

  it('does not show the link when SMTP delivers the mail', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    resetEnvCache()
    const result = await postInvite('secretariat@rcm.example', form())
    expect(statusOf(result)).toBe(200)
    expect(bodyOf(result).invited).toMatchObject({ email: 'nueva@example.org', link: null })
  })

  it('offers each inviter only the organizations and roles they may use', async () => {
    const forFocal = await loader(args(makeRequest('/invite', { cookie: cookieFor('pa.focal@rcm.example') })))
    expect(forFocal.organizations.map((o) => o.code)).toEqual(['PA'])
    expect(forFocal.organizations[0].institutions.map((i) => i.code)).toContain('PA-SNM')
    expect(forFocal.roles).not.toContain('secretariat')
    expect(forFocal.selected).toBe('PA')

    const forSecretariat = await loader(
      args(makeRequest('/invite?org=mx', { cookie: cookieFor('secretariat@rcm.example') })),
    )
    expect(forSecretariat.organizations.map((o) => o.code)).toEqual(
      expect.arrayContaining(['PA', 'MX', 'IOM', 'CO', 'SECRETARIAT']),
    )
    expect(forSecretariat.organizations.map((o) => o.code)).not.toContain('PA-SNM')
    expect(forSecretariat.roles).toContain('secretariat')
    expect(forSecretariat.selected).toBe('MX')
    // Without ?org= the secretariat chooses the organization explicitly.
    const blank = await loader(args(makeRequest('/invite', { cookie: cookieFor('secretariat@rcm.example') })))
    expect(blank.selected).toBeUndefined()
  })

  it('the invitation page refuses an organization the focal point may not invite into', async () => {
    const error = await thrown(() =>
      loader(args(makeRequest('/invite?org=MX', { cookie: cookieFor('pa.focal@rcm.example') }))),
    )
    expect(statusOf(error)).toBe(403)
    const unknown = await thrown(() =>
      loader(args(makeRequest('/invite?org=ZZ', { cookie: cookieFor('pa.focal@rcm.example') }))),
    )
    expect(statusOf(unknown)).toBe(404)
  })

  it('sends the signed-out to the sign-in page', async () => {
    const error = await thrown(() => loader(args(makeRequest('/invite'))))
    expect(error).toBeInstanceOf(Response)
    expect(statusOf(error)).toBe(302)
    expect((error as Response).headers.get('Location')).toBe('/login?redirectTo=%2Finvite')
    // the form comes back to be sent again after signing in (kept-form.server.ts); nothing is done
    const post = await thrown(() => action(args(makeRequest('/invite', { form: form() }))))
    expect(statusOf(post)).toBe(401)
    expect(personWith('nueva@example.org')).toBeUndefined()
  })
})
