/**
 * Counts that many people look at and few writes change (the follow-up board, the dashboard's action
 * card), computed once per version of their data and kept in memory: the version is a row of
 * `read_versions` that triggers raise on every write that can change them (drizzle/0030_read_versions.sql),
 * so another process's write invalidates this process's copy too. A cached value is read with one
 * primary-key lookup; a missing or stale one is computed again, off the main thread (read pool), with
 * the version read in the same snapshot as the counts, so that a value is never kept under a newer
 * version than the data it was computed from.
 *
 * The key is the statements' text and parameters: everything a value depends on besides the data
 * (the viewer's visibility bucket, the day), so that people with the same visibility share one value and
 * no one gets another's. Only for statements that read no table outside the triggers' list.
 */
import { sql } from 'drizzle-orm'
import { rawSqlite } from '@db/client'
import { runReads, toStatement, type Statement } from './read-pool.server'

export type VersionName = 'actions'

const MAX_ENTRIES = 2000

interface Entry {
  version: number
  results: unknown[]
}

// one cache per connection: a test's next database (or a reopened file) starts empty
const caches = new WeakMap<object, Map<string, Entry>>()
function cacheOf(): Map<string, Entry> {
  const connection = rawSqlite()
  let cache = caches.get(connection)
  if (!cache) caches.set(connection, (cache = new Map()))
  return cache
}
let hits = 0
let misses = 0

const versionSql = (name: VersionName) => sql`select version from read_versions where name = ${name}`

/** The current version of a name (one primary-key lookup on the main connection). */
export function currentVersion(name: VersionName): number {
  const row = rawSqlite().prepare('select version from read_versions where name = ?').get(name) as
    | { version: number }
    | undefined
  return row?.version ?? -1
}

function keep(cache: Map<string, Entry>, key: string, entry: Entry) {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  cache.set(key, entry)
}

/** The statements' results for `key` at the current version of `name`: from memory, or read (in the
 * pool) with the version in the same snapshot. */
export async function cachedReads(name: VersionName, statements: Statement[]): Promise<unknown[]> {
  const full = `${name}|${JSON.stringify(statements)}`
  const cache = cacheOf()
  const found = cache.get(full)
  if (found && found.version === currentVersion(name)) {
    hits++
    return found.results
  }
  misses++
  const [version, ...results] = await runReads([toStatement(versionSql(name), 'get'), ...statements])
  keep(cache, full, { version: (version as { version: number } | undefined)?.version ?? -1, results })
  return results
}

/** The same, computed in-process (for callers that must stay synchronous: exports, tests). */
export function cachedReadsSync(name: VersionName, statements: Statement[]): unknown[] {
  const full = `${name}|${JSON.stringify(statements)}`
  const cache = cacheOf()
  const found = cache.get(full)
  const version = currentVersion(name)
  if (found && found.version === version) {
    hits++
    return found.results
  }
  misses++
  const sqlite = rawSqlite()
  const results = sqlite.transaction(() =>
    statements.map((s) =>
      s.mode === 'get' ? sqlite.prepare(s.sql).get(...s.params) : sqlite.prepare(s.sql).all(...s.params),
    ),
  )()
  keep(cache, full, { version, results })
  return results
}

/** How often the cache answered (tests, the bench). */
export function readCacheStats() {
  return { hits, misses, size: cacheOf().size }
}

/** Forgets every cached value (tests that compare with a full recount). */
export function clearReadCache() {
  cacheOf().clear()
}
