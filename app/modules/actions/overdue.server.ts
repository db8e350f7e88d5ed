/**
 * When an action is overdue. A due date is a calendar DAY (YYYY-MM-DD), not an instant: an action is
 * overdue once that day has ended, i.e. when its due day is strictly before "today", and it is still open.
 * "Today" is the day in the Executive Secretariat's time zone (San José, Costa Rica: UTC-6 all year, no
 * daylight saving), which follows up the actions for the whole region: one rule for every page, list,
 * export, reminder and the API, whoever asks and wherever the server runs. The region spans UTC-4
 * (Dominican Republic) to UTC-8 (Canada's west coast in winter); Costa Rica sits in its middle.
 */
import { and, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { actionItems } from '@db/schema'
import { OPEN_STATUSES, type ActionStatus } from './schemas'

export const ACTIONS_TIME_ZONE = 'America/Costa_Rica'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ACTIONS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** THE one function that says which day it is for the follow-up of actions: YYYY-MM-DD in
 * America/Costa_Rica at the instant `now`. */
export function actionsToday(now: Date | number = Date.now()): string {
  const parts = Object.fromEntries(dayFormat.formatToParts(new Date(now)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** The day of an instant (e.g. when an action was created), by the same rule. */
export const actionsDayOf = (at: Date | number) => actionsToday(at)

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

export const isOpen = (status: ActionStatus) => (OPEN_STATUSES as readonly string[]).includes(status)

/** Overdue: still open and the due day is strictly before today (not on the due day itself). */
export function isOverdue(dueDate: string, status: ActionStatus, now: Date | number = Date.now()): boolean {
  return isOpen(status) && dueDate < actionsToday(now)
}

/** Due within the next `days` days (today included), still open, not overdue. */
export function isDueSoon(dueDate: string, status: ActionStatus, now: Date | number = Date.now(), days = 7) {
  const today = actionsToday(now)
  return isOpen(status) && dueDate >= today && dueDate <= addDays(today, days)
}

/** The same rules in SQL, for lists, counts and reminders. */
export const openWhere = (): SQL => inArray(actionItems.status, [...OPEN_STATUSES])
export function overdueWhere(now: Date | number = Date.now()): SQL {
  return and(openWhere(), lt(actionItems.dueDate, actionsToday(now)))!
}
export function dueWithinWhere(days: number, now: Date | number = Date.now()): SQL {
  const today = actionsToday(now)
  return and(openWhere(), sql`${actionItems.dueDate} between ${today} and ${addDays(today, days)}`)!
}
