/**
 * The scheduled check's events (registration deadline near, round deadline near, embargo lifted), with a
 * fake clock: each fires once, also across a restart (the database reopened), again only when its moment
 * is moved; the round's notices follow the round page's own rule; a new translation notifies.
 */
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { databaseFile, db, switchDatabaseFile } from '@db/client'
import {
  documents,
  groups,
  meetingInvitations,
  meetings,
  notifications,
  organizations,
  plans,
} from '@db/schema'
import { receiveFile } from '~/modules/documents/storage.server'
import { addTranslation, createDocument } from '~/modules/documents/writes.server'
import { utcToZoned } from '~/modules/meetings/time'
import { audienceOf } from '~/modules/notifications/audience.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { runTimedNotifications } from '~/modules/notifications/timed.server'
import { openRound } from '~/modules/plans/rounds.server'
import { minimalPdf } from './documents-fixtures'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const SNM = 'pa.snm@rcm.example'
const IOM = 'iom@rcm.example'
const UNHCR = 'unhcr@rcm.example'
const MX = 'mx.delegate@rcm.example'
const CHAIR = 'pa.minseg@rcm.example'
const PA_FOCAL = 'pa.focal@rcm.example'

const notesOf = (email: string, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, personByEmail(email).id))
    .all()
    .filter((n) => n.kind === kind)
const dispatchAll = () => {
  while (dispatchNotifications({ limit: 500 }) > 0);
}
/** a restart: the connection closed and the same file opened again (nothing kept in memory) */
const restart = () => switchDatabaseFile(databaseFile())

beforeEach(() => {
  freshDemoDb()
  db.delete(notifications).run()
})
afterEach(() => {
  vi.useRealTimers()
})

async function pdf(title: string) {
  async function* bytes() {
    yield minimalPdf(title)
  }
  return receiveFile(bytes(), 'doc.pdf')
}

describe('meeting registration deadline near', () => {
  function meeting(deadline: Date) {
    return db.transaction((tx) => {
      const { id } = tx
        .insert(meetings)
        .values({
          kind: 'workshop',
          titleEs: 'Taller de inscripción',
          titleEn: 'Registration workshop',
          startsAt: new Date(deadline.getTime() + 10 * DAY),
          endsAt: new Date(deadline.getTime() + 11 * DAY),
          registrationDeadline: deadline,
        })
        .returning({ id: meetings.id })
        .get()
      const mx = tx.select().from(organizations).where(eq(organizations.code, 'MX')).get()!
      tx.insert(meetingInvitations).values({ meetingId: id, organizationId: mx.id }).run()
      return id
    })
  }

  it('fires once within 72 hours of the deadline, also across a restart; again when the deadline moves', () => {
    const t0 = new Date()
    const id = meeting(new Date(t0.getTime() + 5 * DAY))
    // five days before: not yet
    expect(runTimedNotifications(t0).registration).toBe(0)
    // the fake clock moves on: 2.5 days before
    const t1 = new Date(t0.getTime() + 2.5 * DAY)
    expect(runTimedNotifications(t1).registration).toBe(1)
    expect(runTimedNotifications(t1).registration).toBe(0)
    restart()
    expect(runTimedNotifications(new Date(t1.getTime() + HOUR)).registration).toBe(0)
    dispatchAll()
    expect(notesOf(MX, 'meeting_registration_near')).toHaveLength(1)
    expect(notesOf(UNHCR, 'meeting_registration_near')).toHaveLength(0)
    // postponed by a week: a new deadline, told again when it is near
    db.update(meetings)
      .set({ registrationDeadline: new Date(t0.getTime() + 12 * DAY) })
      .where(eq(meetings.id, id))
      .run()
    expect(runTimedNotifications(t1).registration).toBe(0)
    expect(runTimedNotifications(new Date(t0.getTime() + 10 * DAY)).registration).toBe(1)
    // cancelled: nothing
    const other = meeting(new Date(t0.getTime() + DAY))
    db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, other)).run()
    expect(runTimedNotifications(t0).registration).toBe(0)
  })
})

