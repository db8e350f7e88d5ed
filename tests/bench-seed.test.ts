// The bench dataset (db/seed/bench.ts) seeded at a small scale into an empty database, so that the
// seeding code `npm run bench` relies on cannot rot silently: counts, the search index as the portal
// itself would write it, the stored files, and the pages' loaders the benchmark measures.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import {
  BENCH_ACCOUNTS,
  BENCH_PASSWORD,
  benchSamples,
  countBenchDataset,
  seedBench,
  type BenchDataset,
} from '@db/seed/bench'
import { verifyPassword } from '~/modules/auth/password.server'
import { storagePath } from '~/modules/documents/storage.server'
import { runReminders } from '~/modules/actions/reminders.server'
import { indexDocument } from '~/modules/search/search.server'
import { loader as actionsBoard } from '~/routes/actions.board'
import { loader as actionsPage } from '~/routes/actions._index'
import { loader as apiActions } from '~/routes/api.v1.actions'
import { loader as apiSearch } from '~/routes/api.v1.search'
import { loader as documentPage } from '~/routes/documents.$id'
import { loader as documentsPage } from '~/routes/documents._index'
import { loader as meetingPage } from '~/routes/meetings.$id._index'
import { loader as meetingsPage } from '~/routes/meetings._index'
import { loader as memberPage } from '~/routes/members.$code'
import { loader as searchPage } from '~/routes/search'
import { cookieFor, freshEmptyDb, makeRequest } from './helpers/db'

const SCALE = 0.002
let dataset: BenchDataset

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown

/** A loader's data as the delegate (or anyone) sees it; a thrown or non-200 Response fails the test. */
async function load<T = Record<string, unknown>>(
  loader: unknown,
  url: string,
  params: Record<string, string> = {},
  email: string = BENCH_ACCOUNTS.delegate,
): Promise<T> {
  let result: unknown
  try {
    result = await (loader as Loader)({
      request: makeRequest(url, { cookie: cookieFor(email) }),
      params,
      context: {},
    })
  } catch (thrown) {
    if (thrown instanceof Response) throw new Error(`${url} answered ${thrown.status}`)
    throw thrown
  }
  if (result instanceof Response) {
    expect(result.status, url).toBe(200)
    return (await result.json()) as T
  }
  return result as T
}

/** A search-index row; the texts of the body in a fixed order (the portal's query leaves it open). */
function ftsRow(rowid: number) {
  const row = rawSqlite()
    .prepare('select title, description, reference, tags, body from documents_fts where rowid = ?')
    .get(rowid) as { body: string }
  return { ...row, body: row.body.split('\n').sort() }
}

const one = (query: string) => (rawSqlite().prepare(query).get() as { n: number }).n
/** Open and due before today in the secretariat's time zone (UTC-6), as overdue.server.ts says. */
const OVERDUE = `status in ('not_started', 'in_progress', 'blocked') and due_date < date('now', '-6 hours')`

