/**
 * Publishing an approved plan in the document library: the plan as it stands, built as Word files (the
 * original language, and the other one as the version's translation when the plan has text in it), is
 * stored like any upload; the first publication creates the library document (kind work plan, the
 * plan's group) and sets plans.document_id, each later one adds a version. The visibility is the
 * chair's choice among those they may publish at (can('document.upload')). One writeTx writes the
 * document or version, its files, the plan_publications row, the move of an approved plan to
 * `published` and the audit entry; the files are placed before it (content-addressed: a refused or
 * failed write takes a file it placed away again) and their text is extracted for search after it.
 */
import { desc, eq } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { documents, people, planPublications, planStageHistory, plans } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { ChildJobError } from '~/modules/core/child-jobs.server'
import { conflict, DomainError, notFound, refused } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { VISIBILITIES, type Visibility } from '~/modules/documents/constants'
import { extractAndIndex } from '~/modules/documents/extraction.server'
import { removeIfUnreferenced, storeBytes } from '~/modules/documents/storage.server'
import { insertFile, insertVersion, nextReference } from '~/modules/documents/writes.server'
import { indexDocument, nextSearchRowid } from '~/modules/search/search.server'
import type { SectionLang } from './constants'
import { planRef, visiblePlan, visiblePlanOrThrow, type PlanRow } from './loading.server'
import { importRefusal } from './import.server'
import { contentOfPlan } from './word-content.server'
import { docxFilename, planDocx } from './word-export.server'

/** The visibilities the viewer may give the plan's document. */
export function publishVisibilities(viewer: Viewer, plan: Pick<PlanRow, 'groupId'>): Visibility[] {
  return VISIBILITIES.filter((visibility) =>
    can(viewer, 'document.upload', { visibility, groupId: plan.groupId }),
  )
}

export interface PublicationEntry {
  versionNumber: number
  visibility: Visibility
  stage: string
  publishedAt: Date
  by: string
}

/** The publications of a plan, latest first. */
export function listPublications(planId: string): PublicationEntry[] {
  return db
    .select({
      versionNumber: planPublications.versionNumber,
      visibility: planPublications.visibility,
      stage: planPublications.stage,
      publishedAt: planPublications.publishedAt,
      by: people.name,
    })
    .from(planPublications)
    .innerJoin(people, eq(people.id, planPublications.publishedById))
    .where(eq(planPublications.planId, planId))
    .orderBy(desc(planPublications.publishedAt), desc(planPublications.versionNumber))
    .all()
}

/** What the publication page shows: the choices and the history; null when the plan is hidden. */
export function publicationPage(viewer: Viewer, planId: string, lang: Lang) {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  const content = contentOfPlan(plan.row, { lang })
  const doc = plan.row.documentId
    ? db
        .select({ id: documents.id, reference: documents.reference })
        .from(documents)
        .where(eq(documents.id, plan.row.documentId))
        .get()
    : null
  return {
    plan: { id: plan.row.id, title: content.title, stage: plan.row.stage },
    canPublish: can(viewer, 'plan.publish', plan.ref),
    visibilities: publishVisibilities(viewer, plan.row),
    document: doc ?? null,
    publications: listPublications(plan.row.id),
  }
}

/** The refusals, before anything is built and again inside the write. */
function checkPublish(viewer: Viewer, plan: PlanRow, visibility: string) {
  const ref = planRef(plan)
  if (!can(viewer, 'plan.publish', ref)) {
    const chairs = can(viewer, 'plan.changeStage', ref)
    // the chair of a plan not yet approved is told so; anyone else may not publish at all
    throw refused(
      viewer,
      'plan.publish',
      { planId: plan.id, stage: plan.stage },
      chairs ? 'planWord.error.notApproved' : 'planWord.error.cannotPublish',
      { type: 'plan', id: plan.id },
    )
  }
  const allowed = publishVisibilities(viewer, plan) as string[]
  if (!allowed.includes(visibility)) {
    throw new DomainError(403, 'planWord.error.visibility', {
      field: 'visibility',
      refusal: {
        actor: viewer,
        action: 'plan.publish',
        outcome: 'refused',
        targetType: 'plan',
        targetId: plan.id,
        details: { visibility },
      },
    })
  }
}

interface Built {
  lang: SectionLang
  isOriginal: boolean
  stored: ReturnType<typeof storeBytes>
}

export interface PublishResult {
  documentId: string
  reference: string
  versionNumber: number
  created: boolean
}

