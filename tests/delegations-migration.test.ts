// drizzle/0019_delegation_members_without_accounts: delegation_members.person_id becomes nullable (a
// table rebuild, hand-fixed: drizzle-kit's copied columns the old table does not have) with name, title,
// institution and e-mail for members without an account, and delegation_logistics is created. Applied
// over a database as the previous release left it (migrated to 0018, with the demo's organizations,
// people, groups, meetings and delegations), every delegation member is kept as it was, with its
// indexes and foreign keys, and the new constraints hold from then on.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '@db/client'
import { DEMO_TEMPLATE } from './helpers/paths'

interface Journal {
  entries: { idx: number; tag: string }[]
}
type Row = Record<string, unknown>

const PREVIOUS = 18

function release(upTo: number): string {
  const dir = path.join(process.env.DATA_DIR!, `drizzle-${upTo}-deleg`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
  const entries = journal.entries.filter((e) => e.idx <= upTo)
  expect(entries.at(-1)?.tag).toBe('0018_plan_rounds')
  for (const e of entries) fs.copyFileSync(`drizzle/${e.tag}.sql`, path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

// The tables the old delegations need, parents first (no trigger fills any of them).
const TABLES = ['organizations', 'groups', 'people', 'meetings', 'meeting_invitations', 'delegation_members']

let file: string

describe('migration 0019: delegation members without an account', () => {
  beforeEach(() => {
    file = path.join(process.env.DATA_DIR!, `release-0018-${Date.now()}.db`)
    switchDatabaseFile(file, { migrationsFolder: release(PREVIOUS) })
    const sqlite = rawSqlite()
    sqlite.pragma('foreign_keys = OFF')
    sqlite.prepare('ATTACH DATABASE ? AS demo').run(DEMO_TEMPLATE)
    for (const table of TABLES) {
      const columns = (sqlite.pragma(`main.table_info(${table})`) as { name: string }[]).map(
        (c) => `"${c.name}"`,
      )
      // the old release had only members with an account
      const where = table === 'delegation_members' ? 'WHERE person_id IS NOT NULL' : ''
      sqlite.exec(
        `INSERT INTO main.${table} (${columns.join(',')}) SELECT ${columns.join(',')} FROM demo.${table} ${where}`,
      )
    }
    sqlite.exec('DETACH DATABASE demo')
    sqlite.pragma('foreign_keys = ON')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })
  afterEach(() => closeDatabase())

  it('keeps every member, its indexes and foreign keys, and enforces a person or a name', () => {
    const old = rawSqlite()
    const before = old.prepare('SELECT * FROM delegation_members ORDER BY id').all() as Row[]
    expect(before.length).toBeGreaterThan(5)
    expect(() => old.prepare('SELECT name FROM delegation_members').all()).toThrow(/no such column/)

    switchDatabaseFile(file) // the current release
    const db = rawSqlite()
    const after = db.prepare('SELECT * FROM delegation_members ORDER BY id').all()
    expect(after).toEqual(
      before.map((m) => ({ ...m, name: null, title: null, institution: null, email: null })),
    )
    expect(db.pragma('foreign_key_check')).toEqual([])
    const fks = db.pragma('foreign_key_list(delegation_members)') as { from: string; table: string }[]
    expect(fks.map((f) => `${f.from}->${f.table}`).sort()).toEqual([
      'meeting_id->meetings',
      'organization_id->organizations',
      'person_id->people',
      'registered_by_id->people',
    ])
    const indexes = db.pragma('index_list(delegation_members)') as { name: string; unique: number }[]
    const columnsOf = (name: string) =>
      (db.pragma(`index_info(${name})`) as { name: string }[]).map((c) => c.name)
    expect(
      Object.fromEntries(
        indexes
          .filter((i) => !i.name.startsWith('sqlite_'))
          .map((i) => [i.name, [i.unique, ...columnsOf(i.name)]]),
      ),
    ).toEqual({
      delegation_members_person_unique: [1, 'meeting_id', 'person_id'],
      delegation_members_org_idx: [0, 'meeting_id', 'organization_id'],
      delegation_members_person_idx: [0, 'person_id'],
    })
    const logisticsFks = db.pragma('foreign_key_list(delegation_logistics)') as {
      from: string
      table: string
      on_delete: string
    }[]
    expect(logisticsFks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'member_id', table: 'delegation_members', on_delete: 'CASCADE' }),
      ]),
    )

    // from now on: a member without an account (two in one delegation), never neither nor both
    const m = after[0] as Row
    const insert = db.prepare(
      `INSERT INTO delegation_members (id, meeting_id, organization_id, person_id, name, role, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'adviser', 0, 0)`,
    )
    insert.run('guest-1', m.meeting_id, m.organization_id, null, 'Viceministra')
    insert.run('guest-2', m.meeting_id, m.organization_id, null, 'Viceministro')
    expect(() => insert.run('neither', m.meeting_id, m.organization_id, null, null)).toThrow(/CHECK/)
    expect(() => insert.run('blank', m.meeting_id, m.organization_id, null, '  ')).toThrow(/CHECK/)
    expect(() => insert.run('both', m.meeting_id, m.organization_id, m.person_id, 'Someone')).toThrow(
      /CHECK|UNIQUE/,
    )
    // a member's logistics go with the member; departure never before arrival
    const logistics = db.prepare(
      'INSERT INTO delegation_logistics (member_id, arrival_at, departure_at, updated_at) VALUES (?, ?, ?, 0)',
    )
    logistics.run('guest-1', 1000, 2000)
    expect(() => logistics.run('guest-2', 2000, 1000)).toThrow(/CHECK/)
    expect(() => logistics.run('nobody', 1000, 2000)).toThrow(/FOREIGN KEY/)
    db.prepare("DELETE FROM delegation_members WHERE id = 'guest-1'").run()
    expect(db.prepare('SELECT count(*) AS n FROM delegation_logistics').get()).toEqual({ n: 0 })
  })
})
