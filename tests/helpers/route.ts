// Calling route loaders and actions in vitest as Remix serves them. Every test file uses these (one way
// to call a route, one shape of answer); the demo records tests look up are in ./demo.ts.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { cookieFor, makeRequest } from './db'

/** A loader or an action (both take the same arguments). */
export type Handler = (args: LoaderFunctionArgs) => unknown

export interface Answer<T = unknown> {
  status: number
  /** the returned data (plain object or data()), or the body of a Response (parsed when it is JSON) */
  data: T
  headers: Headers
  /** the Location of a redirect */
  location: string | null
  /** a Response's body as text ('' for data) */
  body: string
  /** a Response's body as bytes (null for data) */
  bytes: Uint8Array | null
}

export type RunInit = Parameters<typeof makeRequest>[1] & {
  /** the demo account to send the request as (a fresh signed-in session) */
  as?: string
}

interface DataWithInit {
  type: 'DataWithResponseInit'
  data: unknown
  init: ResponseInit | null
}

/** A value made by Remix's `data(value, init)`. */
export function isDataWithInit(v: unknown): v is DataWithInit {
  return typeof v === 'object' && v !== null && (v as { type?: string }).type === 'DataWithResponseInit'
}

/** What a loader or action produced, returned or thrown: a thrown Response (404, redirect) or data() is
 * the answer, as Remix serves it; any other thrown error fails the test. */
export async function call(handler: Handler, request: Request, params: Record<string, string> = {}) {
  try {
    return await handler({ request, params, context: {} })
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return thrown
    throw thrown
  }
}

/** Runs a loader or action and reads its answer. `target` is a path (the request is built from `init`:
 * `as` signs in a demo account, `form` posts fields, which may repeat) or a Request made by hand
 * (multipart, raw bodies). */
export async function run<T = unknown>(
  handler: Handler,
  target: string | Request,
  init: RunInit = {},
  params: Record<string, string> = {},
): Promise<Answer<T>> {
  const request =
    typeof target === 'string'
      ? makeRequest(target, { ...init, cookie: init.as ? cookieFor(init.as) : init.cookie })
      : target
  return (await answerOf(await call(handler, request, params))) as Answer<T>
}

/** The answer of whatever a loader or action produced (see `call`). */
export async function answerOf(out: unknown): Promise<Answer> {
  if (out instanceof Response) {
    // decoded by hand: Response.text() would drop a byte-order mark, which the CSV export must carry
    const bytes = new Uint8Array(await out.arrayBuffer())
    const type = out.headers.get('Content-Type') ?? ''
    const binary = type.includes('spreadsheetml')
    const body = binary ? '' : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const data = type.includes('json') && body ? JSON.parse(body) : binary ? null : body
    return {
      status: out.status,
      data,
      headers: out.headers,
      location: out.headers.get('Location'),
      body,
      bytes,
    }
  }
  if (isDataWithInit(out)) {
    return {
      status: out.init?.status ?? 200,
      data: out.data,
      headers: new Headers(out.init?.headers),
      location: null,
      body: '',
      bytes: null,
    }
  }
  return { status: 200, data: out, headers: new Headers(), location: null, body: '', bytes: null }
}

/** The status of whatever a loader or action produced: a Response, data(..., {status}) or plain data. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status
  if (isDataWithInit(result)) return result.init?.status ?? 200
  return 200
}

/** The data of whatever a loader or action produced (data() unwrapped). */
export function bodyOf<T = unknown>(result: unknown): T {
  if (isDataWithInit(result)) return result.data as T
  return result as T
}