describe('document embargo lifted', () => {
  it('fires once when the embargo ends, told to the group members who may now see it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = new Date()
    vi.setSystemTime(t0)
    const planGroup = db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!
    const { id } = await createDocument(
      viewerFor(IOM),
      {
        title: 'Informe embargado',
        kind: 'report',
        language: 'es',
        visibility: 'group',
        group: planGroup.slug,
      },
      await pdf('Informe embargado'),
    )
    db.update(documents)
      .set({ embargoUntil: new Date(t0.getTime() + 2 * HOUR) })
      .where(eq(documents.id, id))
      .run()
    dispatchAll()
    db.delete(notifications).run()
    expect(runTimedNotifications(t0).embargoes).toBe(0)
    // the clock passes the embargo's end
    const t1 = new Date(t0.getTime() + 3 * HOUR)
    vi.setSystemTime(t1)
    expect(runTimedNotifications(t1).embargoes).toBe(1)
    restart()
    expect(runTimedNotifications(new Date(t1.getTime() + HOUR)).embargoes).toBe(0)
    dispatchAll()
    expect(notesOf(SNM, 'document_embargo_lifted')).toHaveLength(1)
    expect(notesOf(UNHCR, 'document_embargo_lifted')).toHaveLength(0)
    // an embargo that ended long before (an old install): not told
    db.update(documents)
      .set({ embargoUntil: new Date(t0.getTime() - 30 * DAY) })
      .where(eq(documents.id, id))
      .run()
    expect(runTimedNotifications(t1).embargoes).toBe(0)
  })

  it('a new translation tells the group members, not the translator, not outsiders', async () => {
    const planGroup = db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!
    const { id } = await createDocument(
      viewerFor(IOM),
      { title: 'Hoja de ruta', kind: 'report', language: 'es', visibility: 'group', group: planGroup.slug },
      await pdf('Hoja de ruta'),
    )
    dispatchAll()
    await addTranslation(viewerFor(IOM), id, { version: 1, language: 'en' }, await pdf('Road map'))
    dispatchAll()
    expect(notesOf(SNM, 'document_translation')).toHaveLength(1)
    expect(notesOf(IOM, 'document_translation')).toHaveLength(0)
    expect(notesOf(UNHCR, 'document_translation')).toHaveLength(0)
  })
})

describe('consultation round', () => {
  const planId = () => {
    const group = db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!
    return db.select().from(plans).where(eq(plans.groupId, group.id)).get()!.id
  }

  it('opened and deadline near: told by the round page’s rule (a state’s focal point for its institution)', () => {
    const id = planId()
    const t0 = new Date()
    const deadline = new Date(t0.getTime() + 4 * DAY)
    const { number } = openRound(
      viewerFor(CHAIR),
      id,
      {
        note: 'Ronda breve',
        deadline: utcToZoned(deadline, 'America/Panama'),
        scope: 'whole',
        sections: [],
        organizations: ['PA-SNM'],
      },
      t0,
    )
    dispatchAll()
    // SNM is a national institution of Panama: Panama's focal point submits for it and sees the round
    expect(notesOf(PA_FOCAL, 'round_opened')).toHaveLength(1)
    expect(notesOf(UNHCR, 'round_opened')).toHaveLength(0)
    expect(runTimedNotifications(t0).rounds).toBe(0)
    const t1 = new Date(t0.getTime() + 3 * DAY)
    expect(runTimedNotifications(t1).rounds).toBe(1)
    restart()
    expect(runTimedNotifications(t1).rounds).toBe(0)
    dispatchAll()
    const near = notesOf(PA_FOCAL, 'round_deadline_near')
    expect(near).toHaveLength(1)
    expect(JSON.parse(near[0].params).path).toBe(`/plans/${id}/rounds/${number}`)
    expect(notesOf(SNM, 'round_deadline_near')).toHaveLength(1) // in the plan's group
    expect(notesOf(UNHCR, 'round_deadline_near')).toHaveLength(0)

    // the rule itself: Panama consulted, an outsider may not see it
    db.transaction((tx) => {
      const pa = tx.select().from(organizations).where(eq(organizations.code, 'PA')).get()!
      const audience = audienceOf(tx, 'plan', id, {
        organizationIds: pa.id,
        roundNumber: number,
        path: `/plans/${id}/rounds/${number}`,
      })!
      expect(audience.visibleTo(viewerFor(PA_FOCAL))).toBe(true)
      expect(audience.visibleTo(viewerFor(UNHCR))).toBe(false)
    })
  })
})
