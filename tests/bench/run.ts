/**
 * `npm run bench`: seeds the large dataset (db/seed/bench.ts) into a
 * temporary database, serves the production build, and measures in one run: one streamed 100 MB upload
 * with the server's memory sampled; with autocannon the baseline /healthz, then each page and API list
 * as a signed-in member-state delegate; 200 sequential searches. Prints a table, then as its very last
 * line one JSON object. Exits non-zero when the server fails or a route answers errors (or not at all).
 * How to read the numbers: tests/bench/README.md. BENCH_DURATION sets the seconds per route (10),
 * BENCH_SCALE shrinks the dataset for a quick try of the runner itself (1).
 */
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { closeDatabase, rawSqlite, switchDatabaseFile } from '../../db/client'
import { BENCH_ACCOUNTS, benchSamples, seedBench, type BenchDataset } from '../../db/seed/bench'
import { resetEnvCache } from '../../app/env.server'
import { createApiToken } from '../../app/modules/auth/api-tokens.server'
import { createSession } from '../../app/modules/auth/session.server'
import { readClientBuild, type ClientBuild } from './bundle'
import { measureCapacity, type CapacityResult } from './capacity'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
/** Only to try the runner quickly: the contract's numbers are for the full dataset (1). */
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
/** 20 as the contract says; fewer only for the smoke run of the runner */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
/** the production server's processes (server.mjs's cluster): one per core unless WEB_CONCURRENCY says */
const PROCESSES = Number(process.env.WEB_CONCURRENCY || os.availableParallelism())
/** The busiest day's scenario after the routes (tests/bench/capacity.ts): on by default, as the
 * contract's JSON has it (`--capacity` says so explicitly); `--no-capacity` skips it (a few minutes). */
const CAPACITY = !process.argv.includes('--no-capacity')
/** 100 MB as the contract says; smaller only for the smoke run of the runner (tests/e2e/bench-smoke.spec.ts) */
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 100)
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200)
/** the longest a slow route is loaded for (the smoke run of the runner shortens it) */
const MAX_SECONDS = Number(process.env.BENCH_ROUTE_MAX_SECONDS ?? 60)
/** A single request slower than this is a failure: the server is restarted to go on measuring. */
const REQUEST_TIMEOUT_MS = 30_000

type Who = 'delegate' | 'secretariat'

interface RouteSpec {
  name: string
  path: string
  /** route modules (app/routes) of which one must exist for the route to be measured */
  files: string[]
  as?: Who
  /** a dataset count that must be above zero (tables of later issues) */
  needs?: keyof BenchDataset
}

interface Measured {
  name: string
  path: string
  as: Who
  /** successful (2xx) answers per second */
  rps: number
  p50_ms: number
  p99_ms: number
  ratio: number
  /** non-2xx answers, connection errors and timeouts */
  failed: number
  /** the time of the single checking request made before the load */
  single_ms: number
  /** seconds measured (longer than BENCH_DURATION for slow routes) */
  seconds: number
  /** the server's resident memory after the route's load run (all its processes) */
  rss_mb: number
  /** the ratio to the shell (the signed-out /login) */
  shell_ratio: number
  /** the worst p99 and max of the serving processes' event-loop delay during the load run */
  event_loop_p99_ms: number
  event_loop_max_ms: number
  /** compressed HTML and first-load JavaScript of a page (0 for JSON) */
  html_kb: number
  js_kb: number
}

const log = (...parts: unknown[]) => console.error(...parts)
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------------
// The server, and clean-up on every exit path

let server: ChildProcess | null = null
let tmpDir: string | null = null
const serverLog: string[] = []

function cleanUp() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
  server = null
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
  tmpDir = null
}
process.on('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the server and removing the temporary folder`)
    cleanUp()
    process.exit(130)
  })
}

function serverFailed(): string | null {
  if (!server) return 'the server is not running'
  if (server.exitCode !== null || server.signalCode !== null) {
    return `the server exited (${server.exitCode ?? server.signalCode})`
  }
  return null
}

