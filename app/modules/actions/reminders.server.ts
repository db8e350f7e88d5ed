/**
 * Reminders as events of the notification system: "due soon" (due within 7 days) and "overdue" (see
 * overdue.server.ts) become `action_due_soon` / `action_overdue` events, told to the focal person each
 * owner named, or, when an owner named none, to the owner organization's focal points (for a national
 * institution without any, its member state's): reminderRecipients() is that event's audience
 * (notifications/audience.server.ts). Each person's preferences decide the mail (at once, in the daily
 * digest, or none), in their language. At most one reminder per action and kind per week: the
 * `action_reminders` row is written in the same transaction as the event, and checked inside it, so two
 * checks running at once cannot both fire. Called from the scheduled check
 * (notifications/timed.server.ts); each run handles a bounded batch so that a large backlog (the
 * benchmark's 50,000 actions) never stalls the server.
 */
import { and, asc, eq, lte, or, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { actionItems, actionOwners, actionReminders, organizations, people } from '@db/schema'
import { type Lang } from '~/i18n'
import { audit } from '~/modules/audit/audit.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { actionsToday, addDays, openWhere } from './overdue.server'

const DAY_MS = 24 * 3600 * 1000
export const REMINDER_INTERVAL_MS = 7 * DAY_MS
export const DUE_SOON_DAYS = 7
export const REMINDER_BATCH = 500

type Kind = 'due_soon' | 'overdue'

interface Recipient {
  id: string
  email: string
  name: string
  language: Lang
}

const focalPointsOf = (tx: Tx, organizationId: string): Recipient[] =>
  tx
    .select({ id: people.id, email: people.email, name: people.name, language: people.language })
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
        .select({ id: people.id, email: people.email, name: people.name, language: people.language })
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

/** Fires what is due; returns how many actions were reminded of, by kind, and to how many people. */
export function runReminders(now: Date = new Date()): {
  dueSoon: number
  overdue: number
  recipients: number
} {
  const today = actionsToday(now)
  const since = new Date(now.getTime() - REMINDER_INTERVAL_MS)
  const kindOf = sql`case when ${actionItems.dueDate} < ${today} then 'overdue' else 'due_soon' end`
  const candidates = db
    .select({ id: actionItems.id, dueDate: actionItems.dueDate })
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
  const result = { dueSoon: 0, overdue: 0, recipients: 0 }
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
      notify(tx, {
        kind: kind === 'overdue' ? 'action_overdue' : 'action_due_soon',
        recordType: 'action',
        recordId: action.id,
        params: { audience: 'reminder' },
      })
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
    result.recipients += sent
  }
  return result
}
