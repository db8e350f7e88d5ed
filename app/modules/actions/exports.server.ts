/**
 * Exports of the filtered list of actions (the same filters and visibility as the page): CSV (RFC 4180,
 * UTF-8 with a byte-order mark so that Excel reads the accents, CRLF line ends) and XLSX (exceljs).
 * Spreadsheet formula injection: a CSV cell that starts with = + - @ (or a tab or carriage return) is
 * prefixed with ' so that a spreadsheet shows it as text instead of running it. In the XLSX file every
 * text is written as a string cell (never a formula), so it needs no prefix.
 */
import ExcelJS from 'exceljs'
import { type Lang, type MessageKey } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { listActions, type ListedAction } from './lists.server'
import { actionsToday } from './overdue.server'
import type { ListFilters } from './schemas'

/** At most this many rows per export (the page's filters narrow it down). */
export const EXPORT_LIMIT = 10_000

type Cell = string | number
interface Column {
  key: string
  label: MessageKey
  width: number
  value: (a: ListedAction, t: ReturnType<typeof translator>['t']) => Cell
}

const COLUMNS: Column[] = [
  { key: 'id', label: 'actions.export.id', width: 18, value: (a) => a.id },
  { key: 'title', label: 'actions.export.title', width: 60, value: (a) => a.title },
  {
    key: 'status',
    label: 'actions.export.status',
    width: 16,
    value: (a, t) => t(`actions.status.${a.status}`),
  },
  {
    key: 'priority',
    label: 'actions.export.priority',
    width: 10,
    value: (a, t) => t(`actions.priority.${a.priority}`),
  },
  { key: 'progress', label: 'actions.export.progress', width: 10, value: (a) => a.progress },
  { key: 'dueDate', label: 'actions.export.dueDate', width: 12, value: (a) => a.dueDate },
  {
    key: 'overdue',
    label: 'actions.export.overdue',
    width: 10,
    value: (a, t) => (a.overdue ? t('common.yes') : t('common.no')),
  },
  {
    key: 'awaiting',
    label: 'actions.export.awaitingValidation',
    width: 12,
    value: (a, t) => (a.awaitingValidation ? t('common.yes') : t('common.no')),
  },
  {
    key: 'owners',
    label: 'actions.export.owners',
    width: 40,
    value: (a) => a.owners.map((o) => o.name).join('; '),
  },
  {
    key: 'ownerCodes',
    label: 'actions.export.ownerCodes',
    width: 16,
    value: (a) => a.owners.map((o) => o.code).join('; '),
  },
  {
    key: 'supporting',
    label: 'actions.export.supporting',
    width: 30,
    value: (a) => a.supporters.map((o) => o.name).join('; '),
  },
  {
    key: 'origin',
    label: 'actions.export.origin',
    width: 14,
    // a hidden origin says only that it is restricted, and the next columns stay empty
    value: (a, t) => t(a.origin.restricted ? 'actions.origin.restricted' : `actions.origin.${a.origin.type}`),
  },
  {
    key: 'decision',
    label: 'actions.export.decision',
    width: 18,
    value: (a) => (a.origin.restricted ? '' : (a.origin.decision?.code ?? '')),
  },
  {
    key: 'meeting',
    label: 'actions.export.meeting',
    width: 50,
    value: (a) => (a.origin.restricted ? '' : (a.origin.meeting?.title ?? '')),
  },
  {
    key: 'group',
    label: 'actions.export.group',
    width: 30,
    value: (a) => (a.origin.restricted ? '' : (a.origin.group?.name ?? '')),
  },
  { key: 'updatedAt', label: 'actions.export.updatedAt', width: 20, value: (a) => a.updatedAt.toISOString() },
]

function rowsFor(viewer: Viewer, filters: ListFilters, lang: Lang, now: Date) {
  return listActions(viewer, filters, { lang, now, limit: EXPORT_LIMIT }).items
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

/** The file name, e.g. acciones-2025-03-14.csv */
export function exportFilename(lang: Lang, ext: 'csv' | 'xlsx', now = new Date()) {
  return `${lang === 'es' ? 'acciones' : 'actions'}-${actionsToday(now)}.${ext}`
}

export function actionsCsv(viewer: Viewer, filters: ListFilters, lang: Lang, now = new Date()): string {
  const { t } = translator(lang)
  const rows = rowsFor(viewer, filters, lang, now)
  return toCsv(
    COLUMNS.map((c) => t(c.label)),
    rows.map((a) => COLUMNS.map((c) => c.value(a, t))),
  )
}

export async function actionsXlsx(
  viewer: Viewer,
  filters: ListFilters,
  lang: Lang,
  now = new Date(),
): Promise<Buffer> {
  const { t } = translator(lang)
  const rows = rowsFor(viewer, filters, lang, now)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = t('app.name')
  workbook.created = now
  const sheet = workbook.addWorksheet(t('actions.title'), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((c) => ({ header: t(c.label), key: c.key, width: c.width }))
  for (const a of rows) {
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(a, t)])))
  }
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
