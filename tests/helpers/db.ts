import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { db, switchDatabaseFile } from '@db/client'
import { people } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { loadViewer } from '~/modules/auth/viewer.server'
import { createSession } from '~/modules/auth/session.server'
import { DEMO_TEMPLATE, EMPTY_TEMPLATE } from './paths'

let n = 0
function copyTemplate(template: string) {
  resetEnvCache()
  const file = path.join(process.env.DATA_DIR!, `test-${process.pid}-${++n}.db`)
  fs.copyFileSync(template, file)
  switchDatabaseFile(file)
  return file
}

/** A fresh copy of the migrated database with the demo data. Call in beforeEach. */
export const freshDemoDb = () => copyTemplate(DEMO_TEMPLATE)
/** A fresh copy of the migrated, empty database. */
export const freshEmptyDb = () => copyTemplate(EMPTY_TEMPLATE)

export function personByEmail(email: string) {
  const p = db.select().from(people).where(eq(people.email, email)).get()
  if (!p) throw new Error(`no person ${email}`)
  return p
}

/** The Viewer of a demo account, as permission checks see it. */
export function viewerFor(email: string) {
  const v = loadViewer(personByEmail(email).id, 'session', null)
  if (!v) throw new Error(`${email} is not active`)
  return v
}

/** A signed-in session for a person: the Cookie header value to send. */
export function cookieFor(email: string) {
  const { token } = createSession(personByEmail(email).id, { twoFactorVerified: true })
  return `rcm_session=${token}`
}

/** A Request as the browser would send it (with the site's Origin on non-GET). */
export function makeRequest(
  url: string,
  init: {
    method?: string
    cookie?: string
    /** form fields; an array repeats a field */
    form?: Record<string, string | string[]>
    json?: unknown
    headers?: Record<string, string>
  } = {},
) {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: BodyInit | undefined
  if (init.form) {
    const form = new URLSearchParams()
    for (const [k, v] of Object.entries(init.form)) for (const x of [v].flat()) form.append(k, x)
    body = form
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
  } else if (init.json !== undefined) {
    body = JSON.stringify(init.json)
    headers.set('Content-Type', 'application/json')
  }
  const method = init.method ?? (body ? 'POST' : 'GET')
  if (method !== 'GET' && !headers.has('Origin')) headers.set('Origin', 'http://localhost:3000')
  return new Request(new URL(url, 'http://localhost:3000'), { method, headers, body })
}
