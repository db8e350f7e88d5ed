// The portal's HTTP server: Express around the Remix request handler. It exists (instead of remix-serve)
// for what must happen before any route runs: the CSRF Origin check on every non-GET request, the
// security headers with a per-request CSP nonce, `Cache-Control: no-store` by default, start-up
// (environment check, migrations, demo data) and background sweeps.
//
// Every core serves (docs/decisions/0040-cluster.md): with WEB_CONCURRENCY above 1 (unset: one per
// available core; development: 1) the primary process checks the environment, applies the migrations,
// seeds the demo data and runs every background job (sweeps, reminders, written procedures,
// notifications, the mail queue) alone; WEB_CONCURRENCY processes that only serve requests on the same
// port and the same SQLite file (WAL) are forked at once, import the build meanwhile and open the
// database on the primary's go-ahead. A serving process that dies is started again.
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import url from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'

process.env.NODE_ENV ??= 'production'
const isDev = process.env.NODE_ENV === 'development'
const BUILD_PATH = path.resolve('build/index.js')

async function importBuild() {
  return import(url.pathToFileURL(BUILD_PATH).href + (isDev ? `?t=${Date.now()}` : ''))
}

function concurrency() {
  const raw = process.env.WEB_CONCURRENCY
  if (raw === undefined || raw === '') return isDev ? 1 : os.availableParallelism()
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${raw}")`)
    process.exit(1)
  }
  return n
}

const processes = concurrency()
const role = processes > 1 ? (cluster.isPrimary ? 'primary' : 'worker') : 'single'

let build
let server
let started

/** Imports the build (unless done already) and runs the start-up; an environment error (or any other)
 * ends the process with its message and a non-zero code, after `onFailure` (the primary ends the
 * serving processes it forked). */
async function start(options, onFailure = () => {}) {
  build ??= await importBuild()
  server = build.entry.module
  try {
    started = await server.startup(options)
  } catch (error) {
    onFailure()
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

// BENCH_EVENT_LOOP_DIR (the bench only): each serving process samples its event-loop delay and, on
// SIGUSR2, writes what it saw since the last signal to <dir>/<pid>.json and starts again, with its
// memory at that moment (MB: rss is the whole process; heap_* V8's heap; external the buffers and
// native objects V8 knows of), so that the bench can tell the heap from native memory (SQLite, malloc).
function sampleEventLoop() {
  const dir = process.env.BENCH_EVENT_LOOP_DIR
  if (!dir) return
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100
    const mb = (bytes) => Math.round(bytes / 1024 / 102.4) / 10
    const memory = process.memoryUsage()
    const sample = {
      pid: process.pid,
      p99_ms: ms(histogram.percentile(99)),
      max_ms: ms(histogram.max),
      rss_mb: mb(memory.rss),
      heap_used_mb: mb(memory.heapUsed),
      heap_total_mb: mb(memory.heapTotal),
      external_mb: mb(memory.external),
    }
    fs.writeFileSync(path.join(dir, `${process.pid}.json.tmp`), JSON.stringify(sample))
    fs.renameSync(path.join(dir, `${process.pid}.json.tmp`), path.join(dir, `${process.pid}.json`))
    histogram.reset()
  })
}

/**
 * V8 flags for the serving processes (docs/decisions/0040-cluster.md, "Memory"): none. Bounding the
 * heap (`--max-semi-space-size=8 --max-old-space-size=256`) kept a serving process near 200 MB after
 * the bench's load instead of 450-550 MB, but V8 then collects so often that heavy pages lost 30-55 %
 * of their throughput (a plan's page 43 -> 18 req/s); even 16/512 cost as much. Flags given to the
 * primary (`node --max-old-space-size=... server.mjs`) still reach them.
 */
const WORKER_V8_FLAGS = []

