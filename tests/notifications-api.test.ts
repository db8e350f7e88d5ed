/**
 * GET /api/v1/notifications and POST /api/v1/notifications/read: one's own notifications only (newest
 * first, pages that neither skip nor repeat rows made in the same millisecond), marking read by id or
 * all, and the refusals: signed out 401, a read-only token 403, another person's id 404 with no effect,
 * a malformed body or cursor 400; both endpoints in openapi.json.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { documents, meetings, notifications } from '@db/schema'
import { createApiToken } from '~/modules/auth/api-tokens.server'
import { MarkReadResult, NotificationList } from '~/modules/notifications/api-schemas'
import { encodeCursor } from '~/modules/notifications/api.server'
import { unreadCount } from '~/modules/notifications/notifications.server'
import * as listRoute from '~/routes/api.v1.notifications'
import * as readRoute from '~/routes/api.v1.notifications.read'
import * as openapiRoute from '~/routes/api.v1.openapi[.]json'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
const call = (...args: Parameters<typeof run>) => run<Json>(...args)

const SNM = 'pa.snm@rcm.example' // Spanish
const IOM = 'iom@rcm.example' // English
const bearer = (email: string, scope: 'read' | 'write' = 'write') => ({
  headers: {
    Authorization: `Bearer ${createApiToken(personByEmail(email).id, 'test', { scope }).token}`,
  },
})

/** Records everyone signed in may see: the list asks again, when read, whether the record is visible. */
const publicDocument = () =>
  db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(eq(documents.visibility, 'public'), isNull(documents.deletedAt), isNull(documents.embargoUntil)),
    )
    .get()!.id
const openMeeting = () =>
  db.select({ id: meetings.id }).from(meetings).where(eq(meetings.openness, 'open')).get()!.id

/** A notification of a person's, as the dispatcher writes them (titles in both languages). */
function note(
  email: string,
  title: string,
  at: Date,
  kind: 'document_new' | 'meeting_created' = 'document_new',
) {
  return db
    .insert(notifications)
    .values({
      personId: personByEmail(email).id,
      kind,
      recordType: kind === 'document_new' ? 'document' : 'meeting',
      recordId: kind === 'document_new' ? publicDocument() : openMeeting(),
      params: JSON.stringify({
        titleEs: `${title} (es)`,
        titleEn: `${title} (en)`,
        path: kind === 'document_new' ? `/documents/${publicDocument()}` : `/meetings/${openMeeting()}`,
      }),
      createdAt: at,
    })
    .returning({ id: notifications.id })
    .get().id
}

const read = (body: unknown, init: Parameters<typeof run>[2] = {}) =>
  call(readRoute.action, '/api/v1/notifications/read', { method: 'POST', json: body, ...init })

beforeEach(() => {
  freshDemoDb()
  db.delete(notifications).run()
})

describe('GET /api/v1/notifications', () => {
  it("answers the caller's own, newest first, in their language, with the unread count", async () => {
    const t0 = Date.UTC(2026, 10, 3, 12)
    const older = note(SNM, 'Antiguo', new Date(t0))
    const newer = note(SNM, 'Nuevo', new Date(t0 + 60_000), 'meeting_created')
    note(IOM, 'Ajeno', new Date(t0 + 120_000))
    const r = await call(listRoute.loader, '/api/v1/notifications', { as: SNM })
    expect(r.status).toBe(200)
    expect(r.headers.get('Cache-Control')).toMatch(/no-store/)
    const body = NotificationList.parse(r.data)
    expect(body.items.map((i) => i.id)).toEqual([newer, older])
    expect(body.items[1]).toEqual({
      id: older,
      kind: 'document_new',
      recordType: 'document',
      recordId: publicDocument(),
      title: 'Antiguo (es)',
      text: 'Documento nuevo: Antiguo (es)',
      url: `/documents/${publicDocument()}`,
      createdAt: new Date(t0).toISOString(),
      readAt: null,
    })
    expect(body).toMatchObject({ nextCursor: null, unread: 2 })
    // the other person, by token, in English
    const theirs = NotificationList.parse(
      (await call(listRoute.loader, '/api/v1/notifications', bearer(IOM))).data,
    )
    expect(theirs.items.map((i) => i.text)).toEqual(['New document: Ajeno (en)'])
  })

  it('filters by kind and unread; pages of 50 neither skip nor repeat rows of the same millisecond', async () => {
    const at = new Date(Date.UTC(2026, 10, 3, 12))
    const ids = new Set<string>()
    for (let i = 0; i < 120; i++) ids.add(note(SNM, `N${i}`, i < 110 ? at : new Date(at.getTime() - i)))
    note(SNM, 'Reunión', new Date(at.getTime() - 1000), 'meeting_created')
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const url: string = `/api/v1/notifications?kind=document_new${cursor ? `&cursor=${cursor}` : ''}`
      const body = NotificationList.parse((await call(listRoute.loader, url, { as: SNM })).data)
      expect(body.items.length).toBeLessThanOrEqual(50)
      seen.push(...body.items.map((i) => i.id))
      cursor = body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(120)
    expect(new Set(seen)).toEqual(ids)

    const first = [...ids][0]
    db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, first)).run()
    const unread = NotificationList.parse(
      (await call(listRoute.loader, '/api/v1/notifications?unread=1&kind=document_new', { as: SNM })).data,
    )
    expect(unread.items.map((i) => i.id)).not.toContain(first)
    const meetings = NotificationList.parse(
      (await call(listRoute.loader, '/api/v1/notifications?kind=meeting_created', { as: SNM })).data,
    )
    expect(meetings.items.map((i) => i.title)).toEqual(['Reunión (es)'])
  })

  it('refuses: signed out 401, an unknown parameter, kind or cursor 400, POST 405', async () => {
    const anon = await call(listRoute.loader, '/api/v1/notifications')
    expect(anon.status).toBe(401)
    expect(anon.data.error.code).toBe('unauthenticated')
    for (const q of ['?person=x', '?kind=nope', '?cursor=not-a-cursor', '?unread=maybe']) {
      const r = await call(listRoute.loader, `/api/v1/notifications${q}`, { as: SNM })
      expect(r.status, q).toBe(400)
      expect(r.data.error.code, q).toBe('invalid')
    }
    expect((await call(listRoute.action, '/api/v1/notifications', { method: 'POST', as: SNM })).status).toBe(
      405,
    )
  })

  it("a cursor made from another person's notification shows only one's own", async () => {
    const at = new Date()
    const theirs = note(IOM, 'Ajeno', at)
    note(SNM, 'Mío', new Date(at.getTime() - 1000))
    const url = `/api/v1/notifications?cursor=${encodeCursor(at, theirs)}`
    const body = NotificationList.parse((await call(listRoute.loader, url, { as: SNM })).data)
    expect(body.items.map((i) => i.title)).toEqual(['Mío (es)'])
  })
})

