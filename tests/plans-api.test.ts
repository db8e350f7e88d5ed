// The plans' JSON API as a script sees it: lists and records of the caller's groups only (404 to
// everyone else on every path), an ETag, strict saves (428 without If-Match, 412 with the current
// text when stale), revisions and comments, and the OpenAPI entries.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeEach, describe, expect, it } from 'vitest'
import { openApiDocument } from '~/modules/api/openapi.server'
import {
  CommentList,
  PlanList,
  PlanRecord,
  RevisionList,
  SectionSaved,
  StaleOut,
} from '~/modules/plans/api-schemas'
import * as commentsRoute from '~/routes/api.v1.plans.$id.comments'
import * as planRoute from '~/routes/api.v1.plans.$id'
import * as revisionsRoute from '~/routes/api.v1.plans.$id.sections.$sectionId.revisions'
import * as sectionRoute from '~/routes/api.v1.plans.$id.sections.$sectionId'
import * as plansRoute from '~/routes/api.v1.plans'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'

type Handler = (args: LoaderFunctionArgs) => unknown

async function call(
  handler: Handler,
  url: string,
  init: Parameters<typeof makeRequest>[1] = {},
  params: Record<string, string> = {},
) {
  let res: unknown
  try {
    res = await handler({ request: makeRequest(url, init), params, context: {} })
  } catch (thrown) {
    res = thrown
  }
  if (!(res instanceof Response)) throw new Error(`expected a Response, got ${String(res)}`)
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

const as = (email: string, more: Parameters<typeof makeRequest>[1] = {}) => ({
  ...more,
  cookie: cookieFor(email),
})

async function panama(email = 'pa.snm@rcm.example') {
  const list = await call(plansRoute.loader, '/api/v1/plans', as(email))
  // the national plan (its group also drafts the referral protocol, at its consolidated-draft stage)
  const plan = (list.body.items as { id: string; stage: string; group: { slug: string } }[]).find(
    (p) => p.group.slug === 'pa-smuggling-plan' && p.stage === 'institutional_consultation',
  )!
  const r = await call(planRoute.loader, `/api/v1/plans/${plan.id}`, as(email), { id: plan.id })
  return { id: plan.id, record: r.body, etag: r.headers.get('ETag') }
}

function put(email: string, planId: string, sectionId: string, json: unknown, ifMatch?: string) {
  return call(
    sectionRoute.action as Handler,
    `/api/v1/plans/${planId}/sections/${sectionId}`,
    as(email, { method: 'PUT', json, headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch } }),
    { id: planId, sectionId },
  )
}

beforeEach(() => {
  freshDemoDb()
})

