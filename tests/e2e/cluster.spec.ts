// The production server as a cluster (server.mjs, WEB_CONCURRENCY=2): both processes answer, a session
// made through one works in the other, the sign-in limit trips at the same count whichever process
// takes the attempts (sent at once), a queued mail is sent once, and a serving process that dies is
// started again. Every request goes over a new connection, which the primary hands out in turn.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { freshDir, ownServer, type OwnServer } from './attack-server'
import { expect, test } from './fixtures'

interface Answer {
  status: number
  pid: string
  headers: http.IncomingHttpHeaders
}

function request(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const target = new URL(path, base)
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false, // a new connection each time
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            pid: String(res.headers['x-process-id'] ?? ''),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', reject)
    // a connection handed to a process as it dies is never answered: give up on it
    req.setTimeout(5000, () => req.destroy(new Error('no answer in 5 s')))
    req.end(options.body)
  })
}

const signIn = (base: string, email: string, password: string) =>
  request(base, '/login', {
    method: 'POST',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  })

test.describe.configure({ mode: 'serial' })

let server: OwnServer
let smtp: SMTPServer
const received: string[] = []

test.beforeAll(async () => {
  test.setTimeout(120_000)
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = ''
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')))
      stream.on('end', () => {
        received.push(data)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  const dir = 'tests/.tmp/e2e-cluster'
  freshDir(dir)
  server = await ownServer('e2e-cluster', {
    WEB_CONCURRENCY: '2',
    EXPOSE_PROCESS_ID: 'on',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_DELIVERY_SECONDS: '1',
  })
  await server.start()
  // the first answer comes from whichever process listened first: wait for both
  await expect
    .poll(
      async () => {
        const pids = new Set<string>()
        for (let i = 0; i < 4; i++) pids.add((await request(server.url, '/healthz')).pid)
        return [...pids].filter(Boolean).length
      },
      { timeout: 30_000 },
    )
    .toBe(2)
})

test.afterAll(async () => {
  await server?.stop()
  await new Promise<void>((resolve) => smtp?.close(() => resolve()))
})

test('both processes answer, and a session made in one works in the other', async () => {
  const pids = new Set<string>()
  for (let i = 0; i < 6; i++) pids.add((await request(server.url, '/healthz')).pid)
  expect(pids.size).toBe(2)

  const signedIn = await signIn(server.url, 'mx.delegate@rcm.example', 'rcm-demo-2026')
  expect(signedIn.status).toBe(302)
  const cookie = String(signedIn.headers['set-cookie']![0]).split(';')[0]!
  const seenBy = new Set<string>()
  for (let i = 0; i < 6; i++) {
    const page = await request(server.url, '/account', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    seenBy.add(page.pid)
  }
  expect(seenBy.size).toBe(2)
  // signed out, the same page sends to the sign-in, in both processes
  const anonymous = await Promise.all([1, 2].map(() => request(server.url, '/account')))
  for (const a of anonymous) expect(a.status).toBe(302)
})

test('the sign-in limit trips at the same count across processes, attempts sent at once', async () => {
  // LOGIN_LIMIT_PER_ACCOUNT is 10: of 14 wrong attempts in parallel, exactly 4 are refused
  const attempts = await Promise.all(
    Array.from({ length: 14 }, () => signIn(server.url, 'sv.delegate2@rcm.example', 'not-the-password-1')),
  )
  expect(new Set(attempts.map((a) => a.pid)).size).toBe(2)
  expect(attempts.filter((a) => a.status === 429)).toHaveLength(4)
  // and the next one, in either process, too
  for (const a of await Promise.all([1, 2].map(() => signIn(server.url, 'sv.delegate2@rcm.example', 'x'))))
    expect(a.status).toBe(429)
})

test('a queued mail is sent once', async () => {
  const before = received.length
  const asked = await request(server.url, '/password-reset', {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'pa.focal@rcm.example' }).toString(),
  })
  expect(asked.status).toBeLessThan(400)
  // only the reset mail: the primary's scheduled checks may mail the same person about other things
  const resets = () =>
    received.slice(before).filter((m) => /pa\.focal@rcm\.example/.test(m) && /Restablecer/.test(m))
  await expect.poll(() => resets().length, { timeout: 15_000 }).toBe(1)
  // a few more delivery rounds later, still once
  await new Promise((r) => setTimeout(r, 3000))
  expect(resets()).toHaveLength(1)
})

test('a serving process that dies is started again', async () => {
  // a new process loads the whole build: on a loaded machine that takes several seconds
  test.setTimeout(90_000)
  const first = await request(server.url, '/healthz')
  process.kill(Number(first.pid), 'SIGKILL')
  await expect
    .poll(
      async () => {
        const pids = new Set<string>()
        for (let i = 0; i < 4; i++)
          pids.add((await request(server.url, '/healthz').catch(() => null))?.pid ?? '')
        pids.delete('')
        return pids.size === 2 && !pids.has(first.pid)
      },
      { timeout: 75_000 },
    )
    .toBe(true)
})