describe('POST /api/v1/notifications/read', () => {
  it('marks the given ids, then all; already read ones are left as they were', async () => {
    const a = note(SNM, 'A', new Date(Date.now() - 3000))
    const b = note(SNM, 'B', new Date(Date.now() - 2000))
    note(SNM, 'C', new Date(Date.now() - 1000))
    const r = await read({ ids: [a, b, a] }, { as: SNM })
    expect(r.status).toBe(200)
    expect(MarkReadResult.parse(r.data)).toEqual({ marked: 2, unread: 1 })
    const readAt = db.select().from(notifications).where(eq(notifications.id, a)).get()!.readAt
    expect(MarkReadResult.parse((await read({ ids: [a] }, { as: SNM })).data)).toEqual({
      marked: 0,
      unread: 1,
    })
    expect(db.select().from(notifications).where(eq(notifications.id, a)).get()!.readAt).toEqual(readAt)
    // by token, all
    expect(MarkReadResult.parse((await read({ all: true }, bearer(SNM))).data)).toEqual({
      marked: 1,
      unread: 0,
    })
  })

  it("another person's id is 404 and marks nothing, not even the caller's own ids sent with it", async () => {
    const mine = note(SNM, 'Mío', new Date())
    const theirs = note(IOM, 'Ajeno', new Date())
    const r = await read({ ids: [mine, theirs] }, { as: SNM })
    expect(r.status).toBe(404)
    expect(r.data.error.code).toBe('not_found')
    expect(unreadCount(personByEmail(SNM).id)).toBe(1)
    expect(unreadCount(personByEmail(IOM).id)).toBe(1)
    // an id that exists nowhere looks the same
    expect((await read({ ids: ['nosuchid'] }, { as: SNM })).status).toBe(404)
    // "all" is only one's own
    await read({ all: true }, { as: SNM })
    expect(unreadCount(personByEmail(IOM).id)).toBe(1)
  })

  it('refuses: signed out 401, a read-only token 403, a body that is neither ids nor all 400, GET 405', async () => {
    const mine = note(SNM, 'Mío', new Date())
    const anon = await read({ ids: [mine] })
    expect(anon.status).toBe(401)
    const readOnly = await read({ ids: [mine] }, bearer(SNM, 'read'))
    expect(readOnly.status).toBe(403)
    expect(readOnly.data.error.code).toBe('insufficient_scope')
    for (const body of [
      {},
      { ids: [] },
      { all: false },
      { ids: [mine], all: true },
      { ids: [mine], personId: 'x' },
      [mine],
      { ids: 'x' },
    ]) {
      const r = await read(body, { as: SNM })
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.data.error.fields.ids[0]).toMatch(/ids/)
    }
    expect(unreadCount(personByEmail(SNM).id)).toBe(1)
    expect((await call(readRoute.loader, '/api/v1/notifications/read', { as: SNM })).status).toBe(405)
  })
})

describe('openapi.json', () => {
  it('describes both endpoints from their schemas', async () => {
    const doc = (await call(openapiRoute.loader, '/api/v1/openapi.json')).data
    const list = doc.paths['/notifications'].get
    expect(list.responses['200'].content['application/json'].schema.properties).toHaveProperty('nextCursor')
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['cursor', 'kind', 'unread'])
    const mark = doc.paths['/notifications/read'].post
    expect(mark.requestBody.content['application/json'].schema).toBeTypeOf('object')
    expect(mark.responses['404']).toBeDefined()
    expect(mark.responses['401']).toBeDefined()
  })
})
