// The agenda split by the meeting's days, for the day headings of a multi-day agenda and the programme.
// Client-safe. An item without a time belongs to the day of the item before it.
import type { AgendaEntry } from './views'
import { zonedDate } from './time'

export interface AgendaDay<T> {
  /** YYYY-MM-DD in the meeting's zone; null for the untimed items before the first timed one */
  date: string | null
  /** 1 for the meeting's first day */
  n: number | null
  items: T[]
}

const DAY = 24 * 3600 * 1000
const dayNumber = (first: string, date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY) + 1

export function agendaByDay<T extends Pick<AgendaEntry, 'startsAt'>>(
  agenda: T[],
  timeZone: string,
  firstDay: string,
): AgendaDay<T>[] {
  const out: AgendaDay<T>[] = []
  for (const item of agenda) {
    const date = item.startsAt ? zonedDate(item.startsAt, timeZone) : (out.at(-1)?.date ?? null)
    const last = out.at(-1)
    if (last && last.date === date) last.items.push(item)
    else out.push({ date, n: date ? dayNumber(firstDay, date) : null, items: [item] })
  }
  return out
}
