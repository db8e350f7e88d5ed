// `npm run bench` at a tiny scale, as a smoke test of the runner (not of speed): it seeds, serves the
// production build as a cluster, measures every route, the shell, the event-loop delay in the server,
// the pages' weight, memory, start time and the busiest day's capacity, and prints its JSON last.
import { spawn } from 'node:child_process'
import { expect, test } from './fixtures'

test('the bench runs end to end on a small dataset and reports every figure', async () => {
  test.setTimeout(180_000)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_SCALE: '0.005',
    BENCH_DURATION: '1',
    BENCH_ROUTE_MAX_SECONDS: '3',
    BENCH_CONNECTIONS: '4',
    BENCH_SEARCHES: '20',
    BENCH_UPLOAD_MB: '2',
    BENCH_CAPACITY_STEPS: '5,10',
    BENCH_CAPACITY_SECONDS: '2',
    BENCH_THINK_MS: '500',
    WEB_CONCURRENCY: '2',
  }
  delete env.PORT
  const child = spawn(process.execPath, ['node_modules/.bin/tsx', 'tests/bench/run.ts', '--capacity'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  expect(code, `${out.slice(-1500)}\n${err.slice(-1500)}`).toBe(0)
  const report = JSON.parse(out.trim().split('\n').pop()!)
  expect(report.baseline.rps).toBeGreaterThan(0)
  expect(report.shell.path).toBe('/login')
  expect(report.shell.rps).toBeGreaterThan(0)
  expect(report.processes).toBe(2)
  const pages = report.routes.filter((r: { html_kb: number }) => r.html_kb > 0)
  expect(pages.length).toBeGreaterThan(5)
  for (const r of report.routes) {
    expect(r.rps, r.name).toBeGreaterThan(0)
    expect(r.shell_ratio, r.name).toBeGreaterThan(0)
    // sampled in the server: at the monitor's resolution or more
    expect(r.event_loop_p99_ms, r.name).toBeGreaterThan(0)
    expect(r.event_loop_max_ms, r.name).toBeGreaterThanOrEqual(r.event_loop_p99_ms)
  }
  for (const p of pages) expect(p.js_kb, p.name).toBeGreaterThan(20)
  expect(report.upload.rss_growth_mb).toBeGreaterThanOrEqual(0)
  expect(report.memory.rss_after_mb).toBeGreaterThan(50)
  expect(report.start_ms).toBeGreaterThan(0)
  expect(report.capacity.steps).toHaveLength(2)
  expect(report.capacity.think_ms).toBe(500)
})