describe('the bench dataset at a small scale', () => {
  beforeAll(async () => {
    freshEmptyDb()
    dataset = await seedBench({ scale: SCALE })
  })

  it('has the real structure and the scaled counts, as the database counts them', () => {
    expect(dataset).toMatchObject({
      memberStates: 11,
      observerStates: 5,
      organizations: 14,
      users: 4,
      meetings: 3,
      documents: 200,
      actionItems: 100,
      // at least one plan of full size: 50 sections of 20 revisions
      plans: 1,
      planSections: 50,
      sectionRevisions: 1000,
    })
    expect(dataset.documentVersions).toBeGreaterThan(dataset.documents)
    expect(dataset.documentFiles).toBeGreaterThan(dataset.documentVersions)
    expect(dataset.agendaItems).toBeGreaterThanOrEqual(dataset.meetings * 4)
    expect(dataset.decisions).toBeGreaterThan(0)
    expect(countBenchDataset()).toEqual(dataset)
    const fts = rawSqlite().prepare('select count(*) as n from documents_fts').get() as { n: number }
    expect(fts.n).toBe(dataset.documents)
  })

  it('writes each search-index row exactly as the portal would', () => {
    const rowids = (
      rawSqlite().prepare('select search_rowid as r from documents order by search_rowid').all() as {
        r: number
      }[]
    ).map((x) => x.r)
    for (const rowid of [rowids[0], rowids[1], rowids[50], rowids.at(-1)!]) {
      const before = ftsRow(rowid)
      const { id } = rawSqlite().prepare('select id from documents where search_rowid = ?').get(rowid) as {
        id: string
      }
      db.transaction((tx) => indexDocument(tx, id))
      expect(ftsRow(rowid), `rowid ${rowid}`).toEqual(before)
    }
  })

  it('points every file row at a stored file with that SHA-256', () => {
    const keys = rawSqlite().prepare('select distinct storage_key as key from document_files').all() as {
      key: string
    }[]
    expect(keys.length).toBeGreaterThan(0)
    for (const { key } of keys) {
      const bytes = fs.readFileSync(storagePath(key))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(key)
    }
  })

  it('signs the bench accounts in with the one bench password', async () => {
    const hash = rawSqlite()
      .prepare('select password_hash as h from people where email = ?')
      .get(BENCH_ACCOUNTS.delegate) as { h: string }
    expect(await verifyPassword(hash.h, BENCH_PASSWORD)).toBe(true)
  })

  it('answers the pages the benchmark measures, as the member-state delegate', async () => {
    const samples = benchSamples()
    const list = await load<{ items: unknown[] }>(documentsPage, '/documents?kind=report&sort=title')
    expect(list.items.length).toBeGreaterThan(0)
    const found = await load<{ items: unknown[] }>(documentsPage, `/documents?q=${samples.commonWord}`)
    expect(found.items.length).toBeGreaterThan(0)
    const hits = await load<{ items: unknown[] }>(searchPage, `/search?q=${samples.commonWord}`)
    expect(hits.items.length).toBeGreaterThan(0)
    // Accents fold: the word typed without its accent finds the same documents.
    const folded = await load<{ items: { id: string }[] }>(apiSearch, '/api/v1/search?q=migracion')
    expect(folded.items.length).toBeGreaterThan(0)
    const doc = await load<{ doc: { id: string } }>(documentPage, `/documents/${samples.documentId}`, {
      id: samples.documentId,
    })
    expect(doc.doc.id).toBe(samples.documentId)
    // The meetings pages are checked by what they contain, not by the shape of their data.
    const meetings = await load(meetingsPage, '/meetings')
    expect(JSON.stringify(meetings)).toContain(samples.meetingId)
    const meeting = await load(meetingPage, `/meetings/${samples.meetingId}`, { id: samples.meetingId })
    expect(JSON.stringify(meeting)).toContain('Aprobación de la agenda')
    await load(memberPage, '/members/PA', { code: 'PA' })
  })

  it('spreads the documents over every visibility, meetings and versions', () => {
    const levels = rawSqlite().prepare('select distinct visibility as v from documents').all() as {
      v: string
    }[]
    expect(levels.map((l) => l.v).sort()).toEqual([
      'group',
      'members',
      'participants',
      'public',
      'secretariat',
    ])
    // Group documents the delegate may see, through the groups the delegate is in.
    expect(
      one(`select count(*) as n from documents d join group_memberships m on m.group_id = d.group_id
        join people p on p.id = m.person_id where d.visibility = 'group' and p.email = '${BENCH_ACCOUNTS.delegate}'`),
    ).toBeGreaterThan(0)
    expect(one('select count(*) as n from documents where meeting_id is not null')).toBeGreaterThan(0)
    expect(one('select count(*) as n from documents where current_version > 1')).toBeGreaterThan(0)
  })

  it('seeds action items in every state, consistent as the actions services would leave them', () => {
    const statuses = rawSqlite().prepare('select distinct status as s from action_items').all() as {
      s: string
    }[]
    expect(statuses.map((r) => r.s).sort()).toEqual([
      'blocked',
      'cancelled',
      'done',
      'in_progress',
      'not_started',
    ])
    expect(one(`select count(*) as n from action_items where ${OVERDUE}`)).toBeGreaterThan(0)
    expect(one(`select count(*) as n from action_items where due_date >= date('now')`)).toBeGreaterThan(0)
    expect(one(`select count(*) as n from action_updates where validation = 'pending'`)).toBeGreaterThan(0)
    expect(one(`select count(*) as n from action_updates where validation = 'returned'`)).toBeGreaterThan(0)
    expect(one(`select count(*) as n from action_items where origin_type = 'decision'`)).toBeGreaterThan(0)
    expect(one(`select count(*) as n from action_owners where kind = 'supporting'`)).toBeGreaterThan(0)
    const broken = {
      withoutOwner: `select count(*) as n from action_items a
        where not exists (select 1 from action_owners o where o.action_id = a.id and o.kind = 'owner')`,
      progressOfStatus: `select count(*) as n from action_items where (status = 'not_started' and progress <> 0)
        or (status = 'done' and (progress <> 100 or completed_at is null))
        or (status <> 'done' and completed_at is not null)`,
      pendingNotInProgress: `select count(*) as n from action_updates u join action_items a on a.id = u.action_id
        where u.validation = 'pending' and a.status <> 'in_progress'`,
      // one revision per report, and one per later validation or return
      revision: `select count(*) as n from action_items a where revision <> 1
        + (select count(*) from action_updates u where u.action_id = a.id)
        + (select count(*) from action_updates u where u.action_id = a.id
           and u.validation in ('validated', 'returned') and u.validated_at > u.created_at)`,
      lastReportStatus: `select count(*) as n from action_items a join action_updates u on u.action_id = a.id
        and u.revision = (select max(revision) from action_updates x where x.action_id = a.id)
        where u.status <> a.status and not (u.status = 'done' and a.status = 'in_progress')
        and not (a.status = 'in_progress' and u.validation = 'returned')`,
      dueBeforeCreation: `select count(*) as n from action_items
        where date(created_at / 1000, 'unixepoch', '-6 hours') > due_date`,
      originAfterCreation: `select count(*) as n from action_items a join decisions d on d.id = a.decision_id
        where d.created_at > a.created_at or a.meeting_id <> d.meeting_id`,
      // reports by the owners' people (a state's for its institutions) or the secretariat
      authorNotOwner: `select count(*) as n from action_updates u join people p on p.id = u.author_id
        where p.role <> 'secretariat' and not exists (select 1 from action_owners o
          join organizations g on g.id = o.organization_id where o.action_id = u.action_id and o.kind = 'owner'
          and (o.organization_id in (p.organization_id, p.institution_id) or g.parent_id = p.organization_id))`,
    }
    for (const [name, query] of Object.entries(broken)) expect(one(query), name).toBe(0)
  })

  it('leaves no reminder backlog for the server to send when it starts', () => {
    expect(one(`select count(*) as n from action_reminders`)).toBeGreaterThan(0)
    expect(runReminders()).toEqual({ dueSoon: 0, overdue: 0, recipients: 0 })
  })

  it('answers the actions pages the benchmark measures, as the member-state delegate', async () => {
    const list = await load<{ items: { overdue: boolean }[]; hasMore: boolean }>(actionsPage, '/actions')
    expect(list.items).toHaveLength(25)
    expect(list.hasMore).toBe(true)
    const overdue = await load<{ items: { overdue: boolean }[] }>(actionsPage, '/actions?overdue=1')
    expect(overdue.items.length).toBeGreaterThan(0)
    expect(overdue.items.every((a) => a.overdue)).toBe(true)
    const board = await load<{ rows: { code: string; open: number; done: number }[] }>(
      actionsBoard,
      '/actions/board',
    )
    const pa = board.rows.find((r) => r.code === 'PA')
    expect(pa && pa.open + pa.done).toBeGreaterThan(0)
    const api = await load<{ items: { overdue: boolean; owners: string[] }[] }>(
      apiActions,
      '/api/v1/actions?assignee=PA&overdue=1',
    )
    expect(api.items.length).toBeGreaterThan(0)
    for (const a of api.items) {
      expect(a.overdue).toBe(true)
      expect(a.owners.some((c) => c === 'PA' || c.startsWith('PA-'))).toBe(true)
    }
    expect(api.items.length).toBe(
      Math.min(
        50,
        one(`select count(*) as n from action_items where ${OVERDUE} and id in (select action_id
          from action_owners o join organizations g on g.id = o.organization_id
          where o.kind = 'owner' and (g.code = 'PA' or g.code like 'PA-%'))`),
      ),
    )
  })
})
