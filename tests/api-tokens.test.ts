/**
 * Personal API tokens outlive no reason to trust them: each expires (90 days unless chosen), has a
 * scope (read: GET only), works on /api/v1 only (on a page it is no login at all), and ends with the
 * sessions when the password changes, is reset, or the account is disabled (enabling it again does not
 * bring them back).
 */
import { count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, actionUpdates, oneTimeTokens, people } from '@db/schema'
import { DEMO_PASSWORD } from '@db/seed/demo'
import { changePassword } from '~/modules/auth/account.server'
import { createApiToken, validateApiToken } from '~/modules/auth/api-tokens.server'
import { completePasswordReset } from '~/modules/auth/password-reset.server'
import { createOneTimeToken } from '~/modules/auth/one-time-tokens.server'
import { disablePerson, enablePerson } from '~/modules/members/people.server'
import * as actionsApi from '~/routes/api.v1.actions'
import * as updatesApi from '~/routes/api.v1.actions.$id.updates'
import * as meApi from '~/routes/api.v1.me'
import * as invitePage from '~/routes/invite'
import * as peoplePage from '~/routes/admin.people'
import { cookieFor, freshDemoDb, makeRequest, personByEmail, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const SECRETARIAT = 'secretariat@rcm.example'
const PA = 'pa.focal@rcm.example'
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
const DAY = 86_400_000

beforeEach(() => {
  freshDemoDb()
})

describe('expiry and scope', () => {
  it('a token expires in 90 days and may only read unless told otherwise', () => {
    const { token, expiresAt, scope } = createApiToken(personByEmail(PA).id, 'default')
    expect(scope).toBe('read')
    expect(Math.round((expiresAt.getTime() - Date.now()) / DAY)).toBe(90)
    expect(validateApiToken(token)).toMatchObject({ scope: 'read' })
    expect(validateApiToken(token, Date.now() + 91 * DAY)).toBeNull()
  })

  it('a read-only token reads, and is refused any change (403 insufficient_scope), nothing written', async () => {
    const read = createApiToken(personByEmail(SECRETARIAT).id, 'reader').token
    const write = createApiToken(personByEmail(SECRETARIAT).id, 'writer', { scope: 'write' }).token
    expect((await run(actionsApi.loader, '/api/v1/actions', { headers: bearer(read) })).status).toBe(200)
    const action = db.select({ id: actionItems.id }).from(actionItems).limit(1).get()!
    const updatesBefore = db.select({ n: count() }).from(actionUpdates).get()!.n
    const post = (token: string) =>
      run(
        updatesApi.action,
        `/api/v1/actions/${action.id}/updates`,
        { method: 'POST', headers: bearer(token), json: { note: 'Avance por script', progress: 40 } },
        { id: action.id },
      )
    const refused = await post(read)
    expect(refused.status).toBe(403)
    expect((refused.data as { error: { code: string } }).error.code).toBe('insufficient_scope')
    expect(refused.headers.get('WWW-Authenticate')).toContain('insufficient_scope')
    expect(db.select({ n: count() }).from(actionUpdates).get()!.n).toBe(updatesBefore)
    // the same call with a token that may write is not refused for its scope
    const allowed = await post(write)
    expect(allowed.status).not.toBe(403)
    expect(allowed.status).not.toBe(401)
  })
})

describe('tokens work on /api/v1 only', () => {
  it('a secretariat token neither invites nor administers people', async () => {
    const { token } = createApiToken(personByEmail(SECRETARIAT).id, 'stolen', { scope: 'write' })
    const peopleBefore = db.select({ n: count() }).from(people).get()!.n
    const invited = await run(invitePage.action, '/invite', {
      method: 'POST',
      headers: bearer(token),
      form: {
        name: 'Intruso',
        email: 'intruso@example.org',
        organization: 'CR',
        role: 'secretariat',
        language: 'en',
      },
    })
    expect([302, 303, 401]).toContain(invited.status)
    expect(db.select({ n: count() }).from(people).get()!.n).toBe(peopleBefore)
    const listed = await run(peoplePage.loader, '/admin/people', { headers: bearer(token) })
    expect([302, 303]).toContain(listed.status)
    expect(listed.location).toMatch(/^\/login/)
    // the same token on the API is the secretariat
    expect((await run(meApi.loader, '/api/v1/me', { headers: bearer(token) })).status).toBe(200)
  })
})

describe('tokens end with the sessions', () => {
  const liveToken = (email: string) =>
    createApiToken(personByEmail(email).id, 'script', { scope: 'write' }).token

  it('when the password changes', async () => {
    const token = liveToken(PA)
    await changePassword(
      viewerFor(PA),
      { currentPassword: DEMO_PASSWORD, password: 'a long new passphrase' },
      null,
    )
    expect(validateApiToken(token)).toBeNull()
    expect((await run(meApi.loader, '/api/v1/me', { headers: bearer(token) })).status).toBe(401)
  })

  it('when the password is reset', async () => {
    const token = liveToken(PA)
    const link = db.transaction((tx) =>
      createOneTimeToken(tx, { kind: 'password_reset', personId: personByEmail(PA).id }),
    )
    const outcome = await completePasswordReset({
      token: link,
      password: 'another long passphrase',
      ip: null,
    })
    expect(outcome.ok).toBe(true)
    expect(validateApiToken(token)).toBeNull()
  })

  it('when the account is disabled, and enabling it does not bring them back', () => {
    const token = liveToken(PA)
    const id = personByEmail(PA).id
    disablePerson(viewerFor(SECRETARIAT), id)
    enablePerson(viewerFor(SECRETARIAT), id)
    expect(validateApiToken(token)).toBeNull()
    // only unused one-time links of the person are touched by the disabling, and nobody else's tokens
    expect(
      db
        .select()
        .from(oneTimeTokens)
        .where(eq(oneTimeTokens.personId, id))
        .all()
        .every((t) => t.usedAt),
    ).toBe(true)
  })

  it('a request with a valid Bearer on a page is not signed in, even with a session cookie beside it', async () => {
    const token = liveToken(SECRETARIAT)
    const r = await run(
      peoplePage.loader,
      makeRequest('/admin/people', { headers: bearer(token), cookie: cookieFor(SECRETARIAT) }),
    )
    expect([302, 303]).toContain(r.status)
  })
})
