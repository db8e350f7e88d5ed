/**
 * A plan as a Word file: the content (word-content.server.ts) with its labels translated here, the
 * bytes built off the event loop by plan-docx.job.mjs. Rejects with ChildJobError when the job cannot
 * run (routes answer 503, see childJobUnavailable).
 */
import { translator } from '~/i18n/catalogue.server'
import { runChildJob } from '~/modules/core/child-jobs.server'
import { sanitizeFilename } from '~/modules/documents/storage.server'
import type { PlanContent } from './word-content.server'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const day = (d: Date) => d.toISOString().slice(0, 10)

/** The lines under the title: group, stage (or the stage the text stood at), language, date. */
export function titleLines(content: PlanContent, now: Date): string[] {
  const { t, date } = translator(content.lang)
  return [
    content.group,
    content.asOf
      ? t('planWord.asOfLine', {
          stage: t(`plans.stage.${content.asOf.stage}`),
          date: date(content.asOf.at, 'date'),
        })
      : t('planWord.stageLine', { stage: t(`plans.stage.${content.stage}`) }),
    t('planWord.versionLine', { lang: t(`plans.lang.${content.lang}`) }),
    t('planWord.dateLine', { date: date(now, 'date') }),
  ].filter(Boolean)
}

/** "<title> (<stage>, <lang>, <day>).docx", safe to offer as a download name. */
export function docxFilename(content: PlanContent, now: Date): string {
  const { t } = translator(content.lang)
  const stage = t(`plans.stage.${content.asOf?.stage ?? content.stage}`)
  const when = content.asOf ? day(content.asOf.at) : day(now)
  return sanitizeFilename(`${content.title.slice(0, 120)} (${stage}, ${content.lang}, ${when}).docx`, 'docx')
}

export function planDocx(content: PlanContent, now = new Date()): Promise<Buffer> {
  const { t } = translator(content.lang)
  return runChildJob('app/modules/plans/plan-docx.job.mjs', {
    lang: content.lang,
    title: content.title,
    lines: [...titleLines(content, now), content.brackets.total ? t('planWord.bracketLegend') : ''].filter(
      Boolean,
    ),
    footer: content.title.slice(0, 120),
    creator: t('app.name'),
    emptyText: t('planWord.noText'),
    sections: content.sections.map((s) => ({
      number: s.number,
      depth: s.depth,
      title: s.title,
      note:
        s.textLang && s.textLang !== content.lang
          ? t('planWord.otherLanguage', { lang: t(`plans.lang.${s.textLang}`) })
          : '',
      text: s.text,
    })),
  })
}
