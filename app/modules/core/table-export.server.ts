/**
 * Exports of tables (lists, registers, comment matrices) as CSV and XLSX, the same way everywhere.
 * CSV: RFC 4180, UTF-8 with a byte-order mark so that Excel reads the accents, CRLF line ends.
 * Spreadsheet formula injection (docs/decisions/0015-exports.md): a CSV cell that starts with = + - @
 * (or a tab or carriage return) is prefixed with ' so that a spreadsheet shows it as text; in the XLSX
 * file every text is a string cell, never a formula. The XLSX file is built off the event loop
 * (xlsx-table.job.mjs through runChildJob).
 */
import { runChildJob } from './child-jobs.server'

export type Cell = string | number

export interface Table {
  /** the sheet's name in the XLSX file */
  name: string
  columns: { header: string; width: number }[]
  rows: Cell[][]
}

/** Neutralises spreadsheet formulas in a text cell (OWASP "CSV injection"). */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: Cell): string {
  const s = typeof value === 'number' ? String(value) : neutralize(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The CSV of one table. */
export const tableCsv = (table: Table) =>
  toCsv(
    table.columns.map((c) => c.header),
    table.rows,
  )

/** The XLSX file of one or more tables (one sheet each), built in a child process. Rejects with
 * ChildJobError (see childJobUnavailable for the route's answer). */
export function tableXlsx(tables: Table[], meta: { creator: string; created: Date }): Promise<Buffer> {
  return runChildJob('app/modules/core/xlsx-table.job.mjs', {
    creator: meta.creator,
    created: meta.created.getTime(),
    sheets: tables,
  })
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The headers of an export download (server.mjs adds X-Content-Type-Options: nosniff to every
 * response). */
export function exportHeaders(type: string, contentDisposition: string): HeadersInit {
  return {
    'Content-Type': type,
    'Content-Disposition': contentDisposition,
    'Cache-Control': 'private, no-store',
  }
}
