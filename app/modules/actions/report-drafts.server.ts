/**
 * "Upload a document first", from the report form: what the person typed is kept here (not in a URL:
 * a note may be long), they go to the upload page with a return path, and come back to the action with
 * the report as they left it and the new document chosen as evidence. A draft is its author's only,
 * for one action; it is deleted when the report is sent, and drafts older than a day are swept.
 */
import { and, eq, lt } from 'drizzle-orm'
import { db } from '@db/client'
import { actionReportDrafts, documents } from '@db/schema'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { localized } from './loading.server'
import type { EvidenceView } from './views'

const FIELDS = ['status', 'progress', 'note', 'owner', 'evidenceReference'] as const
const DAY = 24 * 60 * 60 * 1000
export type DraftFields = Record<string, string | string[]>

/** Keeps the typed report (known fields only, bounded) and answers the draft's id. */
export function saveReportDraft(viewer: Viewer, actionId: string, form: FormData, now = new Date()): string {
  const fields: DraftFields = {}
  for (const name of FIELDS) {
    const v = form.get(name)
    if (typeof v === 'string') fields[name] = v.slice(0, name === 'note' ? 4000 : 100)
  }
  fields.evidence = form
    .getAll('evidence')
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 20)
    .map((v) => v.slice(0, 64))
  return db.transaction((tx) => {
    tx.delete(actionReportDrafts)
      .where(lt(actionReportDrafts.createdAt, new Date(now.getTime() - DAY)))
      .run()
    return tx
      .insert(actionReportDrafts)
      .values({ actionId, personId: viewer.id, fields, createdAt: now })
      .returning({ id: actionReportDrafts.id })
      .get().id
  })
}

/** The viewer's own draft for this action, or null. */
export function readReportDraft(
  viewer: Viewer,
  actionId: string,
  draftId: string | null,
): DraftFields | null {
  if (!draftId || !/^[A-Za-z0-9_-]{1,64}$/.test(draftId)) return null
  const row = db
    .select({ fields: actionReportDrafts.fields })
    .from(actionReportDrafts)
    .where(
      and(
        eq(actionReportDrafts.id, draftId),
        eq(actionReportDrafts.actionId, actionId),
        eq(actionReportDrafts.personId, viewer.id),
      ),
    )
    .get()
  return row?.fields ?? null
}

/** A document the viewer may see, to offer (and choose) as evidence. */
export function evidenceDocument(viewer: Viewer, id: string | null, lang: 'es' | 'en'): EvidenceView | null {
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null
  const d = db
    .select({
      id: documents.id,
      reference: documents.reference,
      titleEs: documents.titleEs,
      titleEn: documents.titleEn,
    })
    .from(documents)
    .where(and(eq(documents.id, id), visibleDocumentsWhere(viewer, Date.now())))
    .get()
  return d ? { id: d.id, reference: d.reference, title: localized(lang, d.titleEs, d.titleEn) } : null
}
