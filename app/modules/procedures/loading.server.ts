// Reading procedures as the rules see them: the row, its states, the refs for can(), and the one
// visibility rule as SQL for lists. Rules: app/modules/access/can.ts, block "written procedure".
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import {
  organizations,
  people,
  writtenProcedurePositions,
  writtenProcedureStates,
  writtenProcedures,
} from '@db/schema'
import { can, type ProcedureRef, type ProcedureStateRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { visibleProceduresWhere } from '~/modules/access/origins-visibility.server'
import { notFound } from '~/modules/core/domain-error.server'

export type ProcedureRow = typeof writtenProcedures.$inferSelect
type Reader = Tx | typeof db

export const ID = /^[A-Za-z0-9_-]{1,64}$/

/** Before the deadline and not closed, as the server's clock says. */
export const isOpen = (row: Pick<ProcedureRow, 'status' | 'deadline'>, now: Date) =>
  row.status === 'open' && now.getTime() < row.deadline.getTime()

export interface StateRow {
  organizationId: string
  code: string
  nameEs: string
  nameEn: string
  delegateId: string | null
}

export function statesOf(tx: Reader, procedureId: string): StateRow[] {
  return tx
    .select({
      organizationId: writtenProcedureStates.organizationId,
      code: organizations.code,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
      delegateId: writtenProcedureStates.delegateId,
    })
    .from(writtenProcedureStates)
    .innerJoin(organizations, eq(organizations.id, writtenProcedureStates.organizationId))
    .where(eq(writtenProcedureStates.procedureId, procedureId))
    .orderBy(asc(organizations.code))
    .all()
}

export function procedureRef(row: ProcedureRow, states: StateRow[], now: Date): ProcedureRef {
  return {
    visibility: row.visibility,
    open: isOpen(row, now),
    extended: row.extendedAt !== null,
    concernedOrganizationIds: states.map((s) => s.organizationId),
  }
}

export function stateRef(ref: ProcedureRef, organizationId: string, states: StateRow[]): ProcedureStateRef {
  return {
    ...ref,
    organizationId,
    delegateId: states.find((s) => s.organizationId === organizationId)?.delegateId ?? null,
  }
}

export interface LoadedProcedure {
  row: ProcedureRow
  states: StateRow[]
  ref: ProcedureRef
}

/** The procedure when the viewer may see it, else null (hidden and missing look the same). */
export function visibleProcedure(
  viewer: Viewer | null,
  id: string,
  now: Date,
  tx: Reader = db,
): LoadedProcedure | null {
  if (!ID.test(id)) return null
  const row = tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()
  if (!row) return null
  const states = statesOf(tx, row.id)
  const ref = procedureRef(row, states, now)
  return can(viewer, 'procedure.view', ref) ? { row, states, ref } : null
}

export function visibleProcedureOrThrow(viewer: Viewer, id: string, now: Date, tx: Reader = db) {
  const p = visibleProcedure(viewer, id, now, tx)
  if (!p) throw notFound()
  return p
}

/** The list's visibility, as SQL (the same rule as procedure.view: member states see every procedure,
 * observers and organizations those open to participants): access/origins-visibility.server.ts. */
export { visibleProceduresWhere }

export interface PositionRow {
  organizationId: string
  version: number
  position: 'agree' | 'object' | 'amend'
  reason: string
  personId: string
  personName: string
  createdAt: Date
}

/** Every position of the procedure, oldest first (the current one of a state is its last). */
export function positionsOf(tx: Reader, procedureId: string): PositionRow[] {
  return tx
    .select({
      organizationId: writtenProcedurePositions.organizationId,
      version: writtenProcedurePositions.version,
      position: writtenProcedurePositions.position,
      reason: writtenProcedurePositions.reason,
      personId: writtenProcedurePositions.personId,
      personName: people.name,
      createdAt: writtenProcedurePositions.createdAt,
    })
    .from(writtenProcedurePositions)
    .innerJoin(people, eq(people.id, writtenProcedurePositions.personId))
    .where(eq(writtenProcedurePositions.procedureId, procedureId))
    .orderBy(asc(writtenProcedurePositions.organizationId), asc(writtenProcedurePositions.version))
    .all()
}

/** The current position of each state (its highest version). */
export function currentPositions(tx: Reader, procedureId: string): Map<string, PositionRow> {
  const out = new Map<string, PositionRow>()
  for (const p of positionsOf(tx, procedureId)) out.set(p.organizationId, p)
  return out
}

/** The current position of each state in several procedures. */
export function currentPositionsIn(tx: Reader, procedureIds: string[]) {
  if (!procedureIds.length) return new Map<string, Map<string, string>>()
  const p = writtenProcedurePositions
  const rows = tx
    .select({ procedureId: p.procedureId, organizationId: p.organizationId, position: p.position })
    .from(p)
    .where(
      and(
        inArray(p.procedureId, procedureIds),
        sql`${p.version} = (select max(p2.version) from written_procedure_positions p2
          where p2.procedure_id = ${p.procedureId} and p2.organization_id = ${p.organizationId})`,
      ),
    )
    .orderBy(desc(p.procedureId))
    .all()
  const out = new Map<string, Map<string, string>>()
  for (const r of rows) {
    if (!out.has(r.procedureId)) out.set(r.procedureId, new Map())
    out.get(r.procedureId)!.set(r.organizationId, r.position)
  }
  return out
}
