import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { people } from '@db/schema'
import { createApiToken, revokeApiToken } from '~/modules/auth/api-tokens.server'
import { Me } from '~/modules/auth/api-schemas'
import { GroupList, OrganizationDetail, OrganizationList } from '~/modules/members/api-schemas'
import * as catchAll from '~/routes/api.v1.$'
import * as groupsRoute from '~/routes/api.v1.groups'
import * as meRoute from '~/routes/api.v1.me'
import * as openapiRoute from '~/routes/api.v1.openapi[.]json'
import * as orgRoute from '~/routes/api.v1.organizations.$code'
import * as orgsRoute from '~/routes/api.v1.organizations'
import { cookieFor, freshDemoDb, type makeRequest, personByEmail } from './helpers/db'
import { run } from './helpers/route'

// The API answers JSON; the tests read it field by field (schemas check whole answers).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
const call = (...args: Parameters<typeof run>) => run<Json>(...args)

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })
const tokenFor = (email: string, expiresAt?: Date) =>
  createApiToken(personByEmail(email).id, 'test', { expiresAt, scope: 'write' })

function expectError(r: { status: number; data: unknown }, status: number, code: string) {
  expect(r.status).toBe(status)
  expect(r.data).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) })
}

beforeEach(() => {
  freshDemoDb()
})

describe('GET /api/v1/me', () => {
  it('answers the signed-in person (cookie)', async () => {
    const r = await call(meRoute.loader, '/api/v1/me', { cookie: cookieFor('pa.snm@rcm.example') })
    expect(r.status).toBe(200)
    expect(r.headers.get('Content-Type')).toMatch(/application\/json/)
    expect(r.headers.get('Cache-Control')).toMatch(/no-store/)
    const me = Me.parse(r.data)
    expect(me).toMatchObject({
      name: 'Rogelio Batista Núñez',
      email: 'pa.snm@rcm.example',
      title: 'Jefe de la UATIM',
      role: 'delegate',
      language: 'es',
      organization: { code: 'PA', kind: 'member_state', name: { es: 'Panamá', en: 'Panama' } },
      institution: { code: 'PA-SNM' },
    })
    expect(me.groups).toEqual([{ id: expect.any(String), slug: 'pa-smuggling-plan', role: 'drafter' }])
    expect(r.data).not.toHaveProperty('passwordHash')
    expect(r.data).not.toHaveProperty('totpKey')
  })

  it('answers the token owner (Bearer), with no institution when there is none', async () => {
    const { token } = tokenFor('iom@rcm.example')
    const r = await call(meRoute.loader, '/api/v1/me', bearer(token))
    expect(r.status).toBe(200)
    expect(Me.parse(r.data)).toMatchObject({
      email: 'iom@rcm.example',
      role: 'focal_point',
      language: 'en',
      organization: { code: 'IOM', kind: 'international_organization' },
      institution: null,
      groups: [{ slug: 'pa-smuggling-plan', role: 'drafter' }],
    })
  })

  it('is 401 in the error format when signed out', async () => {
    const r = await call(meRoute.loader, '/api/v1/me')
    expectError(r, 401, 'unauthenticated')
    expect(Object.keys(r.data.error).sort()).toEqual(['code', 'message'])
    expect(r.headers.get('WWW-Authenticate')).toBe('Bearer')
  })

  it('is 401 for an unknown, malformed, revoked or expired token', async () => {
    const owner = personByEmail('pa.focal@rcm.example')
    const revoked = createApiToken(owner.id, 'old')
    expect(revokeApiToken(owner.id, revoked.id)).toBe(true)
    const expired = tokenFor('pa.focal@rcm.example', new Date(Date.now() - 1000))
    for (const token of [revoked.token, expired.token, 'rcm_not-a-real-token', 'garbage']) {
      expectError(await call(meRoute.loader, '/api/v1/me', bearer(token)), 401, 'unauthenticated')
    }
    // the live token of the same person still works
    expect(
      (await call(meRoute.loader, '/api/v1/me', bearer(tokenFor('pa.focal@rcm.example').token))).status,
    ).toBe(200)
  })

  it('does not fall back to the cookie when a Bearer token is refused', async () => {
    const r = await call(meRoute.loader, '/api/v1/me', {
      cookie: cookieFor('pa.focal@rcm.example'),
      headers: { Authorization: 'Bearer rcm_revoked-or-unknown' },
    })
    expectError(r, 401, 'unauthenticated')
  })

  it('is 401 for the token of a disabled person', async () => {
    const { token } = tokenFor('mx.delegate@rcm.example')
    db.update(people).set({ status: 'disabled' }).where(eq(people.email, 'mx.delegate@rcm.example')).run()
    expectError(await call(meRoute.loader, '/api/v1/me', bearer(token)), 401, 'unauthenticated')
  })

  it('refuses other methods with 405 JSON', async () => {
    const r = await call(meRoute.action, '/api/v1/me', {
      method: 'POST',
      cookie: cookieFor('iom@rcm.example'),
    })
    expectError(r, 405, 'method_not_allowed')
    expect(r.headers.get('Allow')).toBe('GET')
  })
})

