// The month view of the meetings list: a calendar table (Monday first) whose days link to the meetings
// held that day in their own time zone, then the month's meetings as a list. Plain links, no JavaScript.
import { Link, useLocation } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { MeetingStatus } from '~/modules/meetings/constants'
import type { MonthDay } from '~/modules/meetings/views'
import { withParams } from './list-controls'
import { DayRange, StatusBadge } from './meetings'
import { TableWrap } from '~/components/table-wrap'

export interface MonthCalendarData {
  /** YYYY-MM, and the months before and after it */
  month: string
  prev: string
  next: string
  weeks: MonthDay[][]
  items: {
    id: string
    title: string
    status: MeetingStatus
    startsAt: Date
    endsAt: Date
    timeZone: string
  }[]
}

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6]

export function MonthCalendar({ month }: { month: MonthCalendarData }) {
  const { t, date } = useT()
  const location = useLocation()
  const monthName = date(`${month.month}-01T00:00:00Z`, 'month')
  // 2024-01-01 was a Monday: the weekday names in the person's language
  const weekday = (i: number, style: 'long' | 'short') =>
    date(new Date(Date.UTC(2024, 0, 1 + i)), style === 'long' ? 'weekday' : 'weekdayShort')
  return (
    <>
      <nav className="pager" aria-label={t('meetings.month.nav')}>
        <Link to={withParams(location.search, { view: 'month', month: month.prev })}>
          {t('meetings.month.previous')}
        </Link>
        <Link to={withParams(location.search, { view: 'month', month: month.next })}>
          {t('meetings.month.next')}
        </Link>
      </nav>
      <TableWrap label={monthName}>
        <table className="meetings-month">
          <caption className="meetings-caption-visible">{monthName}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((i) => (
                <th scope="col" key={i}>
                  <abbr title={weekday(i, 'long')}>{weekday(i, 'short')}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week) => (
              <tr key={week[0].date}>
                {week.map((day) => (
                  <td key={day.date} className={day.inMonth ? undefined : 'meetings-other-month'}>
                    <span className="meetings-day">{Number(day.date.slice(8))}</span>
                    {day.meetings.length ? (
                      <ul className="meetings-day-list">
                        {day.meetings.map((m) => (
                          <li key={m.id}>
                            <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                            {m.status === 'cancelled' ? (
                              <span className="muted small"> ({t('meetings.status.cancelled')})</span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t('meetings.month.listTitle', { month: monthName })}</h2>
      {month.items.length ? (
        <ul className="list-plain">
          {month.items.map((m) => (
            <li key={m.id}>
              <DayRange start={m.startsAt} end={m.endsAt} timeZone={m.timeZone} /> ·{' '}
              <Link to={`/meetings/${m.id}`}>{m.title}</Link> <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meetings.month.empty')}</p>
      )}
    </>
  )
}
