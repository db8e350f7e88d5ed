import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appOrigin, getEnv, resetEnvCache } from '~/env.server'

const VARS = [
  'PORT',
  'DATA_DIR',
  'DATABASE_PATH',
  'APP_ORIGIN',
  'DEMO_DATA',
  'SMTP_URL',
  'MAX_UPLOAD_MB',
  'SESSION_IDLE_MINUTES',
  'SESSION_MAX_HOURS',
]
let saved: NodeJS.ProcessEnv

beforeEach(() => {
  saved = { ...process.env }
  for (const v of VARS) delete process.env[v]
  resetEnvCache()
})
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  resetEnvCache()
})

function errorFor(vars: Record<string, string>): string {
  Object.assign(process.env, vars)
  resetEnvCache()
  try {
    getEnv()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`getEnv() accepted ${JSON.stringify(vars)}`)
}

describe('environment', () => {
  it('has the documented defaults', () => {
    const env = getEnv()
    expect(env.PORT).toBe(3000)
    expect(env.MAX_UPLOAD_MB).toBe(100)
    expect(env.SESSION_IDLE_MINUTES).toBe(30)
    expect(env.SESSION_MAX_HOURS).toBe(12)
    expect(env.DEMO_DATA).toBe('on')
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.dataDir).toBe(path.resolve('data'))
    expect(env.databasePath).toBe(path.resolve('data', 'portal.db'))
    expect(appOrigin()).toBeNull()
  })

  it('reads valid values; DATABASE_PATH overrides DATA_DIR; APP_ORIGIN is reduced to an origin', () => {
    Object.assign(process.env, {
      PORT: '8080',
      DATA_DIR: '/srv/rcm',
      APP_ORIGIN: 'https://portal.example.org/some/path',
      DEMO_DATA: 'off',
      MAX_UPLOAD_MB: '20',
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_HOURS: '8',
    })
    const env = getEnv()
    expect(env).toMatchObject({ PORT: 8080, DEMO_DATA: 'off', MAX_UPLOAD_MB: 20 })
    expect(env).toMatchObject({ SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 8 })
    expect(env.databasePath).toBe(path.resolve('/srv/rcm/portal.db'))
    expect(appOrigin()).toBe('https://portal.example.org')
    process.env.DATABASE_PATH = '/var/lib/rcm/live.db'
    resetEnvCache()
    expect(getEnv().databasePath).toBe(path.resolve('/var/lib/rcm/live.db'))
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MAX_UPLOAD_MB', '-1'],
    ['MAX_UPLOAD_MB', '0'],
    ['APP_ORIGIN', 'not-a-url'],
    ['APP_ORIGIN', 'javascript:alert(1)'],
    ['APP_ORIGIN', 'ftp://portal.example.org'],
    ['DEMO_DATA', 'maybe'],
    ['SESSION_IDLE_MINUTES', '1.5'],
    ['SESSION_MAX_HOURS', 'twelve'],
    ['SMTP_URL', 'http://mail.example.org'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    const message = errorFor({ [name]: value })
    expect(message).toContain(name)
    expect(message).toMatch(/invalid environment/i)
  })

  it('names every invalid variable at once', () => {
    const message = errorFor({ PORT: 'abc', DEMO_DATA: 'maybe' })
    expect(message).toContain('PORT')
    expect(message).toContain('DEMO_DATA')
  })

  it('treats an empty value as unset', () => {
    process.env.PORT = ''
    expect(getEnv().PORT).toBe(3000)
  })
})
