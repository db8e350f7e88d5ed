import fs from 'node:fs'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, openDatabase, rawSqlite } from '@db/client'
import { organizations, people } from '@db/schema'
import { freshEmptyDb } from './helpers/db'

const journal = JSON.parse(fs.readFileSync(path.resolve('drizzle/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[]
}

const orgCount = () => db.select({ n: count() }).from(organizations).get()!.n
const personCount = () => db.select({ n: count() }).from(people).get()!.n

describe('database', () => {
  beforeEach(() => {
    freshEmptyDb()
  })

  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const sqlite = rawSqlite()
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('applies every migration when a new file is opened, and reopening is harmless', () => {
    const file = path.join(process.env.DATA_DIR!, 'brand-new', 'portal.db')
    for (let i = 0; i < 2; i++) {
      const { sqlite } = openDatabase(file)
      const applied = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
      expect(applied.n).toBe(journal.entries.length)
      const names = (sqlite.prepare('SELECT name FROM sqlite_master').all() as { name: string }[]).map(
        (r) => r.name,
      )
      expect(names).toEqual(
        expect.arrayContaining(['organizations', 'people', 'sessions', 'audit_log', 'audit_log_no_update']),
      )
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      sqlite.close()
    }
  })

  it('rolls a write transaction back completely when it throws', () => {
    const before = [orgCount(), personCount()]
    expect(() =>
      db.transaction(
        (tx) => {
          const org = tx
            .insert(organizations)
            .values({ code: 'ZZ', kind: 'member_state', nameEs: 'Zeta', nameEn: 'Zeta' })
            .returning({ id: organizations.id })
            .get()
          tx.insert(people)
            .values({ email: 'z@example.org', name: 'Z', organizationId: org.id, role: 'delegate' })
            .run()
          throw new Error('boom')
        },
        { behavior: 'immediate' },
      ),
    ).toThrow('boom')
    expect([orgCount(), personCount()]).toEqual(before)
    expect(db.select().from(organizations).where(eq(organizations.code, 'ZZ')).get()).toBeUndefined()
  })

  it('rolls back earlier statements when a later one breaks a constraint', () => {
    const before = orgCount()
    expect(() =>
      db.transaction((tx) => {
        tx.insert(organizations)
          .values({ code: 'ZZ', kind: 'member_state', nameEs: 'Zeta', nameEn: 'Zeta' })
          .run()
        // foreign key to an organization that does not exist
        tx.insert(people)
          .values({ email: 'z@example.org', name: 'Z', organizationId: 'missing', role: 'delegate' })
          .run()
      }),
    ).toThrow(/FOREIGN KEY/)
    expect(orgCount()).toBe(before)
  })

  it('enforces check constraints', () => {
    expect(() =>
      db
        .insert(organizations)
        .values({ code: 'YY', kind: 'planet' as never, nameEs: 'Y', nameEn: 'Y' })
        .run(),
    ).toThrow(/CHECK/)
  })
})
