/**
 * Notifications as the people receive them, through a real SMTP server (smtp-server) on loopback: each
 * in the recipient's own language with both parts, the accented subject encoded, the list headers with
 * APP_ORIGIN at sending time; a daily digest arrives as one message grouping everything; a person
 * removed from the group before the document is shared receives nothing.
 */
import { and, eq } from 'drizzle-orm'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { groupMemberships, groups, notifications } from '@db/schema'
import { resetEnvCache } from '~/env.server'
import type { NewDocumentInput } from '~/modules/documents/schemas'
import { receiveFile } from '~/modules/documents/storage.server'
import { createDocument } from '~/modules/documents/writes.server'
import { deliverPendingMail } from '~/modules/mail/mail.server'
import { NOTIFICATION_KINDS } from '~/modules/notifications/constants'
import { sendDigests } from '~/modules/notifications/digest.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { savePreferences } from '~/modules/notifications/notifications.server'
import { minimalPdf } from './documents-fixtures'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'
import { parseMail } from './helpers/mime'

const SNM = 'pa.snm@rcm.example' // group drafter, Spanish
const IOM = 'iom@rcm.example' // group drafter, English

let server: SMTPServer
let received: { to: string[]; raw: string }[] = []

const planGroup = () => db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!

async function groupDocument(by: string, title: string, input: Partial<NewDocumentInput> = {}) {
  async function* bytes() {
    yield minimalPdf(title)
  }
  const file = await receiveFile(bytes(), 'doc.pdf')
  const { id } = await createDocument(
    viewerFor(by),
    { title, kind: 'report', language: 'es', visibility: 'group', group: planGroup().slug, ...input },
    file,
  )
  return id
}

/** Everything due, however many batches it takes. */
async function deliverAll() {
  let total = 0
  for (let n = await deliverPendingMail(); n > 0; n = await deliverPendingMail()) total += n
  return total
}

const mailsTo = (email: string) => received.filter((r) => r.to.includes(email)).map((r) => parseMail(r.raw))

beforeEach(async () => {
  freshDemoDb()
  db.delete(notifications).run()
  received = []
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((a) => a.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  process.env.APP_ORIGIN = 'https://portal.example.org'
  resetEnvCache()
})
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  delete process.env.SMTP_URL
  delete process.env.APP_ORIGIN
  resetEnvCache()
})

describe('notifications through SMTP', () => {
  it('each recipient in their own language, both parts, encoded subject, list headers from APP_ORIGIN', async () => {
    expect(personByEmail(SNM).language).toBe('es')
    expect(personByEmail(IOM).language).toBe('en')
    const forSnm = await groupDocument(IOM, 'Evaluación de riesgos en Darién')
    const forIom = await groupDocument(SNM, 'Protocolo de atención')
    dispatchNotifications()
    // the origin moves after the notification was made: the mail's links follow it
    process.env.APP_ORIGIN = 'https://rcm.example.net'
    resetEnvCache()
    expect(await deliverAll()).toBeGreaterThanOrEqual(2)

    const [es] = mailsTo(SNM).filter((m) => m.text.includes(forSnm))
    expect(es.headers.get('subject')).toBe('Documento nuevo: Evaluación de riesgos en Darién')
    expect(received.find((r) => r.to.includes(SNM))!.raw).toMatch(/^Subject: =\?UTF-8\?/im)
    expect(es.text).toContain(`https://rcm.example.net/documents/${forSnm}`)
    expect(es.html).toContain(`href="https://rcm.example.net/documents/${forSnm}"`)
    expect(es.headers.get('auto-submitted')).toBe('auto-generated')
    expect(es.headers.get('list-unsubscribe')).toBe('<https://rcm.example.net/account/notifications>')

    const [en] = mailsTo(IOM).filter((m) => m.text.includes(forIom))
    expect(en.headers.get('subject')).toBe('New document: Protocolo de atención')
    expect(en.html).toContain(`href="https://rcm.example.net/documents/${forIom}"`)
    // nobody is mailed about their own upload
    expect(mailsTo(IOM).some((m) => m.text.includes(forSnm))).toBe(false)
  })

  it('a daily digest arrives as one message with every notification, in both parts', async () => {
    const digest = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, 'digest'])) as Parameters<
      typeof savePreferences
    >[1]
    savePreferences(viewerFor(SNM), digest)
    const a = await groupDocument(IOM, 'Primer informe')
    const b = await groupDocument(IOM, 'Segundo informe')
    dispatchNotifications()
    await deliverAll()
    expect(mailsTo(SNM)).toHaveLength(0)
    // 12:05 UTC is 07:05 in Panama
    expect(sendDigests(new Date('2026-12-04T12:05:00Z'))).toBe(1)
    await deliverAll()
    const mails = mailsTo(SNM)
    expect(mails).toHaveLength(1)
    for (const [title, id] of [
      ['Primer informe', a],
      ['Segundo informe', b],
    ]) {
      expect(mails[0].text).toContain(title)
      expect(mails[0].html).toContain(`href="https://portal.example.org/documents/${id}"`)
    }
    expect(mails[0].headers.get('auto-submitted')).toBe('auto-generated')
  })

  it('removed from the group, then a group document is shared: no notification, no mail', async () => {
    db.delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.groupId, planGroup().id),
          eq(groupMemberships.personId, personByEmail(SNM).id),
        ),
      )
      .run()
    const id = await groupDocument(IOM, 'Después de la salida')
    dispatchNotifications()
    await deliverAll()
    expect(mailsTo(SNM)).toHaveLength(0)
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recordId, id), eq(notifications.personId, personByEmail(SNM).id)))
        .all(),
    ).toHaveLength(0)
  })
})
