import { and, count, desc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, mailOutbox, people, sessions } from '@db/schema'
import { audit } from '~/modules/audit/audit.server'
import { checkOneTimeToken } from '~/modules/auth/one-time-tokens.server'
import { validateSessionToken } from '~/modules/auth/session.server'
import { loadViewer } from '~/modules/auth/viewer.server'
import { disablePerson, invitePerson, listPeople } from '~/modules/members/people.server'
import { PeopleFiltersSchema } from '~/modules/members/people-schemas'
import { loader as auditLoader } from '~/routes/admin.audit'
import { loader as outboxLoader } from '~/routes/admin.outbox'
import { action as peopleAction, loader as peopleLoader } from '~/routes/admin.people'
import { cookieFor, freshDemoDb, makeRequest, personByEmail, viewerFor } from './helpers/db'

const args = (request: Request) => ({ request, params: {}, context: {} })
const SECRETARIAT = 'secretariat@rcm.example'

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

function bodyOf<T>(value: T) {
  const v = value as { type?: string; data?: unknown }
  return (v?.type === 'DataWithResponseInit' ? v.data : value) as Extract<T, { notice: unknown }>
}

function get<L extends (a: ReturnType<typeof args>) => Promise<unknown>>(
  loader: L,
  url: string,
  as?: string,
) {
  return loader(args(makeRequest(url, as ? { cookie: cookieFor(as) } : {}))) as ReturnType<L>
}

const post = (form: Record<string, string>, as = SECRETARIAT) =>
  peopleAction(args(makeRequest('/admin/people', { cookie: cookieFor(as), form })))

