/**
 * iCalendar output, parsed back: CRLF line endings, folding at 75 octets (never inside a UTF-8
 * sequence), escaping of TEXT values, UTC times; the public calendar, one meeting and the personal feed.
 */
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { meetings, people } from '@db/schema'
import { createFeedToken, publicCalendar, revokeFeedTokens } from '~/modules/meetings/calendar.server'
import {
  buildCalendar,
  foldLine,
  parseCalendar,
  parseUtcDateTime,
  unescapeText,
} from '~/modules/meetings/ical.server'
import * as publicRoute from '~/routes/calendar[.]ics'
import * as feedRoute from '~/routes/calendar.feed.$token[.]ics'
import * as meetingIcsRoute from '~/routes/meetings.$id[.]ics'
import * as listPage from '~/routes/meetings._index'
import { resetEnvCache } from '~/env.server'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { meetingByNumber } from './helpers/demo'

const octets = (s: string) => new TextEncoder().encode(s).length

/** Every physical line: CRLF-terminated, at most 75 octets, no bare CR or LF. */
function expectWellFormed(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  for (const line of text.split('\r\n').slice(0, -1)) {
    expect(octets(line), line).toBeLessThanOrEqual(75)
    expect(line.length).toBeGreaterThan(0)
  }
}

beforeEach(() => {
  freshDemoDb()
})

