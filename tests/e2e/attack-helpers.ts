// Helpers of the attack suite (tests/e2e/attack-*.spec.ts): they act from outside, over HTTP, as an
// intruder would, and read the e2e database only to find ids and to prove that nothing changed.
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createSessionCookie, expect } from './fixtures'

export const E2E_DIR = path.resolve('tests/.tmp/e2e-data')
const DB_FILE = path.join(E2E_DIR, 'portal.db')

/** Tables that hold what a person writes (not sessions, audit, rate limits or download logs, which a
 * refused request may legitimately touch). */
export const CONTENT_TABLES = [
  'people',
  'organizations',
  'groups',
  'group_memberships',
  'documents',
  'document_versions',
  'document_files',
  'meetings',
  'agenda_items',
  'meeting_invitations',
  'delegation_members',
  'delegation_logistics',
  'minutes',
  'minutes_comments',
  'decisions',
  'action_items',
  'action_owners',
  'action_updates',
  'one_time_tokens',
  'api_tokens',
] as const

/** A hash per table of every row (and one of the upload folder's file names), to compare before/after. */
export function snapshot(tables: readonly string[] = CONTENT_TABLES): Record<string, string> {
  const sqlite = new Database(DB_FILE, { readonly: true })
  try {
    const out: Record<string, string> = {}
    const existing = new Set(
      sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    )
    for (const table of tables) {
      if (!existing.has(table)) continue
      const rows = sqlite.prepare(`select * from "${table}" order by 1`).all()
      // last-use stamps move on every authenticated request: not a change made by the request
      const stable = rows.map((r) => {
        const row = { ...(r as Record<string, unknown>) }
        delete row.last_used_at
        delete row.last_seen_at
        return row
      })
      out[table] = createHash('sha256').update(JSON.stringify(stable)).digest('hex')
    }
    const uploads = path.join(E2E_DIR, 'uploads')
    out['uploads/'] = createHash('sha256')
      .update(fs.existsSync(uploads) ? listFiles(uploads).join('\n') : '')
      .digest('hex')
    return out
  } finally {
    sqlite.close()
  }
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => !/\.tmp|partial/.test(path.basename(f)))
    .sort()
}

/** Runs `attack` and asserts that no content table (nor the upload folder) changed. */
export async function unchanged<T>(attack: () => Promise<T>, tables?: readonly string[]): Promise<T> {
  const before = snapshot(tables)
  const result = await attack()
  expect(snapshot(tables), 'nothing changed').toEqual(before)
  return result
}

/** Rows of a query on the e2e database. */
export function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(DB_FILE, { readonly: true })
  try {
    return sqlite.prepare(sql).all(...params) as T[]
  } finally {
    sqlite.close()
  }
}

/** A Cookie header value signing `email` in (a session made by the app's own session code). */
export async function cookieFor(email: string, baseURL: string): Promise<string> {
  const c = await createSessionCookie(email, baseURL)
  return `${c.name}=${c.value}`
}

export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw HTTP request (any Origin or Host, or none; no redirects followed). */
export function raw(
  baseURL: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const target = new URL(options.path, baseURL)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A form POST from our own origin with a session cookie. */
export function postForm(
  baseURL: string,
  path: string,
  cookie: string | null,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = { Origin: baseURL },
): Promise<RawAnswer> {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  return raw(baseURL, {
    method: 'POST',
    path,
    body: body.toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
  })
}

/** Creates a personal API token through /account/tokens, as the person would, and returns it. */
export async function apiTokenFor(email: string, baseURL: string): Promise<string> {
  return apiTokenWith(baseURL, await cookieFor(email, baseURL))
}

/** The same with a Cookie header value (a server of the test's own). */
export async function apiTokenWith(baseURL: string, cookie: string): Promise<string> {
  const name = `attack ${Date.now() % 1_000_000}`
  // a token that may read and write (the attacks use it for changes too)
  const r = await postForm(baseURL, '/account/tokens', cookie, {
    intent: 'create-token',
    name,
    expiresInDays: '30',
    scope: 'write',
  })
  const token = /token-box[^>]*>([^<]+)</.exec(r.body)?.[1]
  if (r.status === 200 && token) return token.trim()
  throw new Error('could not create an API token')
}

/** A JSON request to the API with a Bearer token. */
export function apiCall(
  baseURL: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<RawAnswer> {
  return raw(baseURL, {
    method,
    path,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  })
}

/** Rows of a query on another server's database (read-only). */
export function rowsAt<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(file, { readonly: true })
  try {
    return sqlite.prepare(sql).all(...params) as T[]
  } finally {
    sqlite.close()
  }
}
