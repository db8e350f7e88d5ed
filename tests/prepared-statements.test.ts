// db/client.ts reusePreparedStatements: one statement per SQL text, handed back in its default mode.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { reusePreparedStatements } from '@db/client'

function connection() {
  const sqlite = new Database(':memory:')
  sqlite.exec(
    "create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')",
  )
  reusePreparedStatements(sqlite)
  return sqlite
}

describe('prepared statements are reused', () => {
  it('the same SQL gets the same statement, another SQL another one', () => {
    const sqlite = connection()
    const sql = 'select id, name from t order by id'
    expect(sqlite.prepare(sql)).toBe(sqlite.prepare(sql))
    expect(sqlite.prepare(sql)).not.toBe(sqlite.prepare('select name from t'))
  })

  it('comes back in its default mode whatever the last caller switched on', () => {
    const sqlite = connection()
    const sql = 'select id, name from t order by id'
    expect(sqlite.prepare(sql).raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ])
    expect(sqlite.prepare(sql).get()).toEqual({ id: 1, name: 'a' })
    expect(sqlite.prepare(sql).pluck().all()).toEqual([1, 2, 3])
    expect(sqlite.prepare(sql).all()[2]).toEqual({ id: 3, name: 'c' })
    // a write is not a reader: nothing to switch back, and it runs again with new parameters
    const insert = 'insert into t (name) values (?)'
    sqlite.prepare(insert).run('d')
    sqlite.prepare(insert).run('e')
    expect(sqlite.prepare('select count(*) n from t').get()).toEqual({ n: 5 })
  })

  it('a statement still iterating is not handed out again', () => {
    const sqlite = connection()
    const sql = 'select name from t order by id'
    const seen: string[] = []
    for (const row of sqlite.prepare(sql).iterate() as IterableIterator<{ name: string }>) {
      // the same SQL while the first is busy: a statement of its own, which works
      seen.push(`${row.name}:${(sqlite.prepare(sql).all() as unknown[]).length}`)
    }
    expect(seen).toEqual(['a:3', 'b:3', 'c:3'])
    expect(sqlite.prepare(sql).all()).toHaveLength(3)
  })

  it('keeps at most a bounded number, and stays right past it', () => {
    const sqlite = connection()
    for (let i = 0; i < 1500; i++) expect(sqlite.prepare(`select ${i} as n`).get()).toEqual({ n: i })
    expect(sqlite.prepare('select 7 as n').get()).toEqual({ n: 7 })
  })

  it('pragma and transactions are unaffected', () => {
    const sqlite = connection()
    expect(sqlite.pragma('user_version', { simple: true })).toBe(0)
    const add = sqlite.transaction((name: string) =>
      sqlite.prepare('insert into t (name) values (?)').run(name),
    )
    add('x')
    expect(() =>
      sqlite.transaction(() => {
        add('y')
        throw new Error('rolled back')
      })(),
    ).toThrow('rolled back')
    expect(sqlite.prepare('select name from t order by id desc').pluck().get()).toBe('x')
  })
})
