/**
 * Reminders through the mail outbox: "due soon" (due within 7 days) and "overdue" (see overdue.server.ts),
 * to the focal person each owner named, or, when an owner named none, to the owner organization's focal
 * points (for a national institution without any, its member state's). Each person gets it in their own
 * language. At most one reminder per action and kind per week: the `action_reminders` row is written in
 * the same transaction as the mails, and checked inside it, so two sweeps running at once cannot both
 * send. Called from the start-up sweep (every 10 minutes); each run handles a bounded batch so that a
 * large backlog (the benchmark's 50,000 actions) never stalls the server.
 */
import { and, asc, eq, lte, or, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { actionItems, actionOwners, actionReminders, organizations, people } from '@db/schema'
import { type Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { audit } from '~/modules/audit/audit.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { linkTo } from '~/modules/auth/one-time-tokens.server'
import { queueMail } from '~/modules/mail/mail.server'
import { localized } from './loading.server'
import { actionsToday, addDays, openWhere } from './overdue.server'

const DAY_MS = 24 * 3600 * 1000
export const REMINDER_INTERVAL_MS = 7 * DAY_MS
export const DUE_SOON_DAYS = 7
export const REMINDER_BATCH = 500

type Kind = 'due_soon' | 'overdue'

interface Recipient {
  email: string
  name: string
  language: Lang
}

const focalPointsOf = (tx: Tx, organizationId: string): Recipient[] =>
  tx
    .select({ email: people.email, name: people.name, language: people.language })
    .from(people)
    .where(
      and(
        eq(people.status, 'active'),
        eq(people.role, 'focal_point'),
        or(eq(people.organizationId, organizationId), eq(people.institutionId, organizationId)),
      ),
    )
    .orderBy(asc(people.email))
    .all()

/** Who hears about an action: per owner, its focal person, else its focal points. */
export function reminderRecipients(tx: Tx, actionId: string): Recipient[] {
  const owners = tx
    .select({
      organizationId: actionOwners.organizationId,
      parentId: organizations.parentId,
      focalPersonId: actionOwners.focalPersonId,
    })
    .from(actionOwners)
    .innerJoin(organizations, eq(organizations.id, actionOwners.organizationId))
    .where(and(eq(actionOwners.actionId, actionId), eq(actionOwners.kind, 'owner')))
    .all()
  const out = new Map<string, Recipient>()
  for (const o of owners) {
    let list: Recipient[] = []
    if (o.focalPersonId) {
      list = tx
        .select({ email: people.email, name: people.name, language: people.language })
        .from(people)
        .where(and(eq(people.id, o.focalPersonId), eq(people.status, 'active')))
        .all()
    }
    if (!list.length) list = focalPointsOf(tx, o.organizationId)
    if (!list.length && o.parentId) list = focalPointsOf(tx, o.parentId)
    for (const r of list) out.set(r.email, r)
  }
  return [...out.values()]
}

function reminderMail(
  kind: Kind,
  to: Recipient,
  action: { id: string; titleEs: string | null; titleEn: string | null; dueDate: string; progress: number },
) {
  const { t, date } = translator(to.language)
  const title = localized(to.language, action.titleEs, action.titleEn)
  const due = date(`${action.dueDate}T12:00:00Z`, 'long')
  const key = kind === 'overdue' ? 'overdue' : 'dueSoon'
  return {
    to: to.email,
    kind: `action.${kind}`,
    subject: t(`actions.mail.${key}.subject`, { title }),
    text: [
      t('actions.mail.greeting', { name: to.name }),
      '',
      t(`actions.mail.${key}.body`, { title, date: due, progress: action.progress }),
      '',
      linkTo(`/actions/${action.id}`),
      '',
      t('actions.mail.footer'),
    ].join('\n'),
  }
}

/** Sends what is due; returns how many actions were reminded of, by kind, and how many mails went out. */
export function runReminders(now: Date = new Date()): { dueSoon: number; overdue: number; mails: number } {
  const today = actionsToday(now)
  const since = new Date(now.getTime() - REMINDER_INTERVAL_MS)
  const kindOf = sql`case when ${actionItems.dueDate} < ${today} then 'overdue' else 'due_soon' end`
  const candidates = db
    .select({
      id: actionItems.id,
      titleEs: actionItems.titleEs,
      titleEn: actionItems.titleEn,
      dueDate: actionItems.dueDate,
      progress: actionItems.progress,
    })
    .from(actionItems)
    .where(
      and(
        openWhere(),
        lte(actionItems.dueDate, addDays(today, DUE_SOON_DAYS)),
        sql`not exists (select 1 from ${actionReminders} where ${actionReminders.actionId} = ${actionItems.id}
          and ${actionReminders.kind} = ${kindOf} and ${actionReminders.sentAt} > ${since.getTime()})`,
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(REMINDER_BATCH)
    .all()
  const result = { dueSoon: 0, overdue: 0, mails: 0 }
  for (const action of candidates) {
    const kind: Kind = action.dueDate < today ? 'overdue' : 'due_soon'
    const sent = writeTx((tx) => {
      // checked again inside the write: another sweep may have sent it meanwhile
      const recent = tx
        .select({ id: actionReminders.id })
        .from(actionReminders)
        .where(
          and(
            eq(actionReminders.actionId, action.id),
            eq(actionReminders.kind, kind),
            sql`${actionReminders.sentAt} > ${since.getTime()}`,
          ),
        )
        .get()
      if (recent) return null
      const recipients = reminderRecipients(tx, action.id)
      for (const r of recipients) queueMail(reminderMail(kind, r, action), tx)
      tx.insert(actionReminders)
        .values({ actionId: action.id, kind, sentAt: now, recipients: recipients.length })
        .run()
      audit(
        {
          action: `action.remind`,
          targetType: 'action_item',
          targetId: action.id,
          details: { kind, recipients: recipients.length },
        },
        tx,
      )
      return recipients.length
    })
    if (sent === null) continue
    result[kind === 'overdue' ? 'overdue' : 'dueSoon']++
    result.mails += sent
  }
  return result
}