if (role === 'primary') await runPrimary()
else if (role === 'worker') {
  sampleEventLoop()
  // Forked at once by the primary (below): the build is imported while the primary starts up, but the
  // database is opened only once the primary says its migrations and demo data are done.
  const goAhead = new Promise((resolve) => {
    const onMessage = (message) => {
      if (message?.rcm !== 'start') return
      process.off('message', onMessage)
      resolve()
    }
    process.on('message', onMessage)
  })
  build = await importBuild()
  process.send?.({ rcm: 'imported' })
  await goAhead
  // a serving process of a cluster: no jobs; a notification recorded here is dispatched by the primary
  await start({ jobs: false, notify: () => process.send?.({ rcm: 'notify' }) })
  serve()
} else {
  sampleEventLoop()
  await start({ firstRun: 'later' })
  serve()
}

async function runPrimary() {
  let stopping = false
  let listening = 0
  // the go-ahead: a serving process opens the database once the primary has migrated and seeded it
  let migrated = false
  const waiting = new Set()
  const restarts = []
  cluster.setupPrimary({ execArgv: [...WORKER_V8_FLAGS, ...process.execArgv] })
  // MALLOC_ARENA_MAX: glibc gives each thread that allocates (V8's helpers, the read pool's threads,
  // libuv's pool) an arena of its own, which keeps what it once held; two are enough for a process
  // whose JavaScript runs on one thread. Read by glibc at a process's start: set for the forked ones.
  const fork = () =>
    cluster.fork({ RCM_PROCESS: 'worker', MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' })
  // forked before the primary's own start-up: each imports the build meanwhile (the slow part)
  for (let i = 0; i < processes; i++) fork()
  cluster.on('message', (worker, message) => {
    if (message?.rcm === 'notify') server?.scheduleDispatch()
    else if (message?.rcm === 'imported') {
      if (!migrated) waiting.add(worker)
      else if (worker.isConnected()) worker.send({ rcm: 'start' })
    }
  })
  cluster.on('listening', () => {
    if (++listening !== processes) return
    const origin = process.env.APP_ORIGIN || `http://localhost:${process.env.PORT || 3000}`
    console.log(`RCM portal ready: ${origin} (${processes} processes)`)
    if (started?.banner) console.log(started.banner)
    // the jobs' first run (sweeps, checks) once every process serves, so that it does not slow them
    started?.runJobs()
  })
  cluster.on('exit', (worker, code, signal) => {
    waiting.delete(worker)
    if (stopping) return
    console.error(`serving process ${worker.process.pid} ended (${signal ?? code}): starting another`)
    const now = Date.now()
    restarts.push(now)
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift()
    // a process that cannot start (a broken build, a database it cannot open) is not forked forever
    if (restarts.length > 5 * processes) {
      console.error('serving processes keep ending: stopping')
      stop(1)
      return
    }
    fork()
  })
  if (process.env.BENCH_EVENT_LOOP_DIR) {
    process.on('SIGUSR2', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGUSR2')
    })
  }
  function stop(code = 0) {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean)
    let left = workers.length
    const done = () => {
      server?.shutdown?.()
      process.exit(code)
    }
    if (!left) return done()
    for (const w of workers) {
      w.once('exit', () => --left === 0 && done())
      w.process.kill('SIGTERM')
    }
    setTimeout(() => {
      for (const w of workers) w.process.kill('SIGKILL')
      done()
    }, 5000).unref()
  }
  process.on('SIGTERM', () => stop(0))
  process.on('SIGINT', () => stop(0))

  // the primary's own start-up; if it fails (an environment error), the processes waiting for it are
  // ended and the primary exits with the message
  await start({ firstRun: 'later' }, () => {
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL')
  })
  migrated = true
  for (const w of waiting) if (w.isConnected()) w.send({ rcm: 'start' })
  waiting.clear()
}

