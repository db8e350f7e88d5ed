/**
 * `npm run db:backup -- FILE [--force]`: online backup of the configured database (safe while serving).
 * `npm run db:backup -- --restore FILE`: puts a backup in place of the database (server stopped).
 * The steps of a restore are described at the top of db/backup.ts.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getEnv } from '../app/env.server'
import { backupDatabase, restoreBackup, type BackupSummary } from './backup'

const USAGE = 'usage: npm run db:backup -- FILE [--force]\n       npm run db:backup -- --restore FILE'

function formatBytes(n: number) {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

function report(summary: BackupSummary) {
  console.log(`  size: ${formatBytes(summary.bytes)}`)
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table}: ${n} rows`)
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false }, restore: { type: 'string' } },
    allowPositionals: true,
  })
  const database = getEnv().databasePath
  if (values.restore) {
    if (positionals.length > 0) throw new Error(USAGE)
    const summary = restoreBackup(values.restore, database)
    console.log(`Restored ${path.resolve(values.restore)} into ${summary.file}`)
    report(summary)
    console.log('Start the server: pending migrations are applied at start-up.')
    return
  }
  if (positionals.length !== 1) throw new Error(USAGE)
  const summary = await backupDatabase({ from: database, to: positionals[0], force: values.force })
  console.log(`Backup of ${database} written to ${summary.file}`)
  report(summary)
}

main().catch((error: unknown) => {
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
