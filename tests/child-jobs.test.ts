// Heavy work in child processes (app/modules/core/child-jobs.server.ts): bytes and objects come back,
// a job that throws, spins, eats memory or exits is reported and the next job runs, the queue is bounded,
// and the server's event loop answers while a job spins.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { resetEnvCache } from '~/env.server'
import {
  ChildJobError,
  childJobUnavailable,
  runChildJob,
  stopChildJobs,
} from '~/modules/core/child-jobs.server'

const JOB = 'tests/fixtures/jobs/echo.job.mjs'

async function limits(values: Record<string, string>) {
  for (const k of ['JOB_TIMEOUT_SECONDS', 'JOB_MAX_MEMORY_MB', 'JOB_MAX_QUEUE', 'JOB_WORKERS'])
    delete process.env[k]
  Object.assign(process.env, values)
  resetEnvCache()
  await stopChildJobs()
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ChildJobError ? error.reason : String(error)),
  )

afterEach(() => limits({}))
afterAll(() => stopChildJobs())

describe('child jobs', () => {
  it('gives back bytes as a Buffer and objects as they were, from another process', async () => {
    const bytes = await runChildJob(JOB, { do: 'bytes', text: 'Tráfico ilícito' })
    expect(Buffer.isBuffer(bytes)).toBe(true)
    expect(bytes.toString('utf8')).toBe('Tráfico ilícito')
    const object = await runChildJob<{ pid: number; words: string[] }>(JOB, { do: 'object', text: 'a b' })
    expect(object.words).toEqual(['a', 'b'])
    expect(object.pid).not.toBe(process.pid)
  })

  it('reports a job that throws, and runs the next one', async () => {
    const error = await runChildJob(JOB, { do: 'throw', text: 'no' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChildJobError)
    expect((error as ChildJobError).reason).toBe('failed')
    expect((error as Error).message).toContain('refused: no')
    expect((await runChildJob(JOB, { do: 'bytes', text: 'ok' })).toString()).toBe('ok')
  })

  it('ends a job after its time limit while the event loop goes on, then runs the next', async () => {
    await limits({ JOB_TIMEOUT_SECONDS: '1' })
    let ticks = 0
    const timer = setInterval(() => ticks++, 50)
    const started = Date.now()
    expect(await failure(runChildJob(JOB, { do: 'spin' }))).toBe('timeout')
    clearInterval(timer)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(ticks).toBeGreaterThan(5)
    expect((await runChildJob(JOB, { do: 'bytes', text: 'after' })).toString()).toBe('after')
  })

  it('ends a job over its memory limit, and runs the next', async () => {
    await limits({ JOB_MAX_MEMORY_MB: '48' })
    expect(await failure(runChildJob(JOB, { do: 'eat' }))).toBe('memory')
    expect((await runChildJob(JOB, { do: 'bytes', text: 'fine' })).toString()).toBe('fine')
  })

  it('reports a process that exits, and starts another', async () => {
    expect(await failure(runChildJob(JOB, { do: 'exit' }))).toBe('failed')
    expect((await runChildJob(JOB, { do: 'bytes', text: 'again' })).toString()).toBe('again')
  })

  it('refuses jobs beyond the queue at once, and runs those it took', async () => {
    await limits({ JOB_MAX_QUEUE: '2', JOB_TIMEOUT_SECONDS: '2' })
    const jobs = Array.from({ length: 5 }, (_, i) =>
      failure(runChildJob(JOB, { do: 'bytes', text: String(i) })),
    )
    const outcomes = await Promise.all(jobs)
    // one runs at once, two wait: the last two are refused as busy
    expect(outcomes).toEqual([null, null, null, 'busy', 'busy'])
  })

  it('never runs a file that is not a job of the project', async () => {
    for (const file of ['../../etc/passwd.job.mjs', 'app/modules/x.mjs', '/tmp/x.job.mjs'])
      expect(await failure(runChildJob(file, {}))).toMatch(/not a job file/)
  })

  it("answers 503 in the person's language when a file could not be built, and rethrows other errors", async () => {
    const error = await runChildJob(JOB, { do: 'throw', text: 'x' }).catch((e: unknown) => e)
    const res = childJobUnavailable(error, 'es')
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.text()).toMatch(/No se pudo preparar el archivo/)
    const other = new TypeError('bug')
    expect(() => childJobUnavailable(other, 'en')).toThrow(other)
  })
})
