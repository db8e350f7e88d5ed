/**
 * Sending stored files: an attachment with an RFC 6266 name (nosniff comes from server.mjs, on every
 * response), the stored type, a sandboxing CSP, no caching of anything restricted, and the SHA-256 both
 * announced (Repr-Digest) and checked on the way out: bytes that no longer match their hash break the transfer instead of arriving silently
 * corrupted. Who fetched a restricted document is recorded (its page shows it to the secretariat).
 */
import { createReadableStreamFromReadable } from '@remix-run/node'
import { and, eq } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { Transform } from 'node:stream'
import { db } from '@db/client'
import { documentDownloads, documentFiles, documentVersions } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { NO_STORE } from '~/modules/core/form-reply.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { getVisibleDocument, isRestricted, type DocumentRow } from './queries.server'
import { contentDisposition, storagePath } from './storage.server'

/** The file to send for `?version=N&lang=xx` (defaults: the current version, its original), or null
 * when the document is hidden or the file does not exist. */
export function resolveDownload(
  viewer: Viewer | null,
  id: string,
  { version, lang }: { version?: number | null; lang?: string | null },
  now = Date.now(),
) {
  const doc = getVisibleDocument(viewer, id, now)
  if (!doc) return null
  const number = version ?? doc.currentVersion
  const files = db
    .select({
      language: documentFiles.language,
      isOriginal: documentFiles.isOriginal,
      storageKey: documentFiles.storageKey,
      sha256: documentFiles.sha256,
      size: documentFiles.size,
      mimeType: documentFiles.mimeType,
      filename: documentFiles.filename,
    })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, number)))
    .all()
  const file = lang ? files.find((f) => f.language === lang) : (files.find((f) => f.isOriginal) ?? files[0])
  if (!file) return null
  return { doc, file, versionNumber: number, restricted: isRestricted(doc, now) }
}

/** Records who fetched a restricted document. */
export function recordDownload(
  viewer: Viewer | null,
  d: { doc: DocumentRow; versionNumber: number; file: { language: string } },
  how: 'download' | 'view' = 'download',
) {
  writeTx((tx) => {
    tx.insert(documentDownloads)
      .values({
        documentId: d.doc.id,
        versionNumber: d.versionNumber,
        language: d.file.language,
        personId: viewer?.id ?? null,
        at: new Date(),
      })
      .run()
    audit(
      {
        actor: viewer,
        action: `document.${how}`,
        targetType: 'document',
        targetId: d.doc.id,
        details: { version: d.versionNumber, language: d.file.language },
      },
      tx,
    )
  })
}

function verifying(expected: string) {
  const hash = createHash('sha256')
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      hash.update(chunk)
      callback(null, chunk)
    },
    flush(callback) {
      const actual = hash.digest('hex')
      if (actual === expected) return callback()
      console.error(`stored file ${expected} does not match its SHA-256 (${actual})`)
      callback(new Error('checksum mismatch'))
    },
  })
}

/** Hidden, unknown version or language: one answer for all, as for what does not exist. */
const missing = () => new Response('Not found', { status: 404, headers: NO_STORE })

function parseVersion(v: string | null): number | null {
  if (v === null || v === '') return null
  return /^\d{1,6}$/.test(v) ? Number(v) : NaN
}

/**
 * The response for /documents/:id/download (attachment) or /documents/:id/view (inline, PDFs only).
 */
export function fileResponse(
  viewer: Viewer | null,
  id: string,
  url: URL,
  mode: 'download' | 'view' = 'download',
): Response {
  const version = parseVersion(url.searchParams.get('version'))
  const lang = url.searchParams.get('lang')
  const wellFormed = !Number.isNaN(version) && (lang === null || /^[a-z]{2}$/.test(lang))
  const found = wellFormed ? resolveDownload(viewer, id, { version, lang }) : null
  if (!found || (mode === 'view' && found.file.mimeType !== 'application/pdf')) return missing()
  const { file, restricted } = found
  const filePath = storagePath(file.storageKey)
  let fd: number
  try {
    // Opened now, so that the answer is decided here and the stream cannot fail to open later.
    fd = fs.openSync(filePath, 'r')
  } catch {
    console.error(`stored file missing: ${file.storageKey} (document ${id})`)
    return new Response('The file is missing from storage.', { status: 500 })
  }
  if (restricted) recordDownload(viewer, found, mode)
  const source = fs.createReadStream(filePath, { fd })
  const verifier = verifying(file.sha256)
  source.on('error', (error) => verifier.destroy(error))
  const body = createReadableStreamFromReadable(source.pipe(verifier))
  const headers = new Headers({
    'Content-Type': file.mimeType,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(file.filename, mode === 'view' ? 'inline' : 'attachment'),
    'Cache-Control': restricted ? 'private, no-store' : 'public, max-age=300',
    ETag: `"${file.sha256}"`,
    'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
    'X-Content-SHA256': file.sha256,
  })
  // The browser's PDF viewer does not run in a sandboxed document; inline views are PDFs only, framed
  // by our own page (server.mjs narrows framing to that path).
  if (mode === 'download') headers.set('Content-Security-Policy', 'sandbox')
  return new Response(body, { status: 200, headers })
}
