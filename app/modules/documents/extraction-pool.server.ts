/**
 * The workers that extract text from uploaded files (extract-text.worker.mjs), so that no file can hold
 * the server's event loop or take its memory: EXTRACT_WORKERS child processes at most (the core's child
 * pool), each with a heap limit of EXTRACT_MAX_MEMORY_MB and killed when a file takes longer than
 * EXTRACT_TIMEOUT_SECONDS. Files wait in a queue for a free worker, EXTRACT_MAX_QUEUE at most.
 */
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { getEnv } from '~/env.server'
import { createChildPool } from '~/modules/core/child-pool.server'
import type { TextFailure } from './constants'

export type ExtractionOutcome =
  | { ok: true; text: string; truncated: boolean }
  | {
      ok: false
      reason: Exclude<TextFailure, 'text_truncated' | 'interrupted' | 'too_large'>
      detail?: string
    }
  /** EXTRACT_MAX_QUEUE files already wait: the file stays pending (the housekeeping sweep resumes it) */
  | { ok: false; reason: 'busy'; detail?: string }

export interface ExtractionRequest {
  path: string
  kind: 'pdf' | 'docx' | 'txt' | 'csv'
}

const WORKER_FILE = 'extract-text.worker.mjs'

/** The worker's file: next to this module in the sources (tests, dev), at its source path from the
 * project folder in the production build (build/index.js, started from the project folder). */
function workerFile(): string {
  const candidates = [
    path.join(path.dirname(url.fileURLToPath(import.meta.url)), WORKER_FILE),
    path.resolve('app/modules/documents', WORKER_FILE),
  ]
  const found = candidates.find((c) => fs.existsSync(c))
  if (!found) throw new Error(`text extraction worker not found (${candidates.join(', ')})`)
  return found
}

const pool = createChildPool({
  workerFile,
  size: () => getEnv().EXTRACT_WORKERS,
  memoryMb: () => getEnv().EXTRACT_MAX_MEMORY_MB,
  timeoutSeconds: () => getEnv().EXTRACT_TIMEOUT_SECONDS,
  maxQueue: () => getEnv().EXTRACT_MAX_QUEUE,
})

/** True when EXTRACT_MAX_QUEUE files already wait for a worker: a new upload is refused (503) before
 * its body is read, rather than queued without bound. */
export const extractionQueueFull = () => pool.waiting() >= getEnv().EXTRACT_MAX_QUEUE

/** Extracts a file's text in a worker, within the limits; never throws. */
export async function extractInWorker(request: ExtractionRequest): Promise<ExtractionOutcome> {
  const env = getEnv()
  const run = await pool.run({
    ...request,
    maxInflatedBytes: env.EXTRACT_MAX_INFLATED_MB * 1024 * 1024,
    maxTextChars: env.EXTRACT_MAX_TEXT_CHARS,
  })
  if (run.ok) return run.answer as ExtractionOutcome
  if (run.reason === 'busy') return { ok: false, reason: 'busy', detail: run.detail }
  if (run.reason === 'timeout' || run.reason === 'memory')
    return { ok: false, reason: run.reason, detail: run.detail }
  console.error('text extraction worker', run.detail)
  return { ok: false, reason: 'unreadable', detail: run.detail }
}

/** Ends the workers (shutdown, tests that change the limits). Files still queued wait for new workers. */
export const stopExtractionWorkers = () => pool.stop()
