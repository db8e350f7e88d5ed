/**
 * Actions with several owners: each owner organization reports its own part (docs/decisions/0013), and
 * the action's page shows each owner's progress and the whole. An owner's part is what its latest report
 * says; the action's progress is the mean of its owners' parts (an owner that has not reported counts
 * 0). The action is done when every owner's report of done is validated, or when the secretariat decides
 * so with a reason.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { actionUpdates, people } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { speaksFor } from '~/modules/access/can'
import { localized, type OwnerRow } from './loading.server'
import type { ActionStatus, Validation } from './schemas'

export interface OwnerPart {
  organizationId: string
  code: string
  name: string
  /** the owner's latest report, null when it has not reported yet */
  last: {
    status: ActionStatus
    progress: number
    validation: Validation | null
    author: string
    createdAt: Date
    validationComment: string | null
  } | null
}

const author = alias(people, 'part_author')

/** Each owner's part, in the owners' order. */
export function ownerParts(
  actionId: string,
  owners: OwnerRow[],
  lang: 'es' | 'en' = 'es',
  tx: Tx | typeof db = db,
): OwnerPart[] {
  const rows = tx
    .select({
      owner: actionUpdates.ownerOrganizationId,
      status: actionUpdates.status,
      progress: actionUpdates.progress,
      validation: actionUpdates.validation,
      validationComment: actionUpdates.validationComment,
      createdAt: actionUpdates.createdAt,
      author: author.name,
    })
    .from(actionUpdates)
    .innerJoin(author, eq(author.id, actionUpdates.authorId))
    .where(and(eq(actionUpdates.actionId, actionId), isNotNull(actionUpdates.ownerOrganizationId)))
    .orderBy(desc(actionUpdates.revision))
    .all()
  return owners
    .filter((o) => o.role === 'owner')
    .map((o) => {
      const last = rows.find((r) => r.owner === o.organizationId)
      return {
        organizationId: o.organizationId,
        code: o.code,
        name: localized(lang, o.nameEs, o.nameEn),
        last: last
          ? {
              status: last.status,
              progress: last.progress,
              validation: last.validation,
              author: last.author,
              createdAt: last.createdAt,
              validationComment: last.validationComment,
            }
          : null,
      }
    })
}

/** The mean of the owners' parts, a whole percentage. */
export function overallProgress(parts: Pick<OwnerPart, 'last'>[]): number {
  if (!parts.length) return 0
  return Math.round(parts.reduce((sum, p) => sum + (p.last?.progress ?? 0), 0) / parts.length)
}

/** Every owner has reported its part done (waiting for validation or validated). */
export const everyOwnerReportedDone = (parts: Pick<OwnerPart, 'last'>[]) =>
  parts.length > 0 && parts.every((p) => p.last?.status === 'done' && p.last.validation !== 'returned')

/** Every owner's report of done is validated: the action is done. */
export const everyOwnerValidated = (parts: Pick<OwnerPart, 'last'>[]) =>
  parts.length > 0 && parts.every((p) => p.last?.status === 'done' && p.last.validation === 'validated')

/** The owners this person may report for: their institution first, then their organization, then a
 * state's institutions. */
export function ownersFor(viewer: Viewer, owners: OwnerRow[]): OwnerRow[] {
  const own = owners.filter(
    (o) =>
      o.role === 'owner' &&
      speaksFor(viewer, { organizationId: o.organizationId, parentOrganizationId: o.parentId }),
  )
  const rank = (o: OwnerRow) =>
    o.organizationId === viewer.institutionId ? 0 : o.organizationId === viewer.organizationId ? 1 : 2
  return own.sort((a, b) => rank(a) - rank(b))
}
