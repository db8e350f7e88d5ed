// Time zones as people say them: "hora de Panamá (UTC−5)" / "Panama time (UTC−5)", never
// `America/Panama`. The member countries', observers' and the seats' zones have their place's name in
// both languages; any other zone is named after its city (from the IANA name), and its offset comes
// from Intl at the given instant (so daylight saving time shows as it is then).
import type { Lang } from './core'

/** The place each zone is named after, in Spanish and English. */
const PLACES: Record<string, { es: string; en: string }> = {
  'America/Belize': { es: 'Belice', en: 'Belize' },
  'America/Costa_Rica': { es: 'Costa Rica', en: 'Costa Rica' },
  'America/El_Salvador': { es: 'El Salvador', en: 'El Salvador' },
  'America/Guatemala': { es: 'Guatemala', en: 'Guatemala' },
  'America/Tegucigalpa': { es: 'Honduras', en: 'Honduras' },
  'America/Mexico_City': { es: 'Ciudad de México', en: 'Mexico City' },
  'America/Managua': { es: 'Nicaragua', en: 'Nicaragua' },
  'America/Panama': { es: 'Panamá', en: 'Panama' },
  'America/Santo_Domingo': { es: 'República Dominicana', en: 'Dominican Republic' },
  'America/Toronto': { es: 'Ottawa', en: 'Ottawa' },
  'America/New_York': { es: 'Washington', en: 'Washington' },
  'America/Bogota': { es: 'Colombia', en: 'Colombia' },
  'America/Lima': { es: 'Perú', en: 'Peru' },
  'America/Argentina/Buenos_Aires': { es: 'Argentina', en: 'Argentina' },
  'America/Jamaica': { es: 'Jamaica', en: 'Jamaica' },
  'America/Guayaquil': { es: 'Ecuador', en: 'Ecuador' },
  'Europe/Geneva': { es: 'Ginebra', en: 'Geneva' },
  'Europe/Zurich': { es: 'Ginebra', en: 'Geneva' },
}

const offsetFormats = new Map<string, Intl.DateTimeFormat | null>()

/** "UTC−5", "UTC+5:30", "UTC" for the zone at the instant (null for a zone Intl does not know). */
export function utcOffset(zone: string, at: Date = new Date()): string | null {
  let f = offsetFormats.get(zone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    } catch {
      f = null
    }
    offsetFormats.set(zone, f)
  }
  if (!f) return null
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? ''
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name)
  if (!m) return null
  if (!m[1]) return 'UTC'
  // the true minus sign, as in print ("UTC−5")
  return `UTC${m[1] === '-' ? '−' : '+'}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`
}

/** The place of a zone not in the list: the city of its IANA name ("America/Port_of_Spain" -> "Port of
 * Spain"). */
function placeOf(zone: string): string {
  const city = zone.split('/').pop() ?? zone
  return city.replace(/_/g, ' ')
}

/** "hora de Panamá (UTC−5)" / "Panama time (UTC−5)"; "UTC" for UTC itself. */
export function zoneName(lang: Lang, zone: string, at: Date = new Date()): string {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') return 'UTC'
  const place = PLACES[zone]?.[lang] ?? placeOf(zone)
  const offset = utcOffset(zone, at) ?? (zone === 'Europe/Geneva' ? utcOffset('Europe/Zurich', at) : null)
  const name = lang === 'es' ? `hora de ${place}` : `${place} time`
  return offset ? `${name} (${offset})` : name
}
