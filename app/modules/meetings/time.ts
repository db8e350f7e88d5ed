// Wall-clock times in a meeting's time zone <-> UTC instants, with Intl only (client-safe). Forms use
// `datetime-local` values (YYYY-MM-DDTHH:mm) meant in the meeting's zone; the database stores UTC.

/** The zones the meeting form offers: the member states' capitals, then UTC. */
export const TIME_ZONES = [
  'America/Belize',
  'America/Costa_Rica',
  'America/El_Salvador',
  'America/Guatemala',
  'America/Tegucigalpa',
  'America/Mexico_City',
  'America/Managua',
  'America/Panama',
  'America/Santo_Domingo',
  'America/Toronto',
  'America/New_York',
  'America/Bogota',
  'America/Lima',
  'America/Argentina/Buenos_Aires',
  'America/Jamaica',
  'America/Guayaquil',
  // Geneva keeps Zurich's time: tzdata has no Europe/Geneva, and Intl refuses it
  'Europe/Zurich',
  'UTC',
] as const
export type TimeZone = (typeof TIME_ZONES)[number]

export const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** `2023-12-05T09:00` in America/Panama -> the UTC instant. Null for a malformed value. */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  if (!LOCAL_DATETIME.test(local)) return null
  const [date, time] = local.split('T')
  const [y, mo, d] = date.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  const guess = Date.UTC(y, mo - 1, d, h, mi)
  if (Number.isNaN(guess)) return null
  const check = new Date(guess)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  // Two passes settle the offset across a daylight-saving change.
  let utc = guess - offsetAt(guess, timeZone)
  const second = guess - offsetAt(utc, timeZone)
  if (second !== utc) utc = second
  return new Date(utc)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The UTC instant as a `datetime-local` value in the zone. */
export function utcToZoned(value: Date | number, timeZone: string): string {
  const w = wallClock(typeof value === 'number' ? value : value.getTime(), timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/** YYYY-MM-DD of the instant in the zone. */
export function zonedDate(value: Date | number, timeZone: string): string {
  return utcToZoned(value, timeZone).slice(0, 10)
}
