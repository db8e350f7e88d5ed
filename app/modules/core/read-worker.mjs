/**
 * A read-only connection in a worker thread (core/read-pool.server.ts): runs the statements it is sent
 * (SQL and plain parameters built on the main thread with the same where-builders as in-process) in one
 * read transaction, so that they see one snapshot, and answers their rows. It never writes: the
 * connection is opened read-only (WAL lets it read while the main connection writes).
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const sqlite = new Database(workerData.file, { readonly: true, fileMustExist: true })
sqlite.pragma('busy_timeout = 5000')
// the page cache the main connection has (db/client.ts, PAGE_CACHE_KB)
sqlite.pragma(`cache_size = -${workerData.cacheKb}`)
// the pool starts a read's time limit once the connection is open
parentPort.postMessage({ ready: true })
const statements = new Map()

function prepared(sql) {
  let statement = statements.get(sql)
  if (!statement) {
    statement = sqlite.prepare(sql)
    if (statements.size > 500) statements.clear()
    statements.set(sql, statement)
  }
  return statement
}

// `values`: rows as arrays in column order (read-select.server.ts); a statement is reused across modes,
// so its raw mode is set on every run
const runAll = sqlite.transaction((list) =>
  list.map((s) => {
    const statement = prepared(s.sql)
    if (statement.reader) statement.raw(s.mode === 'values')
    return s.mode === 'get' ? statement.get(...s.params) : statement.all(...s.params)
  }),
)

parentPort.on('message', ({ id, statements: list }) => {
  try {
    parentPort.postMessage({ id, ok: true, results: runAll(list) })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) })
  }
})
