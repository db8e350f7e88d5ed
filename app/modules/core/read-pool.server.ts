/**
 * Slow reads off the main thread: a pool of worker threads (read-worker.mjs), each with its own
 * read-only better-sqlite3 connection to the same database file (WAL: readers never wait for the
 * writer). The query is built on the main thread with the same where-builders as everywhere (visibility
 * stays in SQL); only its text and plain parameters travel to the worker, which runs prepared statements
 * and answers rows. Writes stay on the main connection.
 *
 * - READ_WORKERS threads (0: every read runs in-process on the main connection, as tests do by default;
 *   default 2 elsewhere);
 * - READ_MAX_QUEUE reads wait at most for a free worker; beyond, `ReadPoolBusy` (routes answer 503 with
 *   Retry-After, in the person's language: `busyAnswer`);
 * - READ_TIMEOUT_MS per job: the worker is terminated and replaced, the read fails with `ReadTimeout`
 *   (SQLite cannot be interrupted from JavaScript: the old thread ends when its statement returns, its
 *   answer is dropped, and the new one serves the queue meanwhile).
 *
 * All statements of one call run in one read transaction in the worker: they see one snapshot.
 */
import os from 'node:os'
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { Worker } from 'node:worker_threads'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import type { SQL } from 'drizzle-orm'
import { PAGE_CACHE_KB, databaseFile, rawSqlite } from '@db/client'
import { getEnv } from '~/env.server'

export interface Statement {
  sql: string
  params: unknown[]
  /** `values`: rows as arrays, in column order (core/read-select.server.ts decodes them) */
  mode: 'all' | 'get' | 'values'
}

/** Raised when READ_MAX_QUEUE reads are already waiting: the server is saturated. */
export class ReadPoolBusy extends Error {
  constructor() {
    super('read pool saturated')
    this.name = 'ReadPoolBusy'
  }
}

/** Raised when a read took longer than READ_TIMEOUT_MS (its worker was replaced). */
export class ReadTimeout extends Error {
  constructor(ms: number) {
    super(`read took longer than ${ms} ms`)
    this.name = 'ReadTimeout'
  }
}

const dialect = new SQLiteSyncDialect()

/** A drizzle `sql` query (or a query builder) as text and plain parameters, the way drizzle's own
 * better-sqlite3 session would run it (`db.all(sql)`: rows as objects keyed by column name). */
export function toStatement(
  query: SQL | { toSQL(): { sql: string; params: unknown[] } },
  mode: 'all' | 'get',
): Statement {
  const built =
    'toSQL' in query && typeof query.toSQL === 'function' ? query.toSQL() : dialect.sqlToQuery(query as SQL)
  return { sql: built.sql, params: built.params as unknown[], mode }
}

const WORKER_FILE = 'read-worker.mjs'
const READ_WORKER_YOUNG_MB = 8

/** The worker's file: next to this module in the sources (tests, dev), at its source path from the
 * project folder in the production build (build/index.js, started from the project folder). */
function workerFile(): string {
  const candidates = [
    path.join(path.dirname(url.fileURLToPath(import.meta.url)), WORKER_FILE),
    path.resolve('app/modules/core', WORKER_FILE),
  ]
  const found = candidates.find((c) => fs.existsSync(c))
  if (!found) throw new Error(`read worker not found (${candidates.join(', ')})`)
  return found
}

interface Job {
  id: number
  statements: Statement[]
  resolve: (results: unknown[]) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  /** its connection is open: a read's time limit counts from here, not from the thread's start */
  ready: boolean
  job: Job | null
  timer: NodeJS.Timeout | null
}

export interface ReadPoolOptions {
  file: string
  size: number
  maxQueue: number
  timeoutMs: number
}

export interface ReadPool {
  run(statements: Statement[]): Promise<unknown[]>
  stop(): Promise<void>
  readonly options: ReadPoolOptions
}

