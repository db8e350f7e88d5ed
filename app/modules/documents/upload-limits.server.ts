/**
 * Each person's allowance of uploads, so that one account (or one stolen token) cannot fill the disk or
 * keep the extraction workers busy for everyone: at most UPLOAD_FILES_PER_HOUR attempts an hour and
 * UPLOAD_MB_PER_DAY megabytes kept in 24 hours. Both answer 429 with Retry-After, at the file field.
 */
import { and, eq, gt, min, sum } from 'drizzle-orm'
import { db } from '@db/client'
import { documentFiles } from '@db/schema'
import { getEnv } from '~/env.server'
import type { Viewer } from '~/modules/access/viewer'
import { hitUnlessLimited, removeHits } from '~/modules/auth/rate-limit.server'
import { extractionQueueFull } from './extraction-pool.server'
import { UploadError } from './storage.server'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const MB = 1024 * 1024

const uploadKey = (personId: string) => `upload:person:${personId}`

/** Bytes the person stored in the last 24 hours, and when the oldest of them leaves the window. */
function keptToday(personId: string, now: number): { bytes: number; freesAt: number } {
  const row = db
    .select({ bytes: sum(documentFiles.size), first: min(documentFiles.createdAt) })
    .from(documentFiles)
    .where(and(eq(documentFiles.uploadedById, personId), gt(documentFiles.createdAt, new Date(now - DAY))))
    .get()
  const first = row?.first ? new Date(row.first).getTime() : now
  return { bytes: Number(row?.bytes ?? 0), freesAt: first + DAY }
}

function dailyRefusal(freesAt: number, now: number): UploadError {
  const seconds = Math.max(1, Math.ceil((freesAt - now) / 1000))
  return new UploadError(429, 'documents.error.dailyAllowance', {
    headers: { 'Retry-After': String(seconds) },
  })
}

/**
 * Before a byte of the body is read: refused when the hour's attempts are used up or the day's
 * megabytes (with what the request declares) would be exceeded; otherwise the attempt is counted.
 */
export function startUpload(uploader: Viewer, declaredBytes: number, now = Date.now()): void {
  const { UPLOAD_FILES_PER_HOUR } = getEnv()
  // EXTRACT_MAX_QUEUE files already wait for their text to be extracted: refused, not counted
  if (extractionQueueFull()) {
    throw new UploadError(503, 'documents.error.extractionBusy', { headers: { 'Retry-After': '60' } })
  }
  const key = uploadKey(uploader.id)
  const { wait, hits } = hitUnlessLimited([{ key, limit: UPLOAD_FILES_PER_HOUR, windowMs: HOUR }], now)
  if (wait > 0) {
    throw new UploadError(429, 'documents.error.hourlyAllowance', {
      headers: { 'Retry-After': String(wait) },
    })
  }
  const today = keptToday(uploader.id, now)
  if (today.bytes + Math.max(0, declaredBytes) > getEnv().UPLOAD_MB_PER_DAY * MB) {
    // the attempt is not counted when the day's megabytes refuse it
    removeHits(hits)
    throw dailyRefusal(today.freesAt, now)
  }
}

/** Once the file is received (its size known for sure): refused when it would exceed the day's megabytes. */
export function assertWithinDailyAllowance(uploader: Viewer, size: number, now = Date.now()): void {
  const today = keptToday(uploader.id, now)
  if (today.bytes + size > getEnv().UPLOAD_MB_PER_DAY * MB) throw dailyRefusal(today.freesAt, now)
}
