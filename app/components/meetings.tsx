// Pieces shared by the meetings pages: dates in the meeting's time zone and status badges. (The meeting
// form is in meeting-form.tsx: only the pages that show it load the schema it validates with.)
import { useT } from '~/i18n/use-t'
import { useZone } from '~/i18n/use-zone'
import { zoneLabel, zoneOffset } from '~/i18n/zones'
import type { MeetingStatus } from '~/modules/meetings/constants'

/** "5 Dec 2023, 09:00 – 6 Dec 2023, 17:00 (Panama time (UTC−5))", in the meeting's zone; then the
 * start in the reader's own time when their clock differs. */
export function DateRange({ start, end, timeZone }: { start: Date; end: Date; timeZone: string }) {
  const { t, date } = useT()
  const own = useZone()
  const sameDay = date(start, 'date', timeZone) === date(end, 'date', timeZone)
  const otherClock = zoneOffset(own, start) !== zoneOffset(timeZone, start)
  return (
    <>
      <time dateTime={start.toISOString()}>{date(start, 'datetime', timeZone)}</time>
      {' – '}
      <time dateTime={end.toISOString()}>
        {sameDay ? date(end, 'time', timeZone) : date(end, 'datetime', timeZone)}
      </time>{' '}
      <span className="muted small">({zoneLabel({ t }, timeZone, start)})</span>
      {otherClock ? (
        <span className="muted small">
          {' · '}
          {t('zones.yourTime', { when: date(start, 'datetime', own), zone: zoneLabel({ t }, own, start) })}
        </span>
      ) : null}
    </>
  )
}

/** Dates only, for lists. */
export function DayRange({ start, end, timeZone }: { start: Date; end: Date; timeZone: string }) {
  const { date } = useT()
  const a = date(start, 'date', timeZone)
  const b = date(end, 'date', timeZone)
  return <time dateTime={start.toISOString()}>{a === b ? a : `${a} – ${b}`}</time>
}

const STATUS_CLASS: Record<MeetingStatus, string> = {
  planned: 'badge',
  confirmed: 'badge ok',
  held: 'badge',
  cancelled: 'badge danger',
}

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useT()
  return <span className={STATUS_CLASS[status]}>{t(`meetings.status.${status}`)}</span>
}

export function MembersOnlyBadge({ openness }: { openness: 'open' | 'members_only' }) {
  const { t } = useT()
  return openness === 'members_only' ? (
    <span className="badge warn">{t('meetings.openness.members_only')}</span>
  ) : null
}