/** A pool of `size` worker threads over `file`. */
export function createReadPool(options: ReadPoolOptions): ReadPool {
  const queue: Job[] = []
  const slots: Slot[] = []
  let nextId = 1
  let stopped = false

  const start = (): Slot => {
    const worker = new Worker(workerFile(), {
      workerData: { file: options.file, cacheKb: PAGE_CACHE_KB },
      // a thread's own V8 heap: its young generation small (it only turns rows into messages), which
      // keeps each thread's memory near its connection's; the old generation keeps V8's default, so a
      // large result never makes the thread run out of memory
      resourceLimits: { maxYoungGenerationSizeMb: READ_WORKER_YOUNG_MB },
    })
    // an idle pool does not keep the process (a test, a CLI) running
    worker.unref()
    const slot: Slot = { worker, ready: false, job: null, timer: null }
    type Answer = { ready?: true; id: number; ok: boolean; results?: unknown[]; error?: string }
    worker.on('message', (answer: Answer) => {
      if (answer.ready) {
        slot.ready = true
        next()
        return
      }
      const job = slot.job
      if (!job || job.id !== answer.id) return
      finish(slot)
      if (answer.ok) job.resolve(answer.results!)
      else job.reject(new Error(answer.error))
      next()
    })
    const fail = (error: Error) => {
      const job = slot.job
      replace(slot)
      job?.reject(error)
      next()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (slots.includes(slot) && !stopped) fail(new Error(`read worker exited (${code})`))
    })
    return slot
  }

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    slot.job = null
  }

  /** Drops a slot's worker (stuck or dead) and puts a new one in its place. */
  const replace = (slot: Slot) => {
    finish(slot)
    const index = slots.indexOf(slot)
    if (index >= 0) slots.splice(index, 1)
    void slot.worker.terminate()
    if (!stopped) slots.push(start())
  }

  const next = () => {
    for (const slot of slots) {
      if (!queue.length) return
      if (slot.job || !slot.ready) continue
      const job = queue.shift()!
      slot.job = job
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return
        replace(slot)
        job.reject(new ReadTimeout(options.timeoutMs))
        next()
      }, options.timeoutMs)
      slot.worker.postMessage({ id: job.id, statements: job.statements })
    }
  }

  return {
    options,
    run(statements) {
      if (stopped) return Promise.reject(new Error('read pool stopped'))
      while (slots.length < options.size) slots.push(start())
      // a slot without a job takes the next queued read (at once, or once its connection is open):
      // only the reads beyond those wait in the queue, at most maxQueue of them
      const free = slots.filter((s) => !s.job).length
      if (queue.length - free >= options.maxQueue) return Promise.reject(new ReadPoolBusy())
      return new Promise<unknown[]>((resolve, reject) => {
        queue.push({ id: nextId++, statements, resolve, reject })
        next()
      })
    },
    async stop() {
      stopped = true
      for (const job of queue.splice(0)) job.reject(new Error('read pool stopped'))
      await Promise.all(
        slots.splice(0).map((s) => {
          finish(s)
          return s.worker.terminate()
        }),
      )
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// The server's pool, over the current database file

let shared: ReadPool | null = null

/** READ_WORKERS, or 0 in tests and 2 (at most the cores) elsewhere. */
export function readWorkers(): number {
  const env = getEnv()
  if (env.READ_WORKERS !== undefined) return env.READ_WORKERS
  return env.NODE_ENV === 'test' ? 0 : Math.min(2, os.availableParallelism())
}

function sharedPool(): ReadPool | null {
  const size = readWorkers()
  if (!size) return null
  const env = getEnv()
  const file = databaseFile()
  if (file === ':memory:') return null
  if (shared && shared.options.file === file && shared.options.size === size) return shared
  void shared?.stop()
  shared = createReadPool({ file, size, maxQueue: env.READ_MAX_QUEUE, timeoutMs: env.READ_TIMEOUT_MS })
  return shared
}

/** Runs statements in the pool (one snapshot), or in-process when READ_WORKERS is 0. */
export async function runReads(statements: Statement[]): Promise<unknown[]> {
  const pool = sharedPool()
  if (!pool) {
    const sqlite = rawSqlite()
    return sqlite.transaction(() =>
      statements.map((s) => {
        const statement = sqlite.prepare(s.sql)
        if (s.mode === 'get') return statement.get(...s.params)
        return s.mode === 'values' ? statement.raw(true).all(...s.params) : statement.all(...s.params)
      }),
    )()
  }
  return pool.run(statements)
}

/** Rows of one query, read off the main thread. */
export async function readAll<T>(query: SQL | { toSQL(): { sql: string; params: unknown[] } }): Promise<T[]> {
  const [rows] = await runReads([toStatement(query, 'all')])
  return rows as T[]
}

/** The first row of one query (or undefined), read off the main thread. */
export async function readGet<T>(
  query: SQL | { toSQL(): { sql: string; params: unknown[] } },
): Promise<T | undefined> {
  const [row] = await runReads([toStatement(query, 'get')])
  return row as T | undefined
}

/** Ends the shared pool (shutdown, tests). */
export async function stopReadPool() {
  const pool = shared
  shared = null
  await pool?.stop()
}
