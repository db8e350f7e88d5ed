/**
 * Heavy work off the event loop: a job is a plain JavaScript file (`*.job.mjs`, path from the project
 * root, chosen by the code, never by a request) whose default export builds or parses bytes (DOCX, XLSX,
 * PDF, a DOCX import). It runs in one of the child processes of child-job.worker.mjs, with a heap limit,
 * a time limit and a bounded queue (child-pool.server.ts). Input and output are structured-cloned: the
 * main thread prepares plain data, labels already translated; the job only makes the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import { projectRoot } from '@db/project-root'
import { getEnv } from '~/env.server'
import type { Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { createChildPool } from './child-pool.server'

export type ChildJobFailure = 'timeout' | 'memory' | 'failed' | 'busy'

/** A job that did not finish: over its time or memory, thrown, or refused because too many wait. */
export class ChildJobError extends Error {
  constructor(
    readonly reason: ChildJobFailure,
    detail: string,
  ) {
    super(`child job ${reason}: ${detail}`)
  }
}

const WORKER_FILE = 'child-job.worker.mjs'

/** The worker's file: next to this module in the sources (tests, dev), at its source path from the
 * project folder in the production build (build/index.js, started from the project folder). */
function workerFile(): string {
  const candidates = [
    path.join(path.dirname(url.fileURLToPath(import.meta.url)), WORKER_FILE),
    path.join(projectRoot(), 'app/modules/core', WORKER_FILE),
  ]
  const found = candidates.find((c) => fs.existsSync(c))
  if (!found) throw new Error(`job worker not found (${candidates.join(', ')})`)
  return found
}

const pool = createChildPool({
  workerFile,
  // the limits: JOB_WORKERS processes, JOB_MAX_MEMORY_MB of heap each, JOB_TIMEOUT_SECONDS per job,
  // JOB_MAX_QUEUE jobs waiting at most
  size: () => getEnv().JOB_WORKERS,
  memoryMb: () => getEnv().JOB_MAX_MEMORY_MB,
  timeoutSeconds: () => getEnv().JOB_TIMEOUT_SECONDS,
  maxQueue: () => getEnv().JOB_MAX_QUEUE,
})

/** The structured clone turns a Buffer into a Uint8Array: give it back as a Buffer. */
function revive(output: unknown): unknown {
  if (output instanceof Uint8Array && !Buffer.isBuffer(output))
    return Buffer.from(output.buffer, output.byteOffset, output.byteLength)
  return output
}

/**
 * Runs a job file (e.g. 'app/modules/plans/plan-docx.job.mjs') with `input` in a child process and
 * resolves to what its default export returned (a Buffer for bytes). Rejects with ChildJobError.
 */
export async function runChildJob<T = Buffer>(
  file: string,
  input: unknown,
  options?: { timeoutSeconds?: number },
): Promise<T> {
  if (!/^(app|tests)\/[\w/-]+\.job\.mjs$/.test(file)) throw new Error(`not a job file: ${file}`)
  const absolute = path.join(projectRoot(), file)
  const run = await pool.run({ file: absolute, input }, options)
  if (!run.ok) {
    if (run.reason === 'crashed') throw new ChildJobError('failed', run.detail)
    throw new ChildJobError(run.reason, run.detail)
  }
  const answer = run.answer as { ok: true; output: unknown } | { ok: false; error: string }
  if (!answer.ok) throw new ChildJobError('failed', answer.error)
  return revive(answer.output) as T
}

/** Ends the job processes (shutdown, tests). */
export const stopChildJobs = () => pool.stop()

/** What a route answers when its file could not be built: 503 with Retry-After and a plain message in
 * the person's language (logged). Anything that is not a ChildJobError is thrown on. */
export function childJobUnavailable(error: unknown, lang: Lang): Response {
  if (!(error instanceof ChildJobError)) throw error
  console.error(error.message)
  return new Response(translator(lang).t('error.503'), {
    status: 503,
    headers: { 'Retry-After': '60', 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
