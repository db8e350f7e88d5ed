/**
 * An origin hidden from the viewer never leaks (issue 10, item 3): IOM supports an action that follows
 * from a decision of a members-only RCGM meeting. IOM sees the action everywhere, but never that
 * meeting's title or date, its agenda item or the decision's code and text: each path says only that the
 * origin is restricted. A member state sees all of it (so that each assertion can fail).
 */
import ExcelJS from 'exceljs'
import { and, eq, gt } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, agendaItems, decisions, documents, meetings } from '@db/schema'
import { ActionList, ActionRecord } from '~/modules/actions/api-schemas'
import { originOf } from '~/modules/actions/origins.server'
import { listDocuments } from '~/modules/documents/queries.server'
import * as dashboard from '~/routes/_index'
import * as page from '~/routes/actions.$id'
import * as list from '~/routes/actions._index'
import * as board from '~/routes/actions.board_.$code'
import * as csv from '~/routes/actions.export[.]csv'
import * as xlsx from '~/routes/actions.export[.]xlsx'
import * as apiItem from '~/routes/api.v1.actions.$id'
import * as apiList from '~/routes/api.v1.actions'
import * as docPage from '~/routes/documents.$id'
import * as followUp from '~/routes/meetings_.$id.follow-up'
import * as pending from '~/routes/meetings_.$id.pending-actions'
import { actionByTitle, IOM, MX } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const MEETING = 'Zeta closed session of member countries'
const ITEM = 'Omega reserved agenda point'
const DECISION_TEXT = 'Sigma reserved decision text'
const CODE = 'ZZ-CLOSED/D.9'
const STARTS = new Date('2023-12-05T15:17:00Z')
const MARKERS = [MEETING, ITEM, DECISION_TEXT, CODE, STARTS.toISOString()]

let actionId = ''
let meetingId = ''
let decisionId = ''

beforeEach(() => {
  freshDemoDb()
  const a = actionByTitle('Technical support to compute the labour migration indicators')
  actionId = a.id
  meetingId = a.meetingId!
  decisionId = a.decisionId!
  const m = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!
  expect(m.openness).toBe('members_only')
  db.update(meetings)
    .set({ titleEs: MEETING, titleEn: MEETING, startsAt: STARTS })
    .where(eq(meetings.id, meetingId))
    .run()
  const d = db.select().from(decisions).where(eq(decisions.id, decisionId)).get()!
  db.update(decisions)
    .set({ code: CODE, textEs: DECISION_TEXT, textEn: DECISION_TEXT })
    .where(eq(decisions.id, d.id))
    .run()
  // the action points at an agenda item of the meeting too
  const item = db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get()!
  db.update(agendaItems).set({ titleEs: ITEM, titleEn: ITEM }).where(eq(agendaItems.id, item.id)).run()
  db.update(actionItems).set({ agendaItemId: item.id }).where(eq(actionItems.id, actionId)).run()
})

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

function expectHidden(answer: unknown, label: string) {
  const s = text(answer)
  for (const m of MARKERS) expect(s, `${label}: ${m}`).not.toContain(m)
  expect(s, label).toMatch(/restricted|restringido/i)
}
function expectShown(answer: unknown, label: string) {
  const s = text(answer)
  for (const m of [MEETING, CODE]) expect(s, `${label}: ${m}`).toContain(m)
}

async function xlsxText(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const out: string[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? '')))))
  return out.join('\n')
}

