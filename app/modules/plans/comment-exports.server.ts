/**
 * Exports of a plan's comment matrix (the same rows and visibility as /plans/:id/comments), as CSV and
 * XLSX through core/table-export.server.ts (formulas neutralised, the XLSX built in a child process from
 * rows prepared and translated here).
 */
import type { Lang } from '~/i18n/core'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { actionsToday } from '~/modules/actions/overdue.server'
import { tableCsv, tableXlsx, type Table } from '~/modules/core/table-export.server'
import type { MatrixFilters } from './round-forms.server'
import { commentMatrix, type CommentMatrix } from './rounds.server'

const COLUMNS = [
  ['planRounds.matrix.col.round', 8],
  ['planRounds.matrix.col.section', 36],
  ['planRounds.matrix.col.passage', 40],
  ['planRounds.matrix.col.organization', 30],
  ['planRounds.matrix.col.comment', 60],
  ['planRounds.matrix.col.response', 50],
  ['planRounds.matrix.col.outcome', 20],
  ['planRounds.matrix.col.author', 24],
  ['planRounds.matrix.col.date', 20],
] as const

function table(matrix: CommentMatrix, lang: Lang): Table {
  const { t } = translator(lang)
  return {
    name: t('planRounds.matrix.title'),
    columns: COLUMNS.map(([key, width]) => ({ header: t(key), width })),
    wrap: true,
    rows: matrix.rows.map((c) => [
      c.roundNumber,
      `${c.sectionNumber} ${c.sectionTitle}`.trim(),
      c.quote ?? '',
      c.organization,
      c.body,
      c.response ?? '',
      t(`planRounds.outcome.${c.outcome ?? 'unanswered'}`),
      c.author,
      c.createdAt.toISOString(),
    ]),
  }
}

/** e.g. matriz-comentarios-2026-12-03.csv */
export function matrixFilename(lang: Lang, ext: 'csv' | 'xlsx', now = new Date()) {
  return `${lang === 'es' ? 'matriz-comentarios' : 'comment-matrix'}-${actionsToday(now)}.${ext}`
}

/** The CSV text, or null when the plan is hidden or missing. */
export function commentMatrixCsv(viewer: Viewer, planId: string, lang: Lang, filters: MatrixFilters) {
  const matrix = commentMatrix(viewer, planId, lang, filters)
  if (!matrix) return null
  return tableCsv(table(matrix, lang))
}

/** The XLSX bytes, or null when the plan is hidden or missing. Rejects with ChildJobError. */
export async function commentMatrixXlsx(
  viewer: Viewer,
  planId: string,
  lang: Lang,
  filters: MatrixFilters,
  now = new Date(),
): Promise<Buffer | null> {
  const matrix = commentMatrix(viewer, planId, lang, filters)
  if (!matrix) return null
  const { t } = translator(lang)
  return tableXlsx([table(matrix, lang)], {
    creator: t('app.name'),
    created: now,
    title: t('planRounds.matrix.titleOf', { title: matrix.plan.title }),
  })
}
