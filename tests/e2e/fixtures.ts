import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import Database from 'better-sqlite3'
import path from 'node:path'

// The e2e server's data folder (playwright.config.ts starts it there); the app's own modules below open
// its database when a test first signs someone in.
const DATA_DIR = path.resolve('tests/.tmp/e2e-data')
const DB_FILE = path.join(DATA_DIR, 'portal.db')
process.env.DATA_DIR = DATA_DIR
delete process.env.DATABASE_PATH

// The app's session code itself (token, hash, expiry), not a copy of it.
const sessions = () => import('../../app/modules/auth/session.server')

function personId(email: string): string {
  const id = queryValue<string | undefined>('select id from people where email = ?', email)
  if (!id) throw new Error(`no demo person ${email}`)
  return id
}

/** Signs a demo account in by creating its session with the app's session code (as the Epic Stack does),
 * so that tests other than the sign-in test do not spend time on the form. */
export async function createSessionCookie(email: string, baseURL: string) {
  const { createSession } = await sessions()
  const { token } = createSession(personId(email), { twoFactorVerified: true })
  return {
    // the server's name for it over http (APP_ORIGIN is http://localhost:<port>)
    name: 'rcm_session',
    value: token,
    domain: new URL(baseURL).hostname,
    path: '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
  }
}

/** Ends every session of a person, as an expiry would (the rows are gone). */
export async function endSessions(email: string) {
  const { invalidateAllSessions } = await sessions()
  invalidateAllSessions(personId(email))
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

/** Console messages that are not faults of the page: the browser's own line for a page answered 4xx,
 * which tests visit on purpose and whose status they assert, and for a request cut short (a link that
 * turned into a download, a prefetch dropped by the next navigation). */
const EXPECTED_CONSOLE =
  /^Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_ABORTED)/

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  signIn: async ({ context, baseURL }, use) => {
    await use(async (email: string) => {
      await context.addCookies([await createSessionCookie(email, baseURL!)])
    })
  },
  // Every test fails when a page writes console.error or throws (hydration mismatches, React warnings,
  // uncaught errors), in any page of the test's context.
  context: async ({ context }, use) => {
    const errors: string[] = []
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text()))
          errors.push(`${page.url()}: ${message.text()}`)
      })
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
    }
    context.pages().forEach(watch)
    context.on('page', watch)
    await use(context)
    expect(errors, 'console errors in the page').toEqual([])
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
