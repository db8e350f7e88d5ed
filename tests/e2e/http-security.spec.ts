import { expect, test } from './fixtures'

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
