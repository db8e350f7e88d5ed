// Builds an XLSX workbook of plain tables (exceljs), in a child process (core/child-jobs.server.ts).
// Input: { creator, created (ms), sheets: [{ name, columns: [{ header, width }], rows: [[cell]] }] }
// where a cell is a string (always written as text, never a formula) or a number. The first row is the
// header (bold, frozen, with a filter). Answers the file's bytes.
import ExcelJS from 'exceljs'

/** Sheet names: at most 31 characters, none of \ / ? * [ ] : */
const sheetName = (name, index) =>
  String(name)
    .replace(/[\\/?*[\]:]/g, ' ')
    .slice(0, 31)
    .trim() || `Sheet ${index + 1}`

export default async function xlsxTable({ creator, created, sheets }) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = creator
  workbook.created = new Date(created)
  sheets.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table.name, index), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }))
    for (const row of table.rows) {
      const added = sheet.addRow(row)
      added.eachCell((cell, col) => {
        // a text that looks like a formula stays text: exceljs writes strings as shared strings
        if (typeof row[col - 1] === 'string') cell.value = row[col - 1]
      })
    }
    sheet.getRow(1).font = { bold: true }
    if (table.columns.length)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
