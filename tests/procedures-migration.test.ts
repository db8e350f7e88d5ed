// drizzle/0031 + 0032: decisions adopted by written procedure become rows of `decisions` (meeting_id
// nullable, procedure_id), the table rebuilt. Applied over a database as release 0028 left it, with two
// adopted procedures and one not adopted (their codes only on the procedure): each adopted procedure
// gets its row with its own code and number (none for the one not adopted), the search index
// finds them, and the rules dropped with the old table (no deletion, a withdrawn decision is final) hold
// again.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '@db/client'

interface Journal {
  entries: { idx: number; tag: string }[]
}

function release(upTo: number): string {
  const dir = path.join(process.env.DATA_DIR!, `drizzle-${upTo}-${process.pid}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
  const entries = journal.entries.filter((e) => e.idx <= upTo)
  expect(entries.at(-1)?.tag).toBe('0030_read_versions')
  for (const e of entries) fs.copyFileSync(`drizzle/${e.tag}.sql`, path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

const T = Date.UTC(2026, 10, 2)
let file: string

describe('migration 0031/0032: decisions adopted by written procedure', () => {
  beforeEach(() => {
    file = path.join(process.env.DATA_DIR!, `release-0030-${process.pid}-${Date.now()}.db`)
    switchDatabaseFile(file, { migrationsFolder: release(30) })
    const db = rawSqlite()
    db.exec(`
      INSERT INTO organizations (id, code, kind, name_es, name_en, created_at) VALUES ('org-se', 'SE', 'secretariat', 'Secretaría', 'Secretariat', ${T});
      INSERT INTO people (id, email, name, organization_id, role, status, created_at, updated_at)
        VALUES ('p-se', 'se@example.org', 'Secretaría', 'org-se', 'secretariat', 'active', ${T}, ${T});
    `)
    const proc =
      db.prepare(`INSERT INTO written_procedures (id, number, subject_es, subject_en, text_kind, text_es,
      text_en, visibility, deadline, original_deadline, status, outcome, closed_at, decision_year, decision_number,
      decision_code, launched_by_id, launched_at)
      VALUES (?, ?, ?, ?, 'decision_text', ?, ?, 'members', ?, ?, 'closed', ?, ?, ?, ?, ?, 'p-se', ?)`)
    proc.run(
      'wp-1',
      1,
      'Calendario 2027',
      'Calendar 2027',
      'Se aprueba el calendario quinquenal.',
      'The calendar is approved.',
      T + 5,
      T + 5,
      'adopted',
      T + 6,
      2026,
      1,
      '2026-PE/D.1',
      T,
    )
    proc.run(
      'wp-2',
      2,
      'Lineamientos',
      'Guidelines',
      'Se adoptan los lineamientos.',
      null,
      T + 5,
      T + 5,
      'not_adopted',
      T + 6,
      null,
      null,
      null,
      T,
    )
    proc.run(
      'wp-3',
      3,
      'Presupuesto',
      'Budget',
      null,
      'The budget is approved.',
      T + 5,
      T + 5,
      'adopted',
      T + 7,
      2026,
      2,
      '2026-PE/D.2',
      T,
    )
  })
  afterEach(() => closeDatabase())

  it('gives each adopted procedure its decision row, with its code, found by search and never deleted', () => {
    switchDatabaseFile(file) // the current release
    const db = rawSqlite()
    const rows = db
      .prepare(
        'SELECT procedure_id, meeting_id, number, code, text_es, text_en, status FROM decisions ORDER BY code',
      )
      .all()
    expect(rows).toEqual([
      {
        procedure_id: 'wp-1',
        meeting_id: null,
        number: 1,
        code: '2026-PE/D.1',
        text_es: 'Se aprueba el calendario quinquenal.',
        text_en: 'The calendar is approved.',
        status: 'in_force',
      },
      {
        procedure_id: 'wp-3',
        meeting_id: null,
        number: 2,
        code: '2026-PE/D.2',
        text_es: null,
        text_en: 'The budget is approved.',
        status: 'in_force',
      },
    ])
    expect(db.pragma('foreign_key_check')).toEqual([])
    // the search index's triggers were created again and indexed the new rows
    const found = db
      .prepare(
        `SELECT d.code FROM decisions_fts f JOIN search_fts_keys k ON k.id = f.rowid AND k.type = 'decision'
         JOIN decisions d ON d.id = k.record_id WHERE decisions_fts MATCH 'quinquenal'`,
      )
      .all()
    expect(found).toEqual([{ code: '2026-PE/D.1' }])
    // and the cached counts' version moves again when a decision is written (0030's triggers)
    const version = () =>
      (db.prepare("SELECT version FROM read_versions WHERE name = 'actions'").get() as { version: number })
        .version
    const before = version()
    db.prepare(
      "INSERT INTO decisions (id, procedure_id, number, code, text_es, created_at) VALUES ('v', 'wp-2', 9, '2026-PE/D.9', 'nueva', 1)",
    ).run()
    expect(version()).toBe(before + 1)
    // the rules dropped with the old table hold again: never deleted, a code never given twice,
    // exactly one origin
    expect(() => db.prepare("DELETE FROM decisions WHERE procedure_id = 'wp-1'").run()).toThrow(
      /never deleted/,
    )
    expect(() =>
      db
        .prepare(
          "INSERT INTO decisions (id, procedure_id, number, code, text_es, created_at) VALUES ('x', 'wp-2', 3, '2026-PE/D.1', 'otra', 1)",
        )
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO decisions (id, number, code, text_es, created_at) VALUES ('y', 3, '2026-PE/D.3', 'sin origen', 1)",
        )
        .run(),
    ).toThrow(/CHECK/)
    db.prepare(
      "UPDATE decisions SET status = 'withdrawn', withdrawn_at = 1, withdrawal_reason = 'r' WHERE procedure_id = 'wp-3'",
    ).run()
    expect(() =>
      db.prepare("UPDATE decisions SET status = 'in_force' WHERE procedure_id = 'wp-3'").run(),
    ).toThrow(/final/)
  })
})
