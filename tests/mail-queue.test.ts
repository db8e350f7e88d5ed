/**
 * The mail queue loses nothing (docs/decisions/0031-mail-queue.md), tried against a real SMTP server
 * (smtp-server) on loopback: both parts and an encoded subject arrive; a refusing server and a server
 * that is down for longer than the first retries get the message later (clock passed in); after the
 * 24-hour window the message is failed, logged and shown with its error and "send again"; a crash
 * between the SMTP call and the mark resends with the same Message-ID, so the mailbox holds one message.
 */
import { and, eq } from 'drizzle-orm'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { auditLog, mailOutbox } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import {
  deliverPendingMail,
  queueMail,
  releaseStaleClaims,
  retryDelayMs,
  RETRY_WINDOW_MS,
  sendAgain,
} from '~/modules/mail/mail.server'
import { action as outboxAction, loader as outboxLoader } from '~/routes/admin.outbox'
import { cookieFor, freshDemoDb, makeRequest, viewerFor } from './helpers/db'
import { parseMail } from './helpers/mime'

const MIN = 60 * 1000
const HOUR = 60 * MIN

interface Received {
  raw: string
  messageId: string
}

let server: SMTPServer | null = null
let port = 0
let received: Received[] = []
/** when set, the server refuses every message with this error */
let refuse: string | null = null

async function startServer(listenPort = 0) {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = ''
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
      stream.on('end', () => {
        if (refuse) {
          const error = new Error(refuse) as Error & { responseCode: number }
          error.responseCode = 451
          return callback(error)
        }
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? ''
        received.push({ raw, messageId })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
}
async function stopServer() {
  if (!server) return
  const s = server
  server = null
  await new Promise<void>((resolve) => s.close(() => resolve()))
}

const audits = (outcome: 'ok' | 'refused') =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'outbox.sendAgain'), eq(auditLog.outcome, outcome)))
    .all().length

const row = (id: string) => db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!

function queue(subject = 'Reunión en San José: ¿confirmada?') {
  return queueMail({
    to: 'ana@example.org',
    subject,
    text: 'Hola Ana.\nEnlace: [[APP_ORIGIN]]/meetings/1',
    html: '<p>Hola <b>Ana</b>.</p><p><a href="[[APP_ORIGIN]]/meetings/1">Reunión</a></p>',
    kind: 'notification',
    headers: {
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': '<[[APP_ORIGIN]]/account/notifications>',
    },
  })
}

beforeEach(async () => {
  freshDemoDb()
  received = []
  refuse = null
  await startServer()
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  process.env.APP_ORIGIN = 'https://portal.example.org'
  resetEnvCache()
})
afterEach(async () => {
  await stopServer()
  delete process.env.SMTP_URL
  delete process.env.APP_ORIGIN
  resetEnvCache()
  vi.restoreAllMocks()
})

describe('delivery', () => {
  it('sends a plain and an HTML part, the accented subject encoded, links from APP_ORIGIN at sending time', async () => {
    const id = queue()
    // the origin changes after the message was queued: the link follows it
    process.env.APP_ORIGIN = 'https://rcm.example.net'
    resetEnvCache()
    expect(await deliverPendingMail()).toBe(1)
    expect(received).toHaveLength(1)
    const raw = received[0].raw
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/im) // encoded-word, not raw bytes
    const mail = parseMail(raw)
    expect(mail.headers.get('subject')).toBe('Reunión en San José: ¿confirmada?')
    expect(mail.text).toContain('https://rcm.example.net/meetings/1')
    expect(mail.html).toContain('<b>Ana</b>')
    expect(mail.html).toContain('href="https://rcm.example.net/meetings/1"')
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated')
    expect(mail.headers.get('list-unsubscribe')).toContain('https://rcm.example.net/account/notifications')
    expect(mail.headers.get('message-id')).toBe(`<${id}@rcm.example.net>`)
    const stored = row(id)
    expect(stored.status).toBe('sent')
    expect(stored.sentAt).not.toBeNull()
    expect(stored.attempts).toBe(1)
    // sent once: another run sends nothing
    expect(await deliverPendingMail()).toBe(0)
    expect(received).toHaveLength(1)
  })

  it('queueing never waits for the mail server (nothing is sent inside the request)', () => {
    const id = queue()
    expect(row(id).status).toBe('pending')
    expect(received).toHaveLength(0)
  })
})

