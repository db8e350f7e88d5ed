/**
 * Writing plans. Every save of a section is a new revision naming the revision it started from: from
 * the current one it is saved; from an older one the API refuses it (412 with the current text and
 * revision), while the page merges it with the changes made since when they do not overlap (a
 * three-way merge) and otherwise answers a conflict (409) with the current text, the person's text and
 * their difference. One immediate transaction per write, with its audit entry.
 */
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { planSectionRevisions, planSections, planStageHistory, plans } from '@db/schema'
import { can, groupRoleOf } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, DomainError, invalid, refused } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import {
  EDITABLE_STAGES,
  MAX_SECTION_TEXT,
  PLAN_STAGES,
  SECTION_KINDS,
  SECTION_LANGS,
  SECTION_STATUSES,
  type PlanStage,
  type SectionKind,
  type SectionLang,
  type SectionStatus,
} from './constants'
import { wordDiff, type DiffPart } from './diff.server'
import {
  planRef,
  sectionOrThrow,
  sectionRef,
  visiblePlanOrThrow,
  writingOrganization,
  type PlanRow,
  type SectionRow,
} from './loading.server'
import { threeWayMerge } from './merge.server'

/** The latest revision of one language of a section (number 0 and empty text when none yet). */
export function latestRevision(tx: Tx, sectionId: string, lang: SectionLang) {
  return (
    tx
      .select({ number: planSectionRevisions.number, text: planSectionRevisions.text })
      .from(planSectionRevisions)
      .where(and(eq(planSectionRevisions.sectionId, sectionId), eq(planSectionRevisions.lang, lang)))
      .orderBy(sql`${planSectionRevisions.number} desc`)
      .limit(1)
      .get() ?? { number: 0, text: '' }
  )
}

export function revisionText(tx: Tx, sectionId: string, lang: SectionLang, number: number): string | null {
  if (number === 0) return ''
  const r = tx
    .select({ text: planSectionRevisions.text })
    .from(planSectionRevisions)
    .where(
      and(
        eq(planSectionRevisions.sectionId, sectionId),
        eq(planSectionRevisions.lang, lang),
        eq(planSectionRevisions.number, number),
      ),
    )
    .get()
  return r ? r.text : null
}

export interface NewRevision {
  text: string
  lang: SectionLang
  note?: string
  baseNumber: number | null
  merged?: boolean
  authorId: string
  organizationId: string
  suggestionId?: string | null
}

/** Appends a revision (the next number of the section) and touches the section and its plan. */
export function appendRevision(tx: Tx, plan: PlanRow, section: SectionRow, r: NewRevision): number {
  const last =
    tx
      .select({ n: max(planSectionRevisions.number) })
      .from(planSectionRevisions)
      .where(eq(planSectionRevisions.sectionId, section.id))
      .get()?.n ?? 0
  const number = last + 1
  const original = plan.originalLanguage
  const translatesNumber =
    r.lang === original ? null : latestRevision(tx, section.id, original).number || null
  const now = new Date()
  tx.insert(planSectionRevisions)
    .values({
      sectionId: section.id,
      number,
      lang: r.lang,
      text: r.text,
      authorId: r.authorId,
      organizationId: r.organizationId,
      note: r.note ?? '',
      baseNumber: r.baseNumber && r.baseNumber < number ? r.baseNumber : null,
      merged: r.merged ?? false,
      translatesNumber,
      suggestionId: r.suggestionId ?? null,
      createdAt: now,
    })
    .run()
  tx.update(planSections).set({ updatedAt: now }).where(eq(planSections.id, section.id)).run()
  tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id)).run()
  return number
}

/** What a stale save is refused with: the text as it stands, for the person to compare and merge. */
export interface SectionConflict {
  sectionId: string
  lang: SectionLang
  revision: number
  text: string
  yours: string
  /** from the current text to the person's */
  diff: DiffPart[]
}

export interface SaveInput {
  text: string
  lang?: SectionLang
  note?: string
  /** the revision the person started from (0: the section had no text in that language yet) */
  baseRevision: number
  /** strict (the API): a stale base is refused with 412; merge (the page): merged when possible */
  mode: 'strict' | 'merge'
}

export interface SaveResult {
  sectionId: string
  lang: SectionLang
  revision: number
  text: string
  /** the save started from an older revision and was merged with the changes since */
  merged: boolean
  /** the text was the same as the current one: nothing was saved */
  unchanged: boolean
}

/** The refusal of a write on a locked plan (approved or published) or a retired or agreed section. */
function assertEdits(viewer: Viewer, plan: PlanRow, section: SectionRow) {
  const ref = sectionRef(planRef(plan), section)
  if (can(viewer, 'plan.editSection', ref)) return
  const details = { planId: plan.id, sectionId: section.id }
  if (can(viewer, 'plan.view', ref)) {
    const role = groupRoleOf(viewer, plan.groupId)
    if (!EDITABLE_STAGES.includes(plan.stage))
      throw refused(viewer, 'plan.editSection', details, 'plans.error.locked')
    if (section.retired) throw refused(viewer, 'plan.editSection', details, 'plans.error.retired')
    if (role === 'drafter' && section.status === 'agreed')
      throw refused(viewer, 'plan.editSection', details, 'plans.error.agreed')
  }
  throw refused(viewer, 'plan.editSection', details, 'plans.error.cannotEdit')
}

