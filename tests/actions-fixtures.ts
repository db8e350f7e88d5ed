// Shared by the action items' tests: calling loaders and actions as Remix would, and finding demo data.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, actionUpdates, decisions, documents, meetings } from '@db/schema'
import { cookieFor, makeRequest } from './helpers/db'

type Handler = (args: LoaderFunctionArgs) => unknown

export interface Answer {
  status: number
  /** the returned data (plain object or data()), or the JSON/text body of a Response */
  data: unknown
  headers: Headers
  location: string | null
  body: string
  bytes: Uint8Array | null
}

/** Runs a loader or action; a thrown Response or data() is the answer, as Remix serves it. `form` may
 * repeat a field (pass an array). */
export async function run(
  handler: Handler,
  url: string,
  init: {
    as?: string
    form?: Record<string, string | string[]>
    json?: unknown
    method?: string
    headers?: Record<string, string>
  } = {},
  params: Record<string, string> = {},
): Promise<Answer> {
  const base = makeRequest(url, {
    cookie: init.as ? cookieFor(init.as) : undefined,
    json: init.json,
    method: init.method ?? (init.form ? 'POST' : undefined),
    headers: init.headers,
  })
  let request = base
  if (init.form) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(init.form))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
    const headers = new Headers(base.headers)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    request = new Request(base.url, { method: 'POST', headers, body })
  }
  let out: unknown
  try {
    out = await handler({ request, params, context: {} })
  } catch (thrown) {
    out = thrown
  }
  if (out instanceof Response) {
    const type = out.headers.get('Content-Type') ?? ''
    if (type.includes('spreadsheetml')) {
      const bytes = new Uint8Array(await out.arrayBuffer())
      return { status: out.status, data: null, headers: out.headers, location: null, body: '', bytes }
    }
    // decoded by hand: Response.text() would drop a byte-order mark, which the CSV export must carry
    const bytes = new Uint8Array(await out.arrayBuffer())
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    let data: unknown = body
    if (type.includes('json')) data = JSON.parse(body)
    return {
      status: out.status,
      data,
      headers: out.headers,
      location: out.headers.get('Location'),
      body,
      bytes,
    }
  }
  if (out && typeof out === 'object' && (out as { type?: string }).type === 'DataWithResponseInit') {
    const d = out as { data: unknown; init: ResponseInit | null }
    return {
      status: d.init?.status ?? 200,
      data: d.data,
      headers: new Headers(d.init?.headers),
      location: null,
      body: '',
      bytes: null,
    }
  }
  if (out instanceof Error) throw out
  return { status: 200, data: out, headers: new Headers(), location: null, body: '', bytes: null }
}

/** A demo action by (a fragment of) its English title. */
export function actionByTitle(fragment: string) {
  const a = db
    .select()
    .from(actionItems)
    .all()
    .find((r) => (r.titleEn ?? '').includes(fragment))
  if (!a) throw new Error(`no action "${fragment}"`)
  return a
}

export function meetingByTitle(fragment: string) {
  const m = db
    .select()
    .from(meetings)
    .all()
    .find((r) => r.titleEn.includes(fragment))
  if (!m) throw new Error(`no meeting "${fragment}"`)
  return m
}

export function decisionByCode(code: string) {
  const d = db.select().from(decisions).where(eq(decisions.code, code)).get()
  if (!d) throw new Error(`no decision ${code}`)
  return d
}

export function documentByTitle(fragment: string) {
  const d = db
    .select()
    .from(documents)
    .all()
    .find((r) => (r.titleEs ?? '').includes(fragment) || (r.titleEn ?? '').includes(fragment))
  if (!d) throw new Error(`no document "${fragment}"`)
  return d
}

export const updatesOf = (actionId: string) =>
  db.select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId)).all()

export const reload = (id: string) => db.select().from(actionItems).where(eq(actionItems.id, id)).get()!

export const pendingOf = (actionId: string) =>
  db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.actionId, actionId), eq(actionUpdates.validation, 'pending')))
    .get()

// The demo accounts
export const SECRETARIAT = 'secretariat@rcm.example'
export const PA_FOCAL = 'pa.focal@rcm.example'
export const PA_SNM = 'pa.snm@rcm.example'
export const MX = 'mx.delegate@rcm.example'
export const CO = 'co.observer@rcm.example'
export const IOM = 'iom@rcm.example'
export const UNHCR = 'unhcr@rcm.example'

/** The error a call throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): {
  status?: number
  messageKey?: string
  field?: string
  current?: unknown
} {
  try {
    fn()
  } catch (error) {
    return error as { status?: number }
  }
  throw new Error('expected the call to throw')
}
