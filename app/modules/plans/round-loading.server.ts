/**
 * A plan's consultation rounds as the rules see them: each round with its sections, its consulted
 * organizations (and when each submitted) and the reference can() decides on (`PlanRoundRef`, open or
 * not at `now`). Shared by the writes (rounds.server.ts) and the pages (round-pages.server.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { type db, type Tx } from '@db/client'
import {
  organizations,
  planRoundOrganizations,
  planRoundSections,
  planRounds,
  planSections,
  plans,
} from '@db/schema'
import { can, type OrgRef, type PlanRoundOrgRef, type PlanRoundRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { notFound } from '~/modules/core/domain-error.server'
import { planRef, type PlanRow } from './loading.server'

export type Reader = Tx | typeof db
export const ID = /^[A-Za-z0-9_-]{1,64}$/
/** A round lasts at most a year. */
export const MAX_ROUND_MS = 366 * 86_400_000

export type RoundRow = typeof planRounds.$inferSelect
export interface RoundOrganization {
  id: string
  code: string
  nameEs: string
  nameEn: string
  parentId: string | null
  sortOrder: number
  submittedAt: Date | null
  submittedById: string | null
}
export interface LoadedRound {
  plan: PlanRow
  row: RoundRow
  ref: PlanRoundRef
  /** the sections asked about (every section of the plan for a whole-plan round), ids */
  sectionIds: string[]
  organizations: RoundOrganization[]
}

/** Open: not closed early and before its deadline. */
export const roundIsOpen = (row: Pick<RoundRow, 'closedAt' | 'deadline'>, now: Date) =>
  row.closedAt === null && row.deadline.getTime() > now.getTime()

export const orgRef = (o: Pick<RoundOrganization, 'id' | 'parentId'>): OrgRef => ({
  organizationId: o.id,
  parentOrganizationId: o.parentId,
})

function roundOrganizations(tx: Reader, roundIds: string[]): Map<string, RoundOrganization[]> {
  const out = new Map<string, RoundOrganization[]>()
  if (!roundIds.length) return out
  const rows = tx
    .select({
      roundId: planRoundOrganizations.roundId,
      id: organizations.id,
      code: organizations.code,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
      parentId: organizations.parentId,
      sortOrder: organizations.sortOrder,
      submittedAt: planRoundOrganizations.submittedAt,
      submittedById: planRoundOrganizations.submittedById,
    })
    .from(planRoundOrganizations)
    .innerJoin(organizations, eq(organizations.id, planRoundOrganizations.organizationId))
    .where(inArray(planRoundOrganizations.roundId, roundIds))
    .orderBy(asc(organizations.sortOrder), asc(organizations.code))
    .all()
  for (const { roundId, ...o } of rows) (out.get(roundId) ?? out.set(roundId, []).get(roundId)!).push(o)
  return out
}

export function loadRounds(tx: Reader, plan: PlanRow, now: Date, number?: number): LoadedRound[] {
  const rows = tx
    .select()
    .from(planRounds)
    .where(
      number === undefined
        ? eq(planRounds.planId, plan.id)
        : and(eq(planRounds.planId, plan.id), eq(planRounds.number, number)),
    )
    .orderBy(asc(planRounds.number))
    .all()
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const orgs = roundOrganizations(tx, ids)
  const chosen = tx.select().from(planRoundSections).where(inArray(planRoundSections.roundId, ids)).all()
  const all = tx
    .select({ id: planSections.id, retired: planSections.retired })
    .from(planSections)
    .where(eq(planSections.planId, plan.id))
    .all()
  return rows.map((row) => {
    const list = orgs.get(row.id) ?? []
    return {
      plan,
      row,
      ref: { ...planRef(plan), open: roundIsOpen(row, now), consulted: list.map(orgRef) },
      sectionIds: row.wholePlan
        ? all.filter((s) => !s.retired).map((s) => s.id)
        : chosen.filter((c) => c.roundId === row.id).map((c) => c.sectionId),
      organizations: list,
    }
  })
}

export const planRow = (tx: Reader, planId: string) =>
  ID.test(planId) ? tx.select().from(plans).where(eq(plans.id, planId)).get() : undefined

/** The round when the viewer may see it (its group, or a consulted organization's focal point). */
export function visibleRound(viewer: Viewer | null, tx: Reader, planId: string, number: number, now: Date) {
  const plan = planRow(tx, planId)
  if (!plan || !Number.isInteger(number) || number < 1) return null
  const round = loadRounds(tx, plan, now, number)[0]
  return round && can(viewer, 'plan.roundView', round.ref) ? round : null
}
export function visibleRoundOrThrow(viewer: Viewer, tx: Reader, planId: string, number: number, now: Date) {
  const round = visibleRound(viewer, tx, planId, number, now)
  if (!round) throw notFound()
  return round
}

export const orgOfRound = (round: LoadedRound, organizationId: string) =>
  round.organizations.find((o) => o.id === organizationId)

export function orgRoundRef(round: LoadedRound, o: RoundOrganization): PlanRoundOrgRef {
  return { ...round.ref, ...orgRef(o), submitted: o.submittedAt !== null }
}

/** The consulted organizations the viewer may write for in the round. */
export function writableOrganizations(viewer: Viewer, round: LoadedRound) {
  return round.organizations.filter((o) => can(viewer, 'plan.roundComment', orgRoundRef(round, o)))
}
