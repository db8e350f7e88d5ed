/**
 * One action as its page and the API show it: what it says, where it comes from (as the viewer may see
 * it: origins.server.ts), who owns and supports it, the history of reports with the evidence the viewer
 * may open, and what the viewer may do on it.
 */
import { and, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { actionUpdateEvidence, actionUpdates, documents, organizations, people } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { findVisibleAction, localized, type OwnerRow } from './loading.server'
import { ownerParts, ownersFor } from './owner-progress.server'
import { originOf } from './origins.server'
import { isDueSoon, isOverdue } from './overdue.server'
import { shortOrgName } from '~/modules/members/org-labels'
import type { UpdateView } from './views'

export interface OwnerView {
  code: string
  name: string
  /** the acronym in the interface's language, else the name (members/org-labels.ts) */
  short: string
  kind: string
  /** the member state of a national institution */
  state: string | null
  focalPerson: string | null
}

/** Owners (or supporting organizations) as pages and the API name them. */
export function ownerViews(owners: OwnerRow[], role: OwnerRow['role'], lang: Lang): OwnerView[] {
  return owners
    .filter((o) => o.role === role)
    .map((o) => ({
      code: o.code,
      name: localized(lang, o.nameEs, o.nameEn),
      short: shortOrgName(o, lang),
      kind: o.orgKind,
      state: o.parentCode,
      focalPerson: o.focalName,
    }))
}

const author = alias(people, 'author')
const authorOrg = alias(organizations, 'author_org')
const validator = alias(people, 'validator')

/** The history of reports, newest first, with the evidence the viewer may see in the library. */
function listUpdates(viewer: Viewer, actionId: string, lang: Lang, now = Date.now()): UpdateView[] {
  const rows = db
    .select({
      id: actionUpdates.id,
      status: actionUpdates.status,
      progress: actionUpdates.progress,
      note: actionUpdates.note,
      revision: actionUpdates.revision,
      createdAt: actionUpdates.createdAt,
      author: author.name,
      orgCode: authorOrg.code,
      orgEs: authorOrg.nameEs,
      orgEn: authorOrg.nameEn,
      validation: actionUpdates.validation,
      validatedBy: validator.name,
      validatedAt: actionUpdates.validatedAt,
      validationComment: actionUpdates.validationComment,
      ownerOrganizationId: actionUpdates.ownerOrganizationId,
    })
    .from(actionUpdates)
    .innerJoin(author, eq(author.id, actionUpdates.authorId))
    .innerJoin(authorOrg, eq(authorOrg.id, actionUpdates.organizationId))
    .leftJoin(validator, eq(validator.id, actionUpdates.validatedById))
    .where(eq(actionUpdates.actionId, actionId))
    .orderBy(desc(actionUpdates.revision))
    .all()
  const evidence = rows.length
    ? db
        .select({
          updateId: actionUpdateEvidence.updateId,
          id: documents.id,
          reference: documents.reference,
          titleEs: documents.titleEs,
          titleEn: documents.titleEn,
        })
        .from(actionUpdateEvidence)
        .innerJoin(documents, eq(documents.id, actionUpdateEvidence.documentId))
        .where(
          and(
            inArray(
              actionUpdateEvidence.updateId,
              rows.map((r) => r.id),
            ),
            // evidence the viewer may not open is left out, never hinted at
            visibleDocumentsWhere(viewer, now),
          ),
        )
        .all()
    : []
  return rows.map(({ orgCode, orgEs, orgEn, ...r }) => ({
    ...r,
    organization: { code: orgCode, name: localized(lang, orgEs, orgEn) },
    evidence: evidence
      .filter((e) => e.updateId === r.id)
      .map((e) => ({ id: e.id, reference: e.reference, title: localized(lang, e.titleEs, e.titleEn) })),
  }))
}

/** Everything the action's page and the API show; null when missing or hidden. */
export function getActionDetails(viewer: Viewer, id: string, lang: Lang, now = new Date()) {
  const loaded = findVisibleAction(viewer, id)
  if (!loaded) return null
  const { row, owners, ref } = loaded
  const updates = listUpdates(viewer, row.id, lang, now.getTime())
  const pendingAll = updates.filter((u) => u.validation === 'pending')
  const pending = pendingAll[0] ?? null
  const parts = ownerParts(row.id, owners, lang)
  // the owners this person may report for (each owner reports its own part), with no report of theirs
  // waiting for validation; the secretariat may also report on the whole action
  const reportFor = can(viewer, 'action.update', ref)
    ? owners
        .filter(
          (o) =>
            o.role === 'owner' &&
            can(viewer, 'action.reportFor', {
              ...ref,
              owner: { organizationId: o.organizationId, parentOrganizationId: o.parentId },
            }) &&
            !pendingAll.some((u) => u.ownerOrganizationId === o.organizationId),
        )
        .sort((a, b) => ownersFor(viewer, [b]).length - ownersFor(viewer, [a]).length)
        .map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) }))
    : []
  const secretariatWhole = can(viewer, 'action.decideDone', ref) && !pending
  const createdBy = db.select({ name: people.name }).from(people).where(eq(people.id, row.createdById)).get()
  return {
    action: {
      id: row.id,
      title: localized(lang, row.titleEs, row.titleEn),
      titleEs: row.titleEs,
      titleEn: row.titleEn,
      description: localized(lang, row.descriptionEs, row.descriptionEn) || null,
      descriptionEs: row.descriptionEs,
      descriptionEn: row.descriptionEn,
      status: row.status,
      priority: row.priority,
      progress: row.progress,
      dueDate: row.dueDate,
      overdue: isOverdue(row.dueDate, row.status, now),
      dueSoon: isDueSoon(row.dueDate, row.status, now),
      tags: row.tags,
      revision: row.revision,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      completedAt: row.completedAt,
      createdBy: createdBy?.name ?? null,
    },
    origin: originOf(viewer, row.id, lang),
    owners: ownerViews(owners, 'owner', lang),
    supporters: ownerViews(owners, 'supporting', lang),
    updates,
    pendingUpdateId: pending?.id ?? null,
    /** every report awaiting validation (one per owner at most) */
    pendingUpdateIds: pendingAll.map((u) => u.id),
    ownerParts: parts.map(({ organizationId: _o, ...p }) => p),
    /** owner organization id -> code, to name the owner of each report */
    ownerCodes: Object.fromEntries(owners.map((o) => [o.organizationId, o.code])) as Record<string, string>,
    /** owners the viewer may report for now; `whole`: the secretariat may report on the whole action */
    reportFor: { owners: reportFor, whole: secretariatWhole },
    permissions: {
      update:
        can(viewer, 'action.update', ref) &&
        row.status !== 'cancelled' &&
        row.status !== 'done' &&
        (reportFor.length > 0 || secretariatWhole),
      validate: !!pending && can(viewer, 'action.validate', { ...ref, validation: 'pending' }),
      edit: can(viewer, 'action.edit', ref),
      cancel: can(viewer, 'action.cancel', ref),
    },
  }
}
export type ActionDetails = NonNullable<ReturnType<typeof getActionDetails>>