/** Browsers send a textarea's line breaks as CRLF: texts are stored with LF only, so that a form's save
 * and an API save of the same words are the same text (and merge). */
export const normalizeText = (text: string) => text.replace(/\r\n?/g, '\n')

export function checkText(text: string) {
  if (text.length > MAX_SECTION_TEXT) throw invalid('plans.error.tooLong', 'text', { max: MAX_SECTION_TEXT })
}

/** Saves a new text of a section. */
export function saveSection(viewer: Viewer, planId: string, sectionId: string, input: SaveInput): SaveResult {
  return writeTx((tx) => {
    const { row: plan } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, sectionId)
    assertEdits(viewer, plan, section)
    const lang = input.lang ?? plan.originalLanguage
    if (!SECTION_LANGS.includes(lang)) throw invalid('plans.error.lang', 'lang')
    const typed = normalizeText(input.text)
    checkText(typed)
    const current = latestRevision(tx, section.id, lang)
    let text = typed
    let merged = false
    if (input.baseRevision !== current.number) {
      const state = (): SectionConflict => ({
        sectionId: section.id,
        lang,
        revision: current.number,
        text: current.text,
        yours: typed,
        diff: wordDiff(current.text, typed),
      })
      const base =
        input.baseRevision < current.number ? revisionText(tx, section.id, lang, input.baseRevision) : null
      if (input.mode === 'strict' || base === null)
        throw new DomainError(412, 'plans.error.stale', { current: state() })
      const outcome = threeWayMerge(base, typed, current.text)
      if (!outcome.clean) throw conflict('plans.error.conflict', { current: state() })
      text = outcome.text
      merged = true
    }
    if (text === current.text && current.number > 0) {
      return { sectionId: section.id, lang, revision: current.number, text, merged, unchanged: true }
    }
    const revision = appendRevision(tx, plan, section, {
      text,
      lang,
      note: input.note,
      baseNumber: input.baseRevision || null,
      merged,
      authorId: viewer.id,
      organizationId: writingOrganization(viewer),
    })
    audit(
      {
        actor: viewer,
        action: 'plan.editSection',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, lang, revision, base: input.baseRevision, merged },
      },
      tx,
    )
    return { sectionId: section.id, lang, revision, text, merged, unchanged: false }
  })
}

export interface NewPlanInput {
  groupId: string
  titleEs?: string | null
  titleEn?: string | null
  stage?: PlanStage
  originalLanguage?: SectionLang
}

/** A new plan of a group (its chair or the secretariat). */
export function createPlan(viewer: Viewer, input: NewPlanInput, tx?: Tx): string {
  const run = (t: Tx) => {
    assertAllowed(viewer, 'plan.create', { groupId: input.groupId })
    if (!input.titleEs?.trim() && !input.titleEn?.trim()) throw invalid('plans.error.title', 'titleEs')
    const stage = input.stage ?? 'drafting'
    const now = new Date()
    const row = t
      .insert(plans)
      .values({
        groupId: input.groupId,
        titleEs: input.titleEs?.trim() || null,
        titleEn: input.titleEn?.trim() || null,
        stage,
        originalLanguage: input.originalLanguage ?? 'es',
        createdById: viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: plans.id })
      .get()
    t.insert(planStageHistory)
      .values({ planId: row.id, fromStage: null, stage, byId: viewer.id, at: now })
      .run()
    audit({ actor: viewer, action: 'plan.create', targetType: 'plan', targetId: row.id }, t)
    return row.id
  }
  return tx ? run(tx) : writeTx(run)
}

/** Moves a plan to another stage, recorded in its history. */
export function changeStage(viewer: Viewer, planId: string, stage: PlanStage, note = '') {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    assertAllowed(viewer, 'plan.changeStage', ref)
    if (!PLAN_STAGES.includes(stage)) throw invalid('plans.error.stage', 'stage')
    if (stage === plan.stage) throw conflict('plans.error.sameStage')
    const now = new Date()
    tx.update(plans).set({ stage, updatedAt: now }).where(eq(plans.id, plan.id)).run()
    tx.insert(planStageHistory)
      .values({ planId: plan.id, fromStage: plan.stage, stage, byId: viewer.id, note, at: now })
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.changeStage',
        targetType: 'plan',
        targetId: plan.id,
        details: { from: plan.stage, stage },
      },
      tx,
    )
    return { stage }
  })
}

export interface NewSectionInput {
  parentId?: string | null
  kind: SectionKind
  titleEs?: string | null
  titleEn?: string | null
  leadDrafterId?: string | null
  status?: SectionStatus
  /** a first text, in the plan's original language */
  text?: string
}

