// drizzle/0011 + 0012: documents.meeting_id and agenda_item_id become foreign keys (a table rebuild).
// Applied over a database as the previous release left it (migrated to 0010, demo data, plus the
// meeting labels older demo data wrote), every document, its search index rows and the search results
// stay; indexes and triggers are the same; the links that pointed at nothing are dropped; the database
// is consistent and refuses a dangling link from then on.
import fs from 'node:fs'
import path from 'node:path'
import { and, eq, isNotNull } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, db, openDatabase, rawSqlite, switchDatabaseFile } from '@db/client'
import { agendaItems, documents, meetings } from '@db/schema'
import { searchDocuments } from '~/modules/search/search.server'
import { action as newAction } from '~/routes/documents.new'
import { minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { DEMO_TEMPLATE } from './helpers/paths'
import { bodyOf, call, statusOf } from './helpers/route'

const REBUILT = ['documents', 'groups', 'group_memberships']
const QUERIES = ['migración', 'trafico', 'Darién', 'declaración viceministerial', 'labour', 'RCM 2016 GL']

interface Journal {
  entries: { idx: number; tag: string }[]
}

/** The migrations folder as the previous release shipped it: up to 0010. */
function previousRelease(): string {
  const dir = path.join(process.env.DATA_DIR!, 'drizzle-0010')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
  const entries = journal.entries.filter((e) => e.idx <= 10)
  expect(entries.at(-1)?.tag).toBe('0010_documents_sort_plain_indexes')
  for (const e of entries) fs.copyFileSync(`drizzle/${e.tag}.sql`, path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

const schemaOf = (types: string[]) =>
  rawSqlite()
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${REBUILT.map(() => '?').join(',')})
       AND type IN (${types.map(() => '?').join(',')}) ORDER BY name`,
    )
    .all(...REBUILT, ...types) as { type: string; name: string; sql: string | null }[]

async function snapshot() {
  const sqlite = rawSqlite()
  return {
    documents: sqlite.prepare('SELECT * FROM documents ORDER BY id').all() as Record<string, unknown>[],
    // by document: 0036 renumbers the index's rows by date (tests/search-rowid.test.ts)
    fts: sqlite
      .prepare(
        'SELECT d.id, f.* FROM documents_fts f JOIN documents d ON d.search_rowid = f.rowid ORDER BY d.id',
      )
      .all(),
    groups: sqlite.prepare('SELECT * FROM groups ORDER BY id').all(),
    memberships: sqlite.prepare('SELECT * FROM group_memberships ORDER BY group_id, person_id').all(),
    indexesAndTriggers: schemaOf(['index', 'trigger']),
    searches: Object.fromEntries(
      await Promise.all(
        ['secretariat@rcm.example', 'mx.delegate@rcm.example', 'co.observer@rcm.example'].map(
          async (email) => [
            email,
            await Promise.all(
              QUERIES.map(async (q) =>
                (await searchDocuments(viewerFor(email), q, { limit: 100 })).items.map((h) => h.id),
              ),
            ),
          ],
        ),
      ),
    ) as Record<string, string[][]>,
  }
}

/**
 * The demo data as the previous release held it: the rows of the current demo database, each table's
 * columns that existed at 0010 only (the seed code writes today's schema, which a 0010 database lacks).
 */
function seedAsPreviousRelease() {
  const sqlite = rawSqlite()
  sqlite.pragma('foreign_keys = OFF')
  sqlite.prepare('ATTACH DATABASE ? AS src').run(DEMO_TEMPLATE)
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '__drizzle%' AND name NOT LIKE '%_fts_%'`,
      )
      .all() as { name: string }[]
    const columns = (schema: string, table: string) =>
      (
        sqlite.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]
      ).map((c) => c.name)
    for (const { name } of tables) {
      const source = new Set(columns('src', name))
      const common = columns('main', name).filter((c) => source.has(c))
      if (common.length === 0) continue
      const names = [...(name.endsWith('_fts') ? ['rowid'] : []), ...common]
      const list = names.map((c) => `"${c}"`).join(', ')
      // values as the previous release wrote them: group roles were chair, member, drafter
      const values = names
        .map((c) =>
          name === 'group_memberships' && c === 'role'
            ? `CASE role WHEN 'commenter' THEN 'member' WHEN 'reader' THEN 'member' ELSE role END`
            : `"${c}"`,
        )
        .join(', ')
      // OR IGNORE: rows the database's own triggers already wrote (minutes revisions) are not doubled
      sqlite.exec(`INSERT OR IGNORE INTO main."${name}" (${list}) SELECT ${values} FROM src."${name}"`)
    }
  } finally {
    sqlite.exec('DETACH DATABASE src')
    sqlite.pragma('foreign_keys = ON')
  }
}

