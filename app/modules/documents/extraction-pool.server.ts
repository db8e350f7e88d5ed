/**
 * The worker threads that extract text from uploaded files (extract-text.worker.mjs), so that no file
 * can hold the server's event loop or take its memory: EXTRACT_WORKERS workers at most, each started
 * with a memory limit (resourceLimits, EXTRACT_MAX_MEMORY_MB) and terminated when a file takes longer
 * than EXTRACT_TIMEOUT_SECONDS; a terminated or crashed worker is replaced for the next file. Files wait
 * in a queue for a free worker. Idle workers do not keep the process alive.
 */
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { Worker } from 'node:worker_threads'
import { getEnv } from '~/env.server'
import type { TextFailure } from './constants'

export type ExtractionOutcome =
  | { ok: true; text: string; truncated: boolean }
  | {
      ok: false
      reason: Exclude<TextFailure, 'text_truncated' | 'interrupted' | 'too_large'>
      detail?: string
    }

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

interface Slot {
  worker: Worker | null
  busy: boolean
}
interface Job {
  request: ExtractionRequest
  resolve: (outcome: ExtractionOutcome) => void
}

const queue: Job[] = []
const slots: Slot[] = []
let busy = 0

function spawn(): Worker {
  const worker = new Worker(workerFile(), {
    resourceLimits: {
      maxOldGenerationSizeMb: getEnv().EXTRACT_MAX_MEMORY_MB,
      maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.floor(getEnv().EXTRACT_MAX_MEMORY_MB / 8))),
    },
    stdout: false,
    stderr: false,
  })
  worker.unref()
  return worker
}

function runOn(slot: Slot, request: ExtractionRequest): Promise<ExtractionOutcome> {
  const env = getEnv()
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = slot.worker ?? (slot.worker = spawn())
    } catch (error) {
      console.error('text extraction worker', error)
      resolve({ ok: false, reason: 'unreadable', detail: 'no worker' })
      return
    }
    let settled = false
    const finish = (outcome: ExtractionOutcome, kill: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (kill) {
        if (slot.worker === worker) slot.worker = null
        void worker.terminate().catch(() => {})
      }
      resolve(outcome)
    }
    const onMessage = (answer: ExtractionOutcome) => finish(answer, false)
    const onError = (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, reason: 'memory', detail: error.message }
          : { ok: false, reason: 'unreadable', detail: error.message },
        true,
      )
    const onExit = (code: number) =>
      finish({ ok: false, reason: 'unreadable', detail: `worker exited (${code})` }, true)
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', detail: `over ${env.EXTRACT_TIMEOUT_SECONDS} s` }, true),
      env.EXTRACT_TIMEOUT_SECONDS * 1000,
    )
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({
      ...request,
      maxInflatedBytes: env.EXTRACT_MAX_INFLATED_MB * 1024 * 1024,
      maxTextChars: env.EXTRACT_MAX_TEXT_CHARS,
    })
  })
}

function pump() {
  const size = getEnv().EXTRACT_WORKERS
  while (slots.length < size) slots.push({ worker: null, busy: false })
  while (queue.length && busy < size) {
    const slot = slots.find((s) => !s.busy)!
    const job = queue.shift()!
    slot.busy = true
    busy++
    void runOn(slot, job.request).then((outcome) => {
      slot.busy = false
      busy--
      job.resolve(outcome)
      pump()
    })
  }
}

/** Extracts a file's text in a worker, within the limits; never throws. */
export function extractInWorker(request: ExtractionRequest): Promise<ExtractionOutcome> {
  return new Promise((resolve) => {
    queue.push({ request, resolve })
    pump()
  })
}

/** Ends the workers (shutdown, tests that change the limits). Files still queued wait for new workers. */
export async function stopExtractionWorkers(): Promise<void> {
  const workers = slots.map((s) => s.worker).filter((w): w is Worker => w !== null)
  for (const s of slots) s.worker = null
  await Promise.all(workers.map((w) => w.terminate().catch(() => {})))
}
