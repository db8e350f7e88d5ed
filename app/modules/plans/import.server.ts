/**
 * A plan started from a Word document: a new plan of a group (its chair), or a plan still without
 * sections at the mandate or drafting stage (its drafters and chair). The upload is limited while it
 * streams (MAX_IMPORT_BYTES, 413), the document is read off the event loop by plan-import.job.mjs
 * (zip-bomb guard, mammoth, at most MAX_IMPORT_SECTIONS headings), then one writeTx creates the plan
 * when it is new, every section with its first revision (the plans writing service's own functions)
 * and the audit entry. Every refusal is at the form's field with nothing written.
 */
import { count, eq } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { groups, planSections } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { ChildJobError, runChildJob } from '~/modules/core/child-jobs.server'
import { conflict, DomainError, type DomainStatus } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { discardTemp, type TempUpload } from '~/modules/documents/storage.server'
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_INFLATED_BYTES,
  MAX_IMPORT_SECTIONS,
  MAX_SECTION_TEXT,
  SECTION_KINDS,
  type SectionLang,
} from './constants'
import { localized, visiblePlanOrThrow } from './loading.server'
import { addSection, createPlan } from './writing.server'

export interface ImportedSection {
  level: number
  title: string
  text: string
}

type JobAnswer =
  | { ok: true; sections: ImportedSection[]; warnings: string[] }
  | { ok: false; reason: string; detail: string }

export type ImportTarget =
  | { planId: string }
  | { newPlan: { groupId: string; title: string; originalLanguage: SectionLang } }

export interface ImportSummary {
  planId: string
  sections: number
  warnings: string[]
  filename: string
}

/** A refusal at a field of the import form, recorded in the audit log when it is a 403. */
function refusedAt(viewer: Viewer, status: DomainStatus, messageKey: string, field = 'file', details = {}) {
  return new DomainError(status, messageKey, {
    field,
    refusal:
      status === 403 ? { actor: viewer, action: 'plan.import', outcome: 'refused', details } : undefined,
  })
}

const REASONS: Record<string, [DomainStatus, string]> = {
  not_docx: [415, 'planWord.error.notDocx'],
  inflated_too_large: [413, 'planWord.error.inflated'],
  too_many_sections: [413, 'planWord.error.tooManySections'],
  section_too_long: [413, 'planWord.error.sectionTooLong'],
  empty: [400, 'planWord.error.empty'],
}

export function sectionCount(tx: Tx | typeof db, planId: string): number {
  return tx.select({ n: count() }).from(planSections).where(eq(planSections.planId, planId)).get()?.n ?? 0
}

/** The groups whose new plans the viewer may start (the chair's; every active group for the secretariat). */
export function importGroups(viewer: Viewer, lang: Lang) {
  return db
    .select({
      id: groups.id,
      slug: groups.slug,
      nameEs: groups.nameEs,
      nameEn: groups.nameEn,
      active: groups.active,
    })
    .from(groups)
    .all()
    .filter(
      (g) =>
        g.active &&
        can(viewer, 'plan.create', { groupId: g.id }) &&
        can(viewer, 'plan.import', { groupId: g.id, stage: 'drafting' }),
    )
    .map((g) => ({ id: g.id, slug: g.slug, name: localized(lang, g.nameEs, g.nameEn) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The checks that can be told before the document is read (and again inside the write). */
export function checkTarget(viewer: Viewer, target: ImportTarget, tx: Tx | typeof db = db) {
  if ('planId' in target) {
    const { row, ref } = visiblePlanOrThrow(viewer, target.planId, tx)
    if (!can(viewer, 'plan.import', ref))
      throw refusedAt(viewer, 403, 'planWord.error.cannotImport', 'file', {
        planId: row.id,
        stage: row.stage,
      })
    if (sectionCount(tx, row.id) > 0) throw conflict('planWord.error.notEmpty', { field: 'file' })
    return row.originalLanguage
  }
  const { groupId, originalLanguage } = target.newPlan
  if (!can(viewer, 'plan.create', { groupId }) || !can(viewer, 'plan.import', { groupId, stage: 'drafting' }))
    throw refusedAt(viewer, 403, 'planWord.error.group', 'group', { groupId })
  return originalLanguage
}

/** Why the viewer may not import into this plan now (the message key), or null when they may. */
export function importRefusal(viewer: Viewer, planId: string): string | null {
  try {
    checkTarget(viewer, { planId })
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey
    throw error
  }
}

/** Reads the document (a received upload, consumed either way) and writes the sections. */
export async function importPlanDocx(
  viewer: Viewer,
  target: ImportTarget,
  upload: TempUpload,
): Promise<ImportSummary> {
  try {
    const original = checkTarget(viewer, target)
    if (upload.kind !== 'docx') throw refusedAt(viewer, 415, 'planWord.error.notDocx')
    if (upload.size > MAX_IMPORT_BYTES) throw refusedAt(viewer, 413, 'planWord.error.tooLarge')
    let answer: JobAnswer
    try {
      answer = await runChildJob<JobAnswer>('app/modules/plans/plan-import.job.mjs', {
        path: upload.tmpPath,
        maxInflatedBytes: MAX_IMPORT_INFLATED_BYTES,
        maxSections: MAX_IMPORT_SECTIONS,
        maxText: MAX_SECTION_TEXT,
        maxTitle: 300,
        preambleTitle: translator(original).t('planWord.import.preamble'),
      })
    } catch (error) {
      if (!(error instanceof ChildJobError)) throw error
      console.error(error.message)
      // a document that exhausts the job's memory or time is a hostile one as far as we can tell
      if (error.reason === 'memory' || error.reason === 'timeout')
        throw refusedAt(viewer, 413, 'planWord.error.inflated')
      // the job queue is full or the job failed: try again later, what was typed is kept
      throw new DomainError(429, 'planWord.error.unavailable', {
        field: 'file',
        headers: { 'Retry-After': '60' },
      })
    }
    if (!answer.ok) {
      const [status, key] = REASONS[answer.reason] ?? REASONS.not_docx
      throw refusedAt(viewer, status, key)
    }
    const sections = answer.sections
    const planId = writeTx((tx) => {
      checkTarget(viewer, target, tx)
      const id =
        'planId' in target
          ? target.planId
          : createPlan(
              viewer,
              {
                groupId: target.newPlan.groupId,
                titleEs: original === 'es' ? target.newPlan.title : null,
                titleEn: original === 'en' ? target.newPlan.title : null,
                originalLanguage: original,
                stage: 'drafting',
              },
              tx,
            )
      // the parent of a heading is the nearest heading of a higher level before it
      const open: { level: number; id: string }[] = []
      for (const s of sections) {
        const level = Math.min(Math.max(Math.trunc(s.level), 1), SECTION_KINDS.length)
        while (open.length && open[open.length - 1].level >= level) open.pop()
        const sectionId = addSection(
          viewer,
          id,
          {
            parentId: open.length ? open[open.length - 1].id : null,
            kind: SECTION_KINDS[level - 1],
            titleEs: original === 'es' ? s.title : null,
            titleEn: original === 'en' ? s.title : null,
            text: s.text,
          },
          tx,
        )
        open.push({ level, id: sectionId })
      }
      audit(
        {
          actor: viewer,
          action: 'plan.import',
          targetType: 'plan',
          targetId: id,
          details: {
            sections: sections.length,
            sha256: upload.sha256,
            size: upload.size,
            new: !('planId' in target),
          },
        },
        tx,
      )
      return id
    })
    return { planId, sections: sections.length, warnings: answer.warnings, filename: upload.filename }
  } finally {
    discardTemp(upload)
  }
}
