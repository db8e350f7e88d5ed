/**
 * Turns recorded events into notifications and mails, off the request (timer at start-up, and soon
 * after each notify()). Each event is one immediate transaction: its recipients (audience.server.ts,
 * visibility as each person has it now), their notifications, the immediate mails, and the mark that
 * the event is done, so an event is dispatched once or not at all. Mails are in the recipient's
 * language, with a plain and an HTML part, Auto-Submitted and List-Unsubscribe; links are written with
 * ORIGIN_MARK and get APP_ORIGIN when the queue sends them. The daily digest (digest.server.ts) collects
 * what is left unmailed.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { notificationEvents, notificationPreferences, notifications, people } from '@db/schema'
import type { Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { loadViewer } from '~/modules/auth/viewer.server'
import { ORIGIN_MARK, queueMail } from '~/modules/mail/mail.server'
import { audienceOf, titleIn, type Titles } from './audience.server'
import { PORTAL_ONLY_KINDS, type DeliveryMode, type NotificationKind } from './constants'

export const PREFERENCES_PATH = '/account/notifications'
const BATCH = 50

export function modeOf(tx: Tx | typeof db, personId: string, kind: NotificationKind): DeliveryMode {
  return (
    tx
      .select({ mode: notificationPreferences.mode })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.personId, personId), eq(notificationPreferences.kind, kind)))
      .get()?.mode ?? 'immediate'
  )
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const mailHeaders = () => ({
  'Auto-Submitted': 'auto-generated',
  'List-Unsubscribe': `<${ORIGIN_MARK}${PREFERENCES_PATH}>`,
})

export interface MailLine {
  kind: NotificationKind
  titles: Titles
  path: string
}

export function lineText(lang: Lang, line: MailLine) {
  const { t } = translator(lang)
  return t(`notifications.text.${line.kind}`, { title: titleIn(line.titles, lang) })
}

/** One mail, plain and HTML, for one or more notifications. */
export function renderMail(lang: Lang, subject: string, lines: MailLine[], intro?: string) {
  const { t } = translator(lang)
  const prefs = `${ORIGIN_MARK}${PREFERENCES_PATH}`
  const text = [
    ...(intro ? [intro, ''] : []),
    ...lines.flatMap((l) => [
      lineText(lang, l),
      t('notifications.mail.open', { link: ORIGIN_MARK + l.path }),
      '',
    ]),
    '-- ',
    t('notifications.mail.footer', { link: prefs }),
  ].join('\n')
  const html = [
    '<!doctype html><html><body>',
    ...(intro ? [`<p>${escapeHtml(intro)}</p>`] : []),
    '<ul>',
    ...lines.map(
      (l) => `<li><a href="${escapeHtml(ORIGIN_MARK + l.path)}">${escapeHtml(lineText(lang, l))}</a></li>`,
    ),
    '</ul>',
    `<p style="color:#555;font-size:small">${escapeHtml(t('notifications.mail.footer', { link: '' }))}<a href="${escapeHtml(prefs)}">${escapeHtml(prefs.replace(ORIGIN_MARK, ''))}</a></p>`,
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

/** Dispatches the pending events (oldest first, a bounded batch). Returns how many. */
export function dispatchNotifications({ limit = BATCH }: { limit?: number } = {}): number {
  const pending = db
    .select({ id: notificationEvents.id })
    .from(notificationEvents)
    .where(isNull(notificationEvents.dispatchedAt))
    .orderBy(asc(notificationEvents.createdAt))
    .limit(limit)
    .all()
  for (const { id } of pending) {
    try {
      db.transaction((tx) => dispatchOne(tx, id), { behavior: 'immediate' })
    } catch (error) {
      // one broken event must not stop the others; it is marked so that it is not retried forever
      console.error(`notification event ${id} failed`, error)
      db.update(notificationEvents)
        .set({ dispatchedAt: new Date() })
        .where(eq(notificationEvents.id, id))
        .run()
    }
  }
  return pending.length
}

function dispatchOne(tx: Tx, eventId: string) {
  const event = tx.select().from(notificationEvents).where(eq(notificationEvents.id, eventId)).get()
  if (!event || event.dispatchedAt) return
  const now = new Date()
  const params = JSON.parse(event.params) as Record<string, unknown>
  const audience = audienceOf(tx, event.recordType, event.recordId, params)
  const candidates = [...new Set(audience?.candidates ?? [])].filter((p) => p !== event.actorId)
  const recipients = candidates.length
    ? tx
        .select({ id: people.id, email: people.email, language: people.language })
        .from(people)
        .where(and(inArray(people.id, candidates), eq(people.status, 'active')))
        .all()
    : []
  for (const person of recipients) {
    const viewer = loadViewer(person.id, 'session', null)
    if (!viewer || !audience!.visibleTo(viewer)) continue
    // a portal-only kind's mail is its service's own notice (constants.ts): never mailed here
    const mode = PORTAL_ONLY_KINDS.includes(event.kind) ? 'off' : modeOf(tx, person.id, event.kind)
    const inserted = tx
      .insert(notifications)
      .values({
        personId: person.id,
        eventId: event.id,
        kind: event.kind,
        recordType: event.recordType,
        recordId: event.recordId,
        params: JSON.stringify({ ...audience!.titles, path: audience!.path }),
        createdAt: event.createdAt,
        mailedAt: mode === 'digest' ? null : now,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id })
      .get()
    if (!inserted || mode !== 'immediate') continue
    const line: MailLine = { kind: event.kind, titles: audience!.titles, path: audience!.path }
    const mail = renderMail(person.language, lineText(person.language, line), [line])
    queueMail({ to: person.email, ...mail, kind: 'notification', headers: mailHeaders() }, tx)
  }
  tx.update(notificationEvents).set({ dispatchedAt: now }).where(eq(notificationEvents.id, event.id)).run()
}