describe('an origin hidden from the viewer', () => {
  it('is restricted on the action page, and shown to a member state', async () => {
    const hidden = await run(page.loader, `/actions/${actionId}?lang=en`, { as: IOM }, { id: actionId })
    expect(hidden.status).toBe(200)
    expect(text(hidden.data)).toContain('Technical support')
    expectHidden(hidden.data, 'page')
    expect(text(hidden.data)).not.toContain(meetingId)
    const shown = await run(page.loader, `/actions/${actionId}?lang=en`, { as: MX }, { id: actionId })
    expectShown(shown.data, 'page as MX')
    expect(text(shown.data)).toContain(DECISION_TEXT)
    expect(text(shown.data)).toContain(ITEM)
  })

  it('is restricted in the list, and a filter by the hidden meeting or decision matches nothing', async () => {
    const hidden = await run(list.loader, '/actions?owner=CR&lang=en', { as: IOM })
    expect(text(hidden.data)).toContain('Technical support')
    expectHidden(hidden.data, 'list')
    for (const q of [`meeting=${meetingId}`, `decision=${decisionId}`]) {
      const filtered = await run(list.loader, `/actions?${q}`, { as: IOM })
      expect((filtered.data as { items: unknown[] }).items, q).toHaveLength(0)
      for (const m of MARKERS) expect(text(filtered.data)).not.toContain(m)
    }
    const shown = await run(list.loader, '/actions?owner=CR&lang=en', { as: MX })
    expectShown(shown.data, 'list as MX')
    const filtered = await run(list.loader, `/actions?decision=${decisionId}`, { as: MX })
    expect((filtered.data as { items: { id: string }[] }).items.map((a) => a.id)).toContain(actionId)
  })

  it('is restricted on the board pages of the owner and of the supporter', async () => {
    for (const code of ['CR', 'IOM']) {
      const hidden = await run(board.loader, `/actions/board/${code}?lang=en`, { as: IOM }, { code })
      expect(text(hidden.data)).toContain('Technical support')
      expectHidden(hidden.data, `board ${code}`)
    }
    expectShown((await run(board.loader, '/actions/board/CR', { as: MX }, { code: 'CR' })).data, 'board MX')
  })

  it('is restricted in the CSV and XLSX exports', async () => {
    const c = await run(csv.loader, '/actions/export.csv?owner=CR&lang=en', { as: IOM })
    expect(c.body).toContain('Technical support')
    expect(c.body).toContain('Origin restricted')
    for (const m of MARKERS) expect(c.body).not.toContain(m)
    const x = await run(xlsx.loader, '/actions/export.xlsx?owner=CR&lang=en', { as: IOM })
    const sheet = await xlsxText(x.bytes!)
    expect(sheet).toContain('Technical support')
    expect(sheet).toContain('Origin restricted')
    for (const m of MARKERS) expect(sheet).not.toContain(m)
    const shown = await run(csv.loader, '/actions/export.csv?owner=CR&lang=en', { as: MX })
    expect(shown.body).toContain(MEETING)
    const shownX = await xlsxText(
      (await run(xlsx.loader, '/actions/export.xlsx?owner=CR', { as: MX })).bytes!,
    )
    expect(shownX).toContain(CODE)
  })

  it('is { restricted: true, type } in the API list and record, and the schemas hold', async () => {
    const l = await run(apiList.loader, '/api/v1/actions?assignee=CR', { as: IOM })
    ActionList.parse(l.data)
    const listed = (l.data as { items: { id: string; origin: unknown }[] }).items.find(
      (a) => a.id === actionId,
    )
    expect(listed!.origin).toEqual({ restricted: true, type: 'decision' })
    for (const m of MARKERS) expect(l.body).not.toContain(m)
    const r = await run(apiItem.loader, `/api/v1/actions/${actionId}`, { as: IOM }, { id: actionId })
    ActionRecord.parse(r.data)
    expect((r.data as { origin: unknown }).origin).toEqual({ restricted: true, type: 'decision' })
    for (const m of [...MARKERS, meetingId]) expect(r.body).not.toContain(m)
    for (const q of [`meeting=${meetingId}`, `decision=${decisionId}`]) {
      const f = await run(apiList.loader, `/api/v1/actions?${q}`, { as: IOM })
      expect((f.data as { items: unknown[] }).items, q).toHaveLength(0)
    }
    const shown = await run(apiItem.loader, `/api/v1/actions/${actionId}`, { as: MX }, { id: actionId })
    ActionRecord.parse(shown.data)
    expect((shown.data as { origin: Record<string, unknown> }).origin).toMatchObject({
      restricted: false,
      decision: CODE,
      decisionText: DECISION_TEXT,
      meetingTitle: MEETING,
      agendaItem: ITEM,
      meetingDate: STARTS.toISOString(),
    })
  })

  it('is restricted in the carry-over list of a later open meeting of the same body', async () => {
    const later = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.kind, 'rcgm'), eq(meetings.openness, 'open'), gt(meetings.startsAt, STARTS)))
      .get()!
    const url = `/meetings/${later.id}/pending-actions?lang=en`
    const hidden = await run(pending.loader, url, { as: IOM }, { id: later.id })
    expect(text(hidden.data)).toContain('Technical support')
    expectHidden(hidden.data, 'carry-over')
    expectShown((await run(pending.loader, url, { as: MX }, { id: later.id })).data, 'carry-over MX')
  })

  it('keeps the follow-up report of the hidden meeting and the dashboard silent', async () => {
    const report = await run(
      followUp.loader,
      `/meetings/${meetingId}/follow-up`,
      { as: IOM },
      { id: meetingId },
    )
    expect(report.status).toBe(404)
    for (const m of MARKERS) expect(text(report.data)).not.toContain(m)
    const shown = await run(
      followUp.loader,
      `/meetings/${meetingId}/follow-up`,
      { as: MX },
      { id: meetingId },
    )
    expect(text(shown.data)).toContain(DECISION_TEXT)
    const home = await run(dashboard.loader, '/?lang=en', { as: IOM })
    for (const m of MARKERS) expect(text(home.data)).not.toContain(m)
  })

  it('is restricted on the page of a document open to participants but tied to that meeting', async () => {
    const doc = db.select().from(documents).where(eq(documents.visibility, 'participants')).get()!
    db.update(documents).set({ meetingId, agendaItemId: null }).where(eq(documents.id, doc.id)).run()
    const hidden = await run(docPage.loader, `/documents/${doc.id}?lang=en`, { as: IOM }, { id: doc.id })
    expect(hidden.status).toBe(200)
    expect(text(hidden.data)).not.toContain(MEETING)
    expect(text(hidden.data)).not.toContain(meetingId)
    expect(text(hidden.data)).toContain('"originRestricted":true')
    const shown = await run(docPage.loader, `/documents/${doc.id}?lang=en`, { as: MX }, { id: doc.id })
    expect(text(shown.data)).toContain(MEETING)
    // the library's list names no hidden meeting, and a filter by it matches nothing
    expect(listDocuments(viewerFor(IOM), { meeting: meetingId }).items).toHaveLength(0)
    expect(listDocuments(viewerFor(MX), { meeting: meetingId }).items.map((d) => d.id)).toContain(doc.id)
    const all = listDocuments(viewerFor(IOM), {}, { limit: 1000 }).items
    expect(all.find((d) => d.id === doc.id)!.meetingId).toBeNull()
    const forMx = listDocuments(viewerFor(MX), {}, { limit: 1000 }).items
    expect(forMx.find((d) => d.id === doc.id)!.meetingId).toBe(meetingId)
  })
})

describe('a plan section origin', () => {
  it('is named to the secretariat and the drafting group, restricted to others', () => {
    freshDemoDb()
    const a = actionByTitle('Define the indicators of the victim protection line of action')
    // a real section of Panama's plan (a foreign key since the plans migration)
    expect(a.planSectionId).toMatch(/^[a-z0-9]+$/)
    for (const email of ['secretariat@rcm.example', IOM, 'pa.snm@rcm.example'])
      expect(originOf(viewerFor(email), a.id, 'en'), email).toMatchObject({
        restricted: false,
        planSection: {
          id: a.planSectionId,
          number: '3.3.1',
          title: 'Victim protection',
          planTitle: 'National Plan against the Smuggling of Migrants 2024-2029',
        },
      })
    for (const email of ['unhcr@rcm.example', MX])
      expect(originOf(viewerFor(email), a.id, 'en'), email).toEqual({
        restricted: true,
        type: 'plan_section',
      })
  })
})
