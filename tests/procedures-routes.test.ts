// Written procedures through their pages (forms posted without JavaScript) and the JSON API: who sees
// what, the position form and its refusals at the field in the person's language, the API's 201, 400,
// 403 and 404, and the OpenAPI document.
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { writtenProcedurePositions, writtenProcedures } from '@db/schema'
import { utcToZoned } from '~/modules/meetings/time'
import { LaunchSchema } from '~/modules/procedures/forms.server'
import { launchProcedure } from '~/modules/procedures/procedures.server'
import * as listPage from '~/routes/procedures._index'
import * as page from '~/routes/procedures.$id'
import * as newPage from '~/routes/procedures.new'
import * as apiList from '~/routes/api.v1.procedures'
import * as apiOne from '~/routes/api.v1.procedures.$id'
import * as apiPositions from '~/routes/api.v1.procedures.$id.positions'
import * as openapi from '~/routes/api.v1.openapi[.]json'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const membersOnly = () =>
  launchProcedure(
    viewerFor('secretariat@rcm.example'),
    LaunchSchema.parse({
      subjectEs: 'Solo miembros',
      textKind: 'decision_text',
      textEs: 'Texto.',
      deadline: utcToZoned(new Date(Date.now() + 3 * 86_400_000), 'America/Costa_Rica'),
    }),
  ).id
const positions = (id: string) =>
  db.select().from(writtenProcedurePositions).where(eq(writtenProcedurePositions.procedureId, id)).all()

beforeEach(() => {
  freshDemoDb()
})

describe('pages', () => {
  it('lists what each may see; a members-only procedure is a 404 for an observer', async () => {
    const id = membersOnly()
    const secretariat = await run<{ items: { id: string }[] }>(listPage.loader, '/procedures?show=all', {
      as: 'secretariat@rcm.example',
    })
    expect(secretariat.data.items.map((i) => i.id)).toContain(id)
    const observer = await run<{ items: { id: string }[] }>(listPage.loader, '/procedures?show=all', {
      as: 'co.observer@rcm.example',
    })
    expect(observer.data.items.map((i) => i.id)).not.toContain(id)
    expect(observer.data.items.length).toBeGreaterThan(0) // the demo's procedure open to participants
    expect(
      (await run(page.loader, `/procedures/${id}`, { as: 'co.observer@rcm.example' }, { id })).status,
    ).toBe(404)
    expect((await run(page.loader, `/procedures/${id}`, { as: 'mx.focal@rcm.example' }, { id })).status).toBe(
      200,
    )
  })

  it('the focal point records a position by the form; a refusal comes back at the field, typed text kept', async () => {
    const id = membersOnly()
    const ok = await run(
      page.action,
      `/procedures/${id}`,
      {
        as: 'mx.focal@rcm.example',
        form: { intent: 'position', position: 'agree', reason: '' },
      },
      { id },
    )
    expect(ok.status).toBe(302)
    expect(ok.location).toBe(`/procedures/${id}?done=position`)
    const missing = await run<{
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
    }>(
      page.action,
      `/procedures/${id}`,
      { as: 'gt.focal@rcm.example', form: { intent: 'position', position: 'object', reason: '' } },
      { id },
    )
    expect(missing.status).toBe(400)
    expect(missing.data.result.error.reason).toEqual(['procedures.error.reasonRequired'])
    const delegate = await run<{
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
    }>(
      page.action,
      `/procedures/${id}`,
      {
        as: 'mx.delegate@rcm.example',
        form: { intent: 'position', position: 'object', reason: 'Mi motivo' },
      },
      { id },
    )
    expect(delegate.status).toBe(403)
    expect(delegate.data.result.error.position).toEqual(['procedures.error.notFocalPoint'])
    expect(delegate.data.result.initialValue.reason).toBe('Mi motivo')
    expect(positions(id).map((p) => p.position)).toEqual(['agree'])
  })

  it('only the secretariat opens the launch page', async () => {
    expect((await run(newPage.loader, '/procedures/new', { as: 'pa.focal@rcm.example' })).status).toBe(403)
    expect((await run(newPage.loader, '/procedures/new', { as: 'secretariat@rcm.example' })).status).toBe(200)
  })
})

describe('API', () => {
  it('GET list and record; POST a position: 201, 400 (unknown field, missing reason), 403 in the caller’s language, 404', async () => {
    const id = membersOnly()
    const list = await run<{ items: { id: string }[] }>(apiList.loader, '/api/v1/procedures?status=open', {
      as: 'mx.focal@rcm.example',
    })
    expect(list.data.items.map((i) => i.id)).toContain(id)
    const one = await run<{ id: string; positions: unknown[] }>(
      apiOne.loader,
      `/api/v1/procedures/${id}`,
      { as: 'mx.focal@rcm.example' },
      { id },
    )
    expect(one.data.positions).toHaveLength(11)
    expect(
      (await run(apiOne.loader, `/api/v1/procedures/${id}`, { as: 'iom@rcm.example' }, { id })).status,
    ).toBe(404)
    const post = (as: string, json: unknown) =>
      run<{ error?: { fields?: Record<string, string[]>; message: string } }>(
        apiPositions.action,
        `/api/v1/procedures/${id}/positions`,
        { as, json },
        { id },
      )
    expect((await post('mx.focal@rcm.example', { position: 'agree' })).status).toBe(201)
    const unknown = await post('mx.focal@rcm.example', { position: 'agree', role: 'secretariat' })
    expect(unknown.status).toBe(400)
    const noReason = await post('gt.focal@rcm.example', { position: 'object' })
    expect(noReason.status).toBe(400)
    expect(noReason.data.error?.fields?.reason).toEqual(['Indique el motivo de la objeción.'])
    const other = await post('pa.focal@rcm.example', { position: 'agree', state: 'GT' })
    expect(other.status).toBe(403)
    expect(other.data.error?.message).toBe('Solo puede registrar la posición de su propio Estado.')
    expect((await post('iom@rcm.example', { position: 'agree' })).status).toBe(404)
    expect(positions(id)).toHaveLength(1)
    expect(db.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()!.status).toBe('open')
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await run<{ paths: Record<string, unknown> }>(openapi.loader, '/api/v1/openapi.json')
    expect(Object.keys(doc.data.paths)).toEqual(
      expect.arrayContaining(['/procedures', '/procedures/{id}', '/procedures/{id}/positions']),
    )
  })
})
