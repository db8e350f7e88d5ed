import fs from 'node:fs'
import { EMPTY_TEMPLATE, DEMO_TEMPLATE, TMP } from './paths'

/** Builds the two template databases once; each test copies one (fast and isolated). */
export default async function globalSetup() {
  fs.rmSync(TMP, { recursive: true, force: true })
  fs.mkdirSync(TMP, { recursive: true })
  process.env.DATA_DIR = TMP
  const { openDatabase, switchDatabaseFile, closeDatabase, rawSqlite } = await import('../../db/client')
  const empty = openDatabase(EMPTY_TEMPLATE)
  empty.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  empty.sqlite.close()
  switchDatabaseFile(DEMO_TEMPLATE)
  const { seedDemo } = await import('../../db/seed/demo')
  await seedDemo()
  rawSqlite().pragma('wal_checkpoint(TRUNCATE)')
  closeDatabase()
  return () => fs.rmSync(TMP, { recursive: true, force: true })
}
