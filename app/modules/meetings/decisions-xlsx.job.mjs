// Builds the decisions register as an XLSX workbook, in a child process (core/child-jobs.server.ts):
// the shared table builder (every text a string cell, never a formula: docs/decisions/0015), then the
// register's own touches: long texts wrap, withdrawn decisions are greyed and struck through.
// Input: { creator, created (ms), sheet: { name, columns, rows }, withdrawnRows: [row index] }.
import ExcelJS from 'exceljs'
import xlsxTable from '../core/xlsx-table.job.mjs'

export default async function decisionsXlsx({ creator, created, sheet, withdrawnRows, textColumns }) {
  const bytes = await xlsxTable({ creator, created, sheets: [sheet] })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes)
  const ws = workbook.worksheets[0]
  for (const col of textColumns ?? []) ws.getColumn(col + 1).alignment = { wrapText: true, vertical: 'top' }
  for (const index of withdrawnRows ?? []) {
    ws.getRow(index + 2).font = { strike: true, color: { argb: 'FF777777' } }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