describe('retries', () => {
  it('backs off exponentially: 1, 2, 4 ... minutes, at most 2 hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1 * MIN, 2 * MIN, 4 * MIN, 8 * MIN])
    expect(retryDelayMs(8)).toBe(2 * HOUR)
    expect(retryDelayMs(30)).toBe(2 * HOUR)
  })

  it('retries after the server refuses (451), not before the backoff, and delivers once it accepts', async () => {
    const id = queue()
    const t0 = row(id).createdAt.getTime()
    refuse = 'mailbox busy, try later'
    expect(await deliverPendingMail({ now: t0 })).toBe(0)
    let stored = row(id)
    expect(stored.status).toBe('pending')
    expect(stored.attempts).toBe(1)
    expect(stored.lastError).toMatch(/mailbox busy/)
    expect(stored.nextAttemptAt!.getTime()).toBe(t0 + MIN)
    // too early: not tried
    expect(await deliverPendingMail({ now: t0 + 30 * 1000 })).toBe(0)
    expect(row(id).attempts).toBe(1)
    refuse = null
    expect(await deliverPendingMail({ now: t0 + MIN })).toBe(1)
    stored = row(id)
    expect(stored.status).toBe('sent')
    expect(stored.attempts).toBe(2)
    expect(received).toHaveLength(1)
  })

  it('keeps trying while the server is down for longer than the first retries, then delivers', async () => {
    const id = queue()
    const t0 = row(id).createdAt.getTime()
    await stopServer()
    let now = t0
    for (let i = 1; i <= 6; i++) {
      expect(await deliverPendingMail({ now })).toBe(0)
      const stored = row(id)
      expect(stored.status).toBe('pending')
      expect(stored.attempts).toBe(i)
      now = stored.nextAttemptAt!.getTime()
    }
    // six failures: 1+2+4+8+16+32 minutes later the server is back on the same port
    expect(now - t0).toBe(63 * MIN)
    await startServer(port)
    expect(await deliverPendingMail({ now })).toBe(1)
    expect(row(id).status).toBe('sent')
    expect(received).toHaveLength(1)
  })

  it('marks the message failed after 24 hours, logs it, shows it; "send again" delivers it', async () => {
    // the pages below are asked on the plain-HTTP test origin (an https APP_ORIGIN renames the cookie)
    delete process.env.APP_ORIGIN
    resetEnvCache()
    const id = queue()
    const t0 = row(id).createdAt.getTime()
    await stopServer()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    let now = t0
    let attempts = 0
    while (row(id).status === 'pending') {
      await deliverPendingMail({ now })
      attempts++
      const stored = row(id)
      if (stored.status === 'pending') {
        expect(stored.nextAttemptAt!.getTime()).toBeLessThanOrEqual(t0 + RETRY_WINDOW_MS)
        now = stored.nextAttemptAt!.getTime()
      }
      expect(attempts).toBeLessThan(40)
    }
    const failed = row(id)
    expect(failed.status).toBe('failed')
    expect(failed.failedAt!.getTime()).toBeGreaterThan(t0 + 22 * HOUR)
    expect(failed.lastError).toMatch(/ECONNREFUSED/)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`mail ${id}`))
    // no further attempts once failed
    await deliverPendingMail({ now: now + 10 * HOUR })
    expect(row(id).attempts).toBe(failed.attempts)

    // the secretariat sees it, with its error and the button
    const page = await outboxLoader({
      request: makeRequest('/admin/outbox', { cookie: cookieFor('secretariat@rcm.example') }),
      params: {},
      context: {},
    })
    const shown = page.items.find((m) => m.id === id)!
    expect(shown.status).toBe('failed')
    expect(shown.lastError).toMatch(/ECONNREFUSED/)
    expect(page.mayResend).toBe(true)

    // a delegate may not send again
    const refused = await outboxAction({
      request: makeRequest('/admin/outbox', {
        method: 'POST',
        cookie: cookieFor('mx.delegate@rcm.example'),
        form: { id },
      }),
      params: {},
      context: {},
    }).catch((r: Response) => r)
    expect((refused as Response).status).toBe(403)
    expect(row(id).status).toBe('failed')

    const answer = (await outboxAction({
      request: makeRequest('/admin/outbox', {
        method: 'POST',
        cookie: cookieFor('secretariat@rcm.example'),
        form: { id },
      }),
      params: {},
      context: {},
    })) as Response
    expect(answer.status).toBe(302)
    expect(row(id).status).toBe('pending')
    expect(audits('ok')).toBe(1)
    expect(audits('refused')).toBe(1)
    await startServer(port)
    expect(await deliverPendingMail()).toBe(1)
    expect(row(id).status).toBe('sent')
    expect(received).toHaveLength(1)
  })

  it('"send again" only for a failed message (a pending or unknown one is 404)', () => {
    const id = queue()
    expect(() => sendAgain(viewerFor('secretariat@rcm.example'), id)).toThrow(/404/)
    expect(() => sendAgain(viewerFor('secretariat@rcm.example'), 'nope')).toThrow(/404/)
  })
})

