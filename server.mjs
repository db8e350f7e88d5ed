// The portal's HTTP server: Express around the Remix request handler. It exists (instead of remix-serve)
// for what must happen before any route runs: the CSRF Origin check on every non-GET request, the
// security headers with a per-request CSP nonce, `Cache-Control: no-store` by default, start-up
// (environment check, migrations, demo data) and background sweeps.
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import crypto from 'node:crypto'
import path from 'node:path'
import url from 'node:url'

process.env.NODE_ENV ??= 'production'
const isDev = process.env.NODE_ENV === 'development'
const BUILD_PATH = path.resolve('build/index.js')

async function importBuild() {
  return import(url.pathToFileURL(BUILD_PATH).href + (isDev ? `?t=${Date.now()}` : ''))
}

let build = await importBuild()
const server = build.entry.module

let started
try {
  started = await server.startup()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
app.use(compression())

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

// Static assets: fingerprinted build files are immutable; the rest is cached briefly.
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
app.use(express.static('public', { maxAge: '1h' }))

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
  const origin = process.env.APP_ORIGIN || `http://localhost:${port}`
  console.log(`RCM portal ready: ${origin}`)
  if (started?.banner) console.log(started.banner)
  if (isDev) broadcastDevReady(build)
})

if (isDev) {
  const { watch } = await import('node:fs')
  watch(path.dirname(BUILD_PATH), async () => {
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
