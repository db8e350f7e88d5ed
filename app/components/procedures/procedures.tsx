// The written procedures' pieces: the deadline in San José's time and the person's own, the countdown as
// text (computed by the server's clock at render time), the outcome badge.
import { zoneLabel } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'

export function Deadline({
  at,
  seatZone,
  ownZone,
}: {
  at: string | Date
  seatZone: string
  ownZone: string
}) {
  const { t, date } = useT()
  const d = new Date(at)
  return (
    <>
      <time dateTime={d.toISOString()}>
        {t('procedures.deadlineSeat', { date: date(d, 'datetime', seatZone) })}
      </time>
      {ownZone !== seatZone ? (
        <>
          {' · '}
          <span>
            {t('procedures.deadlineOwn', {
              date: date(d, 'datetime', ownZone),
              zone: zoneLabel({ t }, ownZone, d),
            })}
          </span>
        </>
      ) : null}
    </>
  )
}

/** "3 days and 4 hours left", from the server's clock when the page was built. */
export function Countdown({ deadline, now }: { deadline: string | Date; now: string | Date }) {
  const { t } = useT()
  const ms = new Date(deadline).getTime() - new Date(now).getTime()
  if (ms <= 0) return <p className="badge warn">{t('procedures.countdown.closing')}</p>
  const minutes = Math.floor(ms / 60000)
  const hours = Math.floor(minutes / 60)
  const days = Math.floor(hours / 24)
  const text =
    days >= 1
      ? t('procedures.countdown.days', { days, hours: hours % 24 })
      : hours >= 1
        ? t('procedures.countdown.hours', { hours, minutes: minutes % 60 })
        : t('procedures.countdown.minutes', { minutes: Math.max(minutes, 0) })
  return <p className="badge">{text}</p>
}

export function Outcome({
  status,
  outcome,
  code,
}: {
  status: 'open' | 'closed'
  outcome: 'adopted' | 'not_adopted' | null
  code: string | null
}) {
  const { t } = useT()
  if (status === 'open' || !outcome) return <span className="badge">{t('procedures.status.open')}</span>
  return (
    <span className={outcome === 'adopted' ? 'badge ok' : 'badge warn'}>
      {outcome === 'adopted' && code
        ? t('procedures.outcome.adoptedAs', { code })
        : t(`procedures.outcome.${outcome}`)}
    </span>
  )
}
