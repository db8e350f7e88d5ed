/**
 * Reading plans: the list a person may see, one plan with its numbered sections and their current
 * texts, the revisions of a section. Visibility is applied in SQL for lists (the viewer's groups; the
 * secretariat sees every plan) and by can('plan.view') for one plan: outsiders get null (a 404).
 */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import {
  groups,
  organizations,
  people,
  planComments,
  planSectionRevisions,
  planSections,
  planStageHistory,
  planSuggestions,
  plans,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, groupRoleOf } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import type { PlanStage, SectionKind, SectionLang, SectionStatus } from './constants'
import { wordDiff, type DiffPart } from './diff.server'
import {
  currentTexts,
  localized,
  sectionOrThrow,
  sectionRef,
  sectionsOf,
  visiblePlan,
  type PlanRow,
} from './loading.server'
import { addCounts, bracketCounts, numberSections } from './text'

export interface BracketCounts {
  total: number
  byOrganization: Record<string, number>
}

export interface PlanListItem {
  id: string
  title: string
  titleEs: string | null
  titleEn: string | null
  stage: PlanStage
  group: { id: string; slug: string; name: string }
  sections: number
  updatedAt: Date
}

/** The plans the viewer may see (every plan for the secretariat), most recently changed first, with
 * the number of sections of each; `sections: false` leaves that count out (0), for a short list that
 * does not show it. */
export function listPlans(
  viewer: Viewer,
  lang: Lang,
  options: { groupId?: string; sections?: boolean } = {},
): PlanListItem[] {
  const all = can(viewer, 'plan.listAll')
  if (!all && viewer.groupIds.length === 0) return []
  const sectionCount =
    options.sections === false
      ? sql<number>`0`
      : sql<number>`(select count(*) from ${planSections} where ${planSections.planId} = ${plans.id}
          and ${planSections.retired} = 0)`
  return db
    .select({
      id: plans.id,
      titleEs: plans.titleEs,
      titleEn: plans.titleEn,
      stage: plans.stage,
      updatedAt: plans.updatedAt,
      groupId: groups.id,
      slug: groups.slug,
      nameEs: groups.nameEs,
      nameEn: groups.nameEn,
      n: sectionCount,
    })
    .from(plans)
    .innerJoin(groups, eq(groups.id, plans.groupId))
    .where(
      and(
        all ? undefined : inArray(plans.groupId, viewer.groupIds),
        options.groupId ? eq(plans.groupId, options.groupId) : undefined,
      ),
    )
    .orderBy(desc(plans.updatedAt), plans.id)
    .all()
    .filter((r) => can(viewer, 'plan.view', { groupId: r.groupId, stage: r.stage }))
    .map((r) => ({
      id: r.id,
      title: localized(lang, r.titleEs, r.titleEn),
      titleEs: r.titleEs,
      titleEn: r.titleEn,
      stage: r.stage,
      group: { id: r.groupId, slug: r.slug, name: localized(lang, r.nameEs, r.nameEn) },
      sections: r.n ?? 0,
      updatedAt: r.updatedAt,
    }))
}

export interface SectionText {
  revision: number
  text: string
  author: string | null
  savedAt: Date
  /** a translation made from an older revision of the original */
  outdated: boolean
}

export interface SectionView {
  id: string
  parentId: string | null
  position: number
  depth: number
  /** computed; null for retired sections */
  number: string | null
  kind: SectionKind
  title: string
  titleEs: string | null
  titleEn: string | null
  status: SectionStatus
  retired: boolean
  leadDrafter: { id: string; name: string } | null
  texts: Record<SectionLang, SectionText | null>
  brackets: BracketCounts
  openComments: number
  pendingSuggestions: number
  can: { edit: boolean; suggest: boolean; decide: boolean; comment: boolean }
}

export interface PlanView {
  id: string
  title: string
  titleEs: string | null
  titleEn: string | null
  stage: PlanStage
  originalLanguage: SectionLang
  group: { id: string; slug: string; name: string }
  /** the viewer's role in the group (the secretariat acts as chair) */
  role: string | null
  history: { fromStage: PlanStage | null; stage: PlanStage; by: string | null; note: string; at: Date }[]
  sections: SectionView[]
  brackets: BracketCounts
  openComments: number
  pendingSuggestions: number
  updatedAt: Date
  can: { manageSections: boolean; changeStage: boolean; comment: boolean }
}