let file: string
let dangling: { meeting: string; item: string }

describe('migration 0011/0012: documents link to real meetings and agenda items', () => {
  beforeEach(() => {
    file = path.join(process.env.DATA_DIR!, `previous-release-${Date.now()}.db`)
    switchDatabaseFile(file, { migrationsFolder: previousRelease() })
    seedAsPreviousRelease()
    // Older demo data named meetings by labels ('vm-2023'); an agenda item id that is gone.
    const [a, b] = db.select({ id: documents.id }).from(documents).where(isNotNull(documents.meetingId)).all()
    db.update(documents).set({ meetingId: 'vm-2023' }).where(eq(documents.id, a.id)).run()
    db.update(documents).set({ agendaItemId: 'gone-item' }).where(eq(documents.id, b.id)).run()
    dangling = { meeting: a.id, item: b.id }
  })
  afterEach(() => closeDatabase())

  it('keeps every document, its index rows, the search results, and every index and trigger', async () => {
    const before = await snapshot()
    expect(before.documents.length).toBeGreaterThan(30)
    expect(before.indexesAndTriggers.filter((r) => r.name.includes('title_es')).length).toBe(2)
    expect(before.searches['secretariat@rcm.example'].flat().length).toBeGreaterThan(10)
    expect(before.searches['co.observer@rcm.example'].flat().length).toBeGreaterThan(0)

    switchDatabaseFile(file) // the current release: applies 0011 and 0012
    const after = await snapshot()

    const expected = before.documents.map((d) =>
      d.id === dangling.meeting
        ? { ...d, meeting_id: null }
        : d.id === dangling.item
          ? { ...d, agenda_item_id: null }
          : d,
    )
    // the columns later migrations added take their defaults; everything else is as it was
    const columnsThen = Object.keys(before.documents[0]).filter((c) => c !== 'search_rowid')
    const asThen = (d: Record<string, unknown>) => Object.fromEntries(columnsThen.map((c) => [c, d[c]]))
    expect(after.documents.map(asThen)).toEqual(expected.map(asThen))
    expect(after.documents.every((d) => d.revision === 1)).toBe(true)
    expect(after.fts).toEqual(before.fts)
    expect(after.groups).toEqual(before.groups)
    // 0013 (applied too) renamed the role member to commenter, and changed nothing else
    expect(after.memberships).toEqual(
      (before.memberships as { role: string }[]).map((m) =>
        m.role === 'member' ? { ...m, role: 'commenter' } : m,
      ),
    )
    expect(after.searches).toEqual(before.searches)
    expect(after.indexesAndTriggers).toEqual(before.indexesAndTriggers)

    const sqlite = rawSqlite()
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    const applied = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    const journal = JSON.parse(fs.readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal
    expect(applied.n).toBe(journal.entries.length)
    // the rebuilt tables' own definitions name themselves (not the temporary __new_ tables)
    for (const t of schemaOf(['table'])) expect(t.sql).not.toContain('__new_')
    const foreignKeys = sqlite.pragma('foreign_key_list(documents)') as {
      from: string
      table: string
      on_delete: string
    }[]
    expect(foreignKeys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'meeting_id', table: 'meetings', on_delete: 'RESTRICT' }),
        expect.objectContaining({ from: 'agenda_item_id', table: 'agenda_items', on_delete: 'RESTRICT' }),
      ]),
    )
  })

  it('refuses to commit a migration that would leave a dangling row, and leaves the database as it was', () => {
    // a version of a document that does not exist: no cleanup can make that consistent
    const sqlite = rawSqlite()
    sqlite.pragma('foreign_keys = OFF')
    sqlite
      .prepare(
        "INSERT INTO document_versions (id, document_id, number, uploaded_by_id, created_at) SELECT 'orphan', 'no-such-document', 1, id, 0 FROM people LIMIT 1",
      )
      .run()
    sqlite.pragma('foreign_keys = ON')
    closeDatabase()
    let error: unknown
    try {
      openDatabase(file)
    } catch (thrown) {
      error = thrown
    }
    // drizzle wraps SQLite's error: "CHECK constraint failed: no_dangling_references"
    expect(String((error as Error | undefined)?.cause)).toMatch(
      /CHECK constraint failed: no_dangling_references/,
    )
    const { sqlite: reopened } = openDatabase(file, { migrationsFolder: previousRelease() })
    const applied = reopened.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    expect(applied.n).toBe(11)
    expect(reopened.pragma('foreign_key_list(documents)')).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ from: 'meeting_id' })]),
    )
    reopened.close()
  })
})

