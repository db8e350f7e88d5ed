/**
 * Exports of the filtered list: CSV (RFC 4180, UTF-8 with BOM, CRLF, formulas neutralised) and XLSX
 * (read back with exceljs), with the same filters and visibility as the page.
 */
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAction } from '~/modules/actions/writing.server'
import { csvField, neutralize, toCsv } from '~/modules/core/table-export.server'
import { actionsToday, addDays } from '~/modules/actions/overdue.server'
import { listActions } from '~/modules/actions/lists.server'
import * as csv from '~/routes/actions.export[.]csv'
import * as xlsx from '~/routes/actions.export[.]xlsx'
import { PA_FOCAL, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

/** A small RFC 4180 reader, to check that what was written reads back as the values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

const NASTY = [
  '=HYPERLINK("http://example.org/x","clic")',
  '+34 disposiciones',
  '-1 retraso',
  '@SUM(A1:A2)',
  'Coma, "comillas" y\nsalto de línea',
]

function addNastyActions() {
  const secretariat = viewerFor(SECRETARIAT)
  for (const title of NASTY) {
    createAction(secretariat, {
      titleEs: title,
      originType: 'none',
      owners: ['BZ'],
      dueDate: addDays(actionsToday(), 10),
      priority: 'low',
    })
  }
}

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(neutralize('=1+1')).toBe("'=1+1")
    expect(neutralize('+1')).toBe("'+1")
    expect(neutralize('-1')).toBe("'-1")
    expect(neutralize('@x')).toBe("'@x")
    expect(neutralize('\tx')).toBe("'\tx")
    expect(neutralize('Normal -1')).toBe('Normal -1')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(42)).toBe('42')
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('\uFEFFa,b\r\n1,2\r\n')
  })

  it('exports the filtered list the viewer may see, in their language, readable by Excel', async () => {
    addNastyActions()
    const answer = await run(csv.loader, '/actions/export.csv?owner=BZ&sort=title&lang=es&bogus=1', {
      as: SECRETARIAT,
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(answer.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="acciones-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(answer.headers.get('Cache-Control')).toBe('private, no-store')
    expect([...answer.bytes!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 byte-order mark
    expect(answer.body.startsWith('\uFEFF')).toBe(true)
    expect(answer.body.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(answer.body.slice(1))
    const [header, ...data] = rows
    expect(header.slice(0, 7)).toEqual([
      'Id',
      'Título',
      'Estado',
      'Prioridad',
      'Avance (%)',
      'Vencimiento',
      'Vencida',
    ])
    expect(data.every((r) => r.length === header.length)).toBe(true)
    // the same rows as the list with the same filters
    const listed = listActions(viewerFor(SECRETARIAT), { owner: 'BZ', sort: 'title' }, { limit: 1000 }).items
    expect(data.map((r) => r[0])).toEqual(listed.map((a) => a.id))
    const titles = data.map((r) => r[1])
    expect(titles).toContain(`'=HYPERLINK("http://example.org/x","clic")`)
    expect(titles).toContain("'+34 disposiciones")
    expect(titles).toContain("'-1 retraso")
    expect(titles).toContain("'@SUM(A1:A2)")
    expect(titles).toContain('Coma, "comillas" y\nsalto de línea')
    // no cell starts with a formula character
    for (const r of data) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@]/)
    const bz = data.find((r) => r[1] === "'+34 disposiciones")!
    expect(bz[header.indexOf('Códigos de los responsables')]).toBe('BZ')
    expect(bz[header.indexOf('Estado')]).toBe('Sin iniciar')
  })

  it('speaks English to an English reader, and needs a sign-in', async () => {
    const answer = await run(csv.loader, '/actions/export.csv?owner=PA&lang=en', { as: PA_FOCAL })
    expect(parseCsv(answer.body.slice(1))[0][1]).toBe('Title')
    expect(answer.headers.get('Content-Disposition')).toMatch(/filename="actions-/)
    const anonymous = await run(csv.loader, '/actions/export.csv')
    expect(anonymous.status).toBe(302)
  })
})

describe('XLSX', () => {
  it('holds the same rows as text cells (never formulas) and numbers, read back with exceljs', async () => {
    addNastyActions()
    const answer = await run(xlsx.loader, '/actions/export.xlsx?owner=BZ&sort=title&lang=en', {
      as: SECRETARIAT,
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Disposition')).toMatch(/\.xlsx"/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.bytes!.buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet.name).toBe('Action items')
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 5)).toEqual(['Id', 'Title', 'Status', 'Priority', 'Progress (%)'])
    const listed = listActions(
      viewerFor(SECRETARIAT),
      { owner: 'BZ', sort: 'title' },
      { lang: 'en', limit: 1000 },
    ).items
    expect(sheet.rowCount).toBe(listed.length + 1)
    const titles: unknown[] = []
    sheet.eachRow((row, n) => {
      if (n === 1) return
      titles.push(row.getCell(2).value)
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String)
      expect(typeof row.getCell(5).value).toBe('number')
    })
    expect(titles).toEqual(listed.map((a) => a.title))
    expect(titles).toContain('=HYPERLINK("http://example.org/x","clic")')
  })
})
