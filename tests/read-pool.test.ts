/**
 * The read pool (core/read-pool.server.ts) with real worker threads: the same answers as in-process,
 * a read past its time limit ends its worker (and the pool goes on), a full queue is refused at once,
 * and a saturated pool makes pages and the API answer 503 with Retry-After in the person's language.
 * Then the cached counts (core/read-cache.server.ts): after a sequence of writes through every table
 * the triggers watch, the board and the dashboard's card equal a full recount, for a member-side and an
 * observer viewer.
 */
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseFile, db, rawSqlite } from '@db/client'
import { actionItems, actionOwners, actionUpdates, meetings, organizations } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { actionsBoard, actionsBoardRead } from '~/modules/actions/board.server'
import {
  createReadPool,
  ReadPoolBusy,
  ReadTimeout,
  runReads,
  stopReadPool,
  toStatement,
  type Statement,
} from '~/modules/core/read-pool.server'
import { readCacheStats } from '~/modules/core/read-cache.server'
import { actionsSection } from '~/modules/dashboard/actions-section.server'
import { listDocuments, listDocumentsRead } from '~/modules/documents/queries.server'
import { searchAcross, searchableTypes, typeQuery } from '~/modules/search/records.server'
import { searchDocuments } from '~/modules/search/search.server'
import { listActions, listActionsRead } from '~/modules/actions/lists.server'
import { loader as actionsPage } from '~/routes/actions._index'
import { loader as apiActionsList } from '~/routes/api.v1.actions'
import { loader as apiSearch } from '~/routes/api.v1.search'
import { loader as searchPage } from '~/routes/search'
import { CO, MX, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { sql } from 'drizzle-orm'

/** A statement that keeps SQLite busy for about a second or more. */
const slow = (rows = 30_000_000): Statement => ({
  sql: 'with recursive c(x) as (select 1 union all select x + 1 from c where x < ?) select count(*) as n from c',
  params: [rows],
  mode: 'get',
})

function useWorkers(size: number, extra: Record<string, string> = {}) {
  process.env.READ_WORKERS = String(size)
  for (const [k, v] of Object.entries(extra)) process.env[k] = v
  resetEnvCache()
}

beforeEach(() => {
  freshDemoDb()
})

afterEach(async () => {
  await stopReadPool()
  delete process.env.READ_WORKERS
  delete process.env.READ_MAX_QUEUE
  delete process.env.READ_TIMEOUT_MS
  resetEnvCache()
})

describe('the read pool', () => {
  it('answers what the in-process reads answer: search, the API search, the documents list, the board', async () => {
    const queries = ['migración', 'trafico ilicito', 'informe', 'zzqxw']
    const everything = async () => {
      const out: unknown[] = []
      for (const email of [MX, CO, SECRETARIAT]) {
        const viewer = viewerFor(email)
        for (const q of queries) {
          out.push(await searchDocuments(viewer, q, { limit: 10 }))
          const tq = typeQuery({ viewer, q, lang: 'es' })!
          out.push(await searchAcross(tq, { types: searchableTypes(viewer), from: null, limit: 20 }))
          out.push(await listDocumentsRead(viewer, { q, sort: 'date_desc' }, { limit: 10 }))
        }
        out.push(await actionsBoardRead(viewer, 'es'))
      }
      return out
    }
    const inProcess = await everything()
    useWorkers(2)
    const inWorkers = await everything()
    expect(inWorkers).toEqual(inProcess)
    // not vacuous: the searches found something, and the list read matches the synchronous list
    expect(JSON.stringify(inProcess)).toContain('"reference"')
    expect(await listDocumentsRead(viewerFor(MX), { q: 'informe' }, { limit: 5 })).toEqual(
      listDocuments(viewerFor(MX), { q: 'informe' }, { limit: 5 }),
    )
    const overdue = { overdue: '1' as const, sort: 'due_asc' as const }
    const actions = await listActionsRead(viewerFor(MX), overdue, { limit: 5 })
    expect(actions.items.length).toBeGreaterThan(0)
    expect(actions).toEqual(listActions(viewerFor(MX), overdue, { limit: 5 }))
  })

  it('reads an action page, its owners and its origins in one go, decoded as drizzle decodes them', async () => {
    useWorkers(2)
    const filters = [{}, { overdue: '1' as const, sort: 'due_asc' as const }, { status: 'done' as const }]
    const origins = new Set<string>()
    let dated = 0
    for (const email of [MX, CO, SECRETARIAT]) {
      for (const f of filters) {
        const read = await listActionsRead(viewerFor(email), f, { limit: 50, lang: 'en' })
        expect(read).toEqual(listActions(viewerFor(email), f, { limit: 50, lang: 'en' }))
        for (const item of read.items) {
          origins.add(`${item.origin.type}:${item.origin.restricted}`)
          expect(item.updatedAt).toBeInstanceOf(Date)
          if (!item.origin.restricted && item.origin.meeting) {
            expect(item.origin.meeting.startsAt).toBeInstanceOf(Date)
            dated++
          }
        }
      }
    }
    // not vacuous: owners, several kinds of origin and decoded dates were compared
    expect(origins.size).toBeGreaterThan(2)
    expect(dated).toBeGreaterThan(0)
  })

  it('refuses a selection it cannot decode', async () => {
    const { select } = await import('~/modules/core/read-select.server')
    expect(() =>
      select(db.select({ id: actionItems.id }).from(actionItems), {
        id: actionItems.id,
        nested: { deep: actionItems.id },
      } as never),
    ).toThrow(/only flat selections/)
    const mismatch = select(db.select({ id: actionItems.id, title: actionItems.titleEs }).from(actionItems), {
      id: actionItems.id,
    })
    expect(() => mismatch.decode([['a', 'b']])).toThrow(/does not select these fields/)
  })

  it('runs each read in a worker with a read-only connection: a write is refused there', async () => {
    const pool = createReadPool({ file: databaseFile(), size: 1, maxQueue: 4, timeoutMs: 5000 })
    try {
      await expect(
        pool.run([{ sql: "update organizations set code = 'XX' returning code", params: [], mode: 'all' }]),
      ).rejects.toThrow(/readonly|read-only|attempt to write/i)
      const [row] = await pool.run([toStatement(sql`select count(*) as n from ${organizations}`, 'get')])
      expect((row as { n: number }).n).toBeGreaterThan(10)
    } finally {
      await pool.stop()
    }
  })

  it('ends a read past its time limit, replaces the worker, and serves the next read', async () => {
    const pool = createReadPool({ file: databaseFile(), size: 1, maxQueue: 4, timeoutMs: 150 })
    try {
      const started = Date.now()
      const error = await pool.run([slow()]).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ReadTimeout)
      expect(Date.now() - started).toBeLessThan(3000)
      const [row] = await pool.run([{ sql: 'select 41 + 1 as n', params: [], mode: 'get' }])
      expect(row).toEqual({ n: 42 })
    } finally {
      await pool.stop()
    }
  })

  it('refuses at once when its queue is full, and answers the reads it accepted', async () => {
    const pool = createReadPool({ file: databaseFile(), size: 1, maxQueue: 1, timeoutMs: 20_000 })
    try {
      const first = pool.run([slow(3_000_000)])
      const second = pool.run([{ sql: 'select 2 as n', params: [], mode: 'get' }])
      await expect(pool.run([{ sql: 'select 3 as n', params: [], mode: 'get' }])).rejects.toBeInstanceOf(
        ReadPoolBusy,
      )
      expect(await first).toEqual([{ n: 3_000_000 }])
      expect(await second).toEqual([{ n: 2 }])
      // room again once the queue is empty
      expect(await pool.run([{ sql: 'select 4 as n', params: [], mode: 'get' }])).toEqual([{ n: 4 }])
    } finally {
      await pool.stop()
    }
  })

  it('makes the pages and the API answer 503 with Retry-After in the person’s language when saturated', async () => {
    useWorkers(1, { READ_MAX_QUEUE: '1', READ_TIMEOUT_MS: '20000' })
    const busy = [runReads([slow(8_000_000)]), runReads([slow(8_000_000)])]
    const page = await run(searchPage, '/search?q=migracion', { as: MX })
    expect(page.status).toBe(503)
    expect(page.headers.get('Retry-After')).toBe('5')
    expect(page.body).toMatch(/El servidor está ocupado/)
    const api = await run<{ error: { code: string; message: string } }>(
      apiSearch,
      '/api/v1/search?q=migracion',
      {
        as: SECRETARIAT,
      },
    )
    expect(api.status).toBe(503)
    expect(api.headers.get('Retry-After')).toBe('5')
    expect(api.data.error.code).toBe('unavailable')
    // the action list and its API read their page in the pool too
    const list = await run(actionsPage, '/actions?overdue=1', { as: MX })
    expect(list.status).toBe(503)
    expect(list.body).toMatch(/El servidor está ocupado/)
    const apiActions = await run<{ error: { code: string } }>(apiActionsList, '/api/v1/actions?overdue=1', {
      as: SECRETARIAT,
    })
    expect(apiActions.status).toBe(503)
    expect(apiActions.data.error.code).toBe('unavailable')
    await Promise.all(busy)
    // once the pool is free, the same page answers
    expect((await run(searchPage, '/search?q=migracion', { as: MX })).status).toBe(200)
  }, 60_000)
})

