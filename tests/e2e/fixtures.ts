import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'

const DB_FILE = path.resolve('tests/.tmp/e2e-data/portal.db')

/** Signs a demo account in by creating its session row directly (as the Epic Stack does), so that
 * tests other than the sign-in test do not spend time on the form. */
export function createSessionCookie(email: string, baseURL: string) {
  const sqlite = new Database(DB_FILE)
  sqlite.pragma('busy_timeout = 5000')
  try {
    const person = sqlite.prepare('select id from people where email = ?').get(email) as
      | { id: string }
      | undefined
    if (!person) throw new Error(`no demo person ${email}`)
    const token = randomBytes(20).toString('hex')
    const id = createHash('sha256').update(token).digest('hex')
    const now = Date.now()
    sqlite
      .prepare(
        'insert into sessions (id, person_id, created_at, last_seen_at, expires_at, two_factor_verified) values (?, ?, ?, ?, ?, 1)',
      )
      .run(id, person.id, now, now, now + 3600_000)
    const url = new URL(baseURL)
    return {
      name: 'rcm_session',
      value: token,
      domain: url.hostname,
      path: '/',
      httpOnly: true,
      sameSite: 'Lax' as const,
    }
  } finally {
    sqlite.close()
  }
}

/** Ends every session of a person, as an expiry would (the row is gone). */
export function endSessions(email: string) {
  const sqlite = new Database(DB_FILE)
  sqlite.pragma('busy_timeout = 5000')
  try {
    sqlite
      .prepare('delete from sessions where person_id = (select id from people where email = ?)')
      .run(email)
  } finally {
    sqlite.close()
  }
}

/** One value read from the e2e database (ids of demo records, for example). */
export function queryValue<T = string>(sql: string, ...params: unknown[]): T {
  const sqlite = new Database(DB_FILE, { readonly: true })
  try {
    return sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as T
  } finally {
    sqlite.close()
  }
}

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  signIn: async ({ context, baseURL }, use) => {
    await use(async (email: string) => {
      await context.addCookies([createSessionCookie(email, baseURL!)])
    })
  },
})

/** Fails on serious or critical accessibility violations. */
export async function expectNoSeriousA11yViolations(page: Page, where = '') {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`.trim()),
  ).toEqual([])
}

export { expect }
