/**
 * The workers that extract text from uploaded files (extract-text.worker.mjs), so that no file can hold
 * the server's event loop or take its memory: EXTRACT_WORKERS child processes at most, each started
 * with a heap limit (--max-old-space-size=EXTRACT_MAX_MEMORY_MB) and killed when a file takes longer
 * than EXTRACT_TIMEOUT_SECONDS; a killed or crashed worker is replaced for the next file. Files wait in
 * a queue for a free worker. Idle workers do not keep the server alive, and end with it.
 *
 * Child processes rather than worker threads: a worker thread over its `resourceLimits` can abort the
 * whole server (V8's fatal "heap out of memory", reproduced with mammoth and a 120 MB document.xml).
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
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

type Worker = ChildProcess

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

/** The last lines a worker wrote to stderr (V8 names an exhausted heap there). */
const stderrTail = new WeakMap<Worker, string>()

function spawn(slot: Slot): Worker {
  const memory = getEnv().EXTRACT_MAX_MEMORY_MB
  const worker = fork(workerFile(), [], {
    // not the server's own flags (a debugger, vitest's loaders)
    execArgv: [
      `--max-old-space-size=${memory}`,
      `--max-semi-space-size=${Math.min(16, Math.max(1, memory >> 5))}`,
    ],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  })
  worker.stderr?.setEncoding('utf8')
  worker.stderr?.on('data', (chunk: string) =>
    stderrTail.set(worker, ((stderrTail.get(worker) ?? '') + chunk).slice(-2000)),
  )
  worker.once('exit', () => {
    if (slot.worker === worker) slot.worker = null
  })
  idle(worker)
  return worker
}

/** An idle worker does not keep the server running; a busy one does. */
function idle(worker: Worker) {
  worker.unref()
  worker.channel?.unref()
  ;(worker.stderr as unknown as { unref?: () => void } | null)?.unref?.()
}
function active(worker: Worker) {
  worker.ref()
  worker.channel?.ref()
}

const outOfMemory = (worker: Worker) =>
  /heap out of memory|Allocation failed/i.test(stderrTail.get(worker) ?? '')

function runOn(slot: Slot, request: ExtractionRequest): Promise<ExtractionOutcome> {
  const env = getEnv()
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = slot.worker ?? (slot.worker = spawn(slot))
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
      worker.off('close', onExit)
      if (kill) {
        if (slot.worker === worker) slot.worker = null
        worker.kill('SIGKILL')
      } else idle(worker)
      resolve(outcome)
    }
    const onMessage = (answer: ExtractionOutcome) => finish(answer, false)
    const onError = (error: Error) => finish({ ok: false, reason: 'unreadable', detail: error.message }, true)
    // 'close', not 'exit': it comes once stderr has ended, so V8's last words (an exhausted heap) are read
    const onExit = (code: number | null, signal: string | null) =>
      finish(
        outOfMemory(worker)
          ? { ok: false, reason: 'memory', detail: 'heap limit reached' }
          : { ok: false, reason: 'unreadable', detail: `worker ended (${signal ?? code})` },
        true,
      )
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', detail: `over ${env.EXTRACT_TIMEOUT_SECONDS} s` }, true),
      env.EXTRACT_TIMEOUT_SECONDS * 1000,
    )
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('close', onExit)
    active(worker)
    const message = {
      ...request,
      maxInflatedBytes: env.EXTRACT_MAX_INFLATED_MB * 1024 * 1024,
      maxTextChars: env.EXTRACT_MAX_TEXT_CHARS,
    }
    worker.send(message, (error) => {
      if (error) finish({ ok: false, reason: 'unreadable', detail: error.message }, true)
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
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve()
          w.once('exit', () => resolve())
          w.kill('SIGKILL')
        }),
    ),
  )
}
