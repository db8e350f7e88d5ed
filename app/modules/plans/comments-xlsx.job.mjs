// Builds the comment matrix of a plan as an XLSX workbook, in a child process (runChildJob). The main
// thread prepares everything as plain data, translated: a sheet name, the columns (header, width) and
// the rows (strings and numbers). Every text is written as a string cell, never as a formula, so a
// comment that starts with "=" stays text (docs/decisions/0015-exports.md).
import ExcelJS from 'exceljs'

/** At most this many rows, and this many characters in a cell (Excel's own limit is 32,767). */
const MAX_ROWS = 20_000
const MAX_CELL = 32_000

const cell = (v) => (typeof v === 'number' ? v : String(v ?? '').slice(0, MAX_CELL))

/** @param {{ creator: string, created: string, sheet: string, title: string, columns: { header: string, width: number }[], rows: (string|number)[][] }} input */
export default async function buildCommentMatrix(input) {
  if (!Array.isArray(input?.columns) || !Array.isArray(input?.rows)) throw new Error('bad input')
  if (input.rows.length > MAX_ROWS) throw new Error('too many rows')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = String(input.creator ?? '')
  workbook.created = new Date(input.created ?? Date.now())
  workbook.title = String(input.title ?? '')
  // sheet names: at most 31 characters, none of : \ / ? * [ ]
  const name =
    String(input.sheet ?? 'Sheet')
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31) || 'Sheet'
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = input.columns.map((c, i) => ({ header: String(c.header), key: `c${i}`, width: c.width }))
  for (const r of input.rows) {
    const row = sheet.addRow(r.map(cell))
    row.alignment = { vertical: 'top', wrapText: true }
  }
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: input.columns.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
