/**
 * Text extraction for the search index: PDF (unpdf), DOCX (mammoth), TXT/CSV as they are. It runs in
 * process right after the upload's commit (the upload answers once the text is indexed, so a search a
 * moment later finds it); files left `pending` by a restart are picked up by the housekeeping sweep.
 */
import { and, eq, inArray } from 'drizzle-orm'
import fsp from 'node:fs/promises'
import { db } from '@db/client'
import { documentFiles, documentVersions, type TextStatus } from '@db/schema'
import { writeTx } from '~/modules/core/write-tx.server'
import { indexDocument } from '~/modules/search/search.server'
import { kindOfMime, storagePath } from './storage.server'

/** Larger files are stored and downloadable but not searched by content (memory stays bounded). */
const MAX_EXTRACT_BYTES = 25 * 1024 * 1024
const MAX_TEXT = 1_000_000

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await import('unpdf')
  const pdf = await getDocumentProxy(bytes)
  try {
    const { text } = await extractText(pdf, { mergePages: true })
    return text
  } finally {
    await pdf.destroy().catch(() => {})
  }
}

async function docxText(buffer: Buffer): Promise<string> {
  const mammoth = await import('mammoth')
  const { value } = await (mammoth.default ?? mammoth).extractRawText({ buffer })
  return value
}

/** The text of a stored file, by its media type. `none` for kinds without text (images, sheets). */
export async function extractText(
  storageKey: string,
  mimeType: string,
  size: number,
): Promise<{ status: TextStatus; text: string | null }> {
  const kind = kindOfMime(mimeType)
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'txt' && kind !== 'csv')
    return { status: 'none', text: null }
  if (size > MAX_EXTRACT_BYTES) return { status: 'none', text: null }
  try {
    const buffer = await fsp.readFile(storagePath(storageKey))
    let text: string
    if (kind === 'pdf') text = await pdfText(new Uint8Array(buffer))
    else if (kind === 'docx') text = await docxText(buffer)
    else text = buffer.toString('utf8')
    return { status: 'done', text: text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT) }
  } catch (error) {
    console.error('text extraction failed', storageKey, error instanceof Error ? error.message : error)
    return { status: 'failed', text: null }
  }
}

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
    const { status, text } = await extractText(f.storageKey, f.mimeType, f.size)
    writeTx((tx) => {
      tx.update(documentFiles)
        .set({ textStatus: status, extractedText: text })
        .where(and(eq(documentFiles.id, f.id), eq(documentFiles.textStatus, 'pending')))
        .run()
      indexDocument(tx, f.documentId)
    })
  }
}

let running: Promise<void> | null = null

/** Housekeeping: files whose extraction was interrupted (a restart between commit and extraction). */
export function resumePendingExtractions(batch = 50): Promise<void> {
  if (running) return running
  running = (async () => {
    try {
      const ids = db
        .select({ id: documentFiles.id })
        .from(documentFiles)
        .where(eq(documentFiles.textStatus, 'pending'))
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
