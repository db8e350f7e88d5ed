/**
 * Outgoing mail. Every message is first written to the outbox table (in the same transaction as the
 * change that causes it). With SMTP_URL set, a loop delivers pending rows through nodemailer and marks
 * them sent; without it, the outbox is the delivery and the secretariat reads it at /admin/outbox.
 */
import { and, desc, eq, gt, isNotNull, isNull, lt, type SQL } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { db, type Tx } from '@db/client'
import { mailOutbox } from '@db/schema'
import { getEnv } from '~/env.server'
import { redactLinks } from './outbox-links.server'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  kind: string
}

export function queueMail(mail: OutgoingMail, tx: Tx | typeof db = db): string {
  return tx
    .insert(mailOutbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind })
    .returning({ id: mailOutbox.id })
    .get().id
}

let transporter: Transporter | null = null
let transporterUrl: string | null = null
function smtp(): Transporter | null {
  const url = getEnv().SMTP_URL
  if (!url) return null
  if (!transporter || transporterUrl !== url) {
    transporter = nodemailer.createTransport(url)
    transporterUrl = url
  }
  return transporter
}

const MAX_ATTEMPTS = 5
let delivering = false

/** Sends what is pending through SMTP (no-op without SMTP_URL). Returns how many were sent. */
export async function deliverPendingMail(): Promise<number> {
  const transport = smtp()
  if (!transport || delivering) return 0
  delivering = true
  let sent = 0
  try {
    const pending = db
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(mailOutbox.createdAt)
      .limit(50)
      .all()
    for (const m of pending) {
      try {
        await transport.sendMail({ from: getEnv().MAIL_FROM, to: m.to, subject: m.subject, text: m.text })
        // Delivered: the stored copy keeps no working one-time link (the outbox is not a key ring).
        db.update(mailOutbox)
          .set({ sentAt: new Date(), attempts: m.attempts + 1, lastError: null, text: redactLinks(m.text) })
          .where(eq(mailOutbox.id, m.id))
          .run()
        sent++
      } catch (error) {
        db.update(mailOutbox)
          .set({ attempts: m.attempts + 1, lastError: String(error).slice(0, 500) })
          .where(eq(mailOutbox.id, m.id))
          .run()
      }
    }
  } finally {
    delivering = false
  }
  return sent
}

export const OUTBOX_PAGE_SIZE = 50

/** The outbox page's states: sent; waiting (never tried); failing (tried, not sent yet). */
export const OUTBOX_STATES = ['sent', 'waiting', 'failing'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

export function listOutbox(
  { before, kind, state }: { before?: Date; kind?: string; state?: OutboxState } = {},
  limit = OUTBOX_PAGE_SIZE,
) {
  const where: SQL[] = []
  if (before) where.push(lt(mailOutbox.createdAt, before))
  if (kind) where.push(eq(mailOutbox.kind, kind))
  if (state === 'sent') where.push(isNotNull(mailOutbox.sentAt))
  if (state === 'waiting') where.push(isNull(mailOutbox.sentAt), eq(mailOutbox.attempts, 0))
  if (state === 'failing') where.push(isNull(mailOutbox.sentAt), gt(mailOutbox.attempts, 0))
  const rows = db
    .select()
    .from(mailOutbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit + 1)
    .all()
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  return { items, nextBefore: more ? items[items.length - 1].createdAt : null }
}

export function smtpConfigured() {
  return Boolean(getEnv().SMTP_URL)
}
