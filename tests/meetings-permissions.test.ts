/**
 * Meetings and minutes permissions on the demo data: the SQL form of meeting visibility
 * (meetings-visibility.server.ts) agrees with can('meeting.view') for every demo account and meeting,
 * and the minutes' rights follow the adoption cycle for every role. The per-role expectations of each
 * action, written out by hand, are in tests/access-matrix.test.ts.
 */
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { meetings, minutes } from '@db/schema'
import { can } from '~/modules/access/can'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { findVisibleMeeting, invitedOrganizationIds, meetingRef } from '~/modules/meetings/meetings.server'
import { minutesPage, minutesRef } from '~/modules/meetings/minutes.server'
import { freshDemoDb, viewerFor } from './helpers/db'
import { meetingByNumber, meetingByTitle } from './helpers/demo'

const ACCOUNTS = [
  'secretariat@rcm.example',
  'pa.focal@rcm.example',
  'pa.snm@rcm.example',
  'mx.delegate@rcm.example',
  'co.observer@rcm.example',
  'iom@rcm.example',
  'unhcr@rcm.example',
  'rrocm.focal@rcm.example',
]

beforeEach(() => {
  freshDemoDb()
})

describe('meeting visibility: SQL and can() agree', () => {
  it('for every demo account and every demo meeting', () => {
    const all = db.select().from(meetings).all()
    expect(all.some((m) => m.openness === 'members_only')).toBe(true)
    for (const email of ACCOUNTS) {
      const viewer = viewerFor(email)
      const bySql = new Set(
        db
          .select({ id: meetings.id })
          .from(meetings)
          .where(visibleMeetingsWhere(viewer))
          .all()
          .map((r) => r.id),
      )
      for (const m of all) {
        const byRule = can(viewer, 'meeting.view', meetingRef(m, invitedOrganizationIds(m.id)))
        expect(bySql.has(m.id), `${email} / ${m.titleEn}`).toBe(byRule)
        expect(findVisibleMeeting(viewer, m.id) !== null).toBe(byRule)
      }
    }
    // and the signed-out see none
    expect(db.select().from(meetings).where(visibleMeetingsWhere(null)).all()).toEqual([])
  })

  it('observers see fewer meetings than member states, who see as many as the secretariat', () => {
    const count = (email: string) =>
      db
        .select()
        .from(meetings)
        .where(visibleMeetingsWhere(viewerFor(email)))
        .all().length
    const all = db.select().from(meetings).all().length
    expect(count('secretariat@rcm.example')).toBe(all)
    expect(count('mx.delegate@rcm.example')).toBe(all)
    expect(count('co.observer@rcm.example')).toBeLessThan(all)
    expect(count('iom@rcm.example')).toBe(count('co.observer@rcm.example'))
  })
})

describe('minutes rights through the cycle, on the demo meetings', () => {
  function rightsOn(viewer: Viewer, meetingId: string) {
    const meeting = findVisibleMeeting(viewer, meetingId)!
    const page = minutesPage(viewer, meeting, 'en')
    return { page, first: page.items.find((i) => i.minutes?.revision || i.can.write)! }
  }

  it('adopted (XXVIII): everyone who sees the meeting reads them; only the secretariat adds errata; nobody writes', () => {
    const id = meetingByNumber('vice_ministerial', 'XXVIII').id
    for (const email of ACCOUNTS) {
      const viewer = viewerFor(email)
      const { page } = rightsOn(viewer, id)
      const adopted = page.items.filter((i) => i.minutes?.status === 'adopted')
      expect(adopted.length, email).toBeGreaterThan(0)
      for (const i of adopted) {
        expect(i.can.write).toBe(false)
        expect(i.can.comment).toBe(false)
        expect(i.can.addErratum).toBe(email === 'secretariat@rcm.example')
      }
      expect(page.can.adopt).toBe(false)
    }
  })

  it('circulated (recent working group): invited member states comment; the secretariat edits and adopts; an uninvited observer reads only', () => {
    const id = meetingByTitle('Working Group on Labour Migration').id
    const expectations: Record<string, { comment: boolean; write: boolean; adopt: boolean }> = {
      'secretariat@rcm.example': { comment: false, write: true, adopt: true },
      'pa.focal@rcm.example': { comment: true, write: false, adopt: false },
      'mx.delegate@rcm.example': { comment: true, write: false, adopt: false },
      'iom@rcm.example': { comment: true, write: false, adopt: false },
      'co.observer@rcm.example': { comment: false, write: false, adopt: false },
      'unhcr@rcm.example': { comment: false, write: false, adopt: false },
    }
    for (const [email, want] of Object.entries(expectations)) {
      const { page, first } = rightsOn(viewerFor(email), id)
      expect(first.minutes?.status, email).toBe('circulated')
      expect({ comment: first.can.comment, write: first.can.write, adopt: page.can.adopt }, email).toEqual(
        want,
      )
    }
  })

  it('drafts are the secretariat’s alone', () => {
    const m = meetingByTitle('Working Group on Labour Migration')
    db.update(minutes)
      .set({ status: 'draft', commentDeadline: null })
      .where(and(eq(minutes.meetingId, m.id)))
      .run()
    const row = db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get()!
    const ref = minutesRef(meetingRef(m, invitedOrganizationIds(m.id)), row)
    expect(can(viewerFor('secretariat@rcm.example'), 'minutes.view', ref)).toBe(true)
    expect(can(viewerFor('secretariat@rcm.example'), 'minutes.circulate', ref)).toBe(true)
    for (const email of ACCOUNTS.slice(1)) {
      expect(can(viewerFor(email), 'minutes.view', ref), email).toBe(false)
      const { page } = rightsOn(viewerFor(email), m.id)
      for (const i of page.items) expect(i.minutes, email).toBeNull()
    }
  })
})