describe('GET /api/v1/organizations', () => {
  const MEMBER_STATES = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US']

  it('lists every organization, anonymously, with all 11 member states by ISO code', async () => {
    const r = await call(orgsRoute.loader, '/api/v1/organizations')
    expect(r.status).toBe(200)
    const list = OrganizationList.parse(r.data)
    expect(list.nextCursor).toBeNull()
    const states = list.items.filter((o) => o.kind === 'member_state')
    expect(states.map((o) => o.code).sort()).toEqual(MEMBER_STATES)
    expect(
      list.items
        .filter((o) => o.kind === 'observer_state')
        .map((o) => o.code)
        .sort(),
    ).toEqual(['AR', 'CO', 'EC', 'JM', 'PE'])
    expect(list.items.find((o) => o.code === 'PA')).toEqual({
      id: expect.any(String),
      code: 'PA',
      kind: 'member_state',
      acronym: null,
      name: { es: 'Panamá', en: 'Panama' },
      parentCode: null,
      isCurrentPpt: expect.any(Boolean),
    })
    expect(list.items.find((o) => o.code === 'PA-SNM')).toMatchObject({
      kind: 'national_institution',
      parentCode: 'PA',
    })
    expect(list.items.find((o) => o.code === 'IOM')?.kind).toBe('international_organization')
  })

  it('answers the same with a cookie and with a Bearer token', async () => {
    const anonymous = await call(orgsRoute.loader, '/api/v1/organizations')
    const withCookie = await call(orgsRoute.loader, '/api/v1/organizations', {
      cookie: cookieFor('mx.delegate@rcm.example'),
    })
    const withToken = await call(
      orgsRoute.loader,
      '/api/v1/organizations',
      bearer(tokenFor('co.observer@rcm.example').token),
    )
    expect(withCookie.status).toBe(200)
    expect(withToken.status).toBe(200)
    expect(withCookie.data).toEqual(anonymous.data)
    expect(withToken.data).toEqual(anonymous.data)
  })

  it('is 401 for a bad token even though anonymous callers are served', async () => {
    expectError(
      await call(orgsRoute.loader, '/api/v1/organizations', bearer('rcm_nope')),
      401,
      'unauthenticated',
    )
  })

  it('filters by kind', async () => {
    const r = await call(orgsRoute.loader, '/api/v1/organizations?kind=member_state')
    const list = OrganizationList.parse(r.data)
    expect(list.items.map((o) => o.code).sort()).toEqual(MEMBER_STATES)
    const cs = OrganizationList.parse(
      (await call(orgsRoute.loader, '/api/v1/organizations?kind=civil_society')).data,
    )
    expect(cs.items.map((o) => o.code)).toEqual(['RROCM'])
  })

  it('refuses an unknown kind, an unknown parameter and a repeated one with 400 and field messages', async () => {
    const bad = await call(orgsRoute.loader, '/api/v1/organizations?kind=country')
    expectError(bad, 400, 'invalid')
    expect(bad.data.error.fields).toEqual({ kind: [expect.any(String)] })

    const unknown = await call(orgsRoute.loader, '/api/v1/organizations?knd=member_state')
    expectError(unknown, 400, 'invalid')
    expect(unknown.data.error.fields).toEqual({ knd: ['Unknown parameter.'] })

    const twice = await call(orgsRoute.loader, '/api/v1/organizations?kind=member_state&kind=observer_state')
    expectError(twice, 400, 'invalid')
    expect(Object.keys(twice.data.error.fields)).toEqual(['kind'])
  })

  describe('the current Pro-Tempore Presidency', () => {
    afterEach(() => {
      vi.useRealTimers()
    })
    it('marks the state holding it this year, and none when the year is not recorded', async () => {
      const current = async () =>
        OrganizationList.parse((await call(orgsRoute.loader, '/api/v1/organizations')).data)
          .items.filter((o) => o.isCurrentPpt)
          .map((o) => o.code)
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2023-06-01T12:00:00Z') })
      expect(await current()).toEqual(['PA'])
      vi.setSystemTime(new Date('2024-06-01T12:00:00Z'))
      expect(await current()).toEqual(['BZ'])
      vi.setSystemTime(new Date('2025-06-01T12:00:00Z'))
      expect(await current()).toEqual([])
    })
  })
})