describe('buildCalendar', () => {
  const title =
    'XXVIII Reunión Viceministerial de la Conferencia Regional sobre Migración — «Migración: el desafío regional del siglo XXI»'
  const description = 'Línea uno; con punto y coma, y comas\nLínea dos \\ con barra'
  const text = buildCalendar(
    [
      {
        uid: 'abc123@portal.example',
        title,
        start: new Date('2023-12-06T14:00:00Z'),
        end: new Date('2023-12-07T19:00:00Z'),
        description,
        location: 'Ciudad de Panamá, Panamá',
        url: 'https://portal.example/meetings/abc123',
        status: 'CONFIRMED',
      },
    ],
    { name: 'Reuniones de la CRM' },
  )

  it('writes CRLF lines folded at 75 octets', () => {
    expectWellFormed(text)
    // the long, accented title had to be folded, and continuation lines start with one space
    const raw = text.split('\r\n')
    const summaryAt = raw.findIndex((l) => l.startsWith('SUMMARY:'))
    expect(raw[summaryAt + 1].startsWith(' ')).toBe(true)
  })

  it('reads back the same event: escaped text, UTC times, the calendar header', () => {
    const { calendar, events, get } = parseCalendar(text)
    expect(get(calendar, 'VERSION')).toBe('2.0')
    expect(get(calendar, 'PRODID')).toBeTruthy()
    expect(get(calendar, 'METHOD')).toBe('PUBLISH')
    expect(events).toHaveLength(1)
    const [event] = events
    expect(get(event, 'UID')).toBe('abc123@portal.example')
    expect(unescapeText(get(event, 'SUMMARY')!)).toBe(title)
    expect(get(event, 'DESCRIPTION')).toContain('\\;')
    expect(get(event, 'DESCRIPTION')).toContain('\\,')
    expect(get(event, 'DESCRIPTION')).toContain('\\n')
    expect(unescapeText(get(event, 'DESCRIPTION')!)).toBe(description)
    expect(unescapeText(get(event, 'LOCATION')!)).toBe('Ciudad de Panamá, Panamá')
    expect(get(event, 'DTSTART')).toBe('20231206T140000Z')
    expect(parseUtcDateTime(get(event, 'DTEND')!).toISOString()).toBe('2023-12-07T19:00:00.000Z')
    expect(get(event, 'STATUS')).toBe('CONFIRMED')
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  it('never splits a multi-byte character when folding', () => {
    const line = `SUMMARY:${'€'.repeat(60)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75)
      expect(part).not.toContain('\uFFFD')
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('writes an empty calendar when there is nothing to show', () => {
    const empty = buildCalendar([], { name: 'x' })
    expectWellFormed(empty)
    expect(parseCalendar(empty).events).toHaveLength(0)
  })
})

describe('calendars of the demo meetings', () => {
  it('/calendar.ics: public, text/calendar, the open meetings only', async () => {
    const r = await run(publicRoute.loader, '/calendar.ics')
    expect(r.status).toBe(200)
    expect(r.headers.get('Content-Type')).toMatch(/^text\/calendar/)
    expectWellFormed(r.body)
    const { events, get } = parseCalendar(r.body)
    expect(events.length).toBeGreaterThanOrEqual(3)
    const hidden = db.select().from(meetings).where(eq(meetings.openness, 'members_only')).all()
    expect(hidden.length).toBeGreaterThan(0)
    for (const m of hidden) expect(r.body).not.toContain(m.id)
    // no online links in the public calendar
    for (const e of events) expect(get(e, 'DESCRIPTION') ?? '').not.toContain('meet.rcm.example')
    expect(publicCalendar('http://localhost:3000', 'es')).toContain('BEGIN:VEVENT')
  })

  it('/calendar.ics (cached publicly) writes links with the public origin, never the Host of the request', async () => {
    const saved = process.env.APP_ORIGIN
    delete process.env.APP_ORIGIN
    resetEnvCache()
    try {
      const r = await run(publicRoute.loader, 'http://evil.example/calendar.ics')
      expect(r.status).toBe(200)
      expect(r.body).not.toContain('evil.example')
      expect(r.body).toContain('URL:http://localhost:')
    } finally {
      if (saved !== undefined) process.env.APP_ORIGIN = saved
      resetEnvCache()
    }
  })

  it('/meetings/:id.ics: the XXVIII meeting in UTC; a members-only one is 404 for an observer and the public', async () => {
    const xxviii = meetingByNumber('vice_ministerial', 'XXVIII')
    const r = await run(
      meetingIcsRoute.loader,
      `/meetings/${xxviii.id}.ics`,
      { as: 'secretariat@rcm.example' },
      { id: xxviii.id },
    )
    expect(r.status).toBe(200)
    const { events, get } = parseCalendar(r.body)
    expect(events).toHaveLength(1)
    expect(get(events[0], 'UID')).toBe(`${xxviii.id}@localhost`)
    expect(parseUtcDateTime(get(events[0], 'DTSTART')!).getTime()).toBe(xxviii.startsAt.getTime())
    // 09:00 in Panama (UTC-5) is 14:00 UTC
    expect(get(events[0], 'DTSTART')).toBe('20231206T140000Z')

    const hidden = db.select().from(meetings).where(eq(meetings.openness, 'members_only')).get()!
    const asObserver = await run(
      meetingIcsRoute.loader,
      `/meetings/${hidden.id}.ics`,
      { as: 'co.observer@rcm.example' },
      { id: hidden.id },
    )
    expect(asObserver.status).toBe(404)
    const anonymous = await run(meetingIcsRoute.loader, `/meetings/${hidden.id}.ics`, {}, { id: hidden.id })
    expect(anonymous.status).toBe(404)
    const member = await run(
      meetingIcsRoute.loader,
      `/meetings/${hidden.id}.ics`,
      { as: 'mx.delegate@rcm.example' },
      { id: hidden.id },
    )
    expect(member.status).toBe(200)
  })

  it('personal feed: what the owner may see, under a revocable token stored hashed', async () => {
    const member = viewerFor('mx.delegate@rcm.example')
    const { token } = createFeedToken(member)
    const hidden = db.select().from(meetings).where(eq(meetings.openness, 'members_only')).get()!
    const r = await run(feedRoute.loader, `/calendar/feed/${token}.ics`, {}, { token })
    expect(r.status).toBe(200)
    expectWellFormed(r.body)
    expect(r.body).toContain(hidden.id)
    expect(r.headers.get('Cache-Control')).toMatch(/no-store/)
    // the token itself is not in the database
    expect(JSON.stringify(db.select().from(meetings).all())).not.toContain(token)

    const observer = viewerFor('co.observer@rcm.example')
    const o = createFeedToken(observer)
    const ro = await run(feedRoute.loader, `/calendar/feed/${o.token}.ics`, {}, { token: o.token })
    expect(ro.status).toBe(200)
    expect(ro.body).not.toContain(hidden.id)

    // a new link replaces the old one; revoking ends the feed
    const second = createFeedToken(member)
    expect((await run(feedRoute.loader, '/', {}, { token })).status).toBe(404)
    expect((await run(feedRoute.loader, '/', {}, { token: second.token })).status).toBe(200)
    revokeFeedTokens(member)
    expect((await run(feedRoute.loader, '/', {}, { token: second.token })).status).toBe(404)
    expect((await run(feedRoute.loader, '/', {}, { token: 'cal_unknown' })).status).toBe(404)

    // a disabled person's feed stops at once
    const third = createFeedToken(member)
    db.update(people).set({ status: 'disabled' }).where(eq(people.id, member.id)).run()
    expect((await run(feedRoute.loader, '/', {}, { token: third.token })).status).toBe(404)
  })

  it('/meetings: the feed address is made (shown once) and revoked with plain form posts', async () => {
    const made = await run(listPage.action, '/meetings', {
      as: 'pa.focal@rcm.example',
      form: { intent: 'createFeed' },
    })
    expect(made.status).toBe(200)
    const url = (made.data as { feedUrl: string }).feedUrl
    expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\/feed\/cal_[a-z2-7]+\.ics$/)
    const token = url
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
    expect((await run(feedRoute.loader, url, {}, { token })).status).toBe(200)
    const page = (await run(listPage.loader, '/meetings', { as: 'pa.focal@rcm.example' })).data as {
      feed: unknown
    }
    expect(page.feed).not.toBeNull()
    expect(JSON.stringify(page)).not.toContain(token)
    const revoked = await run(listPage.action, '/meetings', {
      as: 'pa.focal@rcm.example',
      form: { intent: 'revokeFeed' },
    })
    expect(revoked.status).toBe(302)
    expect((await run(feedRoute.loader, url, {}, { token })).status).toBe(404)
  })
})
