// A document's embargo is entered and shown in the person's own time zone, labelled with it, and stored
// as UTC; the API keeps reading naive times as UTC (CONTRACT.md). Pages are rendered with real loader
// data (Remix's hooks replaced, as in documents-pages.test.tsx).
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { eq } from 'drizzle-orm'
import fs from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { embargoActive } from '~/modules/access/can'
import { uploadsDir } from '~/modules/documents/storage.server'
import { zonedToUtc, utcToZoned } from '~/modules/meetings/time'
import { zoneLabel, zoneOffset } from '~/i18n/zones'
import { translator } from '~/i18n/catalogue.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { getRequest, minimalPdf, multipartRequest } from './documents-fixtures'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'
import { bodyOf, call, statusOf } from './helpers/route'

const state = vi.hoisted(() => ({ loaderData: null as unknown, lang: 'es', timeZone: 'UTC' }))

vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  const strip = (props: Record<string, unknown>) => {
    const { prefetch: _p, reloadDocument: _r, replace: _x, children, ...rest } = props
    return { rest, children: children as ReactNode }
  }
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => undefined,
    useRouteLoaderData: () => ({ lang: state.lang, timeZone: state.timeZone }),
    useNavigation: () => ({ state: 'idle' }),
    Form: (props: Record<string, unknown>) => createElement('form', strip(props).rest, strip(props).children),
    Link: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      const { to, ...others } = rest
      return createElement('a', { ...others, href: to as string }, children)
    },
  }
})

const MX = 'mx.delegate@rcm.example'
const PA = 'pa.focal@rcm.example'
const SECRETARIAT = 'secretariat@rcm.example'
const pdf = () => ({ name: 'nota.pdf', type: 'application/pdf', bytes: minimalPdf('nota') })
const fields = (embargoUntil: string) => ({
  title: 'Nota con embargo',
  kind: 'report',
  language: 'es',
  visibility: 'public',
  embargoUntil,
})
const stored = (id: string) => db.select().from(documents).where(eq(documents.id, id)).get()!

async function upload(email: string, embargoUntil: string) {
  const { action } = await import('~/routes/documents.new')
  const res = await call(
    action as never,
    multipartRequest('/documents/new', { email, fields: fields(embargoUntil), file: pdf() }),
  )
  return res
}

const idOf = (res: unknown) => {
  expect(statusOf(res)).toBe(302)
  return /\/documents\/([^?]+)/.exec((res as Response).headers.get('Location')!)![1]
}

async function renderPage(id: string, email: string, lang: 'es' | 'en' = 'es') {
  const page = await import('~/routes/documents.$id')
  const data = (await call(page.loader as never, getRequest(`/documents/${id}`, email), { id })) as {
    timeZone: string
  }
  state.loaderData = data
  state.lang = lang
  state.timeZone = data.timeZone
  return { data, html: renderToString(createElement(page.default)) }
}