describe('GET /api/v1/organizations/:code', () => {
  const getOrg = (code: string, init: Parameters<typeof makeRequest>[1] = {}) =>
    call(orgRoute.loader, `/api/v1/organizations/${code}`, init, { code })

  it('answers the organization with its institutions and PPT years', async () => {
    const r = await getOrg('PA', { cookie: cookieFor('mx.delegate@rcm.example') })
    expect(r.status).toBe(200)
    const org = OrganizationDetail.parse(r.data)
    expect(org).toMatchObject({ code: 'PA', kind: 'member_state', name: { es: 'Panamá', en: 'Panama' } })
    expect(org.institutions.map((i) => i.code).sort()).toEqual([
      'PA-CNCTP',
      'PA-MINSEG',
      'PA-MIRE',
      'PA-SNM',
      'PA-UATIM',
    ])
    expect(org.pptYears.map((p) => p.year)).toEqual([2018, 2023])
  })

  it('accepts a lower-case code and an organization acronym', async () => {
    expect(OrganizationDetail.parse((await getOrg('pa')).data).code).toBe('PA')
    const iom = OrganizationDetail.parse((await getOrg('IOM')).data)
    expect(iom).toMatchObject({ kind: 'international_organization', institutions: [], pptYears: [] })
  })

  it('shows no people to anonymous callers', async () => {
    const r = await getOrg('PA')
    expect(r.status).toBe(200)
    expect(r.data.people).toEqual([])
    expect(JSON.stringify(r.data)).not.toContain('@rcm.example')
    expect(JSON.stringify(r.data)).not.toContain('Quintero')
  })

  it('shows a Mexican delegate the names and titles of Panama, not the contact details', async () => {
    const r = await getOrg('PA', { cookie: cookieFor('mx.delegate@rcm.example') })
    const org = OrganizationDetail.parse(r.data)
    const focal = org.people.find((p) => p.name === 'Ana Isabel Quintero')
    expect(focal).toEqual({
      id: expect.any(String),
      name: 'Ana Isabel Quintero',
      title: 'Directora de Política Migratoria',
      role: 'focal_point',
      institutionCode: 'PA-MIRE',
    })
    expect(org.people.map((p) => p.name)).toContain('Rogelio Batista Núñez')
    expect(org.people[0].role).toBe('focal_point')
    expect(JSON.stringify(r.data)).not.toContain('@rcm.example')
    expect(JSON.stringify(r.data)).not.toContain('+506')
  })

  it('shows the Panama focal point (cookie or token) the e-mails and phones of Panama', async () => {
    for (const init of [
      { cookie: cookieFor('pa.focal@rcm.example') },
      bearer(tokenFor('pa.focal@rcm.example').token),
    ]) {
      const org = OrganizationDetail.parse((await getOrg('PA', init)).data)
      const snm = org.people.find((p) => p.name === 'Rogelio Batista Núñez')
      expect(snm).toMatchObject({ email: 'pa.snm@rcm.example', phone: expect.stringMatching(/^\+506/) })
      expect(org.people.every((p) => typeof p.email === 'string')).toBe(true)
    }
  })

  it('follows can(): the secretariat sees contacts everywhere, an observer does not see Panama contacts', async () => {
    const sec = OrganizationDetail.parse(
      (await getOrg('MX', { cookie: cookieFor('secretariat@rcm.example') })).data,
    )
    expect(sec.people.find((p) => p.name === 'Mariana Ortega Salinas')?.email).toBe('mx.delegate@rcm.example')
    const iom = await getOrg('PA', bearer(tokenFor('iom@rcm.example').token))
    expect(OrganizationDetail.parse(iom.data).people.length).toBeGreaterThan(0)
    expect(JSON.stringify(iom.data)).not.toContain('@rcm.example')
  })

  it('lists the people of a national institution, with contacts for its member state', async () => {
    const org = OrganizationDetail.parse(
      (await getOrg('PA-SNM', { cookie: cookieFor('pa.focal@rcm.example') })).data,
    )
    expect(org).toMatchObject({ kind: 'national_institution', parentCode: 'PA' })
    expect(org.people.map((p) => p.email)).toEqual(['pa.snm@rcm.example'])
  })

  it('lists only active people (not a pending invitation)', async () => {
    const org = OrganizationDetail.parse(
      (await getOrg('GT', { cookie: cookieFor('secretariat@rcm.example') })).data,
    )
    expect(org.people.length).toBeGreaterThan(0)
    expect(org.people.map((p) => p.name)).not.toContain('Rosa Elvira Tzul')
  })

  it('is 404 JSON for an unknown code', async () => {
    for (const code of ['XX', 'not-a-code', 'P'.repeat(200)]) {
      expectError(await getOrg(code, { cookie: cookieFor('secretariat@rcm.example') }), 404, 'not_found')
    }
  })

  it('is 401 for a revoked token', async () => {
    const owner = personByEmail('pa.focal@rcm.example')
    const t = createApiToken(owner.id, 'x')
    revokeApiToken(owner.id, t.id)
    expectError(await getOrg('PA', bearer(t.token)), 401, 'unauthenticated')
  })
})

