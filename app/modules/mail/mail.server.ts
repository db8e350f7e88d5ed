/**
 * Outgoing mail: a queue in SQLite that loses nothing (docs/decisions/0033-mail-queue.md). Every message
 * is first written to the outbox table, in the same transaction as the change that causes it; a request
 * never waits for SMTP. With SMTP_URL set, a timer (startup.server.ts) delivers due rows through
 * nodemailer: each is claimed ('sending', with a lease) before the SMTP call and marked 'sent' after it;
 * a refused or unreachable server means a retry with exponential backoff (1, 2, 4 ... minutes, capped at
 * 2 hours) until 24 hours after the message was queued, then 'failed' (logged, shown at /admin/outbox
 * with its error and a "send again" button). Every attempt of a message carries the same Message-ID,
 * so a resend after a crash between the SMTP call and the mark is recognisable as the same message.
 * Without SMTP_URL the outbox is the delivery and the secretariat reads it at /admin/outbox.
 */
import { and, desc, eq, gt, isNotNull, isNull, lt, lte, or, type SQL } from 'drizzle-orm'
import type nodemailerType from 'nodemailer'
import type { Transporter } from 'nodemailer'
import { lazyPackage } from '~/modules/core/lazy-package.server'
import { db, type Tx } from '@db/client'
import { mailOutbox } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { getEnv, publicOrigin } from '~/env.server'
import { redactLinks } from './outbox-links.server'

/** loaded at the first delivery (the primary of a cluster alone sends), not with the build
 * (core/lazy-package.server.ts) */
const nodemailer = lazyPackage<typeof nodemailerType>('nodemailer')

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string | null
  kind: string
  /** extra headers, e.g. Auto-Submitted, List-Unsubscribe */
  headers?: Record<string, string>
}

/** Written into stored mails where a link's origin goes; replaced by APP_ORIGIN when the mail is sent
 * (and when the outbox shows it), so that links follow the origin at sending time. */
export const ORIGIN_MARK = '[[APP_ORIGIN]]'
const withOrigin = (s: string, origin = publicOrigin()) => s.split(ORIGIN_MARK).join(origin)

export const FIRST_RETRY_MS = 60 * 1000
export const MAX_RETRY_MS = 2 * 3600 * 1000
export const RETRY_WINDOW_MS = 24 * 3600 * 1000
/** How long a claim holds: longer than any SMTP call (nodemailer's own timeouts are 2 and 10 minutes). */
export const LEASE_MS = 15 * 60 * 1000
const BATCH = 20

/** The wait after the n-th failed attempt (n >= 1): 1 minute, doubled each time, at most 2 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

export function queueMail(mail: OutgoingMail, tx: Tx | typeof db = db): string {
  const now = new Date()
  return tx
    .insert(mailOutbox)
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      kind: mail.kind,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
      status: 'pending',
      createdAt: now,
      queuedAt: now,
    })
    .returning({ id: mailOutbox.id })
    .get().id
}

let transporter: Transporter | null = null
let transporterUrl: string | null = null
function smtp(): Transporter | null {
  const url = getEnv().SMTP_URL
  if (!url) return null
  if (!transporter || transporterUrl !== url) {
    transporter = nodemailer().createTransport(url)
    transporterUrl = url
  }
  return transporter
}

/** `<outbox-id@host>`: the host of APP_ORIGIN (else of the sender's address). */
function messageIdFor(id: string): string {
  let host: string
  try {
    host = new URL(publicOrigin()).hostname
  } catch {
    host = getEnv().MAIL_FROM.replace(/.*@([^>\s]+).*/, '$1')
  }
  return `<${id}@${host}>`
}

type Row = typeof mailOutbox.$inferSelect

/** Claims the due messages: pending ones whose time has come, and 'sending' ones whose lease ran out
 * (their delivery run died between the SMTP call and the mark). One immediate transaction, so two runs
 * never claim the same row. */
function claimDue(now: number): Row[] {
  return db.transaction(
    (tx) => {
      const due = tx
        .select()
        .from(mailOutbox)
        .where(
          or(
            and(
              eq(mailOutbox.status, 'pending'),
              or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, new Date(now))),
            ),
            and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.leaseUntil, new Date(now))),
          ),
        )
        .orderBy(mailOutbox.createdAt)
        .limit(BATCH)
        .all()
      return due.map((m) => {
        const messageId = m.messageId ?? messageIdFor(m.id)
        tx.update(mailOutbox)
          .set({ status: 'sending', leaseUntil: new Date(now + LEASE_MS), messageId })
          .where(eq(mailOutbox.id, m.id))
          .run()
        return { ...m, messageId }
      })
    },
    { behavior: 'immediate' },
  )
}