describe('embargo in the person’s time zone', () => {
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
  })

  it('Mexico City 10:00 is stored as 16:00Z, shown back as 10:00 to the uploader, labelled', async () => {
    const { loader } = await import('~/routes/documents.new')
    const form = (await call(loader as never, getRequest('/documents/new', MX))) as { timeZone: string }
    expect(form.timeZone).toBe('America/Mexico_City')
    const id = idOf(await upload(MX, '2026-12-20T10:00'))
    expect(stored(id).embargoUntil!.toISOString()).toBe('2026-12-20T16:00:00.000Z')
    const { html } = await renderPage(id, MX)
    // the edit form's field: the local time, and the zone it is in
    expect(html).toMatch(
      /name="embargoUntil"[^>]*value="2026-12-20T10:00"|value="2026-12-20T10:00"[^>]*name="embargoUntil"/,
    )
    expect(html).toContain('Embargo hasta (hora de Ciudad de México (UTC−6))')
    expect(html).toContain('10:00 (hora de Ciudad de México (UTC−6))')
    expect(html).not.toContain('16:00')
  })

  it('Panama 10:00 is 15:00Z, and 09:00 for the secretariat in San José, in English too', async () => {
    const id = idOf(await upload(PA, '2026-12-20T10:00'))
    expect(stored(id).embargoUntil!.toISOString()).toBe('2026-12-20T15:00:00.000Z')
    const own = await renderPage(id, PA)
    expect(own.html).toContain('10:00 (hora de Panamá (UTC−5))')
    const seat = await renderPage(id, SECRETARIAT, 'en')
    expect(seat.data.timeZone).toBe('America/Costa_Rica')
    expect(seat.html).toContain('09:00 (Costa Rica time (UTC−6))')
    expect(seat.html).toContain('value="2026-12-20T09:00"')
    expect(seat.html).not.toContain('10:00 (')
  })

  it('an edit from the page reads the field in the editor’s zone', async () => {
    const id = idOf(await upload(PA, ''))
    expect(stored(id).embargoUntil).toBeNull()
    const page = await import('~/routes/documents.$id')
    const post = (form: Record<string, string>) =>
      call(page.action as never, makeRequest(`/documents/${id}`, { cookie: cookieFor(SECRETARIAT), form }), {
        id,
      })
    const res = await post({
      intent: 'edit',
      revision: '1',
      titleEs: 'Nota con embargo',
      kind: 'report',
      visibility: 'public',
      embargoUntil: '2027-01-05T08:30',
    })
    expect(statusOf(res)).toBe(302)
    expect(stored(id).embargoUntil!.toISOString()).toBe('2027-01-05T14:30:00.000Z')
  })

  it('a malformed time is refused at its field, what was typed kept, nothing stored', async () => {
    const before = db.select().from(documents).all().length
    const res = await upload(MX, '2026-02-30T10:00')
    expect(statusOf(res)).toBe(400)
    const reply = bodyOf<{
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
    }>(res).result
    expect(reply.error.embargoUntil).toEqual(['documents.error.dateTime'])
    expect(reply.initialValue.embargoUntil).toBe('2026-02-30T10:00')
    expect(db.select().from(documents).all()).toHaveLength(before)
    const garbage = await upload(MX, 'mañana')
    expect(statusOf(garbage)).toBe(400)
  })

  it('the API keeps reading a time without offset as UTC (CONTRACT.md)', async () => {
    const res = (await call(
      apiCreate,
      multipartRequest('/api/v1/documents', { email: MX, fields: fields('2026-12-20T10:00'), file: pdf() }),
    )) as Response
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect(stored(id).embargoUntil!.toISOString()).toBe('2026-12-20T10:00:00.000Z')
  })

  it('the embargo lifts at the stored instant', async () => {
    const id = idOf(await upload(MX, '2026-12-20T10:00'))
    const doc = stored(id)
    expect(embargoActive(doc, Date.parse('2026-12-20T15:59:59Z'))).toBe(true)
    expect(embargoActive(doc, Date.parse('2026-12-20T16:00:00Z'))).toBe(false)
  })
})

describe('zone conversions and labels', () => {
  it('a zone with daylight saving time converts and is labelled by the offset of the moment', () => {
    expect(zonedToUtc('2026-07-01T10:00', 'America/New_York')!.toISOString()).toBe('2026-07-01T14:00:00.000Z')
    expect(zonedToUtc('2026-12-01T10:00', 'America/New_York')!.toISOString()).toBe('2026-12-01T15:00:00.000Z')
    expect(utcToZoned(new Date('2026-07-01T14:00:00Z'), 'America/New_York')).toBe('2026-07-01T10:00')
    expect(zoneOffset('America/New_York', Date.parse('2026-07-01T14:00:00Z'))).toBe('UTC−4')
    expect(zoneOffset('America/New_York', Date.parse('2026-12-01T14:00:00Z'))).toBe('UTC−5')
    expect(zoneOffset('Europe/Zurich', Date.parse('2026-07-01T14:00:00Z'))).toBe('UTC+2')
    // DST-free: the same offset all year
    expect(zonedToUtc('2026-07-01T10:00', 'America/Guatemala')!.toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    )
    expect(zoneLabel(translator('es'), 'America/Guatemala')).toBe('hora de Guatemala (UTC−6)')
    expect(zoneLabel(translator('en'), 'America/Bogota')).toBe('Colombia time (UTC−5)')
    expect(zoneLabel(translator('es'), 'UTC')).toBe('tiempo universal coordinado (UTC)')
    expect(zonedToUtc('2026-02-30T10:00', 'America/Guatemala')).toBeNull()
  })
})
