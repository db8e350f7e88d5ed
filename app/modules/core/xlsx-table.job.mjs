// Builds an XLSX workbook of plain tables (exceljs), in a child process (core/child-jobs.server.ts).
// Input: { creator, created (ms), title?, sheets: [{ name, columns: [{ header, width }], rows: [[cell]],
// wrap? }] } where a cell is a string (always written as text, never a formula: a comment that starts
// with "=" stays text, docs/decisions/0015-exports.md) or a number. The first row is the header (bold,
// frozen, with a filter). Answers the file's bytes.
import ExcelJS from 'exceljs'

/** At most this many rows per sheet, and this many characters in a cell (Excel's own limit: 32,767). */
const MAX_ROWS = 20_000
const MAX_CELL = 32_000

const cell = (v) => (typeof v === 'number' ? v : String(v ?? '').slice(0, MAX_CELL))

/** Sheet names: at most 31 characters, none of \ / ? * [ ] : */
const sheetName = (name, index) =>
  String(name ?? '')
    .replace(/[\\/?*[\]:]/g, ' ')
    .slice(0, 31) || `Sheet ${index + 1}`

export default async function xlsxTable(input) {
  if (!Array.isArray(input?.sheets)) throw new Error('bad input')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = String(input.creator ?? '')
  workbook.created = new Date(input.created ?? Date.now())
  if (input.title) workbook.title = String(input.title)
  input.sheets.forEach((table, index) => {
    if (!Array.isArray(table?.columns) || !Array.isArray(table?.rows)) throw new Error('bad input')
    if (table.rows.length > MAX_ROWS) throw new Error('too many rows')
    const sheet = workbook.addWorksheet(sheetName(table.name, index), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = table.columns.map((c, i) => ({ header: String(c.header), key: `c${i}`, width: c.width }))
    for (const r of table.rows) {
      const row = sheet.addRow(r.map(cell))
      if (table.wrap) row.alignment = { vertical: 'top', wrapText: true }
    }
    sheet.getRow(1).font = { bold: true }
    if (table.columns.length)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
