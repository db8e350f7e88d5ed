// Time-zone labels (client-safe): "Hora de Ciudad de México (UTC−6)" for a field's label or a shown time.
// The offset is the zone's at the moment meant (now for an empty field), so a zone with daylight saving
// time shows the one that applies.
import type { MessageKey, Translator } from './index'

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** `UTC−6`, `UTC+5:30`, `UTC` (a true minus sign, as typeset). */
export function zoneOffset(timeZone: string, at: Date | number = Date.now()): string {
  let f = offsetFormats.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    } catch {
      return timeZone // a name Intl does not know: shown as it is rather than breaking the page
    }
    offsetFormats.set(timeZone, f)
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name)
  if (!m) return 'UTC'
  return `UTC${m[1] === '-' ? '\u2212' : '+'}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`
}

/** The city a zone is named by: the catalogue's name, else the last part of its IANA name. */
function zoneCity(tr: Pick<Translator, 't'>, timeZone: string): string {
  const key = `zones.city.${timeZone}` as MessageKey
  const name = tr.t(key)
  return name === key ? (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ') : name
}

/** "Hora de Ciudad de México (UTC−6)" / "Mexico City time (UTC−6)"; UTC is named as such. */
export function zoneLabel(tr: Pick<Translator, 't'>, timeZone: string, at?: Date | number | null): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return tr.t('zones.utc')
  return tr.t('zones.label', { city: zoneCity(tr, timeZone), offset: zoneOffset(timeZone, at ?? Date.now()) })
}

/** An instant as date and time in a zone, with the zone named: "4 dic 2026, 10:00 (Hora de … (UTC−6))". */
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

/** A field's label with the zone its time is in: "Inicio · Hora de Panamá (UTC−5)". */
export function withZone(
  tr: Pick<Translator, 't'>,
  label: string,
  timeZone: string,
  at?: Date | number | null,
) {
  return tr.t('zones.field', { label, zone: zoneLabel(tr, timeZone, at) })
}
