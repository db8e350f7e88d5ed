import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import fs from 'node:fs'
import path from 'node:path'
import { getEnv } from '../app/env.server'
import { migrationsFolder } from './project-root'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema>
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

interface Handle {
  file: string
  sqlite: Database.Database
  db: DB
}
let current: Handle | null = null

/**
 * Applies the pending migrations (one transaction) with foreign keys off, then turns them back on.
 * SQLite's way to change a table's constraints is to rebuild it (create the new table, copy, drop the
 * old one, rename), which drizzle-kit generates between `PRAGMA foreign_keys=OFF/ON`; but the migrator
 * runs every migration inside a transaction, where that pragma does nothing, and dropping a table that
 * others reference would then fail or cascade. So the pragma is set here, outside. A rebuild migration
 * checks `pragma_foreign_key_check` itself before it commits (drizzle/0012_documents_links_indexes.sql);
 * the whole database is checked again here, and a violation stops start-up.
 */
function migrateWithoutForeignKeys(sqlite: Database.Database, db: DB, folder: string) {
  const applied = () =>
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get()
      ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
      : 0
  const before = applied()
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder: folder })
    if (applied() !== before) {
      const dangling = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[]
      if (dangling.length) {
        const first = dangling[0]
        throw new Error(
          `${dangling.length} row(s) point at missing rows after the migrations (first: ${first.table} -> ${first.parent})`,
        )
      }
    }
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/**
 * SQLite's page cache per connection, in KiB. better-sqlite3 is compiled with 16 MB (SQLite's own
 * default is 2 MB); every connection has its own (the main one and each read-pool thread, in every
 * serving process: 7 on two cores), and on a 1 GB database each fills up under load. The operating
 * system caches the file anyway, so a page missing here costs a read from memory, not from the disk.
 * Kept at 16 MB: 4 MB saved little next to the V8 heaps and its effect on throughput was not measured
 * apart (decision 0040, "Memory"); one place to lower it.
 */
export const PAGE_CACHE_KB = 16000

export interface OpenOptions {
  /** another migrations folder (tests that build a database as an older release left it) */
  migrationsFolder?: string
}

/** Opens (creating if needed) and migrates a database file with the pragmas the portal relies on. */
export function openDatabase(file: string, options: OpenOptions = {}): Handle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KB}`)
  const db = drizzle(sqlite, { schema })
  try {
    migrateWithoutForeignKeys(sqlite, db, options.migrationsFolder ?? migrationsFolder())
  } catch (error) {
    sqlite.close()
    throw error
  }
  // Gives the query planner statistics where they are missing or stale (cheap; SQLite's advice for
  // long-lived connections, repeated by the periodic sweep).
  sqlite.pragma('optimize=0x10002')
  reusePreparedStatements(sqlite)
  return { file, sqlite, db }
}

/** How many statements one connection keeps prepared (the oldest goes first). */
const PREPARED_STATEMENTS = 1000

/**
 * Drizzle prepares every query again each time it runs (SQLite parses and plans it anew: about 5% of a
 * busy server's CPU). The connection's `prepare` hands out the statement it prepared before for the
 * same SQL text, put back in its default mode (drizzle turns `raw()` on for selects with fields, raw
 * code may `pluck()`), unless that statement is busy (an `iterate()` still open over it). Statements
 * are stateless between runs otherwise: parameters are bound per call.
 */
export function reusePreparedStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite)
  const prepared = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string, ...rest: unknown[]) => {
    if (rest.length || typeof source !== 'string')
      return (prepare as (...a: unknown[]) => unknown)(source, ...rest)
    const statement = prepared.get(source)
    if (statement && !statement.busy) {
      if (statement.reader) statement.pluck(false).expand(false).raw(false)
      return statement
    }
    const fresh = prepare(source)
    if (!statement) {
      if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!)
      prepared.set(source, fresh)
    }
    return fresh
  }) as Database.Database['prepare']
}

function handle(): Handle {
  if (!current) current = openDatabase(getEnv().databasePath)
  return current
}

/** The portal's database. A proxy so that tests can point it at a fresh copy between cases. */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>
    const value = real[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
  },
})

const preparedQueries = new WeakMap<Handle, Map<string, unknown>>()

/**
 * A drizzle query built once per connection, with `sql.placeholder(...)` for its values: the queries of
 * every request (the session, the viewer, the unread count) skip drizzle's query building, which costs
 * more than SQLite running them. Per connection, so that tests switching the database get their own.
 *
 *   const byId = prepared('sessionById', (db) =>
 *     db.select().from(sessions).where(eq(sessions.id, sql.placeholder('id'))).prepare())
 *   byId.get({ id })
 */
export function prepared<T>(name: string, build: (db: DB) => T): T {
  const h = handle()
  let queries = preparedQueries.get(h)
  if (!queries) preparedQueries.set(h, (queries = new Map()))
  let query = queries.get(name) as T | undefined
  if (query === undefined) {
    query = build(h.db)
    queries.set(name, query)
  }
  return query
}

export function rawSqlite(): Database.Database {
  return handle().sqlite
}

export function databaseFile(): string {
  return handle().file
}

/** Switches the process to another database file (tests) and closes the previous one. */
export function switchDatabaseFile(file: string, options: OpenOptions = {}) {
  closeDatabase()
  current = openDatabase(file, options)
}

export function closeDatabase() {
  if (current) {
    current.sqlite.close()
    current = null
  }
}
