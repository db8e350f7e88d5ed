/**
 * Following from the record's own page: a meeting, a group, a plan or a document page carries a follow
 * button (a plain form to /account/notifications that comes back to the page, only to a path of this
 * site); a follower is told of the record's news, and of a followed group's meetings and plans, only
 * while they may see it, decided when each notification is made (an observer following a meeting that
 * became members-only is told nothing).
 */
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { follows, groups, meetings, notifications, plans } from '@db/schema'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { notify } from '~/modules/notifications/notify.server'
import { action as prefsAction } from '~/routes/account.notifications'
import { loader as documentLoader } from '~/routes/documents.$id'
import { loader as groupLoader } from '~/routes/groups.$slug'
import { loader as meetingLoader } from '~/routes/meetings.$id'
import { loader as planLoader } from '~/routes/plans.$id'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

const SECRETARIAT = 'secretariat@rcm.example'
const UNHCR = 'unhcr@rcm.example' // an organization, in no group, invited nowhere below
const SNM = 'pa.snm@rcm.example' // drafter in pa-smuggling-plan

const planGroup = () => db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!

function meeting(openness: 'open' | 'members_only', groupId: string | null = null) {
  return db
    .insert(meetings)
    .values({
      kind: 'workshop',
      titleEs: 'Taller seguido',
      titleEn: 'Followed workshop',
      startsAt: new Date(Date.now() + 30 * 86400000),
      endsAt: new Date(Date.now() + 31 * 86400000),
      openness,
      groupId,
    })
    .returning({ id: meetings.id })
    .get().id
}

function changed(id: string) {
  db.transaction((tx) =>
    notify(tx, {
      kind: 'meeting_changed',
      recordType: 'meeting',
      recordId: id,
      actorId: personByEmail(SECRETARIAT).id,
    }),
  )
  dispatchNotifications()
}

const notesOf = (email: string, kind?: string) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, personByEmail(email).id))
    .all()
    .filter((n) => !kind || n.kind === kind)

const press = (as: string, form: Record<string, string>) =>
  run(prefsAction, '/account/notifications', { method: 'POST', as, form })

beforeEach(() => {
  freshDemoDb()
  db.delete(notifications).run()
  db.delete(follows).run()
})

describe('the follow button on a record’s page', () => {
  it('a meeting: follow and unfollow from its page, back to the page, the button says which', async () => {
    const id = meeting('open')
    const page = async () =>
      (await run<Json>(meetingLoader, `/meetings/${id}`, { as: UNHCR }, { id })).data.follow?.following ??
      null
    expect(await page()).toBe(false)
    const r = await press(UNHCR, {
      intent: 'follow',
      recordType: 'meeting',
      recordId: id,
      back: `/meetings/${id}?lang=en`,
    })
    expect(r.status).toBe(302)
    expect(r.location).toBe(`/meetings/${id}?lang=en`)
    expect(await page()).toBe(true)
    await press(UNHCR, { intent: 'unfollow', recordType: 'meeting', recordId: id, back: `/meetings/${id}` })
    expect(await page()).toBe(false)
  })

  it('comes back only to a path of this site', async () => {
    const id = meeting('open')
    for (const back of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/./\\/evil']) {
      const r = await press(UNHCR, { intent: 'follow', recordType: 'meeting', recordId: id, back })
      expect(r.location, back).not.toMatch(/evil/)
    }
  })

  it('one cannot follow what one cannot open: a members-only meeting for an organization is 404', async () => {
    const id = meeting('members_only')
    const r = await press(UNHCR, { intent: 'follow', recordType: 'meeting', recordId: id, back: '/' })
    expect(r.status).toBe(404)
    expect(db.select().from(follows).all()).toHaveLength(0)
  })

  it('a group, a plan and a document page say whether one follows; signed out, no button', async () => {
    const group = planGroup()
    const g = async (as?: string) =>
      (await run<Json>(groupLoader, `/groups/${group.slug}`, { as }, { slug: group.slug })).data.follow
        ?.following ?? null
    expect(await g()).toBeNull()
    expect(await g(UNHCR)).toBe(false)
    await press(UNHCR, { intent: 'follow', recordType: 'group', recordId: group.id, back: '/' })
    expect(await g(UNHCR)).toBe(true)

    const plan = db.select().from(plans).where(eq(plans.groupId, group.id)).get()!
    const p = async () =>
      (await run<Json>(planLoader, `/plans/${plan.id}`, { as: SNM }, { id: plan.id })).data.follow
        ?.following ?? null
    expect(await p()).toBe(false)
    await press(SNM, { intent: 'follow', recordType: 'plan', recordId: plan.id, back: `/plans/${plan.id}` })
    expect(await p()).toBe(true)

    const doc = db.query.documents.findFirst({ where: (d, { eq }) => eq(d.visibility, 'public') }).sync()!
    const d = async (as?: string) =>
      (await run<Json>(documentLoader, `/documents/${doc.id}`, { as }, { id: doc.id })).data.follow
        ?.following ?? null
    expect(await d()).toBeNull()
    expect(await d(UNHCR)).toBe(false)
    await press(UNHCR, { intent: 'follow', recordType: 'document', recordId: doc.id, back: '/' })
    expect(await d(UNHCR)).toBe(true)
  })
})

