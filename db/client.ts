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

/** Opens (creating if needed) and migrates a database file with the pragmas the portal relies on. */
export function openDatabase(file: string): Handle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: migrationsFolder() })
  // Gives the query planner statistics where they are missing or stale (cheap; SQLite's advice for
  // long-lived connections, repeated by the periodic sweep).
  sqlite.pragma('optimize=0x10002')
  return { file, sqlite, db }
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

export function rawSqlite(): Database.Database {
  return handle().sqlite
}

export function databaseFile(): string {
  return handle().file
}

/** Switches the process to another database file (tests) and closes the previous one. */
export function switchDatabaseFile(file: string) {
  closeDatabase()
  current = openDatabase(file)
}

export function closeDatabase() {
  if (current) {
    current.sqlite.close()
    current = null
  }
}
