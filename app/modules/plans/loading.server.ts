/**
 * One plan as the rules see it: its row and the reference can() decides on (`PlanRef`); its sections
 * and their current texts (the latest revision of each language). A plan outside the viewer's groups
 * and a missing one look the same: null, or a 404 thrown inside a write.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { people, planSectionRevisions, planSections, plans } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type PlanRef, type PlanSectionRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { notFound } from '~/modules/core/domain-error.server'
import type { SectionLang } from './constants'

export type PlanRow = typeof plans.$inferSelect
export type SectionRow = typeof planSections.$inferSelect
type Reader = Tx | typeof db

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** The text in the reader's language, else in the other one. */
export const localized = (lang: Lang, es: string | null | undefined, en: string | null | undefined) =>
  (lang === 'es' ? (es ?? en) : (en ?? es)) ?? ''

export const planRef = (row: Pick<PlanRow, 'groupId' | 'stage'>): PlanRef => ({
  groupId: row.groupId,
  stage: row.stage,
})

export const sectionRef = (plan: PlanRef, s: SectionRow): PlanSectionRef => ({
  ...plan,
  leadDrafterId: s.leadDrafterId,
  status: s.status,
  retired: s.retired,
})

/** The plan when the viewer may see it, else null. */
export function visiblePlan(viewer: Viewer | null, planId: string, tx: Reader = db) {
  if (!ID.test(planId)) return null
  const row = tx.select().from(plans).where(eq(plans.id, planId)).get()
  if (!row) return null
  const ref = planRef(row)
  return can(viewer, 'plan.view', ref) ? { row, ref } : null
}

export function visiblePlanOrThrow(viewer: Viewer, planId: string, tx: Reader = db) {
  const plan = visiblePlan(viewer, planId, tx)
  if (!plan) throw notFound()
  return plan
}

/** A section of the plan, else a 404. */
export function sectionOrThrow(tx: Reader, planId: string, sectionId: string): SectionRow {
  if (!ID.test(sectionId)) throw notFound()
  const s = tx
    .select()
    .from(planSections)
    .where(and(eq(planSections.id, sectionId), eq(planSections.planId, planId)))
    .get()
  if (!s) throw notFound()
  return s
}

export interface CurrentText {
  sectionId: string
  lang: SectionLang
  number: number
  text: string
  translatesNumber: number | null
  authorName: string | null
  createdAt: Date
}

/** The latest revision of each language of each section of a plan (or of the sections given). */
export function currentTexts(
  tx: Reader,
  planId: string,
  sectionIds?: string[],
): Map<string, Partial<Record<SectionLang, CurrentText>>> {
  const latest = sql`${planSectionRevisions.number} = (select max(r2.number) from plan_section_revisions r2
    where r2.section_id = ${planSectionRevisions.sectionId} and r2.lang = ${planSectionRevisions.lang})`
  const ofPlan = sectionIds
    ? inArray(planSectionRevisions.sectionId, sectionIds.length ? sectionIds : [''])
    : inArray(
        planSectionRevisions.sectionId,
        tx.select({ id: planSections.id }).from(planSections).where(eq(planSections.planId, planId)),
      )
  const rows = tx
    .select({
      sectionId: planSectionRevisions.sectionId,
      lang: planSectionRevisions.lang,
      number: planSectionRevisions.number,
      text: planSectionRevisions.text,
      translatesNumber: planSectionRevisions.translatesNumber,
      authorName: people.name,
      createdAt: planSectionRevisions.createdAt,
    })
    .from(planSectionRevisions)
    .leftJoin(people, eq(people.id, planSectionRevisions.authorId))
    .where(and(ofPlan, latest))
    .all()
  const out = new Map<string, Partial<Record<SectionLang, CurrentText>>>()
  for (const r of rows) {
    const entry = out.get(r.sectionId) ?? {}
    entry[r.lang] = r
    out.set(r.sectionId, entry)
  }
  return out
}

/** The sections of a plan in position order (the tree is ordered by numberSections). */
export function sectionsOf(tx: Reader, planId: string): SectionRow[] {
  return tx
    .select()
    .from(planSections)
    .where(eq(planSections.planId, planId))
    .orderBy(asc(planSections.parentId), asc(planSections.position))
    .all()
}

/** The organization a person writes for: their national institution when they have one. */
export const writingOrganization = (viewer: Viewer) => viewer.institutionId ?? viewer.organizationId
