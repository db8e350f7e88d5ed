/**
 * Sending stored files (SECURITY.md "Files"): attachment with an RFC 6266 name, nosniff, the stored
 * type, a sandboxing CSP, no caching of anything restricted, and the SHA-256 both announced
 * (Repr-Digest) and checked on the way out: bytes that no longer match their hash break the transfer
 * instead of arriving silently corrupted.
 */
import { createReadableStreamFromReadable } from '@remix-run/node'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { Transform } from 'node:stream'
import type { Viewer } from '~/modules/access/viewer'
import { recordDownload, resolveDownload } from './documents.server'
import { contentDisposition, storagePath } from './storage.server'

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

function parseVersion(v: string | null): number | null {
  if (v === null || v === '') return null
  return /^\d{1,6}$/.test(v) ? Number(v) : NaN
}

/**
 * The response for /documents/:id/download (attachment) or /documents/:id/view (inline, PDFs only).
 * 404 for hidden documents, unknown versions or languages: the same answer as for what does not exist.
 */
export function fileResponse(
  viewer: Viewer | null,
  id: string,
  url: URL,
  mode: 'download' | 'view' = 'download',
): Response {
  const version = parseVersion(url.searchParams.get('version'))
  const lang = url.searchParams.get('lang')
  if (Number.isNaN(version) || (lang !== null && !/^[a-z]{2}$/.test(lang))) {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })
  }
  const found = resolveDownload(viewer, id, { version, lang })
  if (!found || (mode === 'view' && found.file.mimeType !== 'application/pdf')) {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })
  }
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
    'X-Content-Type-Options': 'nosniff',
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