/** After a restart nothing of this process is sending: claims left by the previous one are due now
 * (and will be sent with the Message-ID they already had). One server process per database. */
export function releaseStaleClaims(): number {
  return db
    .update(mailOutbox)
    .set({ status: 'pending', leaseUntil: null, nextAttemptAt: null })
    .where(eq(mailOutbox.status, 'sending'))
    .run().changes
}

export interface DeliveryOptions {
  now?: number
  /** tests: runs between the SMTP call and the mark (a throw here is a crash at the worst moment) */
  afterSend?: (id: string) => void
}

let delivering = false

/** Sends what is due through SMTP (no-op without SMTP_URL). Returns how many were sent. */
export async function deliverPendingMail({
  now = Date.now(),
  afterSend,
}: DeliveryOptions = {}): Promise<number> {
  const transport = smtp()
  if (!transport || delivering) return 0
  delivering = true
  let sent = 0
  try {
    const origin = publicOrigin()
    for (const m of claimDue(now)) {
      let error: unknown = null
      try {
        await transport.sendMail({
          from: getEnv().MAIL_FROM,
          to: m.to,
          subject: m.subject,
          text: withOrigin(m.text, origin),
          html: m.html ? withOrigin(m.html, origin) : undefined,
          messageId: m.messageId!,
          headers: m.headers ? withHeadersOrigin(m.headers, origin) : undefined,
        })
      } catch (e) {
        error = e
      }
      if (error === null) {
        afterSend?.(m.id)
        // Delivered: the stored copy keeps no working one-time link (the outbox is not a key ring).
        db.update(mailOutbox)
          .set({
            status: 'sent',
            sentAt: new Date(now),
            attempts: m.attempts + 1,
            lastError: null,
            leaseUntil: null,
            text: redactLinks(m.text),
            html: m.html ? redactLinks(m.html) : null,
          })
          .where(and(eq(mailOutbox.id, m.id), eq(mailOutbox.status, 'sending')))
          .run()
        sent++
      } else {
        recordFailure(m, error, now)
      }
    }
  } finally {
    delivering = false
  }
  return sent
}

function withHeadersOrigin(json: string, origin: string): Record<string, string> {
  const parsed = JSON.parse(json) as Record<string, string>
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, withOrigin(v, origin)]))
}

function recordFailure(m: Row, error: unknown, now: number) {
  const attempts = m.attempts + 1
  const lastError = String(error instanceof Error ? error.message : error).slice(0, 500)
  const windowStart = (m.queuedAt ?? m.createdAt).getTime()
  const next = now + retryDelayMs(attempts)
  if (next > windowStart + RETRY_WINDOW_MS) {
    db.update(mailOutbox)
      .set({ status: 'failed', failedAt: new Date(now), attempts, lastError, leaseUntil: null })
      .where(eq(mailOutbox.id, m.id))
      .run()
    console.error(`mail ${m.id} (${m.kind}) to ${m.to} failed after ${attempts} attempts: ${lastError}`)
  } else {
    db.update(mailOutbox)
      .set({ status: 'pending', attempts, lastError, leaseUntil: null, nextAttemptAt: new Date(next) })
      .where(eq(mailOutbox.id, m.id))
      .run()
  }
}

/** The secretariat's "send again" for a failed message: a new retry window from now. */
export function sendAgain(viewer: Viewer, id: string) {
  writeTx((tx) => {
    assertAllowed(viewer, 'outbox.sendAgain')
    const row = tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()
    if (!row || row.status !== 'failed') throw notFound()
    tx.update(mailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: null, failedAt: null, queuedAt: new Date() })
      .where(eq(mailOutbox.id, id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'outbox.sendAgain',
        targetType: 'mail',
        targetId: id,
        details: { kind: row.kind },
      },
      tx,
    )
  })
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
  const origin = publicOrigin()
  const items = (more ? rows.slice(0, limit) : rows).map((m) => ({ ...m, text: withOrigin(m.text, origin) }))
  return { items, nextBefore: more ? items[items.length - 1].createdAt : null }
}

export function smtpConfigured() {
  return Boolean(getEnv().SMTP_URL)
}
