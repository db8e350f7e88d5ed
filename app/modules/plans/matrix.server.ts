/**
 * The implementation matrix of a plan: each line of action and activity with its indicator (both
 * languages), its responsible institutions (lead or support), its time frame (first and last calendar
 * day) and the action items that implement it, with their progress. Drafters and the chair set the
 * matrix fields while the plan is open (the rule of the section's metadata, 'plan.manageSections');
 * the chair (and the secretariat) turns a line or activity into one action item owned by its lead
 * institutions, supported by the others, due on its end date ('plan.createActions'). The action is
 * created by the actions module's own `insertAction`, in the same transaction as this module's checks.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { actionItems, meetings, organizations, planSectionResponsibles, planSections } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { ACTION_STATUSES, type ActionStatus } from '~/modules/actions/constants'
import { actionRef, ownersOf } from '~/modules/actions/loading.server'
import { actionsToday, isOverdue } from '~/modules/actions/overdue.server'
import { insertAction } from '~/modules/actions/writing.server'
import { audit } from '~/modules/audit/audit.server'
import { conflict, invalid, refused } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { EDITABLE_STAGES, type ResponsibleRole, type SectionKind } from './constants'
import {
  localized,
  sectionOrThrow,
  sectionsOf,
  visiblePlan,
  visiblePlanOrThrow,
  type PlanRow,
  type SectionRow,
} from './loading.server'
import { isRealDay, type MatrixFieldsInput } from './matrix-forms.server'
import { numberSections } from './text'

type Reader = Tx | typeof db

/** The kinds of section the matrix holds. */
export const MATRIX_KINDS: readonly SectionKind[] = ['line', 'activity']
const inMatrix = (s: Pick<SectionRow, 'kind'>) => MATRIX_KINDS.includes(s.kind)

export interface Responsible {
  code: string
  name: string
  role: ResponsibleRole
}

export interface MatrixAction {
  id: string
  title: string
  status: ActionStatus
  progress: number
  dueDate: string
  overdue: boolean
}

export interface MatrixRow {
  id: string
  number: string
  depth: number
  kind: SectionKind
  title: string
  indicator: string | null
  indicatorEs: string | null
  indicatorEn: string | null
  startDate: string | null
  endDate: string | null
  responsibles: Responsible[]
  actions: MatrixAction[]
  counts: Record<ActionStatus, number>
  /** average progress of the actions that are not cancelled; null when there are none */
  progress: number | null
}

const noCounts = () => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>

