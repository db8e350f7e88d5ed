/**
 * The busiest day as users see it (`npm run bench -- --capacity`): a Vice-Ministerial Meeting, every
 * delegate signed in (their own session each), each one reading a page every THINK_MS on average
 * (exponential think times) from this mix: dashboard 20%, the document library 15%, a document's page
 * 15%, a download 10%, a search 15%, the meeting's page with its minutes 15%, and 10% writes (marking
 * one's notifications read: a POST, an immediate transaction). The number of delegates steps up until
 * the p99 of a step's answers passes 200 ms (or anything fails); the answer is the last step within it.
 */

export interface CapacityTarget {
  base: string
  /** one session cookie per delegate (reused in turn when there are more delegates than cookies) */
  cookies: string[]
  documentId: string
  meetingId: string
  searchTerms: string[]
}

export interface CapacityStep {
  delegates: number
  requests: number
  rps: number
  p50_ms: number
  p99_ms: number
  failed: number
}

export interface CapacityResult {
  /** delegates served at p99 <= P99_LIMIT_MS (0: not even the first step) */
  delegates: number
  /** that step's p99 */
  p99_ms: number
  think_ms: number
  steps: CapacityStep[]
}

export const P99_LIMIT_MS = 200
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 10_000)
const STEP_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 20)
const STEPS = process.env.BENCH_CAPACITY_STEPS
  ? process.env.BENCH_CAPACITY_STEPS.split(',').map(Number)
  : [100, 200, 300, 450, 600, 800, 1000, 1300, 1600, 2000, 2500, 3000]

type Pick = { weight: number; request: (t: CapacityTarget, i: number) => [string, RequestInit?] }

const MIX: Pick[] = [
  { weight: 20, request: () => ['/'] },
  { weight: 15, request: () => ['/documents'] },
  { weight: 15, request: (t) => [`/documents/${t.documentId}`] },
  { weight: 10, request: (t) => [`/documents/${t.documentId}/download`] },
  {
    weight: 15,
    request: (t, i) => [`/search?q=${encodeURIComponent(t.searchTerms[i % t.searchTerms.length])}`],
  },
  { weight: 15, request: (t) => [`/meetings/${t.meetingId}`] },
  {
    weight: 10,
    request: (t) => [
      '/notifications',
      {
        method: 'POST',
        headers: { Origin: t.base, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'intent=read-all',
      },
    ],
  },
]
const TOTAL = MIX.reduce((n, m) => n + m.weight, 0)

function pick(r: number): Pick {
  let x = r * TOTAL
  for (const m of MIX) if ((x -= m.weight) < 0) return m
  return MIX[MIX.length - 1]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const think = () => -Math.log(1 - Math.random()) * THINK_MS

async function step(target: CapacityTarget, delegates: number): Promise<CapacityStep> {
  const times: number[] = []
  let failed = 0
  let counter = 0
  const started = performance.now()
  const end = started + STEP_SECONDS * 1000
  // the first third of the step warms up (every delegate's first page), the rest is measured
  const measureFrom = started + (STEP_SECONDS * 1000) / 3
  const user = async (u: number) => {
    const cookie = target.cookies[u % target.cookies.length]
    await sleep(Math.random() * THINK_MS)
    while (performance.now() < end) {
      const [path, init] = pick(Math.random()).request(target, counter++)
      const t0 = performance.now()
      try {
        const res = await fetch(`${target.base}${path}`, {
          ...init,
          redirect: 'manual',
          headers: { ...(init?.headers as Record<string, string>), cookie, 'accept-encoding': 'gzip' },
          signal: AbortSignal.timeout(30_000),
        })
        await res.arrayBuffer()
        if (t0 >= measureFrom) {
          times.push(performance.now() - t0)
          if (res.status >= 400) failed++
        }
      } catch {
        if (t0 >= measureFrom) failed++
      }
      await sleep(think())
    }
  }
  await Promise.all(Array.from({ length: delegates }, (_, u) => user(u)))
  times.sort((a, b) => a - b)
  const at = (p: number) =>
    times.length ? times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] : 0
  const seconds = (end - measureFrom) / 1000
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    delegates,
    requests: times.length,
    rps: round(times.length / seconds),
    p50_ms: round(at(0.5)),
    p99_ms: round(at(0.99)),
    failed,
  }
}

export async function measureCapacity(
  target: CapacityTarget,
  log: (...parts: unknown[]) => void,
): Promise<CapacityResult> {
  const steps: CapacityStep[] = []
  let held: CapacityStep | null = null
  for (const delegates of STEPS) {
    const s = await step(target, delegates)
    steps.push(s)
    log(
      `  ${delegates} delegates: ${s.rps} req/s, p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms${s.failed ? `, ${s.failed} failed` : ''}`,
    )
    if (s.failed || s.p99_ms > P99_LIMIT_MS) break
    held = s
  }
  return { delegates: held?.delegates ?? 0, p99_ms: held?.p99_ms ?? 0, think_ms: THINK_MS, steps }
}
