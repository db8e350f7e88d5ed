/**
 * The month view of the meetings the viewer may see: weeks (Monday first) of days, each with the meetings
 * held that day in their own time zone, and the month's meetings as a list below. Visibility in SQL.
 */
import { asc, gte, lt } from 'drizzle-orm'
import { meetings } from '@db/schema'
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { listedMeetingRows, toListed } from './meetings.server'
import type { MonthDay } from './views'
import { zonedDate } from './time'

const DAY = 24 * 3600 * 1000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** `month` is YYYY-MM; visibility applied in SQL. */
export function monthView(viewer: Viewer | null, month: string, lang: Lang) {
  const [y, m] = month.split('-').map(Number)
  const first = Date.UTC(y, m - 1, 1)
  const next = Date.UTC(y, m, 1)
  // a day of margin on each side: the zone decides the local dates below
  const rows = listedMeetingRows(
    viewer,
    lt(meetings.startsAt, new Date(next + DAY)),
    gte(meetings.endsAt, new Date(first - DAY)),
  )
    .orderBy(asc(meetings.startsAt))
    .all()
  const items = rows.map((r) => ({
    ...toListed(r, lang),
    from: zonedDate(r.startsAt, r.timeZone),
    to: zonedDate(r.endsAt, r.timeZone),
  }))
  const offsetToMonday = (new Date(first).getUTCDay() + 6) % 7
  const start = first - offsetToMonday * DAY
  const weeks: MonthDay[][] = []
  for (let day = start; day < next || weeks[weeks.length - 1]?.length !== 7; day += DAY) {
    if (!weeks.length || weeks[weeks.length - 1].length === 7) weeks.push([])
    const date = isoDay(day)
    weeks[weeks.length - 1].push({
      date,
      inMonth: day >= first && day < next,
      meetings: items
        .filter((i) => i.from <= date && date <= i.to)
        .map((i) => ({ id: i.id, title: i.title, kind: i.kind, status: i.status, starts: i.from === date })),
    })
  }
  const monthItems = items.filter((i) => i.to >= isoDay(first) && i.from < isoDay(next))
  const prev = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7)
  const following = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
  return { month, weeks, items: monthItems, prev, next: following }
}
