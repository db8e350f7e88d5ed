/**
 * The daily digest: once a day, from 7:00 in the person's time zone (their organization's country, as
 * round-time.ts decides; the secretariat's seat otherwise), one mail grouping every notification their
 * preferences left for it. The day of the last digest is kept per person, and the mail, the marks and
 * that day are written in one transaction, so two runs never send two digests.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { db } from '@db/client'
import { notificationDigests, notifications, organizations, people } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import { queueMail } from '~/modules/mail/mail.server'
import { zoneOfOrganization } from '~/modules/plans/round-time'
import { mailHeaders, renderMail, type MailLine } from './dispatch.server'
import type { NotificationKind } from './constants'

export const DIGEST_HOUR = 7

/** The day (YYYY-MM-DD) and hour of an instant in a zone. */
export function localDayHour(now: Date, zone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

/** Sends the digests that are due. Returns how many mails were queued. */
export function sendDigests(now = new Date()): number {
  const waiting = db
    .selectDistinct({ personId: notifications.personId })
    .from(notifications)
    .where(isNull(notifications.mailedAt))
    .limit(500)
    .all()
    .map((r) => r.personId)
  if (!waiting.length) return 0
  const persons = db
    .select({ id: people.id, email: people.email, language: people.language, code: organizations.code })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(inArray(people.id, waiting), eq(people.status, 'active')))
    .all()
  let sent = 0
  for (const person of persons) {
    const { day, hour } = localDayHour(now, zoneOfOrganization(person.code))
    if (hour < DIGEST_HOUR) continue
    db.transaction(
      (tx) => {
        const last = tx
          .select()
          .from(notificationDigests)
          .where(eq(notificationDigests.personId, person.id))
          .get()
        if (last?.lastDay === day) return
        const rows = tx
          .select()
          .from(notifications)
          .where(and(eq(notifications.personId, person.id), isNull(notifications.mailedAt)))
          .orderBy(asc(notifications.createdAt))
          .all()
        if (!rows.length) return
        const lines: MailLine[] = rows.map((n) => {
          const p = JSON.parse(n.params) as { titleEs: string; titleEn: string; path: string }
          return { kind: n.kind as NotificationKind, titles: p, path: p.path }
        })
        const { t } = translator(person.language)
        const mail = renderMail(
          person.language,
          t('notifications.mail.digestSubject', { count: rows.length }),
          lines,
          t('notifications.mail.digestIntro'),
        )
        queueMail({ to: person.email, ...mail, kind: 'digest', headers: mailHeaders() }, tx)
        tx.update(notifications)
          .set({ mailedAt: now })
          .where(
            inArray(
              notifications.id,
              rows.map((r) => r.id),
            ),
          )
          .run()
        tx.insert(notificationDigests)
          .values({ personId: person.id, lastDay: day })
          .onConflictDoUpdate({ target: notificationDigests.personId, set: { lastDay: day } })
          .run()
        sent++
      },
      { behavior: 'immediate' },
    )
  }
  return sent
}
