/**
 * iCalendar (RFC 5545) output behind one small function. The `ics` package builds the calendar
 * (escaping of TEXT values, UTC DATE-TIMEs, CRLF); its line folding counts characters, and RFC 5545
 * counts octets, so the lines are folded again here at 75 octets without splitting a UTF-8 sequence.
 * Times are UTC (`DTSTART:20231205T140000Z`), so no VTIMEZONE is needed; the meeting's own zone is
 * named in the description. parseCalendar reads it back (tests, and anyone checking a feed).
 */
import type * as icsType from 'ics'
import type { EventAttributes } from 'ics'
import { lazyPackage } from '~/modules/core/lazy-package.server'

/** loaded at the first calendar file, not with the build (core/lazy-package.server.ts) */
const ics = lazyPackage<typeof icsType>('ics')

export interface CalendarEvent {
  /** globally unique and stable: <meeting id>@<host> */
  uid: string
  title: string
  start: Date
  end: Date
  description?: string
  location?: string
  url?: string
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
  categories?: string[]
}

const PRODUCT_ID = '-//Regional Conference on Migration//RCM Portal//EN'
const CRLF = '\r\n'
const MAX_OCTETS = 75

/** Folds one content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  if (encoder.encode(line).length <= MAX_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let size = 0
  // the continuation lines' leading space counts towards their 75 octets
  let limit = MAX_OCTETS
  for (const char of line) {
    const octets = encoder.encode(char).length
    if (size + octets > limit) {
      parts.push(current)
      current = ''
      size = 0
      limit = MAX_OCTETS - 1
    }
    current += char
    size += octets
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** Undoes folding: a CRLF followed by a space or a tab joins the next line to the previous one. */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(CRLF)
    .filter((l, i, all) => l !== '' || i < all.length - 1)
}

/** The VCALENDAR text for the events (an empty calendar when there are none). */
export function buildCalendar(events: CalendarEvent[], { name }: { name: string }): string {
  const attributes: EventAttributes[] = events.map((e) => ({
    uid: e.uid,
    title: e.title,
    start: e.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Math.max(e.end.getTime(), e.start.getTime()),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(e.description ? { description: e.description } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(e.url ? { url: e.url } : {}),
    ...(e.status ? { status: e.status } : {}),
    ...(e.categories?.length ? { categories: e.categories } : {}),
  }))
  const { error, value } = ics().createEvents(attributes, {
    productId: PRODUCT_ID,
    method: 'PUBLISH',
    calName: name,
  })
  if (error || !value) throw error ?? new Error('iCalendar generation failed')
  return (
    unfold(value)
      .filter((l) => l !== '')
      .map(foldLine)
      .join(CRLF) + CRLF
  )
}

export interface ParsedProperty {
  name: string
  params: Record<string, string>
  value: string
}

/** Unescapes a TEXT value (RFC 5545 3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** A small reader: the properties of the calendar and of each VEVENT, values still escaped. */
export function parseCalendar(text: string) {
  const calendar: ParsedProperty[] = []
  const events: ParsedProperty[][] = []
  let event: ParsedProperty[] | null = null
  for (const line of unfold(text)) {
    if (line === '') continue
    const colon = line.indexOf(':')
    const [name, ...paramParts] = line.slice(0, colon).split(';')
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]))
    const property = { name: name.toUpperCase(), params, value: line.slice(colon + 1) }
    if (property.name === 'BEGIN' && property.value === 'VEVENT') event = []
    else if (property.name === 'END' && property.value === 'VEVENT') {
      if (event) events.push(event)
      event = null
    } else (event ?? calendar).push(property)
  }
  const get = (props: ParsedProperty[], name: string) => props.find((p) => p.name === name)?.value
  return { calendar, events, get }
}

/** A DATE-TIME in UTC form (20231205T140000Z) as a Date. */
export function parseUtcDateTime(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) throw new Error(`not a UTC DATE-TIME: ${value}`)
  const [, y, mo, d, h, mi, s] = m.map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}
