import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, actionUpdates } from '@db/schema'
import * as actionsRoute from '~/routes/api.v1.actions'
import * as documentsRoute from '~/routes/api.v1.documents'
import * as meetingsRoute from '~/routes/api.v1.meetings'
import * as updatesRoute from '~/routes/api.v1.actions.$id.updates'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'

type Handler = (args: LoaderFunctionArgs) => unknown

async function call(
  handler: Handler,
  url: string,
  init: Parameters<typeof makeRequest>[1] | Request = {},
  params = {},
) {
  let res: unknown
  try {
    const request = init instanceof Request ? init : makeRequest(url, init)
    res = await handler({ request, params, context: {} })
  } catch (thrown) {
    res = thrown
  }
  if (!(res instanceof Response)) throw new Error(`expected a Response, got ${String(res)}`)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

beforeEach(() => {
  freshDemoDb()
})

describe('keys named after Object.prototype', () => {
  for (const key of HOSTILE) {
    it(`GET documents?${key}= ignores the unknown parameter, as for any other`, async () => {
      const r = await call(documentsRoute.loader, `/api/v1/documents?${key}=x`, {
        cookie: cookieFor('secretariat@rcm.example'),
      })
      expect(r.status).toBe(200)
      expect(r.body.items.length).toBeGreaterThan(0)
    })
  }

  for (const [name, route, url] of [
    ['actions', actionsRoute, '/api/v1/actions'],
    ['meetings', meetingsRoute, '/api/v1/meetings'],
  ] as const) {
    for (const key of HOSTILE) {
      it(`GET ${name}?${key}= answers 400 naming the parameter`, async () => {
        const r = await call(route.loader, `${url}?${key}=x`, {
          cookie: cookieFor('secretariat@rcm.example'),
        })
        expect(r.status).toBe(400)
        expect(r.body.error.code).toBe('invalid')
        expect(Object.keys(r.body.error.fields)).toContain(key)
      })
    }
  }

  it('a JSON body with such keys answers 400 and writes nothing', async () => {
    const [action] = db.select({ id: actionItems.id }).from(actionItems).limit(1).all()
    const before = db.select().from(actionUpdates).all().length
    for (const key of HOSTILE) {
      const r = await call(
        updatesRoute.action,
        `/api/v1/actions/${action.id}/updates`,
        new Request(`http://localhost:3000/api/v1/actions/${action.id}/updates`, {
          method: 'POST',
          headers: {
            Cookie: cookieFor('secretariat@rcm.example'),
            Origin: 'http://localhost:3000',
            'Content-Type': 'application/json',
          },
          body: `{"${key}": {"status": "done"}, "constructor": 1}`,
        }),
        { id: action.id },
      )
      expect(r.status, key).toBe(400)
      expect(r.body.error.code).toBe('invalid')
    }
    expect(db.select().from(actionUpdates).all().length).toBe(before)
  })
})
