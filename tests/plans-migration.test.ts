// drizzle/0016 + 0017: group roles become chair, drafter, commenter, reader (members become commenters)
// and action_items.plan_section_id a foreign key to plan sections (a table rebuild). Applied over a
// database as the previous release left it (migrated to 0015, demo data), no action and no membership
// is lost, a plan-section reference that pointed at nothing is kept as a tag, and the database refuses
// a dangling reference from then on.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '@db/client'
import { seedDemo } from '@db/seed/demo'

interface Journal {
  entries: { idx: number; tag: string }[]
}

function release(upTo: number): string {
  const dir = path.join(process.env.DATA_DIR!, `drizzle-${upTo}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
  const entries = journal.entries.filter((e) => e.idx <= upTo)
  expect(entries.at(-1)?.tag).toBe('0015_api_tokens_scope_expiry')
  for (const e of entries) fs.copyFileSync(`drizzle/${e.tag}.sql`, path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

let file: string
/** Columns added after 0015 (drizzle/0019 on) to tables the demo seeder fills. */
const LATER_COLUMNS = [
  ['decisions', 'status', "text NOT NULL DEFAULT 'in_force'"],
  ['decisions', 'withdrawn_at', 'integer'],
  ['decisions', 'withdrawn_by_id', 'text'],
  ['decisions', 'withdrawal_reason', 'text'],
  ['decisions', 'revision', 'integer NOT NULL DEFAULT 1'],
  ['decisions', 'procedure_id', 'text'],
  ['action_updates', 'owner_organization_id', 'text'],
] as const
type Row = Record<string, unknown>

describe('migration 0016/0017: group roles and plan sections', () => {
  beforeEach(async () => {
    file = path.join(process.env.DATA_DIR!, `release-0015-${Date.now()}.db`)
    switchDatabaseFile(file, { migrationsFolder: release(15) })
    // The demo seeder writes through the current schema, which names every column: the columns added
    // since 0015 to the tables it fills exist while it runs (plain, without their constraints) and are
    // dropped again, so that the database is as release 0015 left it.
    for (const [table, column, type] of LATER_COLUMNS) {
      rawSqlite().exec(`ALTER TABLE ${table} ADD ${column} ${type}`)
    }
    await seedDemo({ release: 'before-plans' })
    const sqlite = rawSqlite()
    for (const [table, column] of LATER_COLUMNS) sqlite.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`)
    // what the previous demo data wrote: a plan section named by a label, no plan behind it
    sqlite
      .prepare(
        "UPDATE action_items SET origin_type = 'plan_section', plan_section_id = 'pa-smuggling-plan/3' WHERE id = (SELECT id FROM action_items ORDER BY id LIMIT 1)",
      )
      .run()
  })
  afterEach(() => closeDatabase())

  it('makes members commenters, keeps every action and turns a dangling plan section into a tag', () => {
    const sqlite = rawSqlite()
    const before = {
      memberships: sqlite
        .prepare('SELECT * FROM group_memberships ORDER BY group_id, person_id')
        .all() as Row[],
      actions: sqlite.prepare('SELECT * FROM action_items ORDER BY id').all() as Row[],
    }
    expect(before.memberships.some((m) => m.role === 'member')).toBe(true)

    switchDatabaseFile(file) // the current release
    const db = rawSqlite()
    const memberships = db.prepare('SELECT * FROM group_memberships ORDER BY group_id, person_id').all()
    expect(memberships).toEqual(
      before.memberships.map((m) => (m.role === 'member' ? { ...m, role: 'commenter' } : m)),
    )
    const actions = db.prepare('SELECT * FROM action_items ORDER BY id').all() as Row[]
    expect(actions).toEqual(
      before.actions.map((a) =>
        a.plan_section_id
          ? {
              ...a,
              origin_type: 'none',
              plan_section_id: null,
              tags: JSON.stringify([...JSON.parse(a.tags as string), `plan-section:${a.plan_section_id}`]),
            }
          : a,
      ),
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_key_list(action_items)')).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'plan_section_id', table: 'plan_sections' })]),
    )
    // from now on the database refuses a plan section that does not exist, and a role of the old list
    expect(() =>
      db.prepare("UPDATE action_items SET plan_section_id = 'nothing' WHERE id = ?").run(actions[0].id),
    ).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE group_memberships SET role = 'member'").run()).toThrow(/CHECK/)
  })
})
