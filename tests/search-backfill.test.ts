// The backfill of drizzle/0020_search_fts.sql (what indexes the records that existed before it) against
// the triggers (what indexes each record as it is written): over the demo data, the index the backfill
// builds from scratch is the one the triggers built, and search finds what it holds. (The current seeder
// writes columns of later migrations, so the demo is seeded at the current release, its index emptied,
// and the backfill run again.)
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rawSqlite } from '@db/client'
import { searchType, typeQuery } from '~/modules/search/records.server'
import { freshDemoDb, viewerFor } from './helpers/db'

const TABLES: Record<string, string> = {
  meetings_fts: 'meeting',
  agenda_items_fts: 'agenda_item',
  decisions_fts: 'decision',
  action_items_fts: 'action',
  plans_fts: 'plan',
  plan_sections_fts: 'section',
  people_fts: 'person',
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

/** The backfill's statements: the end of the migration, from its "-- Backfill" heading on. */
function backfillStatements(): string[] {
  const sql = fs.readFileSync('drizzle/0020_search_fts.sql', 'utf8')
  const from = sql.indexOf('-- Backfill')
  expect(from).toBeGreaterThan(0)
  return sql
    .slice(from)
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*\n?/g, '').trim())
}

describe('migration 0020: search indexes of every type', () => {
  it('backfills every existing record as the triggers would have indexed it', async () => {
    freshDemoDb() // the demo data, indexed by the triggers as it was written
    const triggered = indexContents()
    for (const [table, { keyed, rows }] of Object.entries(triggered)) {
      expect(rows.length, table).toBeGreaterThan(0)
      expect(keyed, table).toBe(rows.length)
    }
    const sqlite = rawSqlite()
    for (const table of Object.keys(TABLES)) sqlite.prepare(`delete from ${table}`).run()
    sqlite.prepare('delete from search_fts_keys').run()
    expect(indexContents().plans_fts.rows).toEqual([])
    sqlite.transaction(() => {
      for (const statement of backfillStatements()) sqlite.exec(statement)
    })()
    const backfilled = indexContents()
    expect(backfilled).toEqual(triggered)
    expect(sqlite.prepare('select count(*) as n from plan_sections_fts').get()).toEqual(
      sqlite.prepare('select count(*) as n from plan_sections').get(),
    )
    const q = typeQuery({ viewer: viewerFor('pa.snm@rcm.example'), q: 'darien' })!
    expect((await searchType('plan', q, { limit: 5, offset: 0 })).items.some((h) => h.section)).toBe(true)
  })

  it('keeps indexing decisions after 0022 rebuilt their table (a dropped table drops its triggers)', async () => {
    freshDemoDb()
    const sqlite = rawSqlite()
    const triggers = sqlite
      .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'decisions'")
      .all()
      .map((r) => (r as { name: string }).name)
    expect(triggers).toEqual(
      expect.arrayContaining([
        'decisions_search_insert',
        'decisions_search_update',
        'decisions_search_delete',
      ]),
    )
    const d = sqlite.prepare('select id, code from decisions limit 1').get() as { id: string; code: string }
    sqlite.prepare("update decisions set text_en = 'Zanzibarian wording' where id = ?").run(d.id)
    const q = typeQuery({ viewer: viewerFor('secretariat@rcm.example'), q: 'zanzibarian' })!
    expect((await searchType('decision', q, { limit: 5, offset: 0 })).items.map((h) => h.id)).toContain(d.id)
  })
})
