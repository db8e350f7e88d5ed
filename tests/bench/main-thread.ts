/**
 * How long each slow route holds the main thread, on the large dataset, in-process (no HTTP, no
 * rendering): the route's loader is called `BENCH_REPEAT` times (10) one after the other as the
 * delegate, with `perf_hooks.monitorEventLoopDelay` sampling, and the longest synchronous stretch of
 * every call is measured around its awaits. Reads go to the read pool (READ_WORKERS, 2 here unless
 * set), so what remains is the main thread's own share: building queries, cache lookups, shaping rows.
 *
 *   BENCH_DB=/path/to/seeded.db npx tsx tests/bench/main-thread.ts
 *
 * BENCH_DB is a database seeded by db/seed/bench.ts (e.g. a copy kept from `seedBench`); without it
 * the dataset is seeded into a temporary folder first (a minute or two). The file is migrated when
 * needed. Prints one line per route (wall time p50/max, main-thread max, event-loop delay max), then
 * 200 sequential API searches' p95 (wall time, in-process).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '../../db/client'
import { BENCH_ACCOUNTS, benchSamples, seedBench } from '../../db/seed/bench'
import { resetEnvCache } from '../../app/env.server'
import { createSession } from '../../app/modules/auth/session.server'
import { stopReadPool } from '../../app/modules/core/read-pool.server'

const REPEAT = Number(process.env.BENCH_REPEAT ?? 10)
type Loader = (args: LoaderFunctionArgs) => unknown

async function main() {
  process.env.NODE_ENV = 'production'
  process.env.DEMO_DATA = 'off'
  process.env.READ_WORKERS ??= '2'
  delete process.env.SMTP_URL
  let file = process.env.BENCH_DB
  let tmp: string | null = null
  if (!file) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rcm-main-thread-'))
    process.env.DATA_DIR = tmp
    resetEnvCache()
    file = path.join(tmp, 'portal.db')
    switchDatabaseFile(file)
    console.error('seeding ...')
    await seedBench({})
  } else {
    process.env.DATA_DIR = path.dirname(file)
    resetEnvCache()
    switchDatabaseFile(file)
  }
  const samples = benchSamples()
  const id = (email: string) =>
    (rawSqlite().prepare('select id from people where email = ?').get(email) as { id: string }).id
  const cookie = (email: string) =>
    `rcm_session=${createSession(id(email), { twoFactorVerified: true }).token}`
  const who = { delegate: cookie(BENCH_ACCOUNTS.delegate), secretariat: cookie(BENCH_ACCOUNTS.secretariat) }
  const q = encodeURIComponent(samples.commonWord)
  const load = async (m: string) => ((await import(`../../app/routes/${m}`)) as { loader: Loader }).loader
  const routes: [string, string, Loader, keyof typeof who][] = [
    ['dashboard', '/', await load('_index.tsx'), 'delegate'],
    ['dashboard_secretariat', '/', await load('_index.tsx'), 'secretariat'],
    ['documents_query', `/documents?q=${q}`, await load('documents._index.tsx'), 'delegate'],
    ['search', `/search?q=${q}`, await load('search.tsx'), 'delegate'],
    ['search_rare', '/search?q=Yaviza', await load('search.tsx'), 'delegate'],
    ['api_search', `/api/v1/search?q=${q}`, await load('api.v1.search.ts'), 'delegate'],
    ['api_documents', `/api/v1/documents?q=${q}`, await load('api.v1.documents.ts'), 'delegate'],
    ['actions', '/actions', await load('actions._index.tsx'), 'delegate'],
    ['actions_overdue', '/actions?overdue=1', await load('actions._index.tsx'), 'delegate'],
    ['actions_board', '/actions/board', await load('actions.board.tsx'), 'delegate'],
    ['api_actions', '/api/v1/actions?assignee=PA&overdue=1', await load('api.v1.actions.ts'), 'delegate'],
  ]

  /** Calls a loader; the longest synchronous stretch is the longest gap between event-loop turns. */
  async function once(loader: Loader, url: string, c: string) {
    const request = new Request(new URL(url, 'http://localhost:3000'), { headers: { Cookie: c } })
    let longest = 0
    let last = performance.now()
    let running = true
    // a macrotask ticker: each turn measures the time since the previous one
    const tick = () => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
      if (running) setImmediate(tick)
    }
    setImmediate(tick)
    const started = performance.now()
    try {
      await loader({ request, params: {}, context: {} } as LoaderFunctionArgs)
    } catch (error) {
      if (!(error instanceof Response) || error.status >= 400) throw error
    }
    const wall = performance.now() - started
    longest = Math.max(longest, performance.now() - last)
    running = false
    return { wall, longest }
  }

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]
  console.log('route                  wall p50  wall max  main max  loop max (ms)')
  for (const [name, url, loader, as] of routes) {
    await once(loader, url, who[as]) // warm: statements prepared, caches filled
    const h = monitorEventLoopDelay({ resolution: 1 })
    h.enable()
    const runs = []
    for (let i = 0; i < REPEAT; i++) runs.push(await once(loader, url, who[as]))
    h.disable()
    const walls = runs.map((r) => r.wall)
    const main = Math.max(...runs.map((r) => r.longest))
    console.log(
      `${name.padEnd(22)} ${pct(walls, 0.5).toFixed(1).padStart(8)}  ${Math.max(...walls)
        .toFixed(1)
        .padStart(8)}  ${main.toFixed(1).padStart(8)}  ${(h.max / 1e6).toFixed(1).padStart(8)}`,
    )
  }
  const api = routes.find((r) => r[0] === 'api_search')![2]
  const times: number[] = []
  for (let i = 0; i < 200; i++) {
    const term = samples.searchTerms[i % samples.searchTerms.length]
    times.push((await once(api, `/api/v1/search?q=${encodeURIComponent(term)}`, who.delegate)).wall)
  }
  console.log(
    `200 sequential API searches: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
  )
  await stopReadPool()
  closeDatabase()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