describe('cached counts', () => {
  const id = (code: string) => db.select().from(organizations).where(eq(organizations.code, code)).get()!.id

  it('equal a full recount after every write the triggers watch, per visibility bucket', async () => {
    const viewers = [MX, CO, SECRETARIAT].map(viewerFor)
    const now = new Date()
    const check = async () => {
      for (const v of viewers) {
        const fresh = actionsBoard(v, 'en', now, {}, { fresh: true })
        expect(actionsBoard(v, 'en', now)).toEqual(fresh)
        expect(await actionsBoardRead(v, 'en', now)).toEqual(fresh)
      }
      const overview = await actionsSection({ viewer: viewerFor(SECRETARIAT), lang: 'en', now })
      const count = (q: string) => (rawSqlite().prepare(q).get() as { n: number }).n
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Costa_Rica' }).format(now)
      expect(overview).toMatchObject({
        overdue: count(
          `select count(*) as n from action_items where status in ('not_started','in_progress','blocked') and due_date < '${today}'`,
        ),
        awaitingValidation: count(`select count(*) as n from action_updates where validation = 'pending'`),
      })
      return JSON.stringify(viewers.map((v) => actionsBoard(v, 'en', now, {}, { fresh: true })))
    }
    const states = [await check()]
    const hitsBefore = readCacheStats().hits
    await check()
    expect(readCacheStats().hits).toBeGreaterThan(hitsBefore) // nothing changed: answered from memory

    const [first, second] = db.select().from(actionItems).limit(2).all()
    const writes = [
      () => db.update(actionItems).set({ status: 'done' }).where(eq(actionItems.id, first.id)).run(),
      () =>
        db
          .update(actionItems)
          .set({ dueDate: '2001-01-01', status: 'in_progress' })
          .where(eq(actionItems.id, second.id))
          .run(),
      () =>
        db
          .insert(actionOwners)
          .values({ actionId: first.id, organizationId: id('CO'), kind: 'owner' })
          .onConflictDoNothing()
          .run(),
      () => db.delete(actionOwners).where(eq(actionOwners.actionId, second.id)).run(),
      () => db.update(meetings).set({ openness: 'members_only' }).run(),
      // a report awaiting validation is validated by the secretariat
      () =>
        db
          .update(actionUpdates)
          .set({ validation: 'validated', validatedById: viewerFor(SECRETARIAT).id, validatedAt: new Date() })
          .where(eq(actionUpdates.validation, 'pending'))
          .run(),
      // a national institution no longer answers through its state
      () =>
        rawSqlite()
          .prepare(
            'update organizations set parent_id = null where id = (select ao.organization_id from action_owners ao join organizations o on o.id = ao.organization_id where o.parent_id is not null limit 1)',
          )
          .run(),
    ]
    for (const write of writes) {
      write()
      states.push(await check())
    }
    // the writes changed the counts (else the comparisons above would prove nothing about invalidation)
    expect(new Set(states).size).toBeGreaterThan(3)
  })
})