/** Stops the server: SIGTERM (it closes the database), or SIGKILL when it is stuck in a query. */
async function stopServer(force = false) {
  const child = server
  server = null
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(force ? 'SIGKILL' : 'SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

const eventLoopDir = (dataDir: string) => path.join(dataDir, '..', 'event-loop')

function startServer(port: number, dataDir: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dataDir,
    APP_ORIGIN: `http://127.0.0.1:${port}`,
    DEMO_DATA: 'off',
    MAX_UPLOAD_MB: '150',
    WEB_CONCURRENCY: String(PROCESSES),
    BENCH_EVENT_LOOP_DIR: eventLoopDir(dataDir),
  }
  fs.mkdirSync(eventLoopDir(dataDir), { recursive: true })
  delete env.DATABASE_PATH
  delete env.SMTP_URL
  // node directly (not npx): the pid is the server's own, for the memory samples.
  const child = spawn(process.execPath, ['server.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk: Buffer) => {
    serverLog.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    serverLog.splice(0, Math.max(0, serverLog.length - 200))
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  server = child
}

async function waitForHealth(base: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const failed = serverFailed()
    if (failed) throw new Error(failed)
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error('the server did not answer /healthz within 60 s')
}

/** Waits until requests still queued from a load run are answered (the server handles one at a time,
 * so /healthz answers after them), so that they do not slow down the next measurement. */
async function drain(base: string) {
  await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer())
}

// ---------------------------------------------------------------------------------------------------
// Build

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

/** `remix build` unless build/index.js is newer than everything the server bundle is made of. */
async function buildIfNeeded() {
  const built = path.join(ROOT, 'build/index.js')
  const sources = Math.max(newestMtime(path.join(ROOT, 'app')), newestMtime(path.join(ROOT, 'db')))
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) {
    log('The production build is up to date.')
    return
  }
  log('Building (remix build)...')
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/remix'), ['build'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // Build output goes to stderr: stdout is the report.
    child.stdout.pipe(process.stderr)
    child.stderr.pipe(process.stderr)
    child.on('error', reject)
    child.on('exit', (c) => resolve(c ?? 1))
  })
  if (code !== 0) throw new Error(`remix build failed (exit ${code})`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------------------------------------------
// Measurements

/** One request before the load: a route that answers an error, or takes longer than the timeout, is
 * reported and not load-tested (it would be measured as fast, or block the server for minutes). */
async function check(
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; refusal: string | null; timedOut: boolean; body?: string; html?: boolean }> {
  const started = performance.now()
  try {
    const res = await fetch(url, {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const body = await res.text()
    const ms = performance.now() - started
    if (res.status >= 200 && res.status < 300)
      return {
        ms,
        refusal: null,
        timedOut: false,
        body,
        html: (res.headers.get('content-type') ?? '').startsWith('text/html'),
      }
    const where = res.headers.get('location')
    const refusal = `HTTP ${res.status}${where ? ` -> ${where}` : ''}: ${body.replace(/\s+/g, ' ').slice(0, 160)}`
    return { ms, refusal, timedOut: false }
  } catch (error) {
    const ms = performance.now() - started
    if (error instanceof Error && error.name === 'TimeoutError') {
      return {
        ms,
        refusal: `no answer within ${REQUEST_TIMEOUT_MS / 1000} s (one request, no load)`,
        timedOut: true,
      }
    }
    return {
      ms,
      refusal: `request failed: ${error instanceof Error ? error.message : String(error)}`,
      timedOut: false,
    }
  }
}

/** Seconds to load a route for: BENCH_DURATION, or for a slow route long enough for the queue of all
 * connections to be answered twice (else nothing completes and there is nothing to report), at most 60. */
function durationFor(singleMs: number) {
  return Math.max(DURATION, Math.min(MAX_SECONDS, Math.ceil((2 * singleMs * CONNECTIONS) / 1000)))
}

async function load(url: string, headers: Record<string, string>, duration = DURATION) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    timeout: REQUEST_TIMEOUT_MS / 1000,
  })
  return {
    // Only successful answers count as throughput.
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
    /** what the failures were: status codes, connection errors, timeouts */
    why: [
      ...Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, s]) => `${s.count ?? 0} x HTTP ${code}`),
      result.timeouts ? `${result.timeouts} timeouts (${REQUEST_TIMEOUT_MS / 1000} s)` : '',
      result.errors - result.timeouts ? `${result.errors - result.timeouts} connection errors` : '',
    ]
      .filter(Boolean)
      .join(', '),
  }
}

function ownRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** The process and its descendants (the cluster's serving processes, the extraction and job workers). */
function processTree(pid: number): number[] {
  const all = [pid]
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${all[i]}/task`)) {
        const children = fs.readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim()
        if (children) all.push(...children.split(/\s+/).map(Number))
      }
    } catch {
      // ended meanwhile
    }
  }
  return all
}

/** The processes that serve: the server itself and, in a cluster, its serving processes (forked by
 * server.mjs with RCM_PROCESS=worker); not the extraction and job workers, which have their own limits. */
function servingProcesses(pid: number): number[] {
  return processTree(pid).filter((p) => {
    if (p === pid) return true
    try {
      return fs.readFileSync(`/proc/${p}/environ`, 'utf8').split('\0').includes('RCM_PROCESS=worker')
    } catch {
      return false
    }
  })
}

/** Resident memory of the serving processes together (`all`: with the extraction and job workers). */
function rssMb(pid: number, all = false): number {
  let total = 0
  for (const p of all ? processTree(pid) : servingProcesses(pid)) {
    try {
      total += ownRssMb(p)
    } catch {
      // ended meanwhile
    }
  }
  return total
}

/** The largest single process of the server (each has its own heap and its own copy of the build). */
function largestProcessMb(pid: number): number {
  return Math.max(
    0,
    ...servingProcesses(pid).map((p) => {
      try {
        return ownRssMb(p)
      } catch {
        return 0
      }
    }),
  )
}

// ---------------------------------------------------------------------------------------------------
// Event-loop delay, sampled in the server (server.mjs, BENCH_EVENT_LOOP_DIR): SIGUSR2 makes each serving
// process write what it saw since the last signal to <dir>/<pid>.json and start again.

async function eventLoopSample(pid: number, dir: string): Promise<{ p99: number; max: number }> {
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true })
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + 3000
  let files: string[] = []
  while (Date.now() < deadline) {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'))
    if (files.length >= PROCESSES) break
    await sleep(20)
  }
  let p99 = 0
  let max = 0
  for (const f of files) {
    try {
      const sample = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        p99_ms: number
        max_ms: number
      }
      p99 = Math.max(p99, sample.p99_ms)
      max = Math.max(max, sample.max_ms)
    } catch {
      // a file being renamed: the next sample has it
    }
  }
  return { p99, max }
}

// ---------------------------------------------------------------------------------------------------
// Page weight: the HTML as sent (gzip, level 6 as the server's `compression`) and the JavaScript a first
// visit loads (every module the page names, with their static imports, and the messages script).

const gzipKb = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length / 1024

async function pageWeight(base: string, html: string, build: ClientBuild | null, cookie: string) {
  const urls = new Set<string>()
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js[^"]*)"[^>]*>/g))
    urls.add(m[1])
  for (const m of html.matchAll(/import\s*(?:[^"']*?from\s*)?["'](\/build\/[^"']+\.js)["']/g)) urls.add(m[1])
  const fromBuild = build
    ? build.closure([...urls].filter((u) => u.startsWith('/build/')))
    : new Set<string>()
  let js = 0
  for (const m of fromBuild) js += build!.size(m).gzip / 1024
  for (const u of urls) {
    if (u.startsWith('/build/') && build) continue
    const res = await fetch(new URL(u, base), { headers: { cookie } })
    js += gzipKb(Buffer.from(await res.arrayBuffer()))
  }
  return { html_kb: round(gzipKb(html)), js_kb: round(js) }
}

/** A plain-text file of exactly `mb` MiB, written in 1 MiB chunks (never held whole in memory). */
function writeUploadFile(file: string, mb: number) {
  const line = 'Documento de prueba del benchmark: carga de un archivo grande en streaming. 0123456789\n'
  const chunk = Buffer.alloc(1024 * 1024, ' ')
  for (let offset = 0; offset + line.length <= chunk.length; offset += line.length) chunk.write(line, offset)
  chunk[chunk.length - 1] = 0x0a
  const fd = fs.openSync(file, 'w')
  try {
    for (let i = 0; i < mb; i++) fs.writeSync(fd, chunk)
  } finally {
    fs.closeSync(fd)
  }
}

/** POSTs the file as multipart, streamed from disk (a file-backed Blob), sampling the server's RSS. */
async function measureUpload(base: string, token: string, pid: number, dir: string) {
  const file = path.join(dir, 'bench-upload.txt')
  writeUploadFile(file, UPLOAD_MB)
  const blob = (await fs.openAsBlob(file, { type: 'text/plain' })) as unknown as Blob
  const form = new FormData()
  form.append('title', `Benchmark upload of ${UPLOAD_MB} MB`)
  form.append('kind', 'report')
  form.append('language', 'es')
  form.append('visibility', 'participants')
  form.append('file', blob, 'bench-upload.txt')
  const before = rssMb(pid)
  let peak = before
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid))
    } catch {
      // the server is gone: reported by the caller
    }
  }, 20)
  const started = performance.now()
  try {
    const res = await fetch(`${base}/api/v1/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(300_000),
    })
    const body = await res.text()
    peak = Math.max(peak, rssMb(pid))
    return {
      status: res.status,
      error: res.status === 201 ? null : `HTTP ${res.status}: ${body.slice(0, 300)}`,
      seconds: (performance.now() - started) / 1000,
      rssBefore: before,
      rssGrowth: peak - before,
    }
  } catch (error) {
    return {
      status: 0,
      error: error instanceof Error ? error.message : String(error),
      seconds: (performance.now() - started) / 1000,
      rssBefore: before,
      rssGrowth: peak - before,
    }
  } finally {
    clearInterval(sampler)
    fs.rmSync(file, { force: true })
  }
}