/** Adds a section at the end of its parent's children. */
export function addSection(viewer: Viewer, planId: string, input: NewSectionInput, outer?: Tx): string {
  const run = (tx: Tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    assertAllowed(viewer, 'plan.manageSections', ref)
    if (!SECTION_KINDS.includes(input.kind)) throw invalid('plans.error.kind', 'kind')
    if (input.status && !SECTION_STATUSES.includes(input.status))
      throw invalid('plans.error.status', 'status')
    const parentId = input.parentId || null
    if (parentId) sectionOrThrow(tx, plan.id, parentId)
    const last =
      tx
        .select({ p: max(planSections.position) })
        .from(planSections)
        .where(
          and(
            eq(planSections.planId, plan.id),
            parentId ? eq(planSections.parentId, parentId) : isNull(planSections.parentId),
          ),
        )
        .get()?.p ?? 0
    const now = new Date()
    const section = tx
      .insert(planSections)
      .values({
        planId: plan.id,
        parentId,
        position: last + 1,
        kind: input.kind,
        titleEs: input.titleEs?.trim() || null,
        titleEn: input.titleEn?.trim() || null,
        leadDrafterId: input.leadDrafterId ?? null,
        status: input.status ?? 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get()
    if (input.text) {
      checkText(input.text)
      appendRevision(tx, plan, section, {
        text: input.text,
        lang: plan.originalLanguage,
        baseNumber: null,
        authorId: viewer.id,
        organizationId: writingOrganization(viewer),
      })
    }
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, added: true },
      },
      tx,
    )
    return section.id
  }
  return outer ? run(outer) : writeTx(run)
}

/** Retires a section (its texts stay; it loses its number) or brings it back. */
export function setSectionRetired(viewer: Viewer, planId: string, sectionId: string, retired: boolean) {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, sectionId)
    assertAllowed(viewer, 'plan.manageSections', ref)
    tx.update(planSections)
      .set({ retired, updatedAt: new Date() })
      .where(eq(planSections.id, section.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, retired },
      },
      tx,
    )
  })
}

/** Moves a section one place up or down among its siblings. */
export function moveSection(viewer: Viewer, planId: string, sectionId: string, direction: 'up' | 'down') {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, sectionId)
    assertAllowed(viewer, 'plan.manageSections', ref)
    const siblings = tx
      .select()
      .from(planSections)
      .where(
        and(
          eq(planSections.planId, plan.id),
          section.parentId ? eq(planSections.parentId, section.parentId) : isNull(planSections.parentId),
        ),
      )
      .orderBy(planSections.position)
      .all()
      // a retired sibling has no number: moving past it would change nothing the reader sees
      .filter((s) => !s.retired || s.id === section.id)
    const i = siblings.findIndex((s) => s.id === section.id)
    const j = direction === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= siblings.length) return
    const other = siblings[j]
    tx.update(planSections).set({ position: other.position }).where(eq(planSections.id, section.id)).run()
    tx.update(planSections).set({ position: section.position }).where(eq(planSections.id, other.id)).run()
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, moved: direction },
      },
      tx,
    )
  })
}

/** Sets a section's status (draft, in consultation, agreed ad referendum, agreed) and lead drafter. */
export function updateSection(
  viewer: Viewer,
  planId: string,
  sectionId: string,
  input: { status?: SectionStatus; leadDrafterId?: string | null },
) {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, sectionId)
    assertAllowed(viewer, 'plan.manageSections', ref)
    if (input.status && !SECTION_STATUSES.includes(input.status))
      throw invalid('plans.error.status', 'status')
    // agreeing (or reopening agreed) text is the chair's
    if ((input.status === 'agreed' || section.status === 'agreed') && input.status !== section.status)
      assertAllowed(viewer, 'plan.changeStage', ref)
    tx.update(planSections)
      .set({
        ...(input.status ? { status: input.status } : {}),
        ...(input.leadDrafterId !== undefined ? { leadDrafterId: input.leadDrafterId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(planSections.id, section.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, ...input },
      },
      tx,
    )
  })
}

/** Moves a section under another parent (null: top level), at the end of its new siblings. */
export function reparentSection(viewer: Viewer, planId: string, sectionId: string, parentId: string | null) {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = sectionOrThrow(tx, plan.id, sectionId)
    assertAllowed(viewer, 'plan.manageSections', ref)
    if (parentId) {
      sectionOrThrow(tx, plan.id, parentId)
      // not under itself or one of its own descendants
      const all = tx
        .select({ id: planSections.id, parentId: planSections.parentId })
        .from(planSections)
        .where(eq(planSections.planId, plan.id))
        .all()
      const parentOf = new Map(all.map((x) => [x.id, x.parentId]))
      for (let at: string | null = parentId; at; at = parentOf.get(at) ?? null) {
        if (at === section.id) throw invalid('plans.error.parentInside', 'parentId')
      }
    }
    if ((section.parentId ?? null) === (parentId ?? null)) return
    const last =
      tx
        .select({ p: max(planSections.position) })
        .from(planSections)
        .where(
          and(
            eq(planSections.planId, plan.id),
            parentId ? eq(planSections.parentId, parentId) : isNull(planSections.parentId),
          ),
        )
        .get()?.p ?? 0
    tx.update(planSections)
      .set({ parentId, position: last + 1, updatedAt: new Date() })
      .where(eq(planSections.id, section.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, parentId },
      },
      tx,
    )
  })
}
