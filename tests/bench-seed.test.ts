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
import { indexDocument } from '~/modules/search/search.server'
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
      // Tables of later issues: 0 until they exist.
      actionItems: 0,
      plans: 0,
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
    for (const rowid of [1, 2, 50, 200]) {
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
    const one = (query: string) => (rawSqlite().prepare(query).get() as { n: number }).n
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
})
