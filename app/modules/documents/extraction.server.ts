/**
 * Text extraction for the search index: PDF (unpdf), DOCX (mammoth), TXT/CSV as they are. Files are
 * untrusted, so the work happens in worker threads with limits (extraction-pool.server.ts): a file over
 * EXTRACT_MAX_FILE_MB, inflating past EXTRACT_MAX_INFLATED_MB, taking longer than
 * EXTRACT_TIMEOUT_SECONDS or more memory than EXTRACT_MAX_MEMORY_MB stays stored and downloadable,
 * marked `failed` with the reason (`text_failure`), and is never tried again. It runs right after the
 * upload's commit (the upload answers once the text is indexed, so a search a moment later finds it);
 * files left `pending` by a restart are picked up by the housekeeping sweep, except a file whose
 * extraction was under way when the server stopped: that one is marked `interrupted`, not retried.
 */
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm'
import { db } from '@db/client'
import { documentFiles, documentVersions, type TextFailure, type TextStatus } from '@db/schema'
import { getEnv } from '~/env.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { indexDocument } from '~/modules/search/search.server'
import { extractInWorker } from './extraction-pool.server'
import { kindOfMime, storagePath } from './storage.server'

export interface Extraction {
  status: TextStatus
  text: string | null
  failure: TextFailure | null
}

/** The text of a stored file, by its media type. `none` for kinds without text (images, sheets). */
export async function extractText(storageKey: string, mimeType: string, size: number): Promise<Extraction> {
  const kind = kindOfMime(mimeType)
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'txt' && kind !== 'csv')
    return { status: 'none', text: null, failure: null }
  if (size > getEnv().EXTRACT_MAX_FILE_MB * 1024 * 1024)
    return { status: 'failed', text: null, failure: 'too_large' }
  const outcome = await extractInWorker({ path: storagePath(storageKey), kind })
  if (outcome.ok)
    return { status: 'done', text: outcome.text, failure: outcome.truncated ? 'text_truncated' : null }
  // too many files waiting: left pending, without a failure, for the housekeeping sweep
  if (outcome.reason === 'busy') return { status: 'pending', text: null, failure: null }
  console.error('text not extracted', storageKey, outcome.reason, outcome.detail ?? '')
  return { status: 'failed', text: null, failure: outcome.reason }
}

/** Files whose extraction is running in this process (the sweep leaves them alone). */
const inProgress = new Set<string>()

/** Extracts the text of files still `pending` and re-indexes their documents. */
export async function extractAndIndex(fileIds: string[]): Promise<void> {
  if (!fileIds.length) return
  const files = db
    .select({
      id: documentFiles.id,
      storageKey: documentFiles.storageKey,
      mimeType: documentFiles.mimeType,
      size: documentFiles.size,
      documentId: documentVersions.documentId,
    })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .where(and(inArray(documentFiles.id, fileIds), eq(documentFiles.textStatus, 'pending')))
    .all()
  for (const f of files) {
    // Marked before the work starts: should this file take the whole server down, the start-up resume
    // finds it `interrupted` and does not try it again.
    inProgress.add(f.id)
    try {
      writeTx((tx) =>
        tx
          .update(documentFiles)
          .set({ textFailure: 'interrupted' })
          .where(and(eq(documentFiles.id, f.id), eq(documentFiles.textStatus, 'pending')))
          .run(),
      )
      const { status, text, failure } = await extractText(f.storageKey, f.mimeType, f.size)
      writeTx((tx) => {
        tx.update(documentFiles)
          .set({ textStatus: status, extractedText: text, textFailure: failure })
          .where(and(eq(documentFiles.id, f.id), eq(documentFiles.textStatus, 'pending')))
          .run()
        indexDocument(tx, f.documentId)
      })
    } finally {
      inProgress.delete(f.id)
    }
  }
}

let running: Promise<void> | null = null

/** Housekeeping: files whose extraction was interrupted (a restart between commit and extraction). */
export function resumePendingExtractions(batch = 50): Promise<void> {
  if (running) return running
  running = (async () => {
    try {
      // Extractions under way when the server stopped are not tried again.
      writeTx((tx) =>
        tx
          .update(documentFiles)
          .set({ textStatus: 'failed' })
          .where(
            and(
              eq(documentFiles.textStatus, 'pending'),
              eq(documentFiles.textFailure, 'interrupted'),
              notInArray(documentFiles.id, [...inProgress]),
            ),
          )
          .run(),
      )
      const ids = db
        .select({ id: documentFiles.id })
        .from(documentFiles)
        .where(and(eq(documentFiles.textStatus, 'pending'), isNull(documentFiles.textFailure)))
        .limit(batch)
        .all()
        .map((r) => r.id)
      await extractAndIndex(ids)
    } finally {
      running = null
    }
  })()
  return running
}
