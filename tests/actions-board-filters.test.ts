/**
 * The follow-up board narrowed by due year, meeting and working group, against a count made the slow,
 * obvious way (every action the viewer may open, filtered in JavaScript); a meeting the viewer may not
 * see narrows to nothing and is not offered; the board's CSV and XLSX hold the page's rows by name; the
 * chart's scale; the printed follow-up report's summary per state.
 */
import ExcelJS from 'exceljs'
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, actionOwners, groups, meetings, organizations } from '@db/schema'
import { ticks } from '~/components/stacked-bar-chart'
import { actionsBoard, boardFilterOptions, type BoardFilters } from '~/modules/actions/board.server'
import { followUpReport } from '~/modules/actions/follow-up.server'
import { findVisibleAction } from '~/modules/actions/loading.server'
import { isOpen } from '~/modules/actions/overdue.server'
import { findVisibleMeeting } from '~/modules/meetings/meetings.server'
import * as boardPage from '~/routes/actions.board'
import * as boardCsv from '~/routes/actions.board[.]csv'
import * as boardXlsx from '~/routes/actions.board[.]xlsx'
import { CO, MX, SECRETARIAT } from './actions-fixtures'
import { meetingByTitle } from './helpers/demo'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

type Counts = { open: number; done: number }

function slowBoard(email: string, f: BoardFilters): Map<string, Counts> {
  const viewer = viewerFor(email)
  const orgs = db.select().from(organizations).all()
  const accountable = new Map(orgs.map((o) => [o.id, orgs.find((p) => p.id === (o.parentId ?? o.id))!.code]))
  const groupId = f.group ? db.select().from(groups).where(eq(groups.slug, f.group)).get()?.id : undefined
  const result = new Map<string, Counts>()
  for (const a of db.select().from(actionItems).all()) {
    if (!findVisibleAction(viewer, a.id)) continue
    if (f.year && a.dueDate.slice(0, 4) !== String(f.year)) continue
    if (f.meeting && a.meetingId !== f.meeting) continue
    if (f.group) {
      const meeting = a.meetingId
        ? db.select().from(meetings).where(eq(meetings.id, a.meetingId)).get()
        : null
      const viaMeeting = meeting?.groupId === groupId && findVisibleMeeting(viewer, meeting!.id)
      if (a.groupId !== groupId && !viaMeeting) continue
    }
    const owners = db
      .select()
      .from(actionOwners)
      .where(and(eq(actionOwners.actionId, a.id), eq(actionOwners.kind, 'owner')))
      .all()
    for (const code of new Set(owners.map((o) => accountable.get(o.organizationId)!))) {
      const c = result.get(code) ?? { open: 0, done: 0 }
      if (isOpen(a.status)) c.open++
      if (a.status === 'done') c.done++
      result.set(code, c)
    }
  }
  return result
}

function expectBoard(email: string, f: BoardFilters) {
  const want = slowBoard(email, f)
  const board = actionsBoard(viewerFor(email), 'en', new Date(), f)
  for (const row of board)
    expect({ open: row.open, done: row.done }, `${email} ${JSON.stringify(f)} ${row.code}`).toEqual(
      want.get(row.code) ?? { open: 0, done: 0 },
    )
  return board
}

const total = (rows: { open: number; done: number }[]) => rows.reduce((t, r) => t + r.open + r.done, 0)

describe('the board narrowed', () => {
  it('by due year, by meeting and by working group counts what the slow count counts', async () => {
    const options = await boardFilterOptions(viewerFor(SECRETARIAT), 'en')
    expect(options.years.length).toBeGreaterThan(1)
    expect(options.meetings.length).toBeGreaterThan(1)
    const everything = total(expectBoard(SECRETARIAT, {}))
    const byYear = options.years.map((year) => total(expectBoard(SECRETARIAT, { year })))
    expect(byYear.every((n) => n < everything)).toBe(true)
    expect(byYear.reduce((a, b) => a + b, 0)).toBe(everything)
    for (const m of options.meetings.slice(0, 4)) {
      const narrowed = total(expectBoard(SECRETARIAT, { meeting: m.id }))
      expect(narrowed).toBeGreaterThan(0)
      expect(narrowed).toBeLessThan(everything)
    }
    const withGroup = options.groups.map((g) => total(expectBoard(SECRETARIAT, { group: g.slug })))
    expect(withGroup.some((n) => n > 0)).toBe(true)
    for (const email of [MX, CO]) {
      expectBoard(email, { year: options.years[0] })
      for (const g of options.groups) expectBoard(email, { group: g.slug })
    }
  })

  it('by a meeting the viewer may not see: counts nothing, and the page neither offers nor applies it', async () => {
    const hidden = meetingByTitle('session for Member Countries only')
    expect(total(actionsBoard(viewerFor(MX), 'en', new Date(), { meeting: hidden.id }))).toBeGreaterThan(0)
    expect(total(actionsBoard(viewerFor(CO), 'en', new Date(), { meeting: hidden.id }))).toBe(0)
    expect((await boardFilterOptions(viewerFor(CO), 'en')).meetings.map((m) => m.id)).not.toContain(hidden.id)
    const page = await run<{ filters: BoardFilters; rows: unknown[] }>(
      boardPage.loader,
      `/actions/board?meeting=${hidden.id}&year=abc&group=<script>`,
      { as: CO },
    )
    expect(page.status).toBe(200)
    expect(page.data.filters).toEqual({})
  })
})

