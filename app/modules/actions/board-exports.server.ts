/**
 * The follow-up board as a table to download (CSV and XLSX through core/table-export.server.ts): the
 * same rows, filters and visibility as the page, organizations by name.
 */
import type { Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { tableCsv, tableXlsx, type Table } from '~/modules/core/table-export.server'
import { actionsBoard, type BoardFilters } from './board.server'
import { actionsToday } from './overdue.server'

export function boardTable(viewer: Viewer, lang: Lang, filters: BoardFilters, now = new Date()): Table {
  const { t } = translator(lang)
  return {
    name: t('followUp.sheet'),
    columns: [
      { header: t('followUp.col.organization'), width: 50 },
      { header: t('followUp.col.kind'), width: 24 },
      { header: t('followUp.col.open'), width: 12 },
      { header: t('followUp.col.overdue'), width: 16 },
      { header: t('followUp.col.done'), width: 12 },
    ],
    rows: actionsBoard(viewer, lang, now, filters).map((r) => [
      r.name,
      t(`kind.${r.kind}`),
      r.open,
      r.overdue,
      r.done,
    ]),
  }
}

export const boardCsv = (viewer: Viewer, lang: Lang, filters: BoardFilters, now = new Date()) =>
  tableCsv(boardTable(viewer, lang, filters, now))

export const boardXlsx = (viewer: Viewer, lang: Lang, filters: BoardFilters, now = new Date()) =>
  tableXlsx([boardTable(viewer, lang, filters, now)], {
    creator: translator(lang).t('app.name'),
    created: now,
  })

/** e.g. tablero-seguimiento-2026-12-03.xlsx */
export const boardFilename = (lang: Lang, ext: 'csv' | 'xlsx', now = new Date()) =>
  `${translator(lang).t('followUp.file')}-${actionsToday(now)}.${ext}`
