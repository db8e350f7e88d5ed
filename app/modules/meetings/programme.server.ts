/**
 * The printable programme of a meeting in one working language, whatever the interface's: every text
 * (labels, dates, titles) is prepared here in that language, so the page only lays it out.
 */
import { translator } from '~/i18n/catalogue.server'
import { formatDate, type Lang } from '~/i18n/core'
import { agendaByDay } from './agenda-days'
import { meetingDays } from './agenda-dates.server'
import { listAgenda } from './agenda.server'
import { localized, type VisibleMeeting } from './meetings.server'

export function meetingProgramme(meeting: VisibleMeeting, lang: Lang) {
  const { row } = meeting
  const { t } = translator(lang)
  const tz = row.timeZone
  const days = meetingDays(row)
  const multiDay = days.first !== days.last
  const agenda = listAgenda(row.id, lang)
  const sameDay = days.first === days.last
  const when = `${formatDate(lang, row.startsAt, 'long', tz)}${
    sameDay ? '' : ` – ${formatDate(lang, row.endsAt, 'long', tz)}`
  } (${tz})`
  return {
    id: row.id,
    lang,
    heading: t('meetingsRun.programmeTitle'),
    title: localized(lang, row.titleEs, row.titleEn),
    theme: localized(lang, row.themeEs, row.themeEn) || null,
    when,
    place: row.place ?? (row.onlineUrl ? t('meetings.online') : null),
    days: (multiDay ? agendaByDay(agenda, tz, days.first) : [{ date: null, n: null, items: agenda }]).map(
      (day, i) => ({
        key: day.date ?? `none-${i}`,
        heading:
          multiDay && day.date
            ? t('meetingsRun.day', {
                n: day.n ?? 1,
                date: formatDate(lang, `${day.date}T12:00:00Z`, 'long', 'UTC'),
              })
            : null,
        items: day.items.map((item) => ({
          id: item.id,
          number: item.number,
          depth: item.depth,
          title: item.title,
          time: item.startsAt ? formatDate(lang, item.startsAt, 'time', tz) : '',
          presenter: item.presenter ? t('meetingsRun.presenter', { name: item.presenter }) : null,
        })),
      }),
    ),
  }
}