/** Sequential searches; stops at the first one that times out (the server is then busy for minutes). */
async function measureSearch(base: string, cookie: string, terms: string[]) {
  const times: number[] = []
  const failures: string[] = []
  let timedOut: string | null = null
  for (let i = 0; i < SEARCHES && !timedOut; i++) {
    const q = terms[i % terms.length]
    const started = performance.now()
    try {
      const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, {
        headers: { Cookie: cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      await res.arrayBuffer()
      if (res.status !== 200) failures.push(`"${q}": HTTP ${res.status}`)
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') timedOut = q
      failures.push(`"${q}": ${timedOut ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : String(error)}`)
    }
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]
  // After a timeout the percentiles of the few requests made are meaningless: report the timeout.
  const p95 = timedOut ? REQUEST_TIMEOUT_MS : at(0.95)
  return { count: times.length, p50: at(0.5), p95, max: times[times.length - 1], failures, timedOut }
}

// ---------------------------------------------------------------------------------------------------
// The run

function routesFor(samples: ReturnType<typeof benchSamples>): RouteSpec[] {
  const q = encodeURIComponent(samples.commonWord)
  return [
    { name: 'dashboard', path: '/', files: ['_index.tsx'] },
    { name: 'members', path: '/members', files: ['members._index.tsx', 'members.tsx'] },
    { name: 'member', path: '/members/PA', files: ['members.$code.tsx', 'members.$code._index.tsx'] },
    { name: 'documents', path: '/documents', files: ['documents._index.tsx'] },
    { name: 'documents_secretariat', path: '/documents', files: ['documents._index.tsx'], as: 'secretariat' },
    {
      name: 'documents_filtered',
      path: '/documents?kind=report&sort=title',
      files: ['documents._index.tsx'],
    },
    { name: 'documents_query', path: `/documents?q=${q}`, files: ['documents._index.tsx'] },
    {
      name: 'document',
      path: `/documents/${samples.documentId}`,
      files: ['documents.$id.tsx', 'documents.$id._index.tsx'],
    },
    { name: 'search', path: `/search?q=${q}`, files: ['search.tsx', 'search._index.tsx'] },
    { name: 'api_documents', path: `/api/v1/documents?q=${q}`, files: ['api.v1.documents.ts'] },
    { name: 'meetings', path: '/meetings', files: ['meetings._index.tsx'] },
    {
      name: 'meeting',
      path: `/meetings/${samples.meetingId}`,
      files: ['meetings.$id._index.tsx', 'meetings.$id.tsx'],
    },
    {
      name: 'api_meetings',
      path: '/api/v1/meetings',
      files: ['api.v1.meetings.ts', 'api.v1.meetings._index.ts'],
    },
    // The delegate is on the member side: the lists hold all 50,000 actions, a third of them overdue.
    { name: 'actions', path: '/actions', files: ['actions._index.tsx'], needs: 'actionItems' },
    {
      name: 'actions_overdue',
      path: '/actions?overdue=1',
      files: ['actions._index.tsx'],
      needs: 'actionItems',
    },
    { name: 'actions_board', path: '/actions/board', files: ['actions.board.tsx'], needs: 'actionItems' },
    {
      name: 'api_actions',
      path: '/api/v1/actions?assignee=PA&overdue=1',
      files: ['api.v1.actions.ts'],
      needs: 'actionItems',
    },
    // a plan of 50 sections with 20 revisions each, page and API
    {
      name: 'plan',
      path: `/plans/${samples.planId}`,
      files: ['plans.$id.tsx'],
      as: 'secretariat',
      needs: 'plans',
    },
    {
      name: 'api_plan',
      path: `/api/v1/plans/${samples.planId}`,
      files: ['api.v1.plans.$id.ts'],
      as: 'secretariat',
      needs: 'plans',
    },
  ]
}

function table(rows: Measured[]) {
  const head = [
    'route',
    'path',
    'as',
    'one req ms',
    'req/s',
    'p50 ms',
    'p99 ms',
    'ratio',
    'failed',
    's',
    'RSS MB',
    'shell',
    'loop p99',
    'loop max',
    'HTML KB',
    'JS KB',
  ]
  const body = rows.map((r) => [
    r.name,
    r.path.length > 40 ? `${r.path.slice(0, 39)}…` : r.path,
    r.as,
    r.single_ms.toFixed(0),
    r.rps.toFixed(1),
    String(r.p50_ms),
    String(r.p99_ms),
    r.ratio.toFixed(3),
    r.failed ? `${r.failed} !!` : r.rps === 0 ? '0 !!' : '0',
    String(r.seconds),
    r.rss_mb.toFixed(0),
    r.shell_ratio.toFixed(3),
    r.event_loop_p99_ms.toFixed(1),
    r.event_loop_max_ms.toFixed(1),
    r.html_kb.toFixed(1),
    r.js_kb.toFixed(1),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
}

async function main() {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcm-bench-'))
  const dataDir = path.join(tmpDir, 'data')
  process.env.DATA_DIR = dataDir
  process.env.DEMO_DATA = 'off'
  process.env.NODE_ENV = 'production'
  delete process.env.DATABASE_PATH
  delete process.env.SMTP_URL
  resetEnvCache()

  log(`Seeding the large dataset into ${dataDir} ...`)
  const seedStart = performance.now()
  switchDatabaseFile(path.join(dataDir, 'portal.db'))
  const dataset = await seedBench({ scale: SCALE })
  const seedSeconds = (performance.now() - seedStart) / 1000
  log(`Seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(dataset)}`)
  const samples = benchSamples()
  const personId = (email: string) =>
    (rawSqlite().prepare('select id from people where email = ?').get(email) as { id: string }).id
  // Signed in by creating sessions directly (as the e2e fixtures do); an API token for the upload.
  const cookie = (email: string) =>
    `rcm_session=${createSession(personId(email), { twoFactorVerified: true }).token}`
  const cookies: Record<Who, string> = {
    delegate: cookie(BENCH_ACCOUNTS.delegate),
    secretariat: cookie(BENCH_ACCOUNTS.secretariat),
  }
  const { token } = createApiToken(personId(BENCH_ACCOUNTS.secretariat), 'bench upload', { scope: 'write' })
  // the busiest day: a session for each delegate (active people of member states first)
  const crowd = CAPACITY
    ? (
        rawSqlite()
          .prepare(
            `select p.id from people p join organizations o on o.id = p.organization_id
             where p.status = 'active' order by (o.kind = 'member_state') desc, p.id limit 3000`,
          )
          .all() as { id: string }[]
      ).map((p) => `rcm_session=${createSession(p.id, { twoFactorVerified: true }).token}`)
    : []
  rawSqlite().pragma('wal_checkpoint(TRUNCATE)')
  closeDatabase()

  await buildIfNeeded()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const restart = async () => {
    await stopServer(true)
    startServer(port, dataDir)
    await waitForHealth(base)
  }
  // `npm start` on an existing build (the server half of it: `node server.mjs`) until its first answer
  const spawned = performance.now()
  startServer(port, dataDir)
  await waitForHealth(base)
  const startMs = Math.round(performance.now() - spawned)
  log(`Server ready at ${base} (pid ${server!.pid}, ${PROCESSES} processes) in ${startMs} ms.`)
  const loopDir = eventLoopDir(dataDir)
  let clientBuild: ClientBuild | null = null
  try {
    clientBuild = readClientBuild(ROOT)
  } catch {
    // no client build: the JavaScript is fetched from the server instead
  }
  const problems: string[] = []

  // The upload first, on a calm server, so that its memory is not hidden in a heap grown by the load.
  log(`Uploading ${UPLOAD_MB} MB (streamed multipart, Bearer token) ...`)
  const upload = await measureUpload(base, token, server!.pid!, tmpDir)
  if (upload.error) problems.push(`upload: ${upload.error}`)
  if (serverFailed()) throw new Error(`during the upload, ${serverFailed()}`)

  log(`Measuring: ${DURATION} s per route, ${CONNECTIONS} connections.`)
  const healthz = await load(`${base}/healthz`, {})
  if (healthz.failed) problems.push(`/healthz: ${healthz.failed} failed requests`)
  const baseline = { path: '/healthz', rps: round(healthz.rps) }
  log(`  baseline /healthz: ${baseline.rps} req/s`)
  // the shell: the app's lightest page (signed out, /login), its own floor
  const shellLoad = await load(`${base}/login`, { 'accept-encoding': 'gzip' })
  if (shellLoad.failed) problems.push(`/login (shell): ${shellLoad.failed} failed requests`)
  const shellPage = await check(`${base}/login`, { 'accept-encoding': 'gzip' })
  const shell = {
    path: '/login',
    rps: round(shellLoad.rps),
    ratio: baseline.rps ? round(shellLoad.rps / baseline.rps, 3) : 0,
    ...(shellPage.body ? await pageWeight(base, shellPage.body, clientBuild, '') : { html_kb: 0, js_kb: 0 }),
  }
  log(
    `  shell /login: ${shell.rps} req/s (${shell.ratio} of /healthz), ${shell.html_kb} KB HTML, ${shell.js_kb} KB JS`,
  )

  const measured: Measured[] = []
  const skipped: string[] = []
  for (const spec of routesFor(samples)) {
    if (!spec.files.some((f) => fs.existsSync(path.join(ROOT, 'app/routes', f)))) {
      skipped.push(`${spec.name} (${spec.path}): no route module yet (${spec.files.join(' or ')})`)
      continue
    }
    if (spec.needs && dataset[spec.needs] === 0) {
      skipped.push(`${spec.name} (${spec.path}): no ${spec.needs} in the dataset yet`)
      continue
    }
    const failed = serverFailed()
    if (failed) throw new Error(failed)
    const as = spec.as ?? 'delegate'
    const url = `${base}${spec.path}`
    // Pages are asked for as a browser does, compressed.
    const headers = { cookie: cookies[as], 'accept-encoding': 'gzip' }
    const probe = await check(url, headers)
    if (probe.refusal) {
      problems.push(`${spec.name} ${spec.path}: ${probe.refusal}`)
      measured.push({
        name: spec.name,
        path: spec.path,
        as,
        rps: 0,
        p50_ms: 0,
        p99_ms: 0,
        ratio: 0,
        failed: 1,
        single_ms: probe.ms,
        seconds: 0,
        rss_mb: rssMb(server!.pid!),
        shell_ratio: 0,
        event_loop_p99_ms: 0,
        event_loop_max_ms: 0,
        html_kb: 0,
        js_kb: 0,
      })
      log(`  ${spec.name}: FAILED ${probe.refusal}`)
      if (probe.timedOut) {
        log('  (restarting the server: it is still busy with that request)')
        await restart()
      }
      continue
    }
    const weight = probe.html
      ? await pageWeight(base, probe.body ?? '', clientBuild, cookies[as])
      : { html_kb: 0, js_kb: 0 }
    const seconds = durationFor(probe.ms)
    await eventLoopSample(server!.pid!, loopDir) // starts the route's sample afresh
    const m = await load(url, headers, seconds)
    let loop = { p99: 0, max: 0 }
    try {
      await drain(base)
      loop = await eventLoopSample(server!.pid!, loopDir)
    } catch {
      problems.push(`${spec.name} ${spec.path}: the server was still busy 2 minutes after the load`)
      await restart()
    }
    if (m.failed) problems.push(`${spec.name} ${spec.path}: ${m.failed} failed requests under load: ${m.why}`)
    else if (!m.ok)
      problems.push(`${spec.name} ${spec.path}: no request completed in ${seconds} s under load`)
    const row: Measured = {
      name: spec.name,
      path: spec.path,
      as,
      rps: round(m.rps),
      p50_ms: round(m.p50),
      p99_ms: round(m.p99),
      ratio: baseline.rps ? round(m.rps / baseline.rps, 3) : 0,
      failed: m.failed,
      single_ms: probe.ms,
      seconds,
      rss_mb: rssMb(server!.pid!),
      shell_ratio: shell.rps ? round(m.rps / shell.rps, 3) : 0,
      event_loop_p99_ms: round(loop.p99),
      event_loop_max_ms: round(loop.max),
      ...weight,
    }
    measured.push(row)
    log(
      `  ${spec.name}: ${row.rps} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms (one request: ${probe.ms.toFixed(0)} ms), event loop p99 ${row.event_loop_p99_ms} ms`,
    )
  }
  const rssAfterLoad = rssMb(server!.pid!)

  log(`Searching ${SEARCHES} times, one after the other ...`)
  const search = await measureSearch(base, cookies.delegate, samples.searchTerms)
  if (search.failures.length) {
    problems.push(`search: ${search.failures.length} failed of ${search.count}, e.g. ${search.failures[0]}`)
  }
  if (search.timedOut) await stopServer(true)
  const failed = serverFailed()
  if (failed && !search.timedOut) throw new Error(failed)
  const memory = search.timedOut
    ? { rss_after_mb: 0, largest_process_mb: 0, with_workers_mb: 0 }
    : {
        rss_after_mb: round(rssMb(server!.pid!)),
        largest_process_mb: round(largestProcessMb(server!.pid!)),
        with_workers_mb: round(rssMb(server!.pid!, true)),
      }

  let capacity: CapacityResult | null = null
  if (CAPACITY && !search.timedOut) {
    log(`The busiest day: delegates stepping up until p99 passes 200 ms ...`)
    capacity = await measureCapacity(
      {
        base,
        cookies: crowd,
        documentId: samples.documentId,
        meetingId: samples.meetingId,
        searchTerms: samples.searchTerms,
      },
      log,
    )
  }
  await stopServer()
  cleanUp()

  console.log('')
  console.log(`Dataset, seeded in ${seedSeconds.toFixed(1)} s:`)
  console.log(
    `  ${Object.entries(dataset)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  console.log('')
  console.log(
    `Baseline /healthz: ${baseline.rps.toFixed(1)} req/s (${CONNECTIONS} connections, ${DURATION} s per route, ${PROCESSES} server processes); shell /login: ${shell.rps.toFixed(1)} req/s (${shell.ratio} of /healthz); first answer ${startMs} ms after start`,
  )
  table(measured)
  for (const s of skipped) console.log(`skipped: ${s}`)
  console.log(
    `upload: ${UPLOAD_MB} MB in ${upload.seconds.toFixed(1)} s, HTTP ${upload.status}; server RSS ${upload.rssBefore.toFixed(0)} MB before, +${upload.rssGrowth.toFixed(1)} MB at peak (RSS after the load runs: ${rssAfterLoad.toFixed(0)} MB)`,
  )
  console.log(
    `search: ${search.count} sequential /api/v1/search as the delegate: p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms, max ${search.max.toFixed(1)} ms${search.timedOut ? ` (stopped: "${search.timedOut}" timed out)` : ''}`,
  )
  console.log(
    `memory: after the whole run ${memory.rss_after_mb} MB in the ${PROCESSES > 1 ? `${PROCESSES + 1} serving processes (primary included)` : 'server'}, the largest ${memory.largest_process_mb} MB; ${memory.with_workers_mb} MB with the extraction and job workers`,
  )
  if (capacity) {
    console.log(
      `capacity: ${capacity.delegates} delegates at p99 <= 200 ms (p99 ${capacity.p99_ms} ms; one page every ${capacity.think_ms / 1000} s each on average)`,
    )
    for (const st of capacity.steps)
      console.log(
        `  ${String(st.delegates).padStart(5)} delegates: ${st.rps} req/s, p50 ${st.p50_ms} ms, p99 ${st.p99_ms} ms, ${st.failed} failed`,
      )
  }
  if (problems.length) {
    console.log('')
    console.log(`!! ${problems.length} PROBLEM(S): the numbers of these are not valid measurements`)
    for (const p of problems) console.log(`!!   ${p}`)
  }
  console.log(
    JSON.stringify({
      dataset,
      baseline,
      shell,
      routes: measured.map((r) => ({
        name: r.name,
        path: r.path,
        rps: r.rps,
        p50_ms: r.p50_ms,
        p99_ms: r.p99_ms,
        ratio: r.ratio,
        shell_ratio: r.shell_ratio,
        event_loop_p99_ms: r.event_loop_p99_ms,
        event_loop_max_ms: r.event_loop_max_ms,
        html_kb: r.html_kb,
        js_kb: r.js_kb,
        // Only for a route that failed (its rps counts successful answers only).
        ...(r.failed ? { failed: r.failed } : {}),
      })),
      upload: { mb: UPLOAD_MB, rss_growth_mb: round(upload.rssGrowth) },
      search: { p95_ms: round(search.p95) },
      memory,
      start_ms: startMs,
      processes: PROCESSES,
      capacity: capacity
        ? {
            delegates: capacity.delegates,
            p99_ms: capacity.p99_ms,
            think_ms: capacity.think_ms,
            steps: capacity.steps,
          }
        : null,
    }),
  )
  process.exitCode = problems.length ? 1 : 0
}

main().catch((error) => {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`)
  if (serverLog.length) console.error(`last server output:\n  ${serverLog.slice(-30).join('\n  ')}`)
  cleanUp()
  process.exitCode = 1
})