describe('what a follower is told, decided when it is sent', () => {
  it('a followed meeting’s change; nothing once it became members-only (an organization may not see it)', async () => {
    const id = meeting('open')
    await press(UNHCR, { intent: 'follow', recordType: 'meeting', recordId: id, back: '/' })
    changed(id)
    expect(notesOf(UNHCR, 'meeting_changed')).toHaveLength(1)
    db.update(meetings).set({ openness: 'members_only' }).where(eq(meetings.id, id)).run()
    changed(id)
    expect(notesOf(UNHCR, 'meeting_changed')).toHaveLength(1)
    // the follow stays: were the meeting opened again, news would reach them again
    expect(
      db
        .select()
        .from(follows)
        .where(and(eq(follows.recordType, 'meeting'), eq(follows.recordId, id)))
        .all(),
    ).toHaveLength(1)
  })

  it('a followed group’s meetings reach the follower who may see them; its plan’s news only its members', async () => {
    const group = planGroup()
    await press(UNHCR, { intent: 'follow', recordType: 'group', recordId: group.id, back: '/' })
    const open = meeting('open', group.id)
    changed(open)
    expect(notesOf(UNHCR, 'meeting_changed')).toHaveLength(1)
    const closed = meeting('members_only', group.id)
    changed(closed)
    expect(notesOf(UNHCR, 'meeting_changed')).toHaveLength(1)

    // a drafting plan is seen by its group only: the outside follower of the group is not told
    const plan = db.select().from(plans).where(eq(plans.groupId, group.id)).get()!
    db.transaction((tx) =>
      notify(tx, {
        kind: 'round_opened',
        recordType: 'plan',
        recordId: plan.id,
        actorId: personByEmail(SECRETARIAT).id,
      }),
    )
    dispatchNotifications()
    expect(notesOf(UNHCR, 'round_opened')).toHaveLength(0)
    expect(notesOf(SNM, 'round_opened')).toHaveLength(1)
  })

  it('a secretariat follower of a group is told of its plan (may see it)', async () => {
    const group = planGroup()
    await press(SECRETARIAT, { intent: 'follow', recordType: 'group', recordId: group.id, back: '/' })
    const plan = db.select().from(plans).where(eq(plans.groupId, group.id)).get()!
    db.transaction((tx) =>
      notify(tx, {
        kind: 'round_opened',
        recordType: 'plan',
        recordId: plan.id,
        actorId: personByEmail(SNM).id,
      }),
    )
    dispatchNotifications()
    expect(notesOf(SECRETARIAT, 'round_opened')).toHaveLength(1)
  })
})
