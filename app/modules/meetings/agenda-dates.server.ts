/**
 * An agenda's times and its meeting's days (decision 0029): an item starts on one of the meeting's days
 * (in the meeting's own time zone) and, with its duration, ends by the end of the last one. When the
 * meeting's dates move, its items move with it: each keeps its day of the meeting (first, second...)
 * and its wall-clock time, in the meeting's zone as it now stands. A change that would leave items
 * after the new last day is refused at the end date, naming them.
 */
import { asc, eq } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { agendaItems } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { invalid } from '~/modules/core/domain-error.server'
import { listAgenda } from './agenda.server'
import { utcToZoned, zonedDate, zonedToUtc } from './time'

const DAY = 24 * 3600 * 1000

export interface MeetingDates {
  startsAt: Date
  endsAt: Date
  timeZone: string
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return Math.round((ms(to) - ms(from)) / DAY)
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** The meeting's first and last day in its zone. */
export function meetingDays(m: MeetingDates) {
  return { first: zonedDate(m.startsAt, m.timeZone), last: zonedDate(m.endsAt, m.timeZone) }
}

/** Where an item with this start and duration falls against the meeting's days. */
export function itemFit(m: MeetingDates, startsAt: Date, durationMinutes: number | null) {
  const { first, last } = meetingDays(m)
  const day = zonedDate(startsAt, m.timeZone)
  if (day < first || day > last) return 'outside' as const
  if (durationMinutes) {
    const end = utcToZoned(startsAt.getTime() + durationMinutes * 60_000, m.timeZone)
    const endDay = end.slice(0, 10)
    // ending at midnight after the last day still ends on it
    if (endDay > last && !(endDay === addDays(last, 1) && end.endsWith('T00:00'))) return 'endsAfter' as const
  }
  return 'inside' as const
}

/** Refuses, at its field, an item time outside the meeting's days. */
export function assertItemWithinMeeting(
  m: MeetingDates,
  startsAt: Date | null,
  durationMinutes: number | null,
) {
  if (!startsAt) return
  const fit = itemFit(m, startsAt, durationMinutes)
  if (fit === 'outside') throw invalid('meetingsRun.error.itemOutside', 'startsAt')
  if (fit === 'endsAfter') throw invalid('meetingsRun.error.itemEndsAfter', 'durationMinutes')
}

/** The item's time in a meeting that moved from `before` to `after`: the same day of the meeting and
 * the same wall-clock time. */
export function movedTime(startsAt: Date, before: MeetingDates, after: MeetingDates): Date {
  const local = utcToZoned(startsAt, before.timeZone)
  const offset = daysBetween(meetingDays(before).first, local.slice(0, 10))
  const day = addDays(meetingDays(after).first, offset)
  return zonedToUtc(`${day}${local.slice(10)}`, after.timeZone) ?? startsAt
}

/**
 * Moves the meeting's timed items with its dates (inside the meeting's write). Throws a 400 at `endsAt`
 * with `params.items` (the items, numbered and titled in `lang`) when some would fall after the new
 * last day. Returns how many items moved.
 */
export function moveItemsWithMeeting(
  tx: Tx,
  meetingId: string,
  before: MeetingDates,
  after: MeetingDates,
  lang: Lang,
): number {
  const rows = tx
    .select({
      id: agendaItems.id,
      startsAt: agendaItems.startsAt,
      durationMinutes: agendaItems.durationMinutes,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all()
  const moves = rows
    .filter((r) => r.startsAt)
    .map((r) => ({ ...r, to: movedTime(r.startsAt!, before, after) }))
  const beyond = moves.filter((r) => itemFit(after, r.to, r.durationMinutes) !== 'inside')
  if (beyond.length) {
    const ids = new Set(beyond.map((r) => r.id))
    const items = listAgenda(meetingId, lang, tx)
      .filter((a) => ids.has(a.id))
      .map((a) => `${a.number}. ${a.title}`)
      .join('; ')
    throw invalid('meetingsRun.error.itemsBeyondEnd', 'endsAt', { items })
  }
  let moved = 0
  for (const r of moves) {
    if (r.to.getTime() === r.startsAt!.getTime()) continue
    tx.update(agendaItems).set({ startsAt: r.to }).where(eq(agendaItems.id, r.id)).run()
    moved++
  }
  return moved
}