describe('no message sent twice', () => {
  it('a crash between the SMTP call and the mark: resent after restart with the same Message-ID', async () => {
    const id = queue()
    const other = queue('Otro mensaje')
    const crash = new Error('process killed')
    await expect(
      deliverPendingMail({
        afterSend: (sentId) => {
          if (sentId === id) throw crash
        },
      }),
    ).rejects.toBe(crash)
    // the server has it, the database still says "sending" (claimed, with a lease)
    expect(received.filter((r) => r.messageId === `<${id}@portal.example.org>`)).toHaveLength(1)
    expect(row(id).status).toBe('sending')
    expect(row(id).leaseUntil).not.toBeNull()
    // while the lease holds, another run does not take it
    await deliverPendingMail()
    expect(received.filter((r) => r.messageId === `<${id}@portal.example.org>`)).toHaveLength(1)
    // restart: the claim is released and the message sent again with the same Message-ID
    // (the batch's other message, claimed with it and never tried, is released with it)
    const claimed = db.select().from(mailOutbox).where(eq(mailOutbox.status, 'sending')).all().length
    expect(claimed).toBeGreaterThanOrEqual(1)
    expect(releaseStaleClaims()).toBe(claimed)
    expect(await deliverPendingMail()).toBe(claimed)
    expect(row(id).status).toBe('sent')
    expect(row(other).status).toBe('sent')
    const copies = received.filter((r) => r.messageId === `<${id}@portal.example.org>`)
    expect(copies).toHaveLength(2)
    // a mailbox keyed by Message-ID (as receiving systems deduplicate) holds it once
    const mailbox = new Set(received.map((r) => r.messageId))
    expect(mailbox.size).toBe(2)
    expect([...mailbox].sort()).toEqual(
      [`<${id}@portal.example.org>`, `<${other}@portal.example.org>`].sort(),
    )
  })

  it('a claim whose lease ran out (a run that died) is taken again without a restart', async () => {
    const id = queue()
    await expect(
      deliverPendingMail({
        afterSend: () => {
          throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    const lease = row(id).leaseUntil!.getTime()
    expect(await deliverPendingMail({ now: lease - 1 })).toBe(0)
    expect(await deliverPendingMail({ now: lease })).toBe(1)
    expect(new Set(received.map((r) => r.messageId))).toEqual(new Set([`<${id}@portal.example.org>`]))
  })
})