describe('documents and their meetings in the current database', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('the demo documents point at the demo meetings, and nothing dangles', () => {
    const linked = db
      .select({ title: documents.titleEn, kind: meetings.kind, number: meetings.number })
      .from(documents)
      .innerJoin(meetings, eq(meetings.id, documents.meetingId))
      .all()
    expect(linked.length).toBe(db.select().from(documents).where(isNotNull(documents.meetingId)).all().length)
    expect(linked.length).toBeGreaterThanOrEqual(12)
    expect(linked).toContainEqual({
      title: 'Declaration of the XXVIII Vice-Ministerial Meeting of the Regional Conference on Migration',
      kind: 'vice_ministerial',
      number: 'XXVIII',
    })
    const sqlite = rawSqlite()
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('refuses a document whose meeting or agenda item does not exist', () => {
    const doc = db.select().from(documents).where(isNotNull(documents.meetingId)).get()!
    const copy = (over: Partial<typeof documents.$inferInsert>) => ({
      ...doc,
      id: undefined,
      reference: `${doc.reference}-X${Math.random()}`,
      searchRowid: doc.searchRowid + 100_000,
      ...over,
    })
    expect(() =>
      db
        .insert(documents)
        .values(copy({ meetingId: 'vm-2023' }))
        .run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      db
        .insert(documents)
        .values(copy({ agendaItemId: 'no-such-item' }))
        .run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      db.update(documents).set({ meetingId: 'vm-2023' }).where(eq(documents.id, doc.id)).run(),
    ).toThrow(/FOREIGN KEY/)
    // the same document with real links is accepted
    expect(() => db.insert(documents).values(copy({})).run()).not.toThrow()
  })

  it('refuses to delete an agenda item or a meeting that documents hang on', () => {
    const item = db.select().from(agendaItems).get()!
    const doc = db.select().from(documents).get()!
    db.update(documents)
      .set({ meetingId: item.meetingId, agendaItemId: item.id })
      .where(eq(documents.id, doc.id))
      .run()
    expect(() => rawSqlite().prepare('DELETE FROM agenda_items WHERE id = ?').run(item.id)).toThrow(
      /FOREIGN KEY/,
    )
    expect(() => rawSqlite().prepare('DELETE FROM meetings WHERE id = ?').run(item.meetingId)).toThrow(
      /FOREIGN KEY/,
    )
    expect(
      db
        .select()
        .from(documents)
        .where(and(eq(documents.id, doc.id), eq(documents.agendaItemId, item.id)))
        .get(),
    ).toBeDefined()
  })

  it('an upload names an agenda item of its meeting, or is refused at the field (400, not a 500)', async () => {
    const vm = db.select().from(meetings).where(eq(meetings.number, 'XXVIII')).get()!
    const [own] = db.select().from(agendaItems).where(eq(agendaItems.meetingId, vm.id)).all()
    const other = db
      .select()
      .from(agendaItems)
      .all()
      .find((i) => i.meetingId !== vm.id)!
    const upload = (fields: Record<string, string>) =>
      call(
        newAction,
        multipartRequest('/documents/new', {
          email: 'pa.focal@rcm.example',
          fields: {
            title: 'Ponencia',
            kind: 'presentation',
            language: 'es',
            visibility: 'participants',
            ...fields,
          },
          file: { name: 'p.pdf', type: 'application/pdf', bytes: minimalPdf('ponencia') },
        }),
      )
    for (const fields of <Record<string, string>[]>[
      { meeting: vm.id, agendaItem: 'no-such-item' },
      { meeting: vm.id, agendaItem: other.id },
      { agendaItem: own.id },
    ]) {
      const refused = await upload(fields)
      expect(statusOf(refused), JSON.stringify(fields)).toBe(400)
      expect(
        bodyOf<{ result: { error: Record<string, string[]> } }>(refused).result.error.agendaItem,
      ).toEqual(['documents.error.unknownAgendaItem'])
    }
    expect(statusOf(await upload({ meeting: vm.id, agendaItem: own.id }))).toBeLessThan(400)
    const attached = db.select().from(documents).where(eq(documents.agendaItemId, own.id)).all()
    expect(attached.map((d) => [d.titleEs, d.meetingId])).toEqual([['Ponencia', vm.id]])
  })
})
