// Time zones as people say them (issue 14): the place in the person's language and the offset then.
import { describe, expect, it } from 'vitest'
import { translator } from '~/i18n/catalogue.server'
import { utcOffset, zoneName } from '~/i18n/zones'
import { TIME_ZONES } from '~/modules/meetings/time'

describe('zone names', () => {
  it('names the zone by its place and offset, in each language, never by its IANA name', () => {
    expect(zoneName('es', 'America/Panama')).toBe('hora de Panamá (UTC−5)')
    expect(zoneName('en', 'America/Panama')).toBe('Panama time (UTC−5)')
    expect(zoneName('es', 'America/Mexico_City')).toBe('hora de Ciudad de México (UTC−6)')
    expect(zoneName('en', 'UTC')).toBe('UTC')
    expect(translator('en').zone('America/Costa_Rica')).toBe('Costa Rica time (UTC−6)')
    for (const z of TIME_ZONES)
      for (const lang of ['es', 'en'] as const) {
        const name = zoneName(lang, z)
        expect(name, z).not.toMatch(/\/|_/)
        if (z !== 'UTC') expect(name, z).toMatch(/\(UTC[−+]\d+(:\d\d)?\)$/)
      }
  })

  it('follows daylight saving time at the instant given', () => {
    expect(zoneName('en', 'America/Toronto', new Date('2026-01-15T12:00Z'))).toBe('Ottawa time (UTC−5)')
    expect(zoneName('en', 'America/Toronto', new Date('2026-07-15T12:00Z'))).toBe('Ottawa time (UTC−4)')
  })

  it('falls back to the city of a zone it does not list, and to no offset for an unknown zone', () => {
    expect(zoneName('en', 'Asia/Kolkata')).toBe('Kolkata time (UTC+5:30)')
    expect(zoneName('es', 'America/Port_of_Spain')).toBe('hora de Port of Spain (UTC−4)')
    expect(utcOffset('Not/A_Zone')).toBeNull()
    expect(zoneName('en', 'Not/A_Zone')).toBe('A Zone time')
  })
})