function countBySection(rows: { sectionId: string; n: number }[]) {
  return new Map(rows.map((r) => [r.sectionId, r.n]))
}

/** One plan as the viewer may see it; null when missing or hidden. */
export function getPlan(viewer: Viewer | null, planId: string, lang: Lang): PlanView | null {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  return planView(viewer, plan.row, lang)
}

function planView(viewer: Viewer | null, row: PlanRow, lang: Lang): PlanView {
  const ref = { groupId: row.groupId, stage: row.stage }
  const group = db.select().from(groups).where(eq(groups.id, row.groupId)).get()!
  const sections = sectionsOf(db, row.id)
  const texts = currentTexts(db, row.id)
  const lead = alias(people, 'lead')
  const leads = new Map(
    db
      .select({ id: lead.id, name: lead.name })
      .from(lead)
      .where(
        inArray(
          lead.id,
          sections.map((s) => s.leadDrafterId).filter((x): x is string => !!x),
        ),
      )
      .all()
      .map((p) => [p.id, p]),
  )
  const openComments = countBySection(
    db
      .select({ sectionId: planComments.sectionId, n: count() })
      .from(planComments)
      .where(
        and(eq(planComments.planId, row.id), isNull(planComments.parentId), isNull(planComments.resolvedAt)),
      )
      .groupBy(planComments.sectionId)
      .all(),
  )
  const pending = countBySection(
    db
      .select({ sectionId: planSuggestions.sectionId, n: count() })
      .from(planSuggestions)
      .where(and(eq(planSuggestions.planId, row.id), eq(planSuggestions.status, 'pending')))
      .groupBy(planSuggestions.sectionId)
      .all(),
  )
  const original = row.originalLanguage
  const totals: BracketCounts = { total: 0, byOrganization: {} }
  const views: SectionView[] = numberSections(sections).map(({ section: s, number, depth }) => {
    const t = texts.get(s.id) ?? {}
    const originalNumber = t[original]?.number ?? 0
    const textOf = (l: SectionLang): SectionText | null => {
      const c = t[l]
      if (!c) return null
      return {
        revision: c.number,
        text: c.text,
        author: c.authorName,
        savedAt: c.createdAt,
        outdated: l !== original && (c.translatesNumber ?? 0) < originalNumber,
      }
    }
    // a bracket counts once: in the original language's text (the other is its translation)
    const own = bracketCounts(t[original]?.text ?? t[original === 'es' ? 'en' : 'es']?.text ?? '')
    if (!s.retired) addCounts(totals, own)
    const sref = sectionRef(ref, s)
    const leadRow = s.leadDrafterId ? leads.get(s.leadDrafterId) : undefined
    return {
      id: s.id,
      parentId: s.parentId,
      position: s.position,
      depth,
      number,
      kind: s.kind,
      title: localized(lang, s.titleEs, s.titleEn),
      titleEs: s.titleEs,
      titleEn: s.titleEn,
      status: s.status,
      retired: s.retired,
      leadDrafter: leadRow ? { id: leadRow.id, name: leadRow.name } : null,
      texts: { es: textOf('es'), en: textOf('en') },
      brackets: own,
      openComments: openComments.get(s.id) ?? 0,
      pendingSuggestions: pending.get(s.id) ?? 0,
      can: {
        edit: can(viewer, 'plan.editSection', sref),
        suggest: can(viewer, 'plan.suggest', sref),
        decide: can(viewer, 'suggestion.decide', sref),
        comment: can(viewer, 'plan.comment', ref) && !s.retired,
      },
    }
  })
  const history = db
    .select({
      fromStage: planStageHistory.fromStage,
      stage: planStageHistory.stage,
      by: people.name,
      note: planStageHistory.note,
      at: planStageHistory.at,
    })
    .from(planStageHistory)
    .leftJoin(people, eq(people.id, planStageHistory.byId))
    .where(eq(planStageHistory.planId, row.id))
    .orderBy(planStageHistory.at)
    .all()
  return {
    id: row.id,
    title: localized(lang, row.titleEs, row.titleEn),
    titleEs: row.titleEs,
    titleEn: row.titleEn,
    stage: row.stage,
    originalLanguage: original,
    group: { id: group.id, slug: group.slug, name: localized(lang, group.nameEs, group.nameEn) },
    role: groupRoleOf(viewer, row.groupId),
    history,
    sections: views,
    brackets: totals,
    openComments: views.reduce((n, s) => n + (s.retired ? 0 : s.openComments), 0),
    pendingSuggestions: views.reduce((n, s) => n + (s.retired ? 0 : s.pendingSuggestions), 0),
    updatedAt: row.updatedAt,
    can: {
      manageSections: can(viewer, 'plan.manageSections', ref),
      changeStage: can(viewer, 'plan.changeStage', ref),
      comment: can(viewer, 'plan.comment', ref),
    },
  }
}