const auditFor = (action: string, targetId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(desc(auditLog.id))
    .get()

const filters = (raw: Record<string, string>) => PeopleFiltersSchema.parse(raw)

describe('admin pages are for the secretariat only', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  const pages = [
    ['/admin/people', peopleLoader],
    ['/admin/audit', auditLoader],
    ['/admin/outbox', outboxLoader],
  ] as const

  it.each(['pa.focal@rcm.example', 'mx.delegate@rcm.example', 'iom@rcm.example', 'co.observer@rcm.example'])(
    '%s gets 403 on every admin page',
    async (email) => {
      for (const [url, loader] of pages) {
        expect(statusOf(await thrown(() => get(loader, url, email)))).toBe(403)
      }
      const refused = db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.actorEmail, email), eq(auditLog.outcome, 'refused')))
        .get()!.n
      expect(refused).toBe(3)
    },
  )

  it('a focal point cannot disable anyone through the admin action', async () => {
    const target = personByEmail('pa.snm@rcm.example')
    const error = await thrown(() => post({ intent: 'disable', personId: target.id }, 'pa.focal@rcm.example'))
    expect(statusOf(error)).toBe(403)
    expect(personByEmail('pa.snm@rcm.example').status).toBe('active')
  })

  it('the signed-out are sent to the sign-in page', async () => {
    for (const [url, loader] of pages) {
      const error = await thrown(() => get(loader, url))
      expect(statusOf(error)).toBe(302)
      expect((error as Response).headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(url)}`)
    }
  })

  it('the secretariat sees all three pages', async () => {
    const list = await get(peopleLoader, '/admin/people', SECRETARIAT)
    expect(list.total).toBeGreaterThan(40)
    const log = await get(auditLoader, '/admin/audit', SECRETARIAT)
    expect(Array.isArray(log.items)).toBe(true)
    const outbox = await get(outboxLoader, '/admin/outbox', SECRETARIAT)
    expect(outbox.smtp).toBe(false)
  })
})

describe('/admin/people', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('filters by name or e-mail, organization, role and status', async () => {
    const byName = await get(peopleLoader, '/admin/people?q=quintero', SECRETARIAT)
    expect(byName.items.map((p) => p.email)).toEqual(['pa.focal@rcm.example'])

    const byOrg = await get(peopleLoader, '/admin/people?org=pa', SECRETARIAT)
    expect(byOrg.items.length).toBeGreaterThanOrEqual(3)
    expect(byOrg.items.every((p) => p.organizationCode === 'PA')).toBe(true)

    const byInstitution = await get(peopleLoader, '/admin/people?org=PA-SNM', SECRETARIAT)
    expect(byInstitution.items.map((p) => p.email)).toEqual(['pa.snm@rcm.example'])

    const focalPoints = await get(peopleLoader, '/admin/people?role=focal_point&org=MX', SECRETARIAT)
    expect(focalPoints.items.map((p) => p.email)).toEqual(['mx.focal@rcm.example'])

    const invited = await get(peopleLoader, '/admin/people?status=invited', SECRETARIAT)
    expect(invited.items.map((p) => p.email)).toEqual(['gt.newdelegate@rcm.example'])
  })

  it("offers each row's buttons as can() answers them: nobody disables themselves", async () => {
    const row = async (email: string) =>
      (await get(peopleLoader, `/admin/people?q=${encodeURIComponent(email)}`, SECRETARIAT)).items[0]
    expect(await row(SECRETARIAT)).toMatchObject({
      email: SECRETARIAT,
      canDisable: false,
      canEnable: true,
      canEndSessions: true,
    })
    const other = await row('pa.focal@rcm.example')
    expect(other).toMatchObject({ canDisable: true, canEnable: true, canEndSessions: true })
    expect(other).not.toHaveProperty('organizationId')
  })

  it('takes % and _ literally in the search', async () => {
    const list = listPeople({ viewer: viewerFor(SECRETARIAT), filters: filters({ q: '%' }) })
    expect(list.total).toBe(0)
  })

  it('sorts from an allowlist and paginates', async () => {
    const byEmailDesc = await get(peopleLoader, '/admin/people?sort=email&dir=desc', SECRETARIAT)
    const emails = byEmailDesc.items.map((p) => p.email)
    expect(emails).toEqual([...emails].sort().reverse())

    // An unknown sort column falls back to the name.
    const injected = await get(peopleLoader, '/admin/people?sort=password_hash&dir=sideways', SECRETARIAT)
    expect(injected.filters).toMatchObject({ sort: 'name', dir: 'asc' })

    const first = await get(peopleLoader, '/admin/people', SECRETARIAT)
    expect(first.items).toHaveLength(25)
    expect(first.pageCount).toBeGreaterThan(1)
    const second = await get(peopleLoader, '/admin/people?page=2', SECRETARIAT)
    expect(second.page).toBe(2)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    const beyond = await get(peopleLoader, '/admin/people?page=999', SECRETARIAT)
    expect(beyond.page).toBe(first.pageCount)
  })

  it('someone other than the secretariat lists only their own organization', () => {
    const list = listPeople({ viewer: viewerFor('pa.focal@rcm.example'), filters: filters({}) })
    expect(list.total).toBeGreaterThan(0)
    expect(list.items.every((p) => p.organizationCode === 'PA')).toBe(true)
  })

  it('disabling ends the sessions at once, stops the account and is audited', async () => {
    const target = personByEmail('mx.delegate@rcm.example')
    const token = cookieFor('mx.delegate@rcm.example').split('=')[1]
    expect(validateSessionToken(token)).not.toBeNull()

    const result = await post({ intent: 'disable', personId: target.id, confirmed: 'yes' })
    expect(statusOf(result)).toBe(200)
    expect(bodyOf(result).notice?.key).toBe('admin.people.disabled')

    expect(validateSessionToken(token)).toBeNull()
    expect(personByEmail('mx.delegate@rcm.example').status).toBe('disabled')
    expect(loadViewer(target.id, 'session', null)).toBeNull()
    expect(auditFor('person.disable', target.id)).toMatchObject({ outcome: 'ok', actorEmail: SECRETARIAT })
  })

  it('disabling an invited person makes the invitation link stop working', async () => {
    const invited = invitePerson(viewerFor(SECRETARIAT), {
      name: 'X',
      email: 'x@example.org',
      organization: 'PA',
      role: 'delegate',
      language: 'es',
    })
    if (!invited.ok) throw new Error('invite failed')
    const token = invited.link.split('/').pop()!
    disablePerson(viewerFor(SECRETARIAT), invited.personId)
    expect(checkOneTimeToken(db, 'invitation', token)).toEqual({ ok: false, reason: 'used' })
  })

  it('nobody can disable themselves', async () => {
    const self = personByEmail(SECRETARIAT)
    const error = await thrown(() => post({ intent: 'disable', personId: self.id, confirmed: 'yes' }))
    expect(statusOf(error)).toBe(403)
    expect(personByEmail(SECRETARIAT).status).toBe('active')
  })

  it('an unknown person is a 404, a malformed request a 400', async () => {
    expect(
      statusOf(await thrown(() => post({ intent: 'disable', personId: 'nobody', confirmed: 'yes' }))),
    ).toBe(404)
    const bad = await post({ intent: 'promote', personId: personByEmail('pa.snm@rcm.example').id })
    expect(statusOf(bad)).toBe(400)
  })

  it('re-enables a disabled account', async () => {
    const target = personByEmail('pa.snm@rcm.example')
    await post({ intent: 'disable', personId: target.id, confirmed: 'yes' })
    const result = await post({ intent: 'enable', personId: target.id })
    expect(bodyOf(result).notice?.key).toBe('admin.people.enabled')
    expect(personByEmail('pa.snm@rcm.example').status).toBe('active')
    expect(loadViewer(target.id, 'session', null)).not.toBeNull()
    expect(auditFor('person.enable', target.id)?.outcome).toBe('ok')
  })

  it('ends the sessions of a person without disabling them', async () => {
    const target = personByEmail('iom@rcm.example')
    cookieFor('iom@rcm.example')
    cookieFor('iom@rcm.example')
    const result = await post({ intent: 'endSessions', personId: target.id })
    expect(bodyOf(result).notice).toMatchObject({ key: 'admin.people.sessionsEnded', params: { count: 2 } })
    const left = db.select({ n: count() }).from(sessions).where(eq(sessions.personId, target.id)).get()!.n
    expect(left).toBe(0)
    expect(personByEmail('iom@rcm.example').status).toBe('active')
    expect(auditFor('person.endSessions', target.id)?.outcome).toBe('ok')
  })

  it('resends an invitation: a new link, the previous one stops working', async () => {
    const invited = invitePerson(viewerFor(SECRETARIAT), {
      name: 'Y',
      email: 'y@example.org',
      organization: 'GT',
      role: 'delegate',
      language: 'en',
    })
    if (!invited.ok) throw new Error('invite failed')
    const oldToken = invited.link.split('/').pop()!
    const result = await post({ intent: 'resend', personId: invited.personId })
    const notice = bodyOf(result).notice!
    expect(notice.key).toBe('admin.people.resent')
    const newToken = notice.link!.split('/').pop()!
    expect(newToken).not.toBe(oldToken)
    expect(checkOneTimeToken(db, 'invitation', oldToken).ok).toBe(false)
    expect(checkOneTimeToken(db, 'invitation', newToken).ok).toBe(true)
    const mails = db.select().from(mailOutbox).where(eq(mailOutbox.to, 'y@example.org')).all()
    expect(mails).toHaveLength(2)
  })

  it('does not resend an invitation to someone who already accepted', async () => {
    const result = await post({ intent: 'resend', personId: personByEmail('pa.snm@rcm.example').id })
    expect(statusOf(result)).toBe(409)
    expect(bodyOf(result).error).toBe('admin.people.notInvited')
  })

  it('ignores fields it does not know', async () => {
    const target = personByEmail('pa.snm@rcm.example')
    await post({ intent: 'endSessions', personId: target.id, role: 'secretariat', status: 'disabled' })
    const after = db.select().from(people).where(eq(people.id, target.id)).get()!
    expect(after).toMatchObject({ role: 'delegate', status: 'active' })
  })
})

describe('/admin/audit', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('filters by actor, action prefix, outcome and day', async () => {
    // A refusal by Panama's focal point and a change by the secretariat.
    await thrown(() => get(peopleLoader, '/admin/people', 'pa.focal@rcm.example'))
    await post({ intent: 'endSessions', personId: personByEmail('iom@rcm.example').id })

    const refused = await get(auditLoader, '/admin/audit?outcome=refused', SECRETARIAT)
    expect(refused.items.length).toBeGreaterThan(0)
    expect(refused.items.every((e) => e.outcome === 'refused')).toBe(true)
    expect(refused.items.map((e) => e.actorEmail)).toContain('pa.focal@rcm.example')

    const byActor = await get(auditLoader, '/admin/audit?actor=PA.FOCAL', SECRETARIAT)
    expect(byActor.items.every((e) => e.actorEmail === 'pa.focal@rcm.example')).toBe(true)
    expect(byActor.items.length).toBeGreaterThan(0)

    const byAction = await get(auditLoader, '/admin/audit?action=person.', SECRETARIAT)
    expect(byAction.items.map((e) => e.action)).toEqual(['person.endSessions'])
    expect(JSON.parse(byAction.items[0].details!)).toMatchObject({ email: 'iom@rcm.example' })

    const today = new Date().toISOString().slice(0, 10)
    const sameDay = await get(auditLoader, `/admin/audit?from=${today}&to=${today}`, SECRETARIAT)
    expect(sameDay.items.length).toBeGreaterThanOrEqual(2)
    const future = await get(auditLoader, '/admin/audit?from=2999-01-01', SECRETARIAT)
    expect(future.items).toEqual([])
    const past = await get(auditLoader, '/admin/audit?to=2000-01-01', SECRETARIAT)
    expect(past.items).toEqual([])

    // Malformed filters are ignored rather than failing.
    const junk = await get(auditLoader, '/admin/audit?outcome=maybe&from=yesterday&before=-3', SECRETARIAT)
    expect(junk.filters).toMatchObject({ outcome: undefined, from: undefined, before: undefined })
  })

  it('pages to older entries with a keyset link', async () => {
    for (let i = 0; i < 60; i++) audit({ action: `test.entry`, details: { i } })
    const first = await get(auditLoader, '/admin/audit?action=test.', SECRETARIAT)
    expect(first.items).toHaveLength(50)
    expect(first.nextBefore).not.toBeNull()
    const older = await get(auditLoader, `/admin/audit?action=test.&before=${first.nextBefore}`, SECRETARIAT)
    expect(older.items).toHaveLength(10)
    expect(older.nextBefore).toBeNull()
    const seen = new Set([...first.items, ...older.items].map((e) => e.id))
    expect(seen.size).toBe(60)
  })
})

describe('/admin/outbox', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('lists the queued mail with its text and says SMTP is not configured', async () => {
    invitePerson(viewerFor(SECRETARIAT), {
      name: 'Z',
      email: 'z@example.org',
      organization: 'CR',
      role: 'delegate',
      language: 'es',
    })
    const page = await get(outboxLoader, '/admin/outbox', SECRETARIAT)
    expect(page.smtp).toBe(false)
    const mail = page.items.find((m) => m.to === 'z@example.org')!
    expect(mail).toMatchObject({ kind: 'invitation', sentAt: null })
    expect(mail.text).toContain('/invitation/')
  })
})
