/**
 * Online backup and restore of the portal's SQLite database.
 *
 * Backup (safe while the server is running): `npm run db:backup -- /backups/portal-2026-05-01.db`
 * writes a consistent copy through SQLite's backup API, checks it and prints its size and row counts.
 * It refuses to overwrite an existing file unless `--force` is given.
 *
 * Restore:
 *   1. Stop the server (a running server keeps writing to the old file and its -wal, which would
 *      corrupt the restored copy). The restore refuses to run while another process has the database open.
 *   2. If the current database may still be needed, keep a copy: `cp data/portal.db data/portal.db.old`.
 *   3. `npm run db:backup -- --restore /backups/portal-2026-05-01.db`
 *      It copies the backup next to the database (DATABASE_PATH, else DATA_DIR/portal.db), checks its
 *      integrity, removes the stale `portal.db-wal` and `portal.db-shm` files (their pages belong to the
 *      old database and would be replayed into the restored one) and renames the copy into place.
 *      By hand, with the server stopped: `rm -f data/portal.db-wal data/portal.db-shm` first, then
 *      `cp /backups/portal-2026-05-01.db data/portal.db`.
 *   4. Start the server: migrations that the backup predates are applied at start-up.
 *   5. Check `GET /healthz` and sign in.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

/** Tables whose row counts are printed after a backup, when they exist. */
const SUMMARY_TABLES = [
  'organizations',
  'people',
  'groups',
  'meetings',
  'documents',
  'action_items',
  'audit_log',
]

export interface BackupSummary {
  file: string
  bytes: number
  counts: Record<string, number>
}

export class BackupError extends Error {}

function sameFile(a: string, b: string) {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p))
  return real(a) === real(b)
}

function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function fsyncDir(dir: string) {
  // Makes the rename durable; not every platform lets a directory be opened.
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    /* best effort */
  }
}

/** Checks a database file and returns row counts of the summary tables; throws when it is damaged. */
function checkAndCount(file: string): Record<string, number> {
  const conn = new Database(file, { fileMustExist: true })
  try {
    const result = conn.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new BackupError(`${file} failed the integrity check: ${String(result)}`)
    const existing = new Set(
      (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    )
    const counts: Record<string, number> = {}
    for (const table of SUMMARY_TABLES) {
      if (!existing.has(table)) continue
      counts[table] = (conn.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
    }
    return counts
  } finally {
    conn.close()
  }
}

/**
 * Copies the live database `from` into `to` with the SQLite backup API. The whole copy is done in one
 * step, that is inside one read transaction: in WAL mode writers carry on meanwhile, and the copy is the
 * database as it was when the step began. (Copying in small steps would restart from scratch whenever
 * another connection writes, and might never finish on a busy server.)
 */
export async function backupDatabase(opts: {
  from: string
  to: string
  force?: boolean
}): Promise<BackupSummary> {
  const from = path.resolve(opts.from)
  const to = path.resolve(opts.to)
  if (!fs.existsSync(from)) throw new BackupError(`No database at ${from}.`)
  if (sameFile(from, to)) throw new BackupError('The backup file cannot be the database itself.')
  if (fs.existsSync(to) && !opts.force) {
    throw new BackupError(`${to} already exists; choose another name or pass --force to replace it.`)
  }
  fs.mkdirSync(path.dirname(to), { recursive: true })
  // Written under a temporary name and renamed at the end, so a failed backup never leaves a partial
  // file under the requested name (nor destroys the file --force would replace).
  const partial = `${to}.partial-${process.pid}`
  const source = new Database(from, { fileMustExist: true })
  try {
    await source.backup(partial, { progress: () => 0x7fffffff })
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    source.close()
  }
  try {
    // A self-contained file (rollback journal mode): it can be copied around without a -wal beside it.
    const conn = new Database(partial, { fileMustExist: true })
    conn.pragma('journal_mode = DELETE')
    conn.close()
    const counts = checkAndCount(partial)
    fsyncFile(partial)
    if (opts.force) {
      fs.renameSync(partial, to)
    } else {
      // link() fails when the name was taken meanwhile: no silent overwrite even in a race.
      fs.linkSync(partial, to)
      fs.rmSync(partial)
    }
    fsyncDir(path.dirname(to))
    return { file: to, bytes: fs.statSync(to).size, counts }
  } catch (error) {
    fs.rmSync(partial, { force: true })
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(`${to} already exists; choose another name or pass --force to replace it.`)
    }
    throw error
  }
}

/** True when another connection (a running server) has the database open. */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false
  const conn = new Database(file, { fileMustExist: true, timeout: 0 })
  try {
    // An exclusive lock cannot be taken while any other connection, even an idle one in WAL mode,
    // holds its shared lock.
    conn.pragma('locking_mode = EXCLUSIVE')
    conn.exec('BEGIN EXCLUSIVE; COMMIT')
    return false
  } catch {
    return true
  } finally {
    conn.close()
  }
}

/** Puts a backup in place of the database `to`. The server must be stopped (see the steps above). */
export function restoreBackup(from: string, to: string): BackupSummary {
  const source = path.resolve(from)
  const target = path.resolve(to)
  if (!fs.existsSync(source)) throw new BackupError(`No backup at ${source}.`)
  if (sameFile(source, target)) throw new BackupError('The backup and the database are the same file.')
  if (databaseInUse(target)) {
    throw new BackupError(`${target} is in use: stop the server before restoring.`)
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const staging = `${target}.restore-${process.pid}`
  try {
    fs.copyFileSync(source, staging)
    const counts = checkAndCount(staging)
    fsyncFile(staging)
    // The old database's -wal would otherwise be replayed into the restored file on the next open.
    fs.rmSync(`${target}-wal`, { force: true })
    fs.rmSync(`${target}-shm`, { force: true })
    fs.renameSync(staging, target)
    fsyncDir(path.dirname(target))
    return { file: target, bytes: fs.statSync(target).size, counts }
  } catch (error) {
    fs.rmSync(staging, { force: true })
    fs.rmSync(`${staging}-journal`, { force: true })
    throw error
  }
}