export interface RevisionView {
  number: number
  lang: SectionLang
  text: string
  note: string
  author: { id: string; name: string } | null
  organization: { code: string; name: string } | null
  baseRevision: number | null
  merged: boolean
  translatesRevision: number | null
  suggestionId: string | null
  createdAt: Date
}

/** Every revision of a section, newest first; null when the plan or section is hidden or missing. */
export function sectionRevisions(
  viewer: Viewer | null,
  planId: string,
  sectionId: string,
  lang: Lang,
): { section: { id: string; title: string }; revisions: RevisionView[] } | null {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  let section
  try {
    section = sectionOrThrow(db, planId, sectionId)
  } catch {
    return null
  }
  const revisions = db
    .select({
      number: planSectionRevisions.number,
      lang: planSectionRevisions.lang,
      text: planSectionRevisions.text,
      note: planSectionRevisions.note,
      authorId: people.id,
      authorName: people.name,
      orgCode: organizations.code,
      orgEs: organizations.nameEs,
      orgEn: organizations.nameEn,
      baseRevision: planSectionRevisions.baseNumber,
      merged: planSectionRevisions.merged,
      translatesRevision: planSectionRevisions.translatesNumber,
      suggestionId: planSectionRevisions.suggestionId,
      createdAt: planSectionRevisions.createdAt,
    })
    .from(planSectionRevisions)
    .leftJoin(people, eq(people.id, planSectionRevisions.authorId))
    .leftJoin(organizations, eq(organizations.id, planSectionRevisions.organizationId))
    .where(eq(planSectionRevisions.sectionId, section.id))
    .orderBy(desc(planSectionRevisions.number))
    .all()
    .map((r) => ({
      number: r.number,
      lang: r.lang,
      text: r.text,
      note: r.note,
      author: r.authorId ? { id: r.authorId, name: r.authorName! } : null,
      organization: r.orgCode ? { code: r.orgCode, name: localized(lang, r.orgEs, r.orgEn) } : null,
      baseRevision: r.baseRevision,
      merged: r.merged,
      translatesRevision: r.translatesRevision,
      suggestionId: r.suggestionId,
      createdAt: r.createdAt,
    }))
  return { section: { id: section.id, title: localized(lang, section.titleEs, section.titleEn) }, revisions }
}

/** The word difference between two revisions of a section (any languages); null when hidden. */
export function compareRevisions(
  viewer: Viewer | null,
  planId: string,
  sectionId: string,
  from: number,
  to: number,
): { from: number; to: number; parts: DiffPart[] } | null {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const rows = db
    .select({ number: planSectionRevisions.number, text: planSectionRevisions.text })
    .from(planSectionRevisions)
    .innerJoin(planSections, eq(planSections.id, planSectionRevisions.sectionId))
    .where(
      and(
        eq(planSectionRevisions.sectionId, sectionId),
        eq(planSections.planId, planId),
        inArray(planSectionRevisions.number, [from, to]),
      ),
    )
    .all()
  const a = rows.find((r) => r.number === from)
  const b = rows.find((r) => r.number === to)
  if (!a || !b) return null
  return { from, to, parts: wordDiff(a.text, b.text) }
}
