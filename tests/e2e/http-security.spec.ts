import http from 'node:http'
import { createSessionCookie, expect, queryValue, test } from './fixtures'

// What the Express layer adds before any route runs (server.mjs), checked over real HTTP.
test('a POST without Origin, or from another origin, is refused with 403', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL })
  const form = { email: 'mx.delegate@rcm.example', password: 'rcm-demo-2026' }
  expect((await api.post('/login', { form, maxRedirects: 0 })).status()).toBe(403)
  const foreign = await api.post('/login', {
    form,
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  })
  expect(foreign.status()).toBe(403)
  const ok = await api.post('/login', { form, headers: { Origin: baseURL! }, maxRedirects: 0 })
  expect(ok.status()).toBe(302)
  await api.dispose()
})

test('pages carry the security headers and private pages are not stored', async ({ request }) => {
  const response = await request.get('/login')
  const h = response.headers()
  expect(h['content-security-policy']).toMatch(/script-src 'nonce-[^']+'/)
  expect(h['content-security-policy']).toContain("object-src 'none'")
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['cache-control']).toContain('no-store')
  const html = await response.text()
  const nonce = /script-src 'nonce-([^']+)'/.exec(h['content-security-policy'])![1]
  // every inline script carries this response's nonce
  for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`)
})

/** A raw HTTP request, so that the Host header can be set to anything (as a caller or proxy may). */
function rawRequest(
  baseURL: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const target = new URL(options.path, baseURL)
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      req.end(options.body)
    },
  )
}

test('a POST from our own origin through another Host is answered, not a 500', async ({ baseURL }) => {
  const form = 'email=mx.delegate%40rcm.example&password=rcm-demo-2026'
  for (const path of ['/login', '/login.data']) {
    const r = await rawRequest(baseURL!, {
      method: 'POST',
      path,
      body: form,
      headers: {
        Host: 'internal-proxy.example:8080',
        Origin: baseURL!,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(r.status, path).toBeLessThan(500)
    expect([200, 202, 204, 302, 303]).toContain(r.status)
  }
})

test('the public calendar (cached) carries nothing of the Host header a caller sent', async ({ baseURL }) => {
  const r = await rawRequest(baseURL!, { path: '/calendar.ics', headers: { Host: 'evil.example' } })
  expect(r.status).toBe(200)
  expect(r.headers['cache-control']).toContain('public')
  expect(r.body).toContain('BEGIN:VCALENDAR')
  expect(r.body).not.toContain('evil.example')
})

test('downloads and calendars say nosniff once (server.mjs), not twice', async ({ baseURL }) => {
  const cookie = await createSessionCookie('secretariat@rcm.example', baseURL!)
  const documentId = queryValue(
    'select d.id from documents d join document_versions v on v.document_id = d.id where d.deleted_at is null limit 1',
  )
  const meetingId = queryValue('select id from meetings limit 1')
  for (const path of [`/documents/${documentId}/download`, '/calendar.ics', `/meetings/${meetingId}.ics`]) {
    const r = await rawRequest(baseURL!, { path, headers: { Cookie: `rcm_session=${cookie.value}` } })
    expect(r.status, path).toBe(200)
    // Node joins a repeated header with ", "
    expect(r.headers['x-content-type-options'], path).toBe('nosniff')
  }
})

test('too many failed sign-ins answer 429 with Retry-After, on the page and in data requests', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } })
  const form = { email: 'sv.delegate2@rcm.example', password: 'not-the-password-1' }
  let last = 0
  for (let i = 0; i < 12 && last !== 429; i++) {
    last = (await api.post('/login', { form, maxRedirects: 0 })).status()
  }
  expect(last).toBe(429)
  for (const path of ['/login', '/login.data']) {
    const r = await api.post(path, { form, maxRedirects: 0 })
    expect(r.status(), path).toBe(429)
    expect(Number(r.headers()['retry-after']), path).toBeGreaterThan(0)
  }
  await api.dispose()
})

// A page goes out compressed as one stream, not as one flushed piece per 2 KB that React writes
// (app/modules/core/coalesce.server.ts): the bytes on the wire are about what gzip makes of the page.
test('a long page is compressed as a whole: about the size gzip makes of it', async ({ baseURL }) => {
  const { gunzipSync, gzipSync } = await import('node:zlib')
  const plan = queryValue("select id from plans where stage = 'institutional_consultation'")
  const cookie = await createSessionCookie('secretariat@rcm.example', baseURL!)
  const raw = await new Promise<Buffer>((resolve, reject) => {
    http
      .get(
        `${baseURL}/plans/${plan}?lang=es`,
        { headers: { Cookie: `${cookie.name}=${cookie.value}`, 'Accept-Encoding': 'gzip' } },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-encoding']).toBe('gzip')
          const parts: Buffer[] = []
          res.on('data', (b: Buffer) => parts.push(b))
          res.on('end', () => resolve(Buffer.concat(parts)))
        },
      )
      .on('error', reject)
  })
  const page = gunzipSync(raw)
  expect(page.length).toBeGreaterThan(40_000)
  expect(page.toString('utf8')).toContain('</html>')
  // one flush per 2 KB piece came to about twice gzip's size
  expect(raw.length).toBeLessThan(gzipSync(page).length * 1.25)
})

// public/'s own files are served from disk, cached briefly; a page's address never looks on disk
// (server.mjs), so a path that is no file is the portal's own 404 page, and public/ has no index.
test('public files are served with a short cache, any other address is the portal’s', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL })
  const icon = await api.get('/favicon.svg')
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toContain('image/svg+xml')
  expect(icon.headers()['cache-control']).toBe('public, max-age=3600')
  const missing = await api.get('/favicon.svg.bak')
  expect(missing.status()).toBe(404)
  expect(missing.headers()['content-type']).toContain('text/html')
  expect(await missing.text()).toContain('<html')
  const page = await api.get('/login?lang=en')
  expect(page.status()).toBe(200)
  expect(page.headers()['cache-control']).toBe('private, no-store')
  await api.dispose()
})
