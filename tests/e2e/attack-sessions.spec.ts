// Attack suite, accounts and races: oversized passwords and bodies, session and token replay
// after sign-out, password change and revocation, rate limits with Retry-After, and parallel duplicate
// approvals (validations of one report, accepts of one invitation). Against a production server of its
// own (these tests write), over HTTP only.
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { apiTokenWith, postForm, raw, rowsAt } from './attack-helpers'
import { freshDir, ownServer, signInCookie, type OwnServer } from './attack-server'

let server: OwnServer
let dbFile: string

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  server = await ownServer('attack-sessions')
  freshDir(server.dataDir)
  dbFile = path.join(server.dataDir, 'portal.db')
  await server.start()
})

test.afterAll(async () => {
  await server?.stop()
})

const get = (p: string, cookie?: string) =>
  raw(server.url, { path: p, headers: cookie ? { Cookie: cookie } : {} })
const bearer = (p: string, token: string) =>
  raw(server.url, { path: p, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })
const signedOut = (r: { status: number; headers: Record<string, unknown> }) =>
  [302, 303].includes(r.status) && /\/login/.test(String(r.headers.location))

async function changePassword(cookie: string, password: string) {
  const changed = await postForm(server.url, '/account/password', cookie, {
    intent: 'password',
    currentPassword: 'rcm-demo-2026',
    password,
    confirm: password,
  })
  return [200, 302, 303].includes(changed.status)
}

test('a 1 MB password or body is refused with 400/413, quickly, and the server keeps answering', async () => {
  const huge = 'a'.repeat(1024 * 1024)
  const cookie = await signInCookie(server.url, 'hn.delegate1@rcm.example')
  const cases: [string, Record<string, string>, string | null][] = [
    ['/login', { email: 'hn.delegate1@rcm.example', password: huge }, null],
    ['/login', { email: 'hn.delegate1@rcm.example', password: 'b'.repeat(129) }, null],
    [
      '/account/password',
      { intent: 'password', currentPassword: 'rcm-demo-2026', password: huge, confirm: huge },
      cookie,
    ],
    [
      '/account/password',
      { intent: 'password', currentPassword: huge, password: 'nueva-clave-1', confirm: 'nueva-clave-1' },
      cookie,
    ],
  ]
  for (const [p, fields, c] of cases) {
    const began = Date.now()
    const r = await postForm(server.url, p, c, fields)
    expect([400, 413], `${p} ${fields.password?.length}`).toContain(r.status)
    expect(Date.now() - began, p).toBeLessThan(3000)
  }
  // refused before hashing: no slower than a wrong password, which argon2 checks (medians of three; on
  // loopback both take tens of milliseconds, so a margin keeps the comparison from measuring noise)
  const timed = async (password: string) => {
    const began = performance.now()
    await postForm(server.url, '/login', null, { email: 'hn.delegate2@rcm.example', password })
    return performance.now() - began
  }
  const median = async (password: string) => {
    const t = [await timed(password), await timed(password), await timed(password)].sort((x, y) => x - y)
    return t[1]!
  }
  const wrong = await median('not-the-password-9')
  const long = await median(huge)
  expect(long, `1 MB password ${long.toFixed(0)} ms, wrong password ${wrong.toFixed(0)} ms`).toBeLessThan(
    wrong * 1.5 + 20,
  )
  // a 5 MB form and a 5 MB JSON body
  const form = await postForm(server.url, '/login', null, {
    email: 'x@example.org',
    password: 'y'.repeat(5 << 20),
  })
  expect([400, 413]).toContain(form.status)
  const json = await raw(server.url, {
    method: 'POST',
    path: '/api/v1/actions/none/updates',
    body: JSON.stringify({ note: 'z'.repeat(5 << 20) }),
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
  })
  expect(json.status).toBeGreaterThanOrEqual(400)
  expect(json.status).toBeLessThan(500)
  // the person's password did not change
  expect(await signInCookie(server.url, 'hn.delegate1@rcm.example')).toBeTruthy()
  expect((await get('/healthz')).status).toBe(200)
})

