import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { TMP } from './paths'

// Every test file gets its own data folder; tests pick a database with freshDemoDb()/freshEmptyDb().
const dir = fs.mkdtempSync(path.join(TMP, 'file-'))
process.env.DATA_DIR = dir
process.env.NODE_ENV = 'test'
delete process.env.SMTP_URL
delete process.env.APP_ORIGIN

afterAll(async () => {
  const { closeDatabase } = await import('../../db/client')
  closeDatabase()
  fs.rmSync(dir, { recursive: true, force: true })
})

// Components translate as on the server: with the whole catalogue (entry.server does the same).
const { provideMessages } = await import('~/i18n')
const { allMessages } = await import('~/i18n/catalogue.server')
provideMessages(allMessages)