/** Publishes the plan (see above). The visibility is checked against what the viewer may choose. */
export async function publishPlan(
  viewer: Viewer,
  planId: string,
  input: { visibility: string },
  now = new Date(),
): Promise<PublishResult> {
  const { row } = visiblePlanOrThrow(viewer, planId)
  // refused before anything is built (the route records the refusal: there is no transaction yet)
  checkPublish(viewer, row, input.visibility)
  const visibility = input.visibility as Visibility
  const original = row.originalLanguage
  const languages: SectionLang[] = [original, original === 'es' ? 'en' : 'es']
  const built: Built[] = []
  try {
    for (const lang of languages) {
      const content = contentOfPlan(row, { lang })
      const hasOwnText = content.sections.some((s) => s.textLang === lang)
      if (lang !== original && !hasOwnText) continue
      const bytes = await planDocx(content, now).catch((error: unknown) => {
        if (!(error instanceof ChildJobError)) throw error
        console.error(error.message)
        throw new DomainError(429, 'planWord.error.unavailable', { headers: { 'Retry-After': '60' } })
      })
      built.push({
        lang,
        isOriginal: lang === original,
        stored: storeBytes(bytes, docxFilename(content, now)),
      })
    }
    const result = writeTx((tx) => write(tx, viewer, planId, visibility, built, now))
    await extractAndIndex(result.fileIds)
    return result.published
  } catch (error) {
    // a file no row points at is an orphan, whether this publication placed it or not
    for (const b of built) removeIfUnreferenced(b.stored.storageKey)
    throw error
  }
}

function write(
  tx: Tx,
  viewer: Viewer,
  planId: string,
  visibility: Visibility,
  built: Built[],
  now: Date,
): { published: PublishResult; fileIds: string[] } {
  const { row: plan } = visiblePlanOrThrow(viewer, planId, tx)
  checkPublish(viewer, plan, visibility)
  let doc = plan.documentId
    ? tx.select().from(documents).where(eq(documents.id, plan.documentId)).get()
    : undefined
  if (plan.documentId && !doc) throw notFound()
  if (doc?.deletedAt) throw conflict('planWord.error.documentDeleted', { field: 'visibility' })
  const created = !doc
  let versionNumber: number
  if (!doc) {
    const reference = nextReference(tx, now.getUTCFullYear(), 'work_plan')
    doc = tx
      .insert(documents)
      .values({
        reference,
        searchRowid: nextSearchRowid(tx, now.toISOString().slice(0, 10)),
        titleEs: plan.titleEs,
        titleEn: plan.titleEn,
        originalLanguage: plan.originalLanguage,
        kind: 'work_plan',
        description: null,
        documentDate: now.toISOString().slice(0, 10),
        ownerOrganizationId: viewer.organizationId,
        uploadedById: viewer.id,
        visibility,
        groupId: plan.groupId,
        embargoUntil: null,
        tags: [],
        currentVersion: 1,
      })
      .returning()
      .get()
    versionNumber = 1
    tx.update(plans).set({ documentId: doc.id, updatedAt: now }).where(eq(plans.id, plan.id)).run()
  } else {
    versionNumber = doc.currentVersion + 1
    tx.update(documents)
      .set({
        currentVersion: versionNumber,
        visibility,
        titleEs: plan.titleEs,
        titleEn: plan.titleEn,
        revision: doc.revision + 1,
        updatedAt: now,
      })
      .where(eq(documents.id, doc.id))
      .run()
  }
  const versionId = insertVersion(tx, viewer, doc.id, versionNumber, null)
  const fileIds = built.map((b) =>
    insertFile(
      tx,
      viewer,
      { versionId, language: b.lang, isOriginal: b.isOriginal },
      b.stored,
      b.stored.storageKey,
    ),
  )
  let stage = plan.stage
  if (plan.stage === 'approved') {
    stage = 'published'
    tx.update(plans).set({ stage, updatedAt: now }).where(eq(plans.id, plan.id)).run()
    tx.insert(planStageHistory)
      .values({
        planId: plan.id,
        fromStage: plan.stage,
        stage,
        byId: viewer.id,
        note: doc.reference,
        at: now,
      })
      .run()
  }
  tx.insert(planPublications)
    .values({
      planId: plan.id,
      documentId: doc.id,
      versionNumber,
      stage,
      visibility,
      publishedById: viewer.id,
      publishedAt: now,
    })
    .run()
  indexDocument(tx, doc.id)
  audit(
    {
      actor: viewer,
      action: 'plan.publish',
      targetType: 'plan',
      targetId: plan.id,
      details: { documentId: doc.id, reference: doc.reference, version: versionNumber, visibility, stage },
    },
    tx,
  )
  return {
    published: { documentId: doc.id, reference: doc.reference, versionNumber, created },
    fileIds,
  }
}

/** What the plan's page offers for Word (plan word): the import while the plan may be started from a
 * document, the publication page to its chair once approved (and to everyone once published). */
export function wordLinks(viewer: Viewer, planId: string) {
  const plan = visiblePlan(viewer, planId)
  if (!plan) return null
  return {
    import: importRefusal(viewer, plan.row.id) === null,
    publish: can(viewer, 'plan.publish', plan.ref) || plan.row.documentId !== null,
  }
}