function serve() {
  const exposePid = process.env.EXPOSE_PROCESS_ID === 'on'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(compression())
  // EXPOSE_PROCESS_ID=on (tests of the cluster only): which process answered
  if (exposePid) app.use((_req, res, next) => (res.setHeader('X-Process-Id', String(process.pid)), next()))

  // Security headers on every response; a fresh nonce per request for the HTML's scripts.
  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    // The one exception to "never framed": the inline PDF of the viewer on a document's page.
    const pdfView = req.method === 'GET' && /^\/documents\/[^/]+\/view$/.test(req.path)
    res.setHeader('Content-Security-Policy', server.contentSecurityPolicy(nonce, isDev, { pdfView }))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', pdfView ? 'SAMEORIGIN' : 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (!isDev) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  })

  // Static assets: fingerprinted build files are immutable; the rest is cached briefly. Only the
  // addresses of public/'s own entries look on disk: a static handler in front of every page stat()ed
  // public/<path> for each request and built an error for the miss (about 1 ms a page).
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  const publicEntries = new Set(fs.readdirSync('public').filter((name) => name !== 'build'))
  const publicFiles = express.static('public', { maxAge: '1h', index: false })
  app.use((req, res, next) =>
    publicEntries.has(req.path.split('/')[1] ?? '') ? publicFiles(req, res, next) : next(),
  )

  // `?lang=es|en` switches the interface language and the choice is remembered in a cookie.
  app.use((req, res, next) => {
    const lang = req.query.lang
    // On file URLs (`/documents/:id/download?lang=es`) and the API, `lang` names a file's language.
    const isFileOrApi = req.path.startsWith('/api/') || /\/(download|view)$/.test(req.path)
    if ((req.method === 'GET' || req.method === 'HEAD') && (lang === 'es' || lang === 'en') && !isFileOrApi) {
      res.append('Set-Cookie', `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`)
    }
    next()
  })

  // Everything dynamic is private and not stored unless a route says otherwise.
  app.use((req, res, next) => {
    const writeHead = res.writeHead
    res.writeHead = function (...args) {
      if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store')
      return writeHead.apply(this, args)
    }
    next()
  })

  // CSRF: a non-GET request must come from our own origin, unless it is authenticated by a Bearer token.
  app.use((req, res, next) => {
    const verdict = server.checkOrigin({
      method: req.method,
      origin: req.get('origin') ?? null,
      authorization: req.get('authorization') ?? null,
      path: req.path,
      requestOrigin: `${req.protocol}://${req.get('host')}`,
    })
    if (verdict.ok) return next()
    server.recordRefusedOrigin({
      method: req.method,
      path: req.path,
      ip: req.ip,
      origin: req.get('origin') ?? null,
    })
    const wantsJson = req.path.startsWith('/api/')
    res.status(403)
    if (wantsJson) res.json({ error: { code: 'bad_origin', message: verdict.message } })
    else res.type('text/plain').send(verdict.message)
  })

  // Behind the CSRF check, the request Remix sees carries the public host (APP_ORIGIN's), never the one a
  // caller or a proxy sent: nothing is derived from the Host header, and Remix's own check (Origin host
  // equal to Host) holds for every request our check let through.
  const publicHost = process.env.APP_ORIGIN ? new URL(process.env.APP_ORIGIN).host : null
  if (publicHost) {
    app.use((req, _res, next) => {
      req.headers.host = publicHost
      delete req.headers['x-forwarded-host']
      next()
    })
  }

  function handler() {
    return createRequestHandler({
      build: isDev ? () => build : build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? null }),
    })
  }
  app.all('*', handler())

  const port = Number(process.env.PORT || 3000)
  const listener = app.listen(port, () => {
    if (role === 'worker') return
    const origin = process.env.APP_ORIGIN || `http://localhost:${port}`
    console.log(`RCM portal ready: ${origin}`)
    if (started?.banner) console.log(started.banner)
    started?.runJobs()
    if (isDev) broadcastDevReady(build)
  })

  if (isDev) {
    fs.watch(path.dirname(BUILD_PATH), async () => {
      build = await importBuild()
      broadcastDevReady(build)
    })
  }

  function shutdown() {
    listener.close(() => {
      server.shutdown?.()
      process.exit(0)
    })
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
