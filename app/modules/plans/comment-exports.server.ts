/**
 * Exports of a plan's comment matrix (the same rows and visibility as /plans/:id/comments): CSV (RFC
 * 4180, UTF-8 with a byte-order mark, CRLF, formulas neutralised, as the actions' exports) and XLSX,
 * built in a child process (comments-xlsx.job.mjs) from rows prepared and translated here.
 */
import type { Lang } from '~/i18n/core'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { toCsv } from '~/modules/core/table-export.server'
import { actionsToday } from '~/modules/actions/overdue.server'
import { runChildJob } from '~/modules/core/child-jobs.server'
import type { MatrixFilters } from './round-forms.server'
import { commentMatrix, type CommentMatrix } from './rounds.server'

export const XLSX_JOB = 'app/modules/plans/comments-xlsx.job.mjs'

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

function table(matrix: CommentMatrix, lang: Lang) {
  const { t } = translator(lang)
  return {
    header: COLUMNS.map(([key]) => t(key)),
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
  const { header, rows } = table(matrix, lang)
  return toCsv(header, rows)
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
  const { header, rows } = table(matrix, lang)
  return runChildJob<Buffer>(XLSX_JOB, {
    creator: t('app.name'),
    created: now.toISOString(),
    sheet: t('planRounds.matrix.title'),
    title: t('planRounds.matrix.titleOf', { title: matrix.plan.title }),
    columns: header.map((h, i) => ({ header: h, width: COLUMNS[i][1] })),
    rows,
  })
}