/** The responsible institutions of each section (lead first, then by the organizations' order). */
function responsiblesOf(tx: Reader, sectionIds: string[], lang: Lang): Map<string, Responsible[]> {
  const out = new Map<string, Responsible[]>()
  if (!sectionIds.length) return out
  const rows = tx
    .select({
      sectionId: planSectionResponsibles.sectionId,
      role: planSectionResponsibles.role,
      code: organizations.code,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(planSectionResponsibles)
    .innerJoin(organizations, eq(organizations.id, planSectionResponsibles.organizationId))
    .where(inArray(planSectionResponsibles.sectionId, sectionIds))
    .orderBy(asc(planSectionResponsibles.role), asc(organizations.sortOrder), asc(organizations.code))
    .all()
  for (const r of rows) {
    const list = out.get(r.sectionId) ?? []
    list.push({ code: r.code, name: localized(lang, r.nameEs, r.nameEn), role: r.role })
    out.set(r.sectionId, list)
  }
  return out
}

/** The action items implementing each section, as far as the viewer may see them. */
function actionsOf(
  viewer: Viewer,
  tx: Reader,
  sectionIds: string[],
  lang: Lang,
  now = new Date(),
): Map<string, MatrixAction[]> {
  const out = new Map<string, MatrixAction[]>()
  if (!sectionIds.length) return out
  const rows = tx
    .select({
      id: actionItems.id,
      sectionId: actionItems.planSectionId,
      titleEs: actionItems.titleEs,
      titleEn: actionItems.titleEn,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
      openness: meetings.openness,
    })
    .from(actionItems)
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(inArray(actionItems.planSectionId, sectionIds))
    .orderBy(asc(actionItems.createdAt), asc(actionItems.id))
    .all()
  const owners = ownersOf(
    rows.map((r) => r.id),
    tx,
  )
  for (const r of rows) {
    if (!r.sectionId) continue
    if (!can(viewer, 'action.view', actionRef(r, owners.get(r.id) ?? [], r.openness ?? null))) continue
    const list = out.get(r.sectionId) ?? []
    list.push({
      id: r.id,
      title: localized(lang, r.titleEs, r.titleEn),
      status: r.status,
      progress: r.progress,
      dueDate: r.dueDate,
      overdue: isOverdue(r.dueDate, r.status, now),
    })
    out.set(r.sectionId, list)
  }
  return out
}

/** The matrix rows of a plan the viewer may see (every line of action and activity with a number). */
export function matrixRows(viewer: Viewer, plan: PlanRow, lang: Lang, tx: Reader = db): MatrixRow[] {
  const numbered = numberSections(sectionsOf(tx, plan.id)).filter(
    (x): x is typeof x & { number: string } => x.number !== null && inMatrix(x.section),
  )
  const ids = numbered.map((x) => x.section.id)
  const responsibles = responsiblesOf(tx, ids, lang)
  const actions = actionsOf(viewer, tx, ids, lang)
  return numbered.map(({ section: s, number, depth }) => {
    const list = actions.get(s.id) ?? []
    const counts = noCounts()
    for (const a of list) counts[a.status]++
    const live = list.filter((a) => a.status !== 'cancelled')
    return {
      id: s.id,
      number,
      depth,
      kind: s.kind,
      title: localized(lang, s.titleEs, s.titleEn),
      indicator: localized(lang, s.indicatorEs, s.indicatorEn) || null,
      indicatorEs: s.indicatorEs,
      indicatorEn: s.indicatorEn,
      startDate: s.startDate,
      endDate: s.endDate,
      responsibles: responsibles.get(s.id) ?? [],
      actions: list,
      counts,
      progress: live.length ? Math.round(live.reduce((n, a) => n + a.progress, 0) / live.length) : null,
    }
  })
}

/** The matrix page: null when the plan is hidden or missing. */
export function planMatrix(viewer: Viewer, planId: string, lang: Lang) {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const rows = matrixRows(viewer, plan.row, lang)
  const counts = noCounts()
  for (const r of rows) for (const s of ACTION_STATUSES) counts[s] += r.counts[s]
  return {
    plan: {
      id: plan.row.id,
      title: localized(lang, plan.row.titleEs, plan.row.titleEn),
      stage: plan.row.stage,
      locked: !EDITABLE_STAGES.includes(plan.row.stage),
    },
    rows,
    counts,
    can: {
      edit: can(viewer, 'plan.manageSections', plan.ref),
      createActions: can(viewer, 'plan.createActions', plan.ref),
    },
  }
}

/** The matrix rows of a plan by section id, for the plan's page. */
export function matrixBySection(viewer: Viewer, planId: string, lang: Lang): Record<string, MatrixRow> {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return {}
  return Object.fromEntries(matrixRows(viewer, plan.row, lang).map((r) => [r.id, r]))
}

/** The organizations that may be named responsible, in the interface language, by kind and order. */
export function responsibleOptions(lang: Lang, tx: Reader = db) {
  return tx
    .select({
      code: organizations.code,
      kind: organizations.kind,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(organizations)
    .where(ne(organizations.kind, 'secretariat'))
    .orderBy(asc(organizations.sortOrder), asc(organizations.code))
    .all()
    .map((o) => ({ code: o.code, kind: o.kind, name: localized(lang, o.nameEs, o.nameEn) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang))
}

/** One section's matrix form: null when hidden, missing, retired or not a line or activity. */
export function sectionMatrix(viewer: Viewer, planId: string, sectionId: string, lang: Lang) {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const row = matrixRows(viewer, plan.row, lang).find((r) => r.id === sectionId)
  if (!row) return null
  return {
    plan: {
      id: plan.row.id,
      title: localized(lang, plan.row.titleEs, plan.row.titleEn),
      locked: !EDITABLE_STAGES.includes(plan.row.stage),
    },
    row,
    organizations: responsibleOptions(lang),
    can: {
      edit: can(viewer, 'plan.manageSections', plan.ref),
      createActions: can(viewer, 'plan.createActions', plan.ref),
    },
  }
}

/** The section of a visible plan, when it belongs in the matrix (a retired one is refused). */
function matrixSectionOrThrow(viewer: Viewer, tx: Tx, plan: PlanRow, sectionId: string, action: string) {
  const section = sectionOrThrow(tx, plan.id, sectionId)
  if (!inMatrix(section)) throw invalid('planMatrix.error.kind')
  if (section.retired)
    throw refused(viewer, action, { planId: plan.id, sectionId }, 'planMatrix.error.retired')
  return section
}

/** Organization codes to ids; an unknown code is refused at its field. */
function organizationIds(tx: Tx, codes: string[], field: string): string[] {
  if (!codes.length) return []
  const found = tx
    .select({ id: organizations.id, code: organizations.code, kind: organizations.kind })
    .from(organizations)
    .where(inArray(organizations.code, codes))
    .all()
  const byCode = new Map(found.filter((o) => o.kind !== 'secretariat').map((o) => [o.code, o.id]))
  if (codes.some((c) => !byCode.has(c))) throw invalid('planMatrix.error.unknownOrganization', field)
  return codes.map((c) => byCode.get(c)!)
}

/** Saves a line's or an activity's indicator, responsible institutions and time frame. */
export function saveMatrixFields(
  viewer: Viewer,
  planId: string,
  sectionId: string,
  input: MatrixFieldsInput,
) {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = matrixSectionOrThrow(viewer, tx, plan, sectionId, 'plan.manageSections')
    if (!can(viewer, 'plan.manageSections', ref)) {
      const details = { planId: plan.id, sectionId: section.id, matrix: true }
      throw refused(
        viewer,
        'plan.manageSections',
        details,
        EDITABLE_STAGES.includes(plan.stage) ? 'planMatrix.error.cannotEdit' : 'plans.error.locked',
      )
    }
    const startDate = input.startDate || null
    const endDate = input.endDate || null
    for (const [field, d] of [
      ['startDate', startDate],
      ['endDate', endDate],
    ] as const)
      if (d && !isRealDay(d)) throw invalid('planMatrix.error.day', field)
    if (startDate && endDate && endDate < startDate)
      throw invalid('planMatrix.error.endBeforeStart', 'endDate')
    const lead = [...new Set(input.lead ?? [])]
    const support = [...new Set(input.support ?? [])].filter((c) => !lead.includes(c))
    const leadIds = organizationIds(tx, lead, 'lead')
    const supportIds = organizationIds(tx, support, 'support')
    tx.update(planSections)
      .set({
        indicatorEs: input.indicatorEs?.trim() || null,
        indicatorEn: input.indicatorEn?.trim() || null,
        startDate,
        endDate,
        updatedAt: new Date(),
      })
      .where(eq(planSections.id, section.id))
      .run()
    tx.delete(planSectionResponsibles).where(eq(planSectionResponsibles.sectionId, section.id)).run()
    for (const [ids, role] of [
      [leadIds, 'lead'],
      [supportIds, 'support'],
    ] as const)
      for (const organizationId of ids)
        tx.insert(planSectionResponsibles).values({ sectionId: section.id, organizationId, role }).run()
    audit(
      {
        actor: viewer,
        action: 'plan.manageSections',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, matrix: true, startDate, endDate, lead, support },
      },
      tx,
    )
  })
}

/**
 * Turns a line of action or an activity into one action item: titled as the section (both languages),
 * described by its indicator, owned by its lead institutions and supported by the others, due on its
 * end date, its origin the section. A section already turned into an action that is not cancelled is
 * refused (409) unless the person confirms.
 */
export function createActionFromSection(
  viewer: Viewer,
  planId: string,
  sectionId: string,
  options: { confirm?: boolean } = {},
  now = new Date(),
): { id: string } {
  return writeTx((tx) => {
    const { row: plan, ref } = visiblePlanOrThrow(viewer, planId, tx)
    const section = matrixSectionOrThrow(viewer, tx, plan, sectionId, 'plan.createActions')
    if (!can(viewer, 'plan.createActions', ref))
      throw refused(
        viewer,
        'plan.createActions',
        { planId: plan.id, sectionId: section.id },
        'planMatrix.error.notChair',
      )
    if (!section.endDate) throw invalid('planMatrix.error.noEndDate')
    const responsibles = tx
      .select({ code: organizations.code, role: planSectionResponsibles.role })
      .from(planSectionResponsibles)
      .innerJoin(organizations, eq(organizations.id, planSectionResponsibles.organizationId))
      .where(eq(planSectionResponsibles.sectionId, section.id))
      .orderBy(asc(organizations.sortOrder), asc(organizations.code))
      .all()
    const owners = responsibles.filter((r) => r.role === 'lead').map((r) => r.code)
    const supporting = responsibles.filter((r) => r.role === 'support').map((r) => r.code)
    if (!owners.length) throw invalid('planMatrix.error.noResponsibles')
    if (section.endDate < actionsToday(now)) throw invalid('planMatrix.error.endPast')
    const existing = tx
      .select({ id: actionItems.id })
      .from(actionItems)
      .where(and(eq(actionItems.planSectionId, section.id), ne(actionItems.status, 'cancelled')))
      .all()
    if (existing.length && !options.confirm)
      throw conflict('planMatrix.error.alreadyConverted', { current: { existing: existing.length } })
    const created = insertAction(
      tx,
      viewer,
      {
        titleEs: section.titleEs ?? undefined,
        titleEn: section.titleEn ?? undefined,
        descriptionEs: section.indicatorEs ?? undefined,
        descriptionEn: section.indicatorEn ?? undefined,
        originType: 'plan_section',
        planSection: section.id,
        owners,
        supporting,
        dueDate: section.endDate,
        priority: 'medium',
      },
      now,
    )
    audit(
      {
        actor: viewer,
        action: 'plan.createActions',
        targetType: 'plan_section',
        targetId: section.id,
        details: { planId: plan.id, actionId: created.id, owners, supporting, again: existing.length > 0 },
      },
      tx,
    )
    return created
  })
}
