/**
 * A plan's content for output (the printable page, the Word file, the publication): its sections in
 * reading order with the portal's numbers, titles and texts in the chosen language (the other language
 * when a section has no text in it yet, marked), the bracketed wording with its organizations. Either
 * as the plan stands, or as it stood when it entered a stage of its history: for each section the
 * latest revision saved before that moment; sections created after it are absent. (Retiring and
 * moving sections keep no history: the tree is read as it is now.)
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { db } from '@db/client'
import { groups, planSectionRevisions, planStageHistory, type plans } from '@db/schema'
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { PLAN_STAGES, type PlanStage, type SectionKind, type SectionLang } from './constants'
import { currentTexts, localized, sectionsOf, visiblePlan } from './loading.server'
import { addCounts, bracketCounts, bracketsOf, numberSections, type Bracket } from './text'

export interface ContentSection {
  id: string
  number: string
  depth: number
  kind: SectionKind
  title: string
  text: string
  /** the language of `text`: the other one when the section has no text in the chosen language */
  textLang: SectionLang | null
  brackets: Bracket[]
}

export interface StageMoment {
  stage: PlanStage
  at: Date
}

export interface PlanContent {
  id: string
  title: string
  group: string
  lang: SectionLang
  /** the stage the plan is at now */
  stage: PlanStage
  /** the stage whose beginning the content shows; null: as the plan stands */
  asOf: StageMoment | null
  /** every stage of the plan's history with the moment it began (the latest time it did) */
  stages: StageMoment[]
  sections: ContentSection[]
  brackets: { total: number; byOrganization: Record<string, number> }
  updatedAt: Date
  documentId: string | null
}

export interface ContentOptions {
  lang: SectionLang
  /** a stage of the plan's history; anything else (or none) is the plan as it stands */
  stage?: string | null
}

type PlanRow = typeof plans.$inferSelect
type Texts = Map<string, Partial<Record<SectionLang, { text: string }>>>

/** The latest revision of each language of each section saved at or before `at`. */
function textsAt(sectionIds: string[], at: Date): Texts {
  if (!sectionIds.length) return new Map()
  const r = planSectionRevisions
  const rows = db
    .select({ sectionId: r.sectionId, lang: r.lang, text: r.text })
    .from(r)
    .where(
      and(
        inArray(r.sectionId, sectionIds),
        sql`${r.number} = (select max(r2.number) from plan_section_revisions r2
          where r2.section_id = ${r.sectionId} and r2.lang = ${r.lang} and r2.created_at <= ${at.getTime()})`,
      ),
    )
    .all()
  const out: Texts = new Map()
  for (const row of rows) out.set(row.sectionId, { ...out.get(row.sectionId), [row.lang]: row })
  return out
}

/** The stages of the plan's history, each with the latest moment it began, in the order of PLAN_STAGES. */
export function stageMoments(planId: string): StageMoment[] {
  const rows = db
    .select({ stage: planStageHistory.stage, at: planStageHistory.at })
    .from(planStageHistory)
    .where(eq(planStageHistory.planId, planId))
    .orderBy(planStageHistory.at)
    .all()
  const latest = new Map<PlanStage, Date>()
  for (const r of rows) latest.set(r.stage, r.at)
  return PLAN_STAGES.filter((s) => latest.has(s)).map((stage) => ({ stage, at: latest.get(stage)! }))
}

/** The content of a plan row (the caller has checked that the viewer may see it). */
export function contentOfPlan(row: PlanRow, options: ContentOptions): PlanContent {
  const lang = options.lang
  const other: SectionLang = lang === 'es' ? 'en' : 'es'
  const stages = stageMoments(row.id)
  const asOf = stages.find((s) => s.stage === options.stage) ?? null
  let sections = sectionsOf(db, row.id)
  if (asOf) sections = sections.filter((s) => s.createdAt.getTime() <= asOf.at.getTime())
  const texts: Texts = asOf
    ? textsAt(
        sections.map((s) => s.id),
        asOf.at,
      )
    : currentTexts(db, row.id)
  const group = db
    .select({ nameEs: groups.nameEs, nameEn: groups.nameEn })
    .from(groups)
    .where(eq(groups.id, row.groupId))
    .get()
  const totals = { total: 0, byOrganization: {} as Record<string, number> }
  const out: ContentSection[] = []
  for (const { section: s, number, depth } of numberSections(sections)) {
    if (!number) continue
    const t = texts.get(s.id) ?? {}
    const chosen = t[lang] ? lang : t[other] ? other : null
    const text = chosen ? t[chosen]!.text : ''
    addCounts(totals, bracketCounts(text))
    out.push({
      id: s.id,
      number,
      depth,
      kind: s.kind,
      title: localized(lang, s.titleEs, s.titleEn),
      text,
      textLang: chosen,
      brackets: bracketsOf(text),
    })
  }
  return {
    id: row.id,
    title: localized(lang, row.titleEs, row.titleEn),
    group: group ? localized(lang, group.nameEs, group.nameEn) : '',
    lang,
    stage: row.stage,
    asOf,
    stages,
    sections: out,
    brackets: totals,
    updatedAt: row.updatedAt,
    documentId: row.documentId,
  }
}

/** The content of a plan the viewer may see; null when missing or hidden (a 404). */
export function planContent(viewer: Viewer, planId: string, options: ContentOptions): PlanContent | null {
  const plan = visiblePlan(viewer, planId)
  return plan ? contentOfPlan(plan.row, options) : null
}

/** `?lang=` of an output: es or en, else the interface language. */
export function outputLang(search: URLSearchParams, fallback: Lang): SectionLang {
  const l = search.get('lang')
  return l === 'es' || l === 'en' ? l : fallback
}
