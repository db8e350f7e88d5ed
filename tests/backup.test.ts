import Database from 'better-sqlite3'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseFile, openDatabase, rawSqlite } from '@db/client'
import { backupDatabase, restoreBackup } from '@db/backup'
import { EMPTY_TEMPLATE } from './helpers/paths'
import { freshDemoDb } from './helpers/db'

const KEY = 'backup-test'

// Another process writing rows one transaction at a time, as a busy server would.
const WRITER = `
const Database = require('better-sqlite3')
const db = new Database(process.argv[1])
db.pragma('journal_mode = WAL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare("INSERT INTO rate_limit_events (key, at) VALUES ('${KEY}', ?)")
const deadline = Date.now() + 30000
for (let n = 1; Date.now() < deadline; n++) {
  insert.run(Date.now())
  if (n === 50) process.stdout.write('ready\\n')
}
`

let live: string
let dir: string
let writer: ChildProcess | null = null

function startWriter(file: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', WRITER, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  writer = child
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)))
  })
}

async function stopWriter() {
  const child = writer
  writer = null
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

const rows = (conn: Database.Database, where = '') =>
  (
    conn.prepare(`SELECT count(*) AS n FROM rate_limit_events WHERE key = ? ${where}`).get(KEY) as {
      n: number
    }
  ).n
const maxId = (conn: Database.Database) =>
  (conn.prepare('SELECT max(id) AS id FROM rate_limit_events WHERE key = ?').get(KEY) as { id: number }).id
const people = (conn: Database.Database) =>
  (conn.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // What `npm run db:backup` runs (tsx), without the tsx CLI's extra process.
    execFile(
      process.execPath,
      ['--import', 'tsx', 'db/backup-cli.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

beforeEach(() => {
  live = freshDemoDb()
  dir = fs.mkdtempSync(path.join(process.env.DATA_DIR!, 'backup-'))
})
afterEach(async () => {
  await stopWriter()
})

describe('online backup', () => {
  it('is consistent while another process keeps writing', async () => {
    await startWriter(live)
    const before = maxId(rawSqlite())
    const committedBefore = rows(rawSqlite(), `AND id <= ${before}`)
    expect(committedBefore).toBeGreaterThanOrEqual(50)

    const target = path.join(dir, 'portal-backup.db')
    const summary = await backupDatabase({ from: live, to: target })
    const afterBackup = maxId(rawSqlite())
    // the writer carried on meanwhile and after: the backup did not stop it
    while (maxId(rawSqlite()) <= afterBackup) await new Promise((r) => setTimeout(r, 5))
    await stopWriter()

    expect(summary.file).toBe(target)
    expect(summary.bytes).toBe(fs.statSync(target).size)
    expect(summary.counts.people).toBe(people(rawSqlite()))
    expect(fs.existsSync(`${target}-wal`)).toBe(false)
    const copy = new Database(target, { readonly: true, fileMustExist: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      // every row committed before the backup started is in it, and the copy is one snapshot
      expect(rows(copy, `AND id <= ${before}`)).toBe(committedBefore)
      // exactly the rows the database had up to some moment: no gaps, nothing later
      const last = maxId(copy)
      expect(rows(copy)).toBe(rows(rawSqlite(), `AND id <= ${last}`))
      expect(last).toBeLessThan(maxId(rawSqlite()))
      expect(people(copy)).toBe(people(rawSqlite()))
    } finally {
      copy.close()
    }
    expect(fs.readdirSync(dir)).toEqual(['portal-backup.db'])
  })

  it('refuses to overwrite an existing file unless forced, and never the database itself', async () => {
    const target = path.join(dir, 'existing.db')
    fs.writeFileSync(target, 'keep me')
    await expect(backupDatabase({ from: live, to: target })).rejects.toThrow(/already exists.*--force/)
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me')
    await backupDatabase({ from: live, to: target, force: true })
    const copy = new Database(target, { readonly: true })
    expect(people(copy)).toBe(people(rawSqlite()))
    copy.close()
    await expect(backupDatabase({ from: live, to: live, force: true })).rejects.toThrow(/database itself/)
    await expect(
      backupDatabase({ from: path.join(dir, 'missing.db'), to: path.join(dir, 'x.db') }),
    ).rejects.toThrow(/No database/)
    expect(fs.readdirSync(dir)).toEqual(['existing.db'])
  })
})

describe('restore', () => {
  it('puts a backup in a new place that openDatabase() opens and migrates', async () => {
    const backup = path.join(dir, 'b.db')
    await backupDatabase({ from: live, to: backup })
    const target = path.join(dir, 'restored', 'portal.db')
    const summary = restoreBackup(backup, target)
    expect(summary.counts.people).toBe(people(rawSqlite()))
    const restored = openDatabase(target)
    try {
      expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(restored.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(people(restored.sqlite)).toBe(people(rawSqlite()))
    } finally {
      restored.sqlite.close()
    }
  })

  it('replaces a stopped database and removes its stale -wal and -shm files', async () => {
    const backup = path.join(dir, 'b.db')
    await backupDatabase({ from: live, to: backup })
    const target = path.join(dir, 'portal.db')
    fs.copyFileSync(EMPTY_TEMPLATE, target)
    fs.writeFileSync(`${target}-wal`, Buffer.alloc(8192, 0xab))
    fs.writeFileSync(`${target}-shm`, Buffer.alloc(32768, 0xcd))
    restoreBackup(backup, target)
    expect(fs.existsSync(`${target}-wal`)).toBe(false)
    expect(fs.existsSync(`${target}-shm`)).toBe(false)
    const restored = openDatabase(target)
    try {
      expect(people(restored.sqlite)).toBe(people(rawSqlite()))
    } finally {
      restored.sqlite.close()
    }
  })

  it('refuses while the database is open elsewhere (the server must be stopped)', async () => {
    const backup = path.join(dir, 'b.db')
    await backupDatabase({ from: live, to: backup })
    const peopleBefore = people(rawSqlite())
    expect(() => restoreBackup(backup, databaseFile())).toThrow(/in use/)
    expect(people(rawSqlite())).toBe(peopleBefore)
    expect(() => restoreBackup(path.join(dir, 'missing.db'), path.join(dir, 'x.db'))).toThrow(/No backup/)
  })

  it('refuses a damaged backup and leaves the database as it was', () => {
    const target = path.join(dir, 'portal.db')
    fs.copyFileSync(EMPTY_TEMPLATE, target)
    const damaged = path.join(dir, 'damaged.db')
    fs.writeFileSync(damaged, Buffer.alloc(4096, 0x42))
    expect(() => restoreBackup(damaged, target)).toThrow()
    expect(fs.readFileSync(target).equals(fs.readFileSync(EMPTY_TEMPLATE))).toBe(true)
    expect(fs.readdirSync(dir).sort()).toEqual(['damaged.db', 'portal.db'])
  })
})

describe('npm run db:backup', () => {
  it('backs up the configured database, prints size and counts, refuses to overwrite; --restore', async () => {
    rawSqlite().pragma('wal_checkpoint(TRUNCATE)')
    const target = path.join(dir, 'cli.db')
    const existing = path.join(dir, 'existing.db')
    fs.writeFileSync(existing, 'keep me')
    const backup = path.join(dir, 'b.db')
    await backupDatabase({ from: live, to: backup })
    const restoreInto = path.join(dir, 'restored.db')
    // independent runs, started together to keep the test fast
    const [ok, again, missing, restore] = await Promise.all([
      run([target], { DATABASE_PATH: live }),
      run([existing], { DATABASE_PATH: live }),
      run([path.join(dir, 'other.db')], { DATABASE_PATH: path.join(dir, 'nowhere.db') }),
      run(['--restore', backup], { DATABASE_PATH: restoreInto }),
    ])
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain(target)
    expect(ok.stdout).toMatch(/size: \d+(\.\d)? [KM]?B/)
    expect(ok.stdout).toMatch(new RegExp(`people: ${people(rawSqlite())} rows`))
    const copy = new Database(target, { readonly: true })
    expect(people(copy)).toBe(people(rawSqlite()))
    copy.close()

    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists.*--force/)
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me')

    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/db:backup failed: No database at/)
    expect(fs.existsSync(path.join(dir, 'nowhere.db'))).toBe(false)

    expect(restore.code).toBe(0)
    expect(restore.stdout).toContain('Restored')
    const restored = new Database(restoreInto, { readonly: true })
    expect(people(restored)).toBe(people(rawSqlite()))
    restored.close()
  })
})