describe('GET /api/v1/plans and /plans/:id', () => {
  it('lists the plans of the caller groups and sends the plan with its sections and an ETag', async () => {
    const list = await call(plansRoute.loader, '/api/v1/plans', as('pa.snm@rcm.example'))
    // the national plan and the referral protocol of the caller's group
    expect(PlanList.parse(list.body).items.map((p) => p.stage)).toEqual([
      'institutional_consultation',
      'consolidated_draft',
    ])
    const { record, etag } = await panama()
    PlanRecord.parse(record)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const first = record.sections[0]
    expect(first).toMatchObject({ number: '1', lang: 'es', revision: 2 })
    expect(first.text).toContain('Ley 36 de 2013')
    const again = await call(
      planRoute.loader,
      `/api/v1/plans/${record.id}`,
      as('pa.snm@rcm.example', { headers: { 'If-None-Match': etag! } }),
      { id: record.id },
    )
    expect(again.status).toBe(304)
  })

  it('answers 404 to everyone outside the group on every path, and 401 without a login', async () => {
    const { id, record } = await panama()
    const sid = record.sections[0].id
    for (const email of ['unhcr@rcm.example', 'mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
      const list = await call(plansRoute.loader, '/api/v1/plans', as(email))
      expect(
        list.body.items.map((p: { id: string }) => p.id),
        email,
      ).not.toContain(id)
      expect((await call(planRoute.loader, `/api/v1/plans/${id}`, as(email), { id })).status).toBe(404)
      expect(
        (
          await call(revisionsRoute.loader, `/api/v1/plans/${id}/sections/${sid}/revisions`, as(email), {
            id,
            sectionId: sid,
          })
        ).status,
      ).toBe(404)
      expect(
        (await call(commentsRoute.loader, `/api/v1/plans/${id}/comments`, as(email), { id })).status,
      ).toBe(404)
      expect((await put(email, id, sid, { text: 'x' }, '"2"')).status).toBe(404)
      expect((await put(email, id, sid, { text: 'x' })).status).toBe(404)
      const post = await call(
        commentsRoute.action as Handler,
        `/api/v1/plans/${id}/comments`,
        as(email, { json: { section: sid, body: 'x' } }),
        { id },
      )
      expect(post.status).toBe(404)
    }
    expect((await call(planRoute.loader, `/api/v1/plans/${id}`, {}, { id })).status).toBe(401)
  })
})

describe('PUT /api/v1/plans/:id/sections/:sectionId', () => {
  it('428 without If-Match, 200 from the current revision, 412 from the old one with the current text', async () => {
    const { id, record, etag } = await panama()
    const { id: sid, revision } = record.sections[0]
    const missing = await put('pa.snm@rcm.example', id, sid, { text: 'sin revisión' })
    expect(missing.status).toBe(428)
    expect(missing.body.error.code).toBe('precondition_required')
    const ok = await put('pa.snm@rcm.example', id, sid, { text: 'Texto de prueba' }, `"${revision}"`)
    expect(ok.status).toBe(200)
    expect(SectionSaved.parse(ok.body)).toMatchObject({ id: sid, revision: revision + 2, unchanged: false })
    expect(ok.headers.get('ETag')).toBe(`"${revision + 2}"`)
    const stale = await put('iom@rcm.example', id, sid, { text: 'otra versión' }, `"${revision}"`)
    expect(stale.status).toBe(412)
    const body = StaleOut.parse(stale.body)
    expect(body.error.current).toMatchObject({
      revision: revision + 2,
      text: 'Texto de prueba',
      yours: 'otra versión',
    })
    expect(body.error.message).toMatch(/revision you started from/)
    // the plan's ETag changed
    expect((await panama()).etag).not.toBe(etag)
    // the history keeps both texts of the drafters, with the new one on top
    const revs = await call(
      revisionsRoute.loader,
      `/api/v1/plans/${id}/sections/${sid}/revisions`,
      as('iom@rcm.example'),
      { id, sectionId: sid },
    )
    expect(RevisionList.parse(revs.body).items[0]).toMatchObject({
      revision: revision + 2,
      text: 'Texto de prueba',
      baseRevision: revision,
    })
  })

  it('refuses a reader and a commenter (403) and an approved plan (403), saving nothing', async () => {
    const { id, record } = await panama()
    const { id: sid, revision } = record.sections[0]
    for (const email of ['pa.delegate1@rcm.example', 'pa.delegate2@rcm.example']) {
      const r = await put(email, id, sid, { text: 'x' }, `"${revision}"`)
      expect(r.status, email).toBe(403)
      expect(r.body.error.message).toMatch(/Solo quienes redactan/)
    }
    const list = await call(plansRoute.loader, '/api/v1/plans', as('secretariat@rcm.example'))
    const border = list.body.items.find(
      (p: { group: { slug: string } }) => p.group.slug === 'border-management',
    )
    const plan = await call(planRoute.loader, `/api/v1/plans/${border.id}`, as('secretariat@rcm.example'), {
      id: border.id,
    })
    const s = plan.body.sections[0]
    const locked = await put('secretariat@rcm.example', border.id, s.id, { text: 'x' }, `"${s.revision}"`)
    expect(locked.status).toBe(403)
    expect((await panama()).record.sections[0].revision).toBe(revision)
  })

  it('refuses a body that is not the schema (400) and an unknown section (404)', async () => {
    const { id, record } = await panama()
    const bad = await put('pa.snm@rcm.example', id, record.sections[0].id, { text: 1, extra: true }, '"2"')
    expect(bad.status).toBe(400)
    expect((await put('pa.snm@rcm.example', id, 'nosuchsection', { text: 'x' }, '"1"')).status).toBe(404)
  })
})

describe('comments and OpenAPI', () => {
  it('lists threads and lets a commenter post, not a reader', async () => {
    const { id, record } = await panama()
    const list = await call(commentsRoute.loader, `/api/v1/plans/${id}`, as('pa.delegate1@rcm.example'), {
      id,
    })
    expect(CommentList.parse(list.body).items.length).toBeGreaterThanOrEqual(4)
    const sid = record.sections[0].id
    const posted = await call(
      commentsRoute.action as Handler,
      `/api/v1/plans/${id}/comments`,
      as('pa.delegate2@rcm.example', { json: { section: sid, body: 'Comentario' } }),
      { id },
    )
    expect(posted.status).toBe(201)
    const refused = await call(
      commentsRoute.action as Handler,
      `/api/v1/plans/${id}/comments`,
      as('pa.delegate1@rcm.example', { json: { section: sid, body: 'x' } }),
      { id },
    )
    expect(refused.status).toBe(403)
  })

  it('documents the plan endpoints', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths['/plans/{id}/sections/{sectionId}'])).toEqual(['put'])
    expect(doc.paths['/plans']).toHaveProperty('get')
    expect(doc.paths['/plans/{id}']).toHaveProperty('get')
    expect(doc.paths['/plans/{id}/sections/{sectionId}/revisions']).toHaveProperty('get')
    expect(Object.keys(doc.paths['/plans/{id}/comments']).sort()).toEqual(['get', 'post'])
  })
})
