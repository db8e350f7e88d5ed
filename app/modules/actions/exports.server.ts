/**
 * Exports of the filtered list of actions (the same filters and visibility as the page), as CSV and XLSX
 * through core/table-export.server.ts (formula injection neutralised, the XLSX built off the event loop).
 */
import { type Lang, type MessageKey } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { listActions, type ListedAction } from './lists.server'
import { actionsToday } from './overdue.server'
import type { ListFilters } from './schemas'
import { tableCsv, tableXlsx, type Cell, type Table } from '~/modules/core/table-export.server'

/** At most this many rows per export (the page's filters narrow it down). */
export const EXPORT_LIMIT = 10_000

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

/** The file name, e.g. acciones-2025-03-14.csv */
export function exportFilename(lang: Lang, ext: 'csv' | 'xlsx', now = new Date()) {
  return `${lang === 'es' ? 'acciones' : 'actions'}-${actionsToday(now)}.${ext}`
}

function actionsTable(viewer: Viewer, filters: ListFilters, lang: Lang, now: Date): Table {
  const { t } = translator(lang)
  return {
    name: t('actions.title'),
    columns: COLUMNS.map((c) => ({ header: t(c.label), width: c.width })),
    rows: rowsFor(viewer, filters, lang, now).map((a) => COLUMNS.map((c) => c.value(a, t))),
  }
}

export function actionsCsv(viewer: Viewer, filters: ListFilters, lang: Lang, now = new Date()): string {
  return tableCsv(actionsTable(viewer, filters, lang, now))
}

export function actionsXlsx(
  viewer: Viewer,
  filters: ListFilters,
  lang: Lang,
  now = new Date(),
): Promise<Buffer> {
  return tableXlsx([actionsTable(viewer, filters, lang, now)], {
    creator: translator(lang).t('app.name'),
    created: now,
  })
}
