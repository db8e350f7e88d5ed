// Shared by the meetings tests: calling loaders and actions as Remix would, and finding demo meetings.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { db } from '@db/client'
import { agendaItems, meetings } from '@db/schema'
import { cookieFor, makeRequest } from './helpers/db'

type Handler = (args: LoaderFunctionArgs) => unknown

export interface Answer {
  status: number
  /** the returned data (plain object or data()), or the JSON/text body of a Response */
  data: unknown
  headers: Headers
  location: string | null
  body: string
}

/** Runs a loader or action; a thrown Response or data() is the answer, as Remix serves it. */
export async function run(
  handler: Handler,
  url: string,
  init: {
    as?: string
    form?: Record<string, string>
    method?: string
    headers?: Record<string, string>
  } = {},
  params: Record<string, string> = {},
): Promise<Answer> {
  const request = makeRequest(url, {
    cookie: init.as ? cookieFor(init.as) : undefined,
    form: init.form,
    method: init.method,
    headers: init.headers,
  })
  let out: unknown
  try {
    out = await handler({ request, params, context: {} })
  } catch (thrown) {
    out = thrown
  }
  if (out instanceof Response) {
    const body = await out.text()
    let data: unknown = body
    if ((out.headers.get('Content-Type') ?? '').includes('json')) data = JSON.parse(body)
    return { status: out.status, data, headers: out.headers, location: out.headers.get('Location'), body }
  }
  if (out && typeof out === 'object' && (out as { type?: string }).type === 'DataWithResponseInit') {
    const d = out as { data: unknown; init: ResponseInit | null }
    return {
      status: d.init?.status ?? 200,
      data: d.data,
      headers: new Headers(d.init?.headers),
      location: null,
      body: '',
    }
  }
  if (out instanceof Error) throw out
  return { status: 200, data: out, headers: new Headers(), location: null, body: '' }
}

export function meetingByNumber(kind: 'vice_ministerial', number: string) {
  const m = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, kind), eq(meetings.number, number)))
    .get()
  if (!m) throw new Error(`no meeting ${number}`)
  return m
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

export function itemsOf(meetingId: string) {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all()
}