describe('the board downloaded', () => {
  it('as CSV and XLSX: the page rows with names (never codes), narrowed the same way', async () => {
    const year = (await boardFilterOptions(viewerFor(SECRETARIAT), 'es')).years[0]
    const rows = actionsBoard(viewerFor(SECRETARIAT), 'es', new Date(), { year })
    const csv = await run(boardCsv.loader, `/actions/board.csv?year=${year}&lang=es`, { as: SECRETARIAT })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Disposition')).toMatch(
      /filename="tablero-seguimiento-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const lines = csv.body.slice(1).trim().split('\r\n')
    expect(lines[0]).toBe('Estado u organización,Tipo,Abiertas,De ellas vencidas,Cumplidas')
    expect(lines).toHaveLength(rows.length + 1)
    const panama = rows.find((r) => r.code === 'PA')!
    expect(lines).toContain(`Panamá,País Miembro,${panama.open},${panama.overdue},${panama.done}`)
    expect(lines.some((l) => l.startsWith('PA,'))).toBe(false)

    const xlsx = await run(boardXlsx.loader, `/actions/board.xlsx?year=${year}&lang=en`, { as: SECRETARIAT })
    expect(xlsx.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.bytes!) as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.name).toBe('Follow-up board')
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'State or organization',
      'Kind',
      'Open',
      'Of which overdue',
      'Done',
    ])
    expect(sheet.rowCount).toBe(rows.length + 1)
    const en = actionsBoard(viewerFor(SECRETARIAT), 'en', new Date(), { year })
    const pa = en.find((r) => r.code === 'PA')!
    const paRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === pa.name)!
    expect([paRow.getCell(3).value, paRow.getCell(4).value, paRow.getCell(5).value]).toEqual([
      pa.open,
      pa.overdue,
      pa.done,
    ])

    expect((await run(boardCsv.loader, '/actions/board.csv')).status).toBe(302)
  })
})

describe('the chart', () => {
  it('draws every bar against one scale of round gridlines reaching the largest total', () => {
    expect(ticks(0)).toEqual([0, 1])
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8])
    expect(ticks(40)).toEqual([0, 10, 20, 30, 40])
    expect(ticks(123)).toEqual([0, 50, 100, 150])
    for (const max of [1, 3, 9, 17, 99, 1234, 50_000]) {
      const t = ticks(max)
      expect(t[0]).toBe(0)
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max)
      expect(t.length).toBeLessThanOrEqual(7)
    }
  })
})

describe('the printed follow-up report', () => {
  it('sums the meeting actions per answerable state by name, each action once per state', () => {
    const m = db
      .select()
      .from(actionItems)
      .all()
      .find((a) => a.meetingId)!.meetingId!
    const report = followUpReport(viewerFor(SECRETARIAT), m, 'es')!
    expect(report.byOrganization.length).toBeGreaterThan(0)
    const names = new Set(
      db
        .select()
        .from(organizations)
        .all()
        .map((o) => o.nameEs),
    )
    for (const o of report.byOrganization) {
      expect(names.has(o.name), o.name).toBe(true)
      expect(o.open + o.done + o.cancelled).toBe(o.total)
      expect(o.overdue).toBeLessThanOrEqual(o.open)
    }
    expect(Math.max(...report.byOrganization.map((o) => o.total))).toBeLessThanOrEqual(report.summary.total)
    const withReport = [...report.decisions.flatMap((d) => d.actions), ...report.other].find(
      (a) => a.lastReport,
    )
    if (withReport) expect(names.has(withReport.lastReport!.organization)).toBe(true)
  })
})

describe('the filter choices, kept until an action changes', () => {
  it('offer a meeting as soon as an action comes from it, with its title as it is now', async () => {
    const viewer = viewerFor(SECRETARIAT)
    const before = await boardFilterOptions(viewer, 'en')
    const offered = new Set(before.meetings.map((m) => m.id))
    const unused = db
      .select({ id: meetings.id })
      .from(meetings)
      .all()
      .find((m) => !offered.has(m.id))!
    expect(unused).toBeDefined()
    // kept: asking again answers the same
    expect((await boardFilterOptions(viewer, 'en')).meetings).toEqual(before.meetings)
    // an action now comes from that meeting: the trigger moves the version, the choice appears
    const action = db.select({ id: actionItems.id }).from(actionItems).limit(1).get()!
    db.update(actionItems).set({ meetingId: unused.id }).where(eq(actionItems.id, action.id)).run()
    const after = await boardFilterOptions(viewer, 'en')
    expect(after.meetings.map((m) => m.id)).toContain(unused.id)
    // a renamed meeting (which does not move the actions' version) is offered under its new name
    db.update(meetings)
      .set({ titleEn: 'Renamed meeting for the filter' })
      .where(eq(meetings.id, unused.id))
      .run()
    const renamed = await boardFilterOptions(viewer, 'en')
    expect(renamed.meetings.find((m) => m.id === unused.id)?.title).toBe('Renamed meeting for the filter')
  })
})
