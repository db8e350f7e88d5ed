import { afterEach, describe, expect, it } from 'vitest'
import { resetEnvCache } from '~/env.server'
import { checkOrigin } from '~/modules/auth/origin.server'

const SELF = 'http://localhost:3000'
const base = { origin: null, authorization: null, requestOrigin: SELF, path: '/api/v1/actions' }

function withAppOrigin(value: string | undefined) {
  if (value === undefined) delete process.env.APP_ORIGIN
  else process.env.APP_ORIGIN = value
  resetEnvCache()
}

afterEach(() => withAppOrigin(undefined))

describe('checkOrigin', () => {
  it('lets safe methods through without an Origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(checkOrigin({ ...base, method }).ok, method).toBe(true)
    }
  })

  describe.each([
    ['APP_ORIGIN unset (the request’s own origin is expected)', undefined, SELF],
    ['APP_ORIGIN set', 'https://portal.example.org', 'https://portal.example.org'],
  ])('%s', (_label, appOrigin, expected) => {
    it('refuses a POST without Origin', () => {
      withAppOrigin(appOrigin)
      const v = checkOrigin({ ...base, method: 'POST' })
      expect(v.ok).toBe(false)
    })

    it('refuses every state-changing method from another origin', () => {
      withAppOrigin(appOrigin)
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const origin of ['https://evil.example', `${expected}.evil.example`, 'null', expected + '/']) {
          expect(checkOrigin({ ...base, method, origin }).ok, `${method} ${origin}`).toBe(false)
        }
      }
    })

    it('lets a POST with the right Origin through', () => {
      withAppOrigin(appOrigin)
      expect(checkOrigin({ ...base, method: 'POST', origin: expected }).ok).toBe(true)
    })

    it('lets a Bearer-authenticated POST through without an Origin', () => {
      withAppOrigin(appOrigin)
      expect(checkOrigin({ ...base, method: 'POST', authorization: 'Bearer rcm_abc' }).ok).toBe(true)
      // an empty or non-Bearer Authorization header does not exempt the request
      expect(checkOrigin({ ...base, method: 'POST', authorization: 'Bearer ' }).ok).toBe(false)
      expect(checkOrigin({ ...base, method: 'POST', authorization: 'Basic dXNlcjpwdw==' }).ok).toBe(false)
    })

    it('a Bearer header exempts only the JSON API: on a page it is no login, so no exemption', () => {
      withAppOrigin(appOrigin)
      for (const path of ['/invite', '/admin/people', '/account/sessions', '/api/v1x', '/apiv1/actions']) {
        expect(checkOrigin({ ...base, path, method: 'POST', authorization: 'Bearer rcm_abc' }).ok, path).toBe(
          false,
        )
      }
      expect(
        checkOrigin({ ...base, path: '/api/v1', method: 'POST', authorization: 'Bearer rcm_abc' }).ok,
      ).toBe(true)
    })
  })

  it('with APP_ORIGIN set, the request’s own origin is not enough', () => {
    withAppOrigin('https://portal.example.org')
    expect(checkOrigin({ ...base, method: 'POST', origin: SELF, requestOrigin: SELF }).ok).toBe(false)
  })

  it('without APP_ORIGIN, the origin must match the request’s own', () => {
    withAppOrigin(undefined)
    expect(
      checkOrigin({ ...base, method: 'POST', origin: SELF, requestOrigin: 'http://127.0.0.1:3000' }).ok,
    ).toBe(false)
  })
})