test('a cookie is dead after sign-out; other sessions are dead after a password change or reset; a revoked token is dead', async () => {
  // sign-out
  const cookie = await signInCookie(server.url, 'cr.delegate1@rcm.example')
  expect((await get('/account', cookie)).status).toBe(200)
  const out = await postForm(server.url, '/logout', cookie, {})
  expect([302, 303]).toContain(out.status)
  expect(signedOut(await get('/account', cookie))).toBe(true)
  const data = await get('/account.data', cookie)
  expect(data.body).toContain('/login')
  const stale = await postForm(server.url, '/account', cookie, { intent: 'profile', name: 'Replayed' })
  expect([302, 303, 401, 403]).toContain(stale.status)
  expect(
    rowsAt<{ name: string }>(dbFile, "select name from people where email = 'cr.delegate1@rcm.example'")[0]!
      .name,
  ).not.toBe('Replayed')

  // password change: the other session ends
  const email = 'gt.delegate1@rcm.example'
  const a = await signInCookie(server.url, email)
  const b = await signInCookie(server.url, email)
  expect(await changePassword(a, 'otra-clave-segura-2026')).toBeTruthy()
  expect(signedOut(await get('/account', b)), 'the other session').toBe(true)
  expect(await signInCookie(server.url, email, 'otra-clave-segura-2026')).toBeTruthy()

  // password reset (the link as the mail carries it): sessions end, the link works once
  const resetEmail = 'cr.delegate2@rcm.example'
  const before = await signInCookie(server.url, resetEmail)
  expect((await postForm(server.url, '/password-reset', null, { email: resetEmail })).status).toBe(200)
  const mail = rowsAt<{ text: string }>(
    dbFile,
    'select text from mail_outbox where "to" like ? order by created_at desc limit 1',
    `%${resetEmail}%`,
  )[0]!
  const link = new URL(/https?:\/\/\S+\/password-reset\/[A-Za-z0-9_-]+/.exec(mail.text)![0]).pathname
  const huge = 'h'.repeat(1024 * 1024)
  expect([400, 413]).toContain(
    (await postForm(server.url, link, null, { password: huge, confirm: huge })).status,
  )
  const reset = await postForm(server.url, link, null, {
    password: 'clave-nueva-2026',
    confirm: 'clave-nueva-2026',
  })
  // (what the page answers changed: a redirect to sign-in on main; the password taking is what counts)
  expect(reset.status).toBeLessThan(500)
  expect(signedOut(await get('/account', before)), 'a session from before the reset').toBe(true)
  const again = await postForm(server.url, link, null, {
    password: 'otra-mas-2026',
    confirm: 'otra-mas-2026',
  })
  expect(again.status, 'the link a second time').toBeGreaterThanOrEqual(400)
  expect(again.status).toBeLessThan(500)
  expect(await signInCookie(server.url, resetEmail, 'clave-nueva-2026')).toBeTruthy()

  // revocation
  const c = await signInCookie(server.url, 'sv.focal@rcm.example')
  const revocable = await apiTokenWith(server.url, c)
  expect((await bearer('/api/v1/me', revocable)).status).toBe(200)
  const page = await get('/account/tokens', c)
  const tokenId = /name="tokenId" value="([^"]+)"/.exec(page.body)?.[1]
  expect(tokenId).toBeTruthy()
  // asked first (nothing revoked yet), then confirmed
  const asked = await postForm(server.url, '/account/tokens', c, {
    intent: 'revoke-token',
    tokenId: tokenId!,
  })
  expect(asked.status).toBe(200)
  expect((await bearer('/api/v1/me', revocable)).status).toBe(200)
  const revoked = await postForm(server.url, '/account/tokens', c, {
    intent: 'revoke-token',
    tokenId: tokenId!,
    confirmed: 'yes',
  })
  expect([302, 303]).toContain(revoked.status)
  expect((await bearer('/api/v1/me', revocable)).status).toBe(401)
  expect((await bearer('/api/v1/documents', revocable)).status).toBe(401)
})