describe('GET /api/v1/groups', () => {
  it('lists the groups publicly, with isMember false for everyone', async () => {
    const r = await call(groupsRoute.loader, '/api/v1/groups')
    expect(r.status).toBe(200)
    const list = GroupList.parse(r.data)
    expect(list.nextCursor).toBeNull()
    expect(list.items.map((g) => g.slug)).toEqual(
      expect.arrayContaining(['border-management', 'labor-migration', 'protection', 'pa-smuggling-plan']),
    )
    expect(list.items.every((g) => !g.isMember)).toBe(true)
    const plan = list.items.find((g) => g.slug === 'pa-smuggling-plan')!
    expect(plan).toMatchObject({ kind: 'drafting_group', active: true })
    expect([...plan.organizations].sort()).toEqual(['IOM', 'PA', 'PA-MINSEG', 'PA-SNM', 'PA-UATIM', 'UNODC'])
    expect(list.items.find((g) => g.slug === 'liaison-consular-protection')).toMatchObject({
      kind: 'network',
      active: false,
    })
  })

  it('marks the caller’s groups (cookie and token)', async () => {
    const mine = async (init: Parameters<typeof makeRequest>[1]) =>
      GroupList.parse((await call(groupsRoute.loader, '/api/v1/groups', init)).data)
        .items.filter((g) => g.isMember)
        .map((g) => g.slug)
    expect(await mine({ cookie: cookieFor('pa.snm@rcm.example') })).toEqual(['pa-smuggling-plan'])
    expect(await mine(bearer(tokenFor('mx.delegate@rcm.example').token))).toEqual(['labor-migration'])
    expect(await mine(bearer(tokenFor('unhcr@rcm.example').token))).toEqual([])
  })

  it('is 401 for an expired token', async () => {
    const { token } = tokenFor('iom@rcm.example', new Date(Date.now() - 1))
    expectError(await call(groupsRoute.loader, '/api/v1/groups', bearer(token)), 401, 'unauthenticated')
  })
})

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every endpoint, cacheable', async () => {
    const r = await call(openapiRoute.loader, '/api/v1/openapi.json')
    expect(r.status).toBe(200)
    expect(r.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+$/)
    const doc = r.data
    expect(doc.openapi).toBe('3.1.0')
    for (const path of ['/me', '/organizations', '/organizations/{code}', '/groups']) {
      expect(doc.paths[path]?.get, path).toBeDefined()
      expect(doc.paths[path].get.responses['200'].content['application/json'].schema).toBeTypeOf('object')
    }
    const kind = doc.paths['/organizations'].get.parameters.find((p: { name: string }) => p.name === 'kind')
    expect(kind).toMatchObject({ in: 'query', required: false })
    expect(kind.schema.enum).toContain('member_state')
    const code = doc.paths['/organizations/{code}'].get.parameters.find(
      (p: { name: string }) => p.name === 'code',
    )
    expect(code).toMatchObject({ in: 'path', required: true })
    expect(doc.paths['/me'].get.responses['401']).toBeDefined()
    // a real JSON round trip: nothing in it that JSON cannot carry
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })
})

describe('/api/v1 catch-all', () => {
  it('answers 404 JSON for unknown paths, for every method', async () => {
    expectError(
      await call(catchAll.loader, '/api/v1/nothing-here', {}, { '*': 'nothing-here' }),
      404,
      'not_found',
    )
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const r = await call(
        catchAll.action,
        '/api/v1/nothing/here',
        { method, json: {} },
        { '*': 'nothing/here' },
      )
      expectError(r, 404, 'not_found')
    }
  })
})
