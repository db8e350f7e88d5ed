/**
 * The decisions register as CSV and XLSX: the same filters and visibility as /meetings/decisions (every
 * matching decision, withdrawn ones included and said so). CSV cells are neutralised against formulas
 * (core/table-export.server.ts); the XLSX file is built off the event loop (decisions-xlsx.job.mjs).
 */
import type { Lang } from '~/i18n/core'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { runChildJob } from '~/modules/core/child-jobs.server'
import { tableCsv, type Table } from '~/modules/core/table-export.server'
import { listDecisionRegister } from './decisions.server'
import type { DecisionRegisterQuery } from './schemas'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'
import { zonedDate } from './time'

/** At most this many rows per export (the filters narrow it down). */
export const DECISIONS_EXPORT_LIMIT = 10_000

export function decisionsTable(viewer: Viewer, query: DecisionRegisterQuery, lang: Lang) {
  const { t } = translator(lang)
  const { items } = listDecisionRegister(viewer, query, { lang, limit: DECISIONS_EXPORT_LIMIT })
  const table: Table = {
    name: t('decisionsOwners.export.sheet'),
    columns: [
      { header: t('decisionsOwners.export.code'), width: 22 },
      { header: t('decisionsOwners.export.textEs'), width: 70 },
      { header: t('decisionsOwners.export.textEn'), width: 70 },
      { header: t('decisionsOwners.export.meeting'), width: 40 },
      { header: t('decisionsOwners.export.date'), width: 12 },
      { header: t('decisionsOwners.export.status'), width: 14 },
      { header: t('decisionsOwners.export.corrigenda'), width: 12 },
      { header: t('decisionsOwners.export.withdrawalReason'), width: 40 },
    ],
    rows: items.map((d) => [
      d.code,
      d.textEs ?? '',
      d.textEn ?? '',
      d.meeting?.title ?? t('procedures.number', { number: d.procedure?.number ?? '' }),
      d.meeting
        ? zonedDate(d.meeting.startsAt, d.meeting.timeZone)
        : d.procedure
          ? zonedDate(d.procedure.adoptedAt, SEAT_TIME_ZONE)
          : '',
      t(`decisionsOwners.status.${d.status}`),
      d.corrigenda,
      d.withdrawalReason ?? '',
    ]),
  }
  const withdrawnRows = items.flatMap((d, i) => (d.status === 'withdrawn' ? [i] : []))
  return { table, withdrawnRows }
}

export const decisionsCsv = (viewer: Viewer, query: DecisionRegisterQuery, lang: Lang) =>
  tableCsv(decisionsTable(viewer, query, lang).table)

/** Rejects with ChildJobError when the file cannot be built (the route answers 503). */
export function decisionsXlsx(viewer: Viewer, query: DecisionRegisterQuery, lang: Lang, now = new Date()) {
  const { table, withdrawnRows } = decisionsTable(viewer, query, lang)
  return runChildJob<Buffer>('app/modules/meetings/decisions-xlsx.job.mjs', {
    creator: translator(lang).t('app.name'),
    created: now.getTime(),
    sheet: table,
    withdrawnRows,
    textColumns: [1, 2, 7],
  })
}

export const decisionsFilename = (lang: Lang, ext: 'csv' | 'xlsx', now = new Date()) =>
  `${lang === 'es' ? 'decisiones' : 'decisions'}-${now.toISOString().slice(0, 10)}.${ext}`
