// Time zones as people say them (issue 14): the place in the person's language and the offset then.
import { describe, expect, it } from 'vitest'
import { translator } from '~/i18n/catalogue.server'
import { zoneChoice, zoneLabel, zoneOffset } from '~/i18n/zones'
import { TIME_ZONES } from '~/modules/meetings/time'

const es = translator('es')
const en = translator('en')

describe('zone names', () => {
  it('names the zone by its place and offset, in each language, never by its IANA name', () => {
    expect(zoneLabel(es, 'America/Panama')).toBe('hora de Panamá (UTC−5)')
    expect(zoneLabel(en, 'America/Panama')).toBe('Panama time (UTC−5)')
    expect(zoneLabel(es, 'America/Mexico_City')).toBe('hora de Ciudad de México (UTC−6)')
    expect(zoneLabel(en, 'America/Costa_Rica')).toBe('Costa Rica time (UTC−6)')
    expect(zoneLabel(en, 'UTC')).toBe('Coordinated Universal Time (UTC)')
    for (const z of TIME_ZONES)
      for (const tr of [es, en]) {
        const name = zoneLabel(tr, z)
        expect(name, z).not.toMatch(/\/|_|zones\./)
        if (z !== 'UTC') expect(name, z).toMatch(/\(UTC[−+]\d+(:\d\d)?\)$/)
      }
  })

  it('follows daylight saving time at the instant given', () => {
    expect(zoneLabel(en, 'America/Toronto', new Date('2026-01-15T12:00Z'))).toBe('Ottawa time (UTC−5)')
    expect(zoneLabel(en, 'America/Toronto', new Date('2026-07-15T12:00Z'))).toBe('Ottawa time (UTC−4)')
    expect(zoneLabel(es, 'Europe/Geneva', new Date('2026-07-15T12:00Z'))).toBe('hora de Ginebra (UTC+2)')
  })

  it('falls back to the city of a zone it does not list, and to no offset for an unknown zone', () => {
    expect(zoneLabel(en, 'Asia/Kolkata')).toBe('Kolkata time (UTC+5:30)')
    expect(zoneLabel(es, 'America/Port_of_Spain')).toBe('hora de Port of Spain (UTC−4)')
    expect(zoneOffset('Not/A_Zone')).toBeNull()
    expect(zoneLabel(en, 'Not/A_Zone')).toBe('A Zone time')
  })

  it('capitalizes a zone standing alone as a choice', () => {
    expect(zoneChoice(es, 'America/Panama')).toBe('Hora de Panamá (UTC−5)')
    expect(zoneChoice(en, 'America/Panama')).toBe('Panama time (UTC−5)')
  })
})