// A Bearer token is no login on the pages (a stolen secretariat token must not read /admin/people or
// invite without the second factor): only /api/v1 accepts it.
test('a Bearer token does not act on page routes: only /api/v1 accepts it', async () => {
  const secretariat = await signInCookie(server.url, 'secretariat@rcm.example')
  const token = await apiTokenWith(server.url, secretariat)
  const auth = { Authorization: `Bearer ${token}` }
  expect((await raw(server.url, { path: '/api/v1/me', headers: auth })).status).toBe(200)
  const page = await raw(server.url, { path: '/admin/people', headers: auth })
  expect(signedOut(page), `GET /admin/people answered ${page.status}`).toBe(true)
  const before = rowsAt(dbFile, 'select id from one_time_tokens').length
  const invite = await raw(server.url, {
    method: 'POST',
    path: '/invite',
    body: new URLSearchParams({
      name: 'Por token',
      email: 'por.token@example.org',
      organization: 'SECRETARIAT',
      role: 'secretariat',
      language: 'es',
    }).toString(),
    headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  expect([302, 303, 401, 403]).toContain(invite.status)
  expect(rowsAt(dbFile, 'select id from one_time_tokens').length).toBe(before)
})

// A personal API token ends with its person's sessions when the password changes.
test('a password change ends the API tokens of the person', async () => {
  const a = await signInCookie(server.url, 'gt.delegate2@rcm.example')
  const token = await apiTokenWith(server.url, a)
  expect((await bearer('/api/v1/me', token)).status).toBe(200)
  expect(await changePassword(a, 'tercera-clave-2026')).toBeTruthy()
  expect((await bearer('/api/v1/me', token)).status, 'the token').toBe(401)
})

test('sign-in and reset requests are limited: 429 with Retry-After', async () => {
  let last = { status: 0, headers: {} as Record<string, unknown> }
  for (let i = 0; i < 12 && last.status !== 429; i++)
    last = await postForm(server.url, '/login', null, {
      email: 'ni.delegate1@rcm.example',
      password: `wrong-${i}-pass`,
    })
  expect(last.status).toBe(429)
  expect(Number(last.headers['retry-after'])).toBeGreaterThan(0)
  // even the right password is refused while the limit lasts
  const right = await postForm(server.url, '/login', null, {
    email: 'ni.delegate1@rcm.example',
    password: 'rcm-demo-2026',
  })
  expect(right.status).toBe(429)

  const outbox = () => rowsAt(dbFile, 'select id from mail_outbox').length
  let reset = { status: 0, headers: {} as Record<string, unknown> }
  let sent = 0
  const before = outbox()
  for (let i = 0; i < 30 && reset.status !== 429; i++) {
    reset = await postForm(server.url, '/password-reset', null, { email: 'bz.delegate1@rcm.example' })
    if (reset.status === 200) sent++
  }
  expect(reset.status).toBe(429)
  expect(Number(reset.headers['retry-after'])).toBeGreaterThan(0)
  // the refused requests sent no mail
  expect(outbox() - before).toBeLessThanOrEqual(sent)
})

test('10 parallel validations of one report and 10 parallel accepts of one invitation: exactly one succeeds', async () => {
  // a report "done" on an open action of Mexico, by its focal point
  const mexico = rowsAt<{ id: string }>(dbFile, "select id from organizations where code = 'MX'")[0]!.id
  const action = rowsAt<{ id: string }>(
    dbFile,
    `select a.id from action_items a join action_owners o on o.action_id = a.id
      where o.organization_id = ? and a.status in ('not_started', 'in_progress')
        and not exists (select 1 from action_updates u where u.action_id = a.id and u.validation = 'pending')
      order by a.id limit 1`,
    mexico,
  )[0]!.id
  const focal = await signInCookie(server.url, 'mx.focal@rcm.example')
  const token = await apiTokenWith(server.url, focal)
  const report = await raw(server.url, {
    method: 'POST',
    path: `/api/v1/actions/${action}/updates`,
    body: JSON.stringify({ status: 'done', progress: 100, note: 'hecho' }),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  })
  expect(report.status).toBe(201)
  const pending = rowsAt<{ id: string }>(
    dbFile,
    "select id from action_updates where action_id = ? and validation = 'pending'",
    action,
  )[0]!.id
  const revision = rowsAt<{ revision: number }>(
    dbFile,
    'select revision from action_items where id = ?',
    action,
  )[0]!.revision
  const secretariat = await signInCookie(server.url, 'secretariat@rcm.example')
  const validations = await Promise.all(
    Array.from({ length: 10 }, () =>
      postForm(server.url, `/actions/${action}`, secretariat, {
        intent: 'validate',
        updateId: pending,
        revision: String(revision),
      }),
    ),
  )
  const statuses = validations.map((r) => r.status)
  expect(
    statuses.filter((s) => s === 302 || s === 303),
    statuses.join(),
  ).toHaveLength(1)
  expect(
    statuses.every((s) => s < 500),
    statuses.join(),
  ).toBe(true)
  expect(
    rowsAt(dbFile, "select id from action_updates where id = ? and validation = 'validated'", pending),
  ).toHaveLength(1)
  expect(
    rowsAt<{ revision: number }>(dbFile, 'select revision from action_items where id = ?', action)[0]!
      .revision,
  ).toBe(revision + 1)

  // an invitation, accepted ten times at once
  const email = `carrera${Date.now() % 100000}@example.org`
  const invited = await postForm(server.url, '/invite', secretariat, {
    name: 'Persona Carrera',
    email,
    organization: 'MX',
    role: 'delegate',
    language: 'es',
  })
  expect(invited.status).toBe(200)
  const link = /\/invitation\/[A-Za-z0-9_-]+/.exec(invited.body)?.[0]
  expect(link, 'the link is shown without SMTP').toBeTruthy()
  // a 1 MB password on the link is refused and leaves it usable
  const huge = 'i'.repeat(1024 * 1024)
  expect([400, 413]).toContain(
    (await postForm(server.url, link!, null, { password: huge, confirm: huge })).status,
  )
  const accepts = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      postForm(server.url, link!, null, { password: `clave-carrera-${i}`, confirm: `clave-carrera-${i}` }),
    ),
  )
  const codes = accepts.map((r) => r.status)
  expect(
    codes.filter((s) => s === 302 || s === 303),
    codes.join(),
  ).toHaveLength(1)
  expect(
    codes.every((s) => s < 500),
    codes.join(),
  ).toBe(true)
  const person = rowsAt<{ id: string; status: string }>(
    dbFile,
    'select id, status from people where email = ?',
    email,
  )
  expect(person).toHaveLength(1)
  expect(rowsAt(dbFile, 'select id from sessions where person_id = ?', person[0]!.id)).toHaveLength(1)
})
