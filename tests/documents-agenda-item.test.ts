// The agenda item a document is given (upload form and POST /api/v1/documents) must be an item of the
// document's meeting: anything else is refused at the field with 400, in the person's language, and
// nothing is stored (no row, no file).
import { count, eq, ne } from 'drizzle-orm'
import fs from 'node:fs'
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { agendaItems, documents, meetings } from '@db/schema'
import { uploadsDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as newAction, loader as newLoader } from '~/routes/documents.new'
import { getRequest, minimalPdf, multipartRequest, uploadedFiles } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { bodyOf, call, statusOf } from './helpers/route'

const state = vi.hoisted(() => ({
  loaderData: null as unknown,
  actionData: undefined as unknown,
  lang: 'es',
}))

vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  const plain = (tag: string) => (props: Record<string, unknown>) => {
    const { children, to, ...rest } = props
    return createElement(tag, to ? { ...rest, href: to } : rest, children as ReactNode)
  }
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => state.actionData,
    useRouteLoaderData: () => ({ lang: state.lang }),
    Form: plain('form'),
    Link: plain('a'),
  }
})

const PA = 'pa.focal@rcm.example' // writes in Spanish
const IOM = 'iom@rcm.example' // writes in English

/** An open meeting of the demo data with agenda items, and an item of another meeting. */
function agendaFixture() {
  const item = db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, titleEs: agendaItems.titleEs })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(meetings.openness, 'open'))
    .get()!
  const elsewhere = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(ne(agendaItems.meetingId, item.meetingId))
    .get()!
  return { meetingId: item.meetingId, itemId: item.id, itemTitle: item.titleEs!, otherItemId: elsewhere.id }
}

const fields = (more: Record<string, string>) => ({
  title: 'Presentación del punto',
  kind: 'presentation',
  language: 'es',
  visibility: 'participants',
  description: 'Lo que escribí',
  ...more,
})
const pdf = () => ({
  name: 'punto.pdf',
  type: 'application/pdf',
  bytes: minimalPdf('Presentación del punto'),
})
const documentCount = () => db.select({ n: count() }).from(documents).get()!.n

function postApi(email: string, more: Record<string, string>) {
  return call(
    apiCreate,
    multipartRequest('/api/v1/documents', { email, fields: fields(more), file: pdf() }),
  ) as Promise<Response>
}

function postForm(more: Record<string, string>, url = '/documents/new') {
  return call(newAction, multipartRequest(url, { email: PA, fields: fields(more), file: pdf() }))
}

describe('the agenda item given with a document', () => {
  let before: number
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
    before = documentCount()
    state.actionData = undefined
  })

  describe('through the API', () => {
    it('is refused with 400 at the field when it does not exist, belongs to another meeting or has no meeting', async () => {
      const { meetingId, otherItemId } = agendaFixture()
      const cases: Record<string, string>[] = [
        { meeting: meetingId, agendaItem: 'no-such-item' },
        { meeting: meetingId, agendaItem: otherItemId },
        { agendaItem: otherItemId },
      ]
      for (const more of cases) {
        const res = await postApi(PA, more)
        expect(res.status, JSON.stringify(more)).toBe(400)
        const body = await res.json()
        expect(body.error.code).toBe('invalid')
        expect(body.error.fields).toEqual({
          agendaItem: ['Elija un punto del orden del día de la reunión del documento.'],
        })
      }
      expect(documentCount()).toBe(before)
      expect(uploadedFiles()).toEqual([])
    })

    it('says so in the caller’s language', async () => {
      const { meetingId } = agendaFixture()
      const res = await postApi(IOM, { meeting: meetingId, agendaItem: 'no-such-item' })
      expect(res.status).toBe(400)
      expect((await res.json()).error.fields.agendaItem).toEqual([
        'Choose an item of the agenda of the document’s meeting.',
      ])
    })

    it('is stored when it is an item of the document’s meeting', async () => {
      const { meetingId, itemId } = agendaFixture()
      const res = await postApi(PA, { meeting: meetingId, agendaItem: itemId })
      expect(res.status).toBe(201)
      expect(await res.json()).toMatchObject({ meeting: meetingId, agendaItem: itemId })
      expect(documentCount()).toBe(before + 1)
    })
  })

  describe('through the upload form, without JavaScript', () => {
    it('refuses an unknown item with 400 at the field, keeps what was typed and stores nothing', async () => {
      const { meetingId } = agendaFixture()
      const refused = await postForm({ meeting: meetingId, agendaItem: 'no-such-item' })
      expect(statusOf(refused)).toBe(400)
      const { result } = bodyOf<{
        result: { error: Record<string, string[]>; initialValue: Record<string, string> }
      }>(refused)
      expect(result.error.agendaItem).toEqual(['documents.error.unknownAgendaItem'])
      expect(result.initialValue).toMatchObject({ description: 'Lo que escribí', agendaItem: 'no-such-item' })
      expect(documentCount()).toBe(before)
      expect(uploadedFiles()).toEqual([])
    })

    it('offers the items of the meeting it was opened for, and shows the refusal at that field in both languages', async () => {
      const { meetingId, itemId, itemTitle } = agendaFixture()
      const url = `/documents/new?meeting=${meetingId}`
      const page = await import('~/routes/documents.new')
      state.loaderData = await call(newLoader, getRequest(url, PA))
      const html = renderToString(createElement(page.default))
      expect(html).toContain(`value="${itemId}"`)
      expect(html).toContain(itemTitle)
      const refused = await postForm({ meeting: meetingId, agendaItem: 'no-such-item' }, url)
      state.actionData = bodyOf(refused)
      for (const [lang, message] of [
        ['es', 'Elija un punto del orden del día de la reunión del documento.'],
        ['en', 'Choose an item of the agenda of the document’s meeting.'],
      ] as const) {
        state.lang = lang
        const again = renderToString(createElement(page.default))
        expect(again).toMatch(new RegExp(`id="[^"]*agendaItem-error"[^>]*>${message}<`))
        expect(again).toContain('Lo que escribí')
      }
    })

    it('stores an item of the document’s meeting', async () => {
      const { meetingId, itemId } = agendaFixture()
      const created = await postForm({ meeting: meetingId, agendaItem: itemId })
      expect(statusOf(created)).toBe(302)
      const id = /^\/documents\/([^?]+)/.exec((created as Response).headers.get('Location')!)![1]
      expect(db.select().from(documents).where(eq(documents.id, id)).get()).toMatchObject({
        meetingId,
        agendaItemId: itemId,
      })
    })
  })
})
