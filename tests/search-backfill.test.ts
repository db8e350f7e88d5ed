// drizzle/0020_search_fts.sql over a database as the previous release left it (migrated to 0019, demo
// data): the backfill indexes every record exactly as the triggers index a new one, and search finds them.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '@db/client'
import { seedDemo } from '@db/seed/demo'
import { searchType, typeQuery } from '~/modules/search/records.server'
import { freshDemoDb, viewerFor } from './helpers/db'

interface Journal {
  entries: { idx: number; tag: string }[]
}

const TABLES: Record<string, string> = {
  meetings_fts: 'meeting',
  agenda_items_fts: 'agenda_item',
  decisions_fts: 'decision',
  action_items_fts: 'action',
  plans_fts: 'plan',
  plan_sections_fts: 'section',
  people_fts: 'person',
}

function release(upTo: number): string {
  const dir = path.join(process.env.DATA_DIR!, `drizzle-${upTo}-search`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
  const entries = journal.entries.filter((e) => e.idx <= upTo)
  expect(entries.at(-1)?.tag).toBe('0019_delegation_members_without_accounts')
  for (const e of entries) fs.copyFileSync(`drizzle/${e.tag}.sql`, path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

/** Every index row's text (record ids differ between two seedings), and whether each row has its
 * record's key. */
function indexContents() {
  const sqlite = rawSqlite()
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, type]) => {
      const rows = sqlite.prepare(`select * from ${table}`).all() as Record<string, string>[]
      const keyed = sqlite
        .prepare(
          `select count(*) as n from ${table} f join search_fts_keys k on k.id = f.rowid and k.type = ?`,
        )
        .get(type) as { n: number }
      return [table, { keyed: keyed.n, rows: rows.map((r) => JSON.stringify(r)).sort() }]
    }),
  )
}

afterEach(() => closeDatabase())

describe('migration 0020: search indexes of every type', () => {
  it('backfills every existing record as the triggers would have indexed it', async () => {
    const file = path.join(process.env.DATA_DIR!, `release-0019-${Date.now()}.db`)
    switchDatabaseFile(file, { migrationsFolder: release(19) })
    await seedDemo()
    expect(
      rawSqlite().prepare("select count(*) as n from sqlite_master where name = 'plan_sections_fts'").get(),
    ).toEqual({ n: 0 })
    switchDatabaseFile(file) // the current release: applies 0020
    const backfilled = indexContents()
    for (const [table, { keyed, rows }] of Object.entries(backfilled)) {
      expect(rows.length, table).toBeGreaterThan(0)
      expect(keyed, table).toBe(rows.length)
    }
    const sqlite = rawSqlite()
    expect(sqlite.prepare('select count(*) as n from plan_sections_fts').get()).toEqual(
      sqlite.prepare('select count(*) as n from plan_sections').get(),
    )
    const q = typeQuery({ viewer: viewerFor('pa.snm@rcm.example'), q: 'darien' })!
    expect(searchType('plan', q, { limit: 5, offset: 0 }).items.some((h) => h.section)).toBe(true)

    freshDemoDb() // the same demo data, indexed by the triggers as it was written
    expect(backfilled).toEqual(indexContents())
  })
})
