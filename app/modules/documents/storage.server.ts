/**
 * Files on disk. An upload is streamed to DATA_DIR/uploads/tmp while it is hashed and counted (413 as
 * soon as MAX_UPLOAD_MB is passed, never after buffering it), fsynced, checked by its magic bytes against
 * an allowlist of office, PDF, text and image formats (415 otherwise), then renamed to
 * DATA_DIR/uploads/<aa>/<sha256>: content addressed, so the same bytes are stored once and no name
 * chosen by a user ever reaches the file system. Only after the rename is the database row committed;
 * `sweepOrphans()` removes files no row points at and stale temporary files, so a killed upload leaves
 * neither a row without a file nor a file forever.
 */
import busboy from 'busboy'
import { eq } from 'drizzle-orm'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { db } from '@db/client'
import { documentFiles } from '@db/schema'
import { getEnv } from '~/env.server'
import type { Viewer } from '~/modules/access/viewer'
import { DomainError } from '~/modules/core/domain-error.server'
import { assertWithinDailyAllowance, startUpload } from './upload-limits.server'

export const FILE_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'txt', 'csv', 'png', 'jpeg'] as const
export type FileKind = (typeof FILE_KINDS)[number]

export const MIME_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
}

const EXTENSIONS: Record<FileKind, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  txt: ['txt', 'text', 'md'],
  csv: ['csv'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
}

export function kindOfMime(mime: string): FileKind | null {
  const entry = Object.entries(MIME_TYPES).find(([, m]) => m === mime)
  return entry ? (entry[0] as FileKind) : null
}

/** What the API answers for a refused upload, by its status. */
const UPLOAD_CODES = {
  400: 'invalid',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
} as const

/** A refused upload, at the form's file field: 400 (empty, malformed, a text field too long), 413 (too
 * large), 415 (a type not on the allowlist), 429 (the person's hourly or daily allowance used up), 503 (too many
 * files already wait for their text to be extracted). */
export class UploadError extends DomainError {
  /** the text fields read before the refusal, so that a form can keep what was typed */
  fields: FormData = new FormData()
  constructor(
    status: keyof typeof UPLOAD_CODES,
    messageKey: string,
    extra: { params?: Record<string, string | number>; headers?: Record<string, string> } = {},
  ) {
    super(status, messageKey, { field: 'file', code: UPLOAD_CODES[status], ...extra })
  }
}

export const uploadsDir = () => path.join(getEnv().dataDir, 'uploads')
export const tmpDir = () => path.join(uploadsDir(), 'tmp')
export const maxUploadBytes = () => getEnv().MAX_UPLOAD_MB * 1024 * 1024

const SHA256 = /^[0-9a-f]{64}$/

/** The one place that turns a storage key into a path; refuses anything but a SHA-256 in hex. */
export function storagePath(key: string): string {
  if (!SHA256.test(key)) throw new Error('invalid storage key')
  return path.join(uploadsDir(), key.slice(0, 2), key)
}

// ---------------------------------------------------------------------------------------------------
// File names

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const RESERVED = /[<>:"/\\|?*]/g

/** A name safe to store and to offer back: no directories, control characters (CR/LF), reserved
 * characters or leading dots; at most 180 characters, extension kept. Never used as a path. */
export function sanitizeFilename(name: string | null | undefined, kind?: FileKind): string {
  // Browsers send `"`, CR and LF in multipart file names as %22, %0D and %0A (HTML standard).
  let n = (name ?? '').replace(/%(22|0d|0a)/gi, (m) => decodeURIComponent(m)).normalize('NFC')
  n = n.split(/[/\\]/).pop() ?? ''
  n = n.replace(CONTROL, '').replace(RESERVED, '_').trim()
  n = n.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (n.length > 180) {
    const ext = extensionOf(n)
    n = n.slice(0, 180 - (ext ? ext.length + 1 : 0)).trimEnd() + (ext ? `.${ext}` : '')
  }
  if (!n) n = 'document'
  if (kind && !extensionOf(n)) n = `${n}.${EXTENSIONS[kind][0]}`
  return n
}

function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name)
  return m ? m[1].toLowerCase() : null
}

/** RFC 6266 / RFC 8187: an ASCII fallback in `filename` and the exact name in `filename*`. */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_')
      .trim() || 'document'
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

// ---------------------------------------------------------------------------------------------------
// Type detection by content (magic bytes), never by the name or the declared Content-Type

type ReadRange = (offset: number, length: number) => Buffer

const ZIP_LOCAL = 0x04034b50
const ZIP_CENTRAL = 0x02014b50
const ZIP_END = 0x06054b50

