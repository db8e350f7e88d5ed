/**
 * A small pool of child processes for work that must not run on the server's event loop: text
 * extraction of uploaded files, building DOCX/XLSX/PDF files, parsing imported DOCX. Each process is
 * started with a heap limit (--max-old-space-size) and killed when one message takes longer than its
 * time limit; a killed or crashed process is replaced for the next message. Messages wait in a queue
 * (bounded when `maxQueue` is given) for a free process. Idle processes do not keep the server running.
 *
 * Child processes rather than worker threads: a worker thread over its `resourceLimits` can abort the
 * whole server (V8's fatal "heap out of memory", reproduced with mammoth and a 120 MB document.xml).
 *
 * The worker file answers each message it receives (process.on('message')) with one process.send().
 */
import { fork, type ChildProcess } from 'node:child_process'

export type ChildRun =
  | { ok: true; answer: unknown }
  | { ok: false; reason: 'timeout' | 'memory' | 'crashed' | 'busy'; detail: string }

export interface ChildPoolOptions {
  /** the worker's file (an absolute path; read when a process starts) */
  workerFile: () => string
  /** the limits, read when they are needed (tests change them between runs) */
  size: () => number
  memoryMb: () => number
  timeoutSeconds: () => number
  /** at most this many messages wait for a process; beyond, run() answers 'busy' */
  maxQueue?: () => number
}

export interface ChildPool {
  run(message: unknown, options?: { timeoutSeconds?: number }): Promise<ChildRun>
  /** messages waiting for a free process */
  waiting(): number
  /** Ends the processes (shutdown, tests that change the limits). Queued messages wait for new ones. */
  stop(): Promise<void>
}

interface Slot {
  worker: ChildProcess | null
  busy: boolean
}
interface Job {
  message: unknown
  timeoutSeconds?: number
  resolve: (run: ChildRun) => void
}

/** V8's last words when a heap is exhausted ("FATAL ERROR: Reached heap limit Allocation failed -
 * JavaScript heap out of memory", "Fatal process out of memory: ..." and the like). */
const outOfMemory = (stderr: string) =>
  /out of memory|Allocation failed|heap limit|invalid (array|table|string) (length|size)/i.test(stderr)

/** The line of stderr that says what went wrong (an error, V8's fatal message), for the log. */
const lastLine = (stderr: string) => {
  const lines = stderr.trim().split('\n')
  const line = (lines.find((l) => /error|fatal/i.test(l)) ?? lines.pop())?.trim()
  return line ? `: ${line.slice(0, 200)}` : ''
}

export function createChildPool(options: ChildPoolOptions): ChildPool {
  const queue: Job[] = []
  const slots: Slot[] = []
  let busy = 0
  /** The last lines a process wrote to stderr (V8 names an exhausted heap there). */
  const stderrTail = new WeakMap<ChildProcess, string>()
  const exhausted = new WeakSet<ChildProcess>()

  function spawn(slot: Slot): ChildProcess {
    const memory = options.memoryMb()
    const worker = fork(options.workerFile(), [], {
      // not the server's own flags (a debugger, vitest's loaders)
      execArgv: [
        `--max-old-space-size=${memory}`,
        `--max-semi-space-size=${Math.min(16, Math.max(1, memory >> 5))}`,
      ],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    worker.stderr?.setEncoding('utf8')
    // V8 names an exhausted heap first and then prints a native stack trace of some kilobytes: the
    // naming is remembered when it passes, not looked for in the tail afterwards
    worker.stderr?.on('data', (chunk: string) => {
      const tail = ((stderrTail.get(worker) ?? '') + chunk).slice(-4000)
      stderrTail.set(worker, tail)
      if (outOfMemory(tail)) exhausted.add(worker)
    })
    worker.once('exit', () => {
      if (slot.worker === worker) slot.worker = null
    })
    idle(worker)
    return worker
  }

  /** An idle process does not keep the server running; a busy one does. */
  function idle(worker: ChildProcess) {
    worker.unref()
    worker.channel?.unref()
    ;(worker.stderr as unknown as { unref?: () => void } | null)?.unref?.()
  }
  function active(worker: ChildProcess) {
    worker.ref()
    worker.channel?.ref()
  }

  function runOn(slot: Slot, job: Job): Promise<ChildRun> {
    return new Promise((resolve) => {
      let worker: ChildProcess
      try {
        worker = slot.worker ?? (slot.worker = spawn(slot))
      } catch (error) {
        resolve({ ok: false, reason: 'crashed', detail: `no worker: ${String(error)}` })
        return
      }
      let settled = false
      const finish = (run: ChildRun, kill: boolean) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('close', onClose)
        if (kill) {
          if (slot.worker === worker) slot.worker = null
          worker.kill('SIGKILL')
        } else idle(worker)
        resolve(run)
      }
      const onMessage = (answer: unknown) => finish({ ok: true, answer }, false)
      const onError = (error: Error) => finish({ ok: false, reason: 'crashed', detail: error.message }, true)
      // 'close', not 'exit': it comes once stderr has ended, so V8's last words (an exhausted heap) are read
      const onClose = (code: number | null, signal: string | null) =>
        finish(
          exhausted.has(worker)
            ? { ok: false, reason: 'memory', detail: 'heap limit reached' }
            : {
                ok: false,
                reason: 'crashed',
                detail: `worker ended (${signal ?? code})${lastLine(stderrTail.get(worker) ?? '')}`,
              },
          true,
        )
      const seconds = job.timeoutSeconds ?? options.timeoutSeconds()
      const timer = setTimeout(
        () => finish({ ok: false, reason: 'timeout', detail: `over ${seconds} s` }, true),
        seconds * 1000,
      )
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('close', onClose)
      active(worker)
      worker.send(job.message as never, (error) => {
        if (error) finish({ ok: false, reason: 'crashed', detail: error.message }, true)
      })
    })
  }

  function pump() {
    const size = options.size()
    while (slots.length < size) slots.push({ worker: null, busy: false })
    while (queue.length && busy < size) {
      const slot = slots.find((s) => !s.busy)!
      const job = queue.shift()!
      slot.busy = true
      busy++
      void runOn(slot, job).then((run) => {
        slot.busy = false
        busy--
        job.resolve(run)
        pump()
      })
    }
  }

  return {
    run(message, runOptions) {
      if (options.maxQueue && queue.length >= options.maxQueue())
        return Promise.resolve({ ok: false, reason: 'busy', detail: `${queue.length} waiting` })
      return new Promise((resolve) => {
        queue.push({ message, timeoutSeconds: runOptions?.timeoutSeconds, resolve })
        pump()
      })
    },
    waiting: () => queue.length,
    async stop() {
      const workers = slots.map((s) => s.worker).filter((w): w is ChildProcess => w !== null)
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
    },
  }
}
