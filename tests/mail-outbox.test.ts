/**
 * The outbox is not a key ring: one-time links show only while the outbox is the delivery (no SMTP)
 * and the link still works; with SMTP they are masked, and a delivered mail keeps no working link.
 * Delivery goes through a real SMTP server (smtp-server) on loopback.
 */
import { eq } from 'drizzle-orm'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { mailOutbox, oneTimeTokens } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import { deliverPendingMail } from '~/modules/mail/mail.server'
import { invitePerson } from '~/modules/members/people.server'
import { loader as outboxLoader } from '~/routes/admin.outbox'
import { cookieFor, freshDemoDb, makeRequest, viewerFor } from './helpers/db'

const SECRETARIAT = 'secretariat@rcm.example'
const TOKEN_LINK = /\/invitation\/([a-z2-7]{32})/

async function outbox() {
  return outboxLoader({
    request: makeRequest('/admin/outbox', { cookie: cookieFor(SECRETARIAT) }),
    params: {},
    context: {},
  })
}

function invite(email: string) {
  invitePerson(viewerFor(SECRETARIAT), {
    name: 'Z',
    email,
    organization: 'CR',
    role: 'delegate',
    language: 'en',
  })
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).get()!
}

beforeEach(() => {
  freshDemoDb()
})
afterEach(() => {
  delete process.env.SMTP_URL
  resetEnvCache()
})

describe('without SMTP (the outbox is the delivery)', () => {
  it('shows a working invitation link, named and with its expiry', async () => {
    const stored = invite('z@example.org')
    const page = await outbox()
    const mail = page.items.find((m) => m.id === stored.id)!
    expect(mail.text).toMatch(TOKEN_LINK)
    expect(mail.links).toEqual([{ kind: 'invitation', state: 'valid', expiresAt: expect.any(Date) }])
  })

  it('masks a link once it is used or expired', async () => {
    const used = invite('used@example.org')
    const expired = invite('expired@example.org')
    const tokenOf = (m: { text: string }) => TOKEN_LINK.exec(m.text)![1]
    const { hashToken } = await import('~/modules/auth/tokens.server')
    db.update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(eq(oneTimeTokens.tokenHash, hashToken(tokenOf(used))))
      .run()
    db.update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.tokenHash, hashToken(tokenOf(expired))))
      .run()
    const page = await outbox()
    for (const [row, state] of [
      [used, 'used'],
      [expired, 'expired'],
    ] as const) {
      const mail = page.items.find((m) => m.id === row.id)!
      expect(mail.text).not.toMatch(TOKEN_LINK)
      expect(mail.text).toContain('/invitation/•••')
      expect(mail.links[0].state).toBe(state)
    }
  })
})

describe('with SMTP', () => {
  let server: SMTPServer
  let received: string[]
  beforeEach(async () => {
    received = []
    server = new SMTPServer({
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
    resetEnvCache()
  })
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('never shows a working link, before or after delivery; the delivered copy keeps none', async () => {
    const stored = invite('smtp@example.org')
    const token = TOKEN_LINK.exec(stored.text)![1]
    let page = await outbox()
    let mail = page.items.find((m) => m.id === stored.id)!
    expect(page.smtp).toBe(true)
    expect(mail.text).not.toContain(token)
    expect(mail.links[0].state).toBe('valid')

    expect(await deliverPendingMail()).toBeGreaterThanOrEqual(1)
    // the person got the real link
    expect(received.join('\n').replace(/=\r?\n/g, '')).toContain(token) // quoted-printable
    // the database no longer holds it
    const after = db.select().from(mailOutbox).where(eq(mailOutbox.id, stored.id)).get()!
    expect(after.sentAt).not.toBeNull()
    expect(after.text).not.toContain(token)
    expect(after.text).toContain('/invitation/•••')
    page = await outbox()
    mail = page.items.find((m) => m.id === stored.id)!
    expect(mail.text).not.toContain(token)
  })
})
