// What the procedure pages, the API, the dashboard and the decisions register read. The visibility of
// lists is applied in SQL (loading.server.ts); a page's parts by can().
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import { db } from '@db/client'
import { documents, documentVersions, organizations, people, plans, writtenProcedures } from '@db/schema'
import { localized, type Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { renderMarkdown } from '~/modules/text/markdown.server'
import { SEAT_TIME_ZONE, zoneOfOrganization } from '~/modules/plans/round-time'
import { breaksSilence, type ProcedureOutcome, type ProcedurePosition } from './constants'
import {
  currentPositionsIn,
  isOpen,
  positionsOf,
  procedureRef,
  stateRef,
  statesOf,
  visibleProcedure,
  visibleProceduresWhere,
  type ProcedureRow,
} from './loading.server'

// the list's filters are client-safe (the page's select shows them): constants.ts
export { PROCEDURE_FILTERS, readFilter, type ProcedureFilter } from './constants'
import type { ProcedureFilter } from './constants'

const subject = (r: Pick<ProcedureRow, 'subjectEs' | 'subjectEn'>, lang: Lang) =>
  localized(lang, r.subjectEs, r.subjectEn)

export interface ProcedureListItem {
  id: string
  number: number
  subject: string
  textKind: ProcedureRow['textKind']
  status: ProcedureRow['status']
  open: boolean
  outcome: ProcedureOutcome | null
  decisionCode: string | null
  deadline: Date
  closedAt: Date | null
  states: number
  positions: { agree: number; object: number; amend: number }
}

function filterWhere(filter: ProcedureFilter): SQL | undefined {
  switch (filter) {
    case 'open':
      return eq(writtenProcedures.status, 'open')
    case 'closed':
      return eq(writtenProcedures.status, 'closed')
    case 'adopted':
    case 'not_adopted':
      return eq(writtenProcedures.outcome, filter)
    default:
      return undefined
  }
}

export function listProcedures(
  viewer: Viewer | null,
  { filter = 'all' as ProcedureFilter, lang = 'es' as Lang, now = new Date(), limit = 100 } = {},
): ProcedureListItem[] {
  const rows = db
    .select()
    .from(writtenProcedures)
    .where(and(visibleProceduresWhere(viewer), filterWhere(filter)))
    .orderBy(desc(writtenProcedures.number))
    .limit(limit)
    .all()
  const positions = currentPositionsIn(
    db,
    rows.map((r) => r.id),
  )
  const stateCounts = new Map<string, number>()
  for (const r of rows) stateCounts.set(r.id, statesOf(db, r.id).length)
  return rows.map((r) => {
    const counts = { agree: 0, object: 0, amend: 0 }
    for (const p of positions.get(r.id)?.values() ?? []) counts[p as ProcedurePosition]++
    return {
      id: r.id,
      number: r.number,
      subject: subject(r, lang),
      textKind: r.textKind,
      status: r.status,
      open: isOpen(r, now),
      outcome: r.outcome,
      decisionCode: r.decisionCode,
      deadline: r.deadline,
      closedAt: r.closedAt,
      states: stateCounts.get(r.id) ?? 0,
      positions: counts,
    }
  })
}

export interface StatePositionView {
  code: string
  name: string
  position: ProcedurePosition | null
  reason: string
  by: string | null
  at: Date | null
  history: { version: number; position: ProcedurePosition; reason: string; by: string; at: Date }[]
}

/** The page (and API record) of one procedure, or null when hidden or missing. */
export function procedurePage(viewer: Viewer, id: string, lang: Lang, now = new Date()) {
  const p = visibleProcedure(viewer, id, now)
  if (!p) return null
  const { row, states, ref } = p
  const all = positionsOf(db, row.id)
  const byState = new Map<string, typeof all>()
  for (const x of all) byState.set(x.organizationId, [...(byState.get(x.organizationId) ?? []), x])
  const stateViews: StatePositionView[] = states.map((s) => {
    const list = byState.get(s.organizationId) ?? []
    const cur = list[list.length - 1]
    return {
      code: s.code,
      name: localized(lang, s.nameEs, s.nameEn),
      position: cur?.position ?? null,
      reason: cur?.reason ?? '',
      by: cur?.personName ?? null,
      at: cur?.createdAt ?? null,
      history: list
        .slice(0, -1)
        .reverse()
        .map((h) => ({
          version: h.version,
          position: h.position,
          reason: h.reason,
          by: h.personName,
          at: h.createdAt,
        })),
    }
  })
  const seesPositions = can(viewer, 'procedure.viewPositions', ref)
  // who broke silence, and why: part of the outcome, for everyone who sees the procedure
  const brokenBy =
    row.status === 'closed'
      ? stateViews
          .filter((s) => s.position && breaksSilence(s.position))
          .map((s) => ({ code: s.code, name: s.name, position: s.position!, reason: s.reason }))
      : []
  const textLang: Lang | null = (lang === 'es' ? row.textEs : row.textEn)
    ? lang
    : row.textEs
      ? 'es'
      : row.textEn
        ? 'en'
        : null
  const text = textLang === 'es' ? row.textEs : textLang === 'en' ? row.textEn : null
  const plan = row.planId ? db.select().from(plans).where(eq(plans.id, row.planId)).get() : null
  const version = row.documentVersionId
    ? db
        .select({
          number: documentVersions.number,
          documentId: documents.id,
          titleEs: documents.titleEs,
          titleEn: documents.titleEn,
        })
        .from(documentVersions)
        .innerJoin(documents, eq(documents.id, documentVersions.documentId))
        .where(eq(documentVersions.id, row.documentVersionId))
        .get()
    : null
  const related = (ids: (string | null)[]) =>
    ids.filter(Boolean).length
      ? db
          .select({ id: writtenProcedures.id, number: writtenProcedures.number })
          .from(writtenProcedures)
          .where(
            inArray(
              writtenProcedures.id,
              ids.filter((x): x is string => !!x),
            ),
          )
          .all()
      : []
  const previous = related([row.previousId])[0] ?? null
  const next = db
    .select({ id: writtenProcedures.id, number: writtenProcedures.number })
    .from(writtenProcedures)
    .where(eq(writtenProcedures.previousId, row.id))
    .orderBy(asc(writtenProcedures.number))
    .all()
  const own = states.find((s) => s.organizationId === viewer.organizationId)
  const ownRef = stateRef(ref, viewer.organizationId, states)
  const canPosition = can(viewer, 'procedure.takePosition', ownRef)
  const canNameDelegate = can(viewer, 'procedure.nameDelegate', ownRef)
  const delegates = canNameDelegate
    ? db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(
          and(
            eq(people.organizationId, viewer.organizationId),
            eq(people.status, 'active'),
            eq(people.role, 'delegate'),
          ),
        )
        .orderBy(asc(people.name))
        .all()
    : []
  return {
    id: row.id,
    number: row.number,
    subject: subject(row, lang),
    textKind: row.textKind,
    text,
    textLang,
    html: text ? renderMarkdown(text) : null,
    plan:
      plan && can(viewer, 'plan.view', { groupId: plan.groupId, stage: plan.stage })
        ? { id: plan.id, title: localized(lang, plan.titleEs, plan.titleEn) }
        : null,
    document: version
      ? {
          id: version.documentId,
          title: localized(lang, version.titleEs, version.titleEn),
          version: version.number,
        }
      : null,
    visibility: row.visibility,
    status: row.status,
    open: ref.open,
    outcome: row.outcome,
    decisionCode: row.decisionCode,
    deadline: row.deadline,
    originalDeadline: row.originalDeadline,
    extendedAt: row.extendedAt,
    extensionReason: row.extensionReason,
    launchedAt: row.launchedAt,
    closedAt: row.closedAt,
    previous,
    next,
    seatZone: SEAT_TIME_ZONE,
    ownZone: zoneOfOrganization(viewer.organizationCode),
    now,
    states: seesPositions ? stateViews : null,
    stateCount: states.length,
    brokenBy,
    ownState:
      own && (canPosition || canNameDelegate)
        ? {
            code: own.code,
            name: localized(lang, own.nameEs, own.nameEn),
            current: stateViews.find((s) => s.code === own.code)?.position ?? null,
            delegateId: own.delegateId,
          }
        : null,
    canPosition,
    canNameDelegate,
    delegates,
    canExtend: can(viewer, 'procedure.extend', ref),
    canRelaunch: can(viewer, 'procedure.launch') && row.outcome === 'not_adopted',
  }
}
export type ProcedurePage = NonNullable<ReturnType<typeof procedurePage>>

/** Open procedures whose state the viewer speaks for and that still wait for its position (dashboard). */
export function proceduresAwaiting(viewer: Viewer, lang: Lang, now = new Date()) {
  if (viewer.organizationKind !== 'member_state') return []
  const rows = db
    .select()
    .from(writtenProcedures)
    .where(eq(writtenProcedures.status, 'open'))
    .orderBy(asc(writtenProcedures.deadline))
    .limit(50)
    .all()
    .filter((r) => isOpen(r, now))
  const current = currentPositionsIn(
    db,
    rows.map((r) => r.id),
  )
  const out: { id: string; number: number; subject: string; deadline: Date }[] = []
  for (const r of rows) {
    const states = statesOf(db, r.id)
    const ref = stateRef(procedureRef(r, states, now), viewer.organizationId, states)
    if (!can(viewer, 'procedure.takePosition', ref)) continue
    if (current.get(r.id)?.has(viewer.organizationId)) continue
    out.push({ id: r.id, number: r.number, subject: subject(r, lang), deadline: r.deadline })
  }
  return out
}

/** The launch form's choices: plans at their consolidated-draft stage, documents, member states. */
export function launchOptions(lang: Lang) {
  const consolidated = db
    .select({ id: plans.id, titleEs: plans.titleEs, titleEn: plans.titleEn })
    .from(plans)
    .where(eq(plans.stage, 'consolidated_draft'))
    .all()
    .map((p) => ({ value: p.id, label: localized(lang, p.titleEs, p.titleEn) }))
  const docs = db
    .select({ id: documents.id, titleEs: documents.titleEs, titleEn: documents.titleEn })
    .from(documents)
    .where(
      and(inArray(documents.visibility, ['public', 'participants', 'members']), isNull(documents.deletedAt)),
    )
    .orderBy(desc(documents.createdAt))
    .limit(200)
    .all()
    .map((d) => ({ value: d.id, label: localized(lang, d.titleEs, d.titleEn) }))
  const states = db
    .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.kind, 'member_state'))
    .all()
    .map((s) => ({ value: s.code, label: localized(lang, s.nameEs, s.nameEn) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang))
  return { plans: consolidated, documents: docs, states }
}