/** Names of the entries of a zip file, from its central directory; null when it is not a sound zip. */
function zipEntryNames(read: ReadRange, size: number): string[] | null {
  const tailLength = Math.min(size, 65_557)
  const tail = read(size - tailLength, tailLength)
  let end = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_END) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const cdSize = tail.readUInt32LE(end + 12)
  const cdOffset = tail.readUInt32LE(end + 16)
  if (cdSize === 0xffffffff || cdOffset === 0xffffffff || cdOffset + cdSize > size) return null
  if (cdSize > 8 * 1024 * 1024) return null
  const cd = read(cdOffset, cdSize)
  const names: string[] = []
  let p = 0
  while (p + 46 <= cd.length && names.length < 10_000) {
    if (cd.readUInt32LE(p) !== ZIP_CENTRAL) return null
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    names.push(cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'))
    p += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/** ODF: the first entry is an uncompressed `mimetype` file holding the media type. */
function odfMimetype(head: Buffer): string | null {
  if (head.length < 30 || head.readUInt32LE(0) !== ZIP_LOCAL) return null
  const method = head.readUInt16LE(8)
  const compressedSize = head.readUInt32LE(18)
  const nameLength = head.readUInt16LE(26)
  const extraLength = head.readUInt16LE(28)
  if (head.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype' || method !== 0) return null
  const start = 30 + nameLength + extraLength
  return head.subarray(start, start + Math.min(compressedSize, 100)).toString('latin1')
}

const MARKUP = /^\s*<|<\s*(script|html|svg|iframe|body|!doctype|\?xml)/i

/**
 * The kind of the content, or null when it is not on the allowlist. `isText` says whether the whole
 * content is valid UTF-8 without NUL bytes (computed while streaming). HTML, SVG and other markup is
 * refused even though it is text.
 */
export function detectKind(
  read: ReadRange,
  size: number,
  isText: boolean,
  filename: string,
): FileKind | null {
  const head = read(0, Math.min(size, 4096))
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL) {
    const odf = odfMimetype(head)
    if (odf === 'application/vnd.oasis.opendocument.text') return 'odt'
    if (odf === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods'
    const names = zipEntryNames(read, size)
    if (!names || !names.includes('[Content_Types].xml')) return null
    if (names.some((n) => n.startsWith('word/'))) return 'docx'
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx'
    if (names.some((n) => n.startsWith('ppt/'))) return 'pptx'
    return null
  }
  if (isText) {
    const start = head.toString('utf8', 0, Math.min(head.length, 2048)).replace(/^\ufeff/, '')
    if (MARKUP.test(start)) return null
    return extensionOf(filename) === 'csv' ? 'csv' : 'txt'
  }
  return null
}

/** The name's extension must agree with the content (an HTML page renamed .pdf is refused). */
function extensionAgrees(filename: string, kind: FileKind): boolean {
  const ext = extensionOf(filename)
  return ext === null || EXTENSIONS[kind].includes(ext)
}

// ---------------------------------------------------------------------------------------------------
// Receiving an upload

/** A received, checked file still in the temporary folder. */
export interface TempUpload {
  tmpPath: string
  sha256: string
  size: number
  kind: FileKind
  mimeType: string
  filename: string
}

/** Tracks whether a byte stream is valid UTF-8 without NUL, chunk by chunk. */
class TextSniffer {
  private decoder = new TextDecoder('utf-8', { fatal: true })
  ok = true
  push(chunk: Uint8Array) {
    if (!this.ok) return
    if (chunk.includes(0)) {
      this.ok = false
      return
    }
    try {
      this.decoder.decode(chunk, { stream: true })
    } catch {
      this.ok = false
    }
  }
  end() {
    if (!this.ok) return false
    try {
      this.decoder.decode()
      return true
    } catch {
      return false
    }
  }
}

function rangeReader(fd: number): ReadRange {
  return (offset, length) => {
    const buf = Buffer.alloc(Math.max(0, length))
    const n = fs.readSync(fd, buf, 0, buf.length, offset)
    return buf.subarray(0, n)
  }
}

function newTmpPath() {
  return path.join(tmpDir(), `${Date.now()}-${randomBytes(8).toString('hex')}.part`)
}

function checkContent(tmpPath: string, size: number, isText: boolean, rawName: string | undefined) {
  const fd = fs.openSync(tmpPath, 'r')
  try {
    const kind = detectKind(rangeReader(fd), size, isText, sanitizeFilename(rawName))
    if (!kind || !extensionAgrees(sanitizeFilename(rawName), kind)) {
      throw new UploadError(415, 'documents.error.fileType')
    }
    return kind
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Streams one file to the temporary folder: hashes and counts while writing, stops with 413 the moment
 * the limit is passed, fsyncs, then checks the content. On any refusal the temporary file is deleted.
 */
export async function receiveFile(
  data: AsyncIterable<Uint8Array>,
  rawName: string | undefined,
  maxBytes = maxUploadBytes(),
): Promise<TempUpload> {
  await fsp.mkdir(tmpDir(), { recursive: true })
  const tmpPath = newTmpPath()
  const handle = await fsp.open(tmpPath, 'wx', 0o600)
  const hash = createHash('sha256')
  const text = new TextSniffer()
  let size = 0
  let closed = false
  try {
    for await (const chunk of data) {
      size += chunk.length
      if (size > maxBytes) throw new UploadError(413, 'documents.error.tooLarge')
      hash.update(chunk)
      text.push(chunk)
      await handle.write(chunk)
    }
    await handle.sync()
    await handle.close()
    closed = true
    if (size === 0) throw new UploadError(400, 'documents.error.emptyFile')
    const kind = checkContent(tmpPath, size, text.end(), rawName)
    return {
      tmpPath,
      sha256: hash.digest('hex'),
      size,
      kind,
      mimeType: MIME_TYPES[kind],
      filename: sanitizeFilename(rawName, kind),
    }
  } catch (error) {
    if (!closed) await handle.close().catch(() => {})
    await fsp.rm(tmpPath, { force: true })
    throw error
  }
}

/** Deletes a received file that will not be kept. */
export function discardTemp(upload: TempUpload | null | undefined) {
  if (upload) fs.rmSync(upload.tmpPath, { force: true })
}

function fsyncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  }
}

/**
 * Moves a received file into its content-addressed place (the step before the row is committed).
 * When the same bytes are already stored, the temporary copy is dropped and the stored one touched, so
 * that the orphan sweep's grace period protects it until the row exists.
 */
export function placeFile(upload: TempUpload): { storageKey: string; created: boolean } {
  const target = storagePath(upload.sha256)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  if (fs.existsSync(target)) {
    fs.rmSync(upload.tmpPath, { force: true })
    const now = new Date()
    fs.utimesSync(target, now, now)
    return { storageKey: upload.sha256, created: false }
  }
  fs.renameSync(upload.tmpPath, target)
  fsyncDir(path.dirname(target))
  return { storageKey: upload.sha256, created: true }
}

/** After a failed commit: removes a file this upload placed, unless a row points at it. */
export function removeIfUnreferenced(storageKey: string) {
  const used = db
    .select({ id: documentFiles.id })
    .from(documentFiles)
    .where(eq(documentFiles.storageKey, storageKey))
    .get()
  if (!used) fs.rmSync(storagePath(storageKey), { force: true })
}

/** Stores bytes already in memory (the demo data): the same checks and write order as an upload. */
export function storeBytes(bytes: Uint8Array, rawName: string): TempUpload & { storageKey: string } {
  if (bytes.length === 0) throw new UploadError(400, 'documents.error.emptyFile')
  fs.mkdirSync(tmpDir(), { recursive: true })
  const tmpPath = newTmpPath()
  const fd = fs.openSync(tmpPath, 'wx', 0o600)
  try {
    fs.writeSync(fd, bytes)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  try {
    const sniffer = new TextSniffer()
    sniffer.push(bytes)
    const kind = checkContent(tmpPath, bytes.length, sniffer.end(), rawName)
    const upload: TempUpload = {
      tmpPath,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      kind,
      mimeType: MIME_TYPES[kind],
      filename: sanitizeFilename(rawName, kind),
    }
    return { ...upload, ...placeFile(upload) }
  } catch (error) {
    fs.rmSync(tmpPath, { force: true })
    throw error
  }
}

// ---------------------------------------------------------------------------------------------------
// Multipart requests

const FIELD_MAX = 64 * 1024
/** Room for the other fields and the multipart framing around the file. */
const ENVELOPE = 1024 * 1024

export interface ParsedUpload {
  /** the text fields (file parts are never in here) */
  fields: FormData
  /** the file of `fileField`, received and checked; null when none was sent */
  file: TempUpload | null
}

export function isMultipart(request: Request) {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

/** How many parts a form of the portal may have; more is not a form of ours. */
const PART_LIMITS = { fields: 200, files: 5, parts: 210, headerPairs: 50 }

/**
 * Parses a multipart request with busboy, streaming: the file of `fileField` goes straight to disk
 * (never buffered whole), other files are dropped, text fields are kept up to 64 KiB each. The part
 * headers are parsed as RFC 7578 says (quoted names with `;` or `=` in them, `filename*`). A declared
 * Content-Length over the limit is refused before reading a byte; the first refusal stops the reading.
 * The caller owns the returned temporary file: place it, or discard it.
 */
export async function parseUpload(
  request: Request,
  uploader: Viewer,
  fileField = 'file',
  /** a lower limit than MAX_UPLOAD_MB for this form (a plan's Word import) */
  maxBytes?: number,
): Promise<ParsedUpload> {
  const max = Math.min(maxBytes ?? Infinity, maxUploadBytes())
  const declared = Number(request.headers.get('Content-Length') ?? NaN)
  if (Number.isFinite(declared) && declared > max + ENVELOPE) {
    throw new UploadError(413, 'documents.error.tooLarge')
  }
  if (!isMultipart(request) || !request.body) throw new UploadError(400, 'documents.error.notMultipart')
  // Over the person's allowance: the text fields are still read (the form keeps what was typed), the
  // file is dropped unread to disk.
  let overAllowance: unknown = null
  try {
    startUpload(uploader, Number.isFinite(declared) ? declared - ENVELOPE : 0)
  } catch (error) {
    overAllowance = error
  }
  const seen = new FormData()
  let file: TempUpload | null = null
  let source: Readable | null = null
  try {
    const parser = busboy({
      headers: { 'content-type': request.headers.get('Content-Type') ?? '' },
      limits: { ...PART_LIMITS, fieldSize: FIELD_MAX },
      defParamCharset: 'utf8',
    })
    const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
    source = body
    await new Promise<void>((resolve, reject) => {
      let receiving: Promise<void> | null = null
      const fail = (error: unknown) => {
        body.unpipe(parser)
        body.destroy()
        reject(error)
      }
      const malformed = () => fail(new UploadError(400, 'documents.error.malformed'))
      parser.on('field', (name, value, info) => {
        if (info.nameTruncated || info.valueTruncated) fail(new UploadError(400, 'validation.tooLong'))
        else seen.append(name, value)
      })
      parser.on('file', (name, stream, info) => {
        // A cut-off body errors the part's stream, maybe before anyone reads it: kept, then refused.
        let cutOff: unknown = null
        stream.on('error', (error) => (cutOff ??= error))
        if (name !== fileField || receiving || !info.filename || overAllowance) {
          stream.resume() // not ours: dropped
          return
        }
        receiving = receiveFile(stream, info.filename, max).then((received) => {
          try {
            if (cutOff) throw new UploadError(400, 'documents.error.malformed')
            assertWithinDailyAllowance(uploader, received.size)
            file = received
          } catch (error) {
            discardTemp(received)
            fail(error)
          }
        }, fail)
      })
      parser.on('fieldsLimit', malformed)
      parser.on('filesLimit', malformed)
      parser.on('partsLimit', malformed)
      parser.on('error', malformed)
      parser.on('close', () => {
        if (overAllowance) reject(overAllowance)
        else if (receiving) receiving.then(resolve, reject)
        else resolve()
      })
      body.on('error', malformed)
      body.pipe(parser)
    })
    return { fields: seen, file }
  } catch (error) {
    source?.destroy()
    discardTemp(file)
    const refusal = error instanceof UploadError ? error : new UploadError(400, 'documents.error.malformed')
    refusal.fields = seen
    throw refusal
  }
}

// ---------------------------------------------------------------------------------------------------
// Orphan sweep

const HOUR = 60 * 60 * 1000

/**
 * Removes stale temporary files and stored files that no row points at. Files younger than the grace
 * period are left alone: an upload may be between its rename and its commit.
 */
export async function sweepOrphans({ graceMs = HOUR, now = Date.now() } = {}): Promise<{ removed: number }> {
  const root = uploadsDir()
  let removed = 0
  const old = async (file: string) => {
    try {
      return (await fsp.stat(file)).mtimeMs <= now - graceMs
    } catch {
      return false
    }
  }
  let dirs: string[]
  try {
    dirs = await fsp.readdir(root)
  } catch {
    return { removed }
  }
  for (const dir of dirs) {
    const full = path.join(root, dir)
    let names: string[]
    try {
      names = await fsp.readdir(full)
    } catch {
      continue // not a directory
    }
    for (const name of names) {
      const file = path.join(full, name)
      if (!(await old(file))) continue
      if (dir !== 'tmp' && SHA256.test(name) && name.startsWith(dir)) {
        const used = db
          .select({ id: documentFiles.id })
          .from(documentFiles)
          .where(eq(documentFiles.storageKey, name))
          .get()
        if (used) continue
      }
      await fsp.rm(file, { force: true })
      removed++
    }
  }
  return { removed }
}
