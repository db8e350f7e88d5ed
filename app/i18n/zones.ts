// Time zones as people say them (client-safe): "hora de Panamá (UTC−5)" / "Panama time (UTC−5)", never
// `America/Panama`, for a field's label or a shown time. The place is the catalogue's (zones.place.*: the
// country for a member or observer with one zone, else the city), any other zone is named after the city
// of its IANA name. The offset is the zone's at the moment meant (now for an empty field), so a zone with
// daylight saving time shows the one that applies.
import type { MessageKey, Translator } from './index'

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** `UTC−6`, `UTC+5:30`, `UTC` (a true minus sign, as typeset); null for a zone Intl does not know. */
export function zoneOffset(timeZone: string, at: Date | number = Date.now()): string | null {
  let f = offsetFormats.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    } catch {
      // Geneva's old name, which some ICU builds lack, keeps Zurich's clock; any other is named without
      return timeZone === 'Europe/Geneva' ? zoneOffset('Europe/Zurich', at) : null
    }
    offsetFormats.set(timeZone, f)
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name)
  if (!m) return 'UTC'
  return `UTC${m[1] === '-' ? '\u2212' : '+'}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`
}

/** The place a zone is named by: the catalogue's name, else the city of its IANA name
 * ("America/Port_of_Spain" -> "Port of Spain"). */
function zonePlace(tr: Pick<Translator, 't'>, timeZone: string): string {
  const key = `zones.place.${timeZone}` as MessageKey
  const name = tr.t(key)
  return name === key ? (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ') : name
}

/** "hora de Panamá (UTC−5)" / "Panama time (UTC−5)"; UTC is named as such. */
export function zoneLabel(tr: Pick<Translator, 't'>, timeZone: string, at?: Date | number | null): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return tr.t('zones.utc')
  const place = zonePlace(tr, timeZone)
  const offset = zoneOffset(timeZone, at ?? Date.now())
  return offset ? tr.t('zones.label', { place, offset }) : tr.t('zones.labelPlace', { place })
}

/** An instant as date and time in a zone, with the zone named: "4 dic 2026, 10:00 (hora de Costa Rica (UTC−6))". */
export function zonedDateTime(
  tr: Pick<Translator, 't' | 'date'>,
  value: Date | string | number | null | undefined,
  timeZone: string,
): string {
  if (value === null || value === undefined || value === '') return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  return tr.t('zones.at', { when: tr.date(d, 'datetime', timeZone), zone: zoneLabel(tr, timeZone, d) })
}

/** A field's label with the zone its time is in: "Inicio · hora de Panamá (UTC−5)". */
export function withZone(
  tr: Pick<Translator, 't'>,
  label: string,
  timeZone: string,
  at?: Date | number | null,
) {
  return tr.t('zones.field', { label, zone: zoneLabel(tr, timeZone, at) })
}

/** A zone standing alone, as a choice in a list: "Hora de Panamá (UTC−5)" (the sentence's capital). */
export function zoneChoice(tr: Pick<Translator, 't'>, timeZone: string): string {
  const label = zoneLabel(tr, timeZone)
  return label.charAt(0).toLocaleUpperCase() + label.slice(1)
}
