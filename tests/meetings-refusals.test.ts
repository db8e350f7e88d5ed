/**
 * The refused cases of the meetings capability, through the routes: members-only meetings do not exist
 * for observers; a delegate cannot register another state's delegation; adopted minutes are locked;
 * comments close at the deadline; a meeting cannot end before it starts; a stale save of minutes is a
 * conflict that keeps the writer's text.
 */
import { and, desc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, delegationMembers, meetings, minutes, minutesComments, organizations } from '@db/schema'
import { MeetingDetail, MeetingList } from '~/modules/meetings/api-schemas'
import * as apiMeeting from '~/routes/api.v1.meetings.$id'
import * as apiMeetings from '~/routes/api.v1.meetings'
import * as publicCalendar from '~/routes/calendar[.]ics'
import * as layout from '~/routes/meetings.$id'
import * as agendaTab from '~/routes/meetings.$id._index'
import * as decisionsTab from '~/routes/meetings.$id.decisions'
import * as documentsTab from '~/routes/meetings.$id.documents'
import * as editPage from '~/routes/meetings.$id.edit'
import * as ics from '~/routes/meetings.$id[.]ics'
import * as minutesTab from '~/routes/meetings.$id.minutes'
import * as participantsTab from '~/routes/meetings.$id.participants'
import * as printPage from '~/routes/meetings.$id_.participants.print'
import * as listPage from '~/routes/meetings._index'
import * as register from '~/routes/meetings.decisions'
import * as newPage from '~/routes/meetings.new'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'
import { itemsOf, meetingByNumber, meetingByTitle } from './helpers/demo'

const OBSERVERS = [
  'co.observer@rcm.example',
  'iom@rcm.example',
  'unhcr@rcm.example',
  'rrocm.focal@rcm.example',
]

beforeEach(() => {
  freshDemoDb()
})

function membersOnly() {
  return db.select().from(meetings).where(eq(meetings.openness, 'members_only')).all()
}

describe('a members-only meeting does not exist for observers', () => {
  it('404 on every page, the API, the calendar; absent from every list', async () => {
    const hidden = membersOnly()
    expect(hidden.length).toBeGreaterThanOrEqual(2)
    const pages = [
      layout,
      agendaTab,
      documentsTab,
      participantsTab,
      minutesTab,
      decisionsTab,
      printPage,
      editPage,
    ]
    for (const who of OBSERVERS) {
      for (const m of hidden) {
        for (const page of pages) {
          const r = await run(page.loader, `/meetings/${m.id}`, { as: who }, { id: m.id })
          expect(r.status, `${who} ${m.titleEn}`).toBe(404)
        }
        // a write is refused the same way, before anything else is looked at
        const post = await run(
          minutesTab.action,
          `/meetings/${m.id}/minutes`,
          {
            as: who,
            form: { intent: 'comment', agendaItemId: itemsOf(m.id)[0].id, text: 'x' },
          },
          { id: m.id },
        )
        expect(post.status).toBe(404)
        const api = await run(apiMeeting.loader, `/api/v1/meetings/${m.id}`, { as: who }, { id: m.id })
        expect(api.status).toBe(404)
        expect(api.data).toEqual({ error: expect.objectContaining({ code: 'not_found' }) })
        const cal = await run(ics.loader, `/meetings/${m.id}.ics`, { as: who }, { id: m.id })
        expect(cal.status).toBe(404)
      }
      const list = await run(apiMeetings.loader, '/api/v1/meetings', { as: who })
      const ids = MeetingList.parse(list.data).items.map((i) => i.id)
      for (const m of hidden) expect(ids).not.toContain(m.id)
      const page = (await run(listPage.loader, '/meetings', { as: who })).data as {
        list: { items: { id: string }[] }
      }
      for (const m of hidden) expect(page.list.items.map((i) => i.id)).not.toContain(m.id)
      const month = (await run(listPage.loader, '/meetings?view=month&month=2023-12', { as: who })).data as {
        month: { items: { id: string }[] }
      }
      for (const m of hidden) expect(month.month.items.map((i) => i.id)).not.toContain(m.id)
      const decisions = (await run(register.loader, '/meetings/decisions', { as: who })).data as {
        items: { meeting: { id: string } }[]
      }
      for (const m of hidden) expect(decisions.items.map((d) => d.meeting.id)).not.toContain(m.id)
      const filtered = (
        await run(register.loader, `/meetings/decisions?meeting=${hidden[0].id}`, { as: who })
      ).data as { items: unknown[]; meeting: unknown }
      expect(filtered.items).toEqual([])
      expect(filtered.meeting).toBeNull()
    }
    const cal = await run(publicCalendar.loader, '/calendar.ics')
    for (const m of hidden) expect(cal.body).not.toContain(m.id)
  })

  it('member states and the secretariat see them (page and API)', async () => {
    for (const who of ['mx.delegate@rcm.example', 'pa.snm@rcm.example', 'secretariat@rcm.example']) {
      for (const m of membersOnly()) {
        expect((await run(layout.loader, `/meetings/${m.id}`, { as: who }, { id: m.id })).status).toBe(200)
        const api = await run(apiMeeting.loader, `/api/v1/meetings/${m.id}`, { as: who }, { id: m.id })
        expect(api.status).toBe(200)
        expect(MeetingDetail.parse(api.data).openness).toBe('members_only')
      }
    }
  })

  it('the signed-out are sent to sign in (pages) or get 401 (API)', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const page = await run(layout.loader, `/meetings/${m.id}`, {}, { id: m.id })
    expect(page.status).toBe(302)
    expect(page.location).toMatch(/^\/login\?redirectTo=/)
    expect((await run(apiMeeting.loader, `/api/v1/meetings/${m.id}`, {}, { id: m.id })).status).toBe(401)
  })
})

describe('delegations', () => {
  it("a delegate cannot register another state's delegation, nor a focal point another state's (403)", async () => {
    const next = meetingByTitle('First meeting of the Regional Consultation Group')
    const pa = db.select().from(organizations).where(eq(organizations.code, 'PA')).get()!
    const before = db.select().from(delegationMembers).where(eq(delegationMembers.meetingId, next.id)).all()
    const mxPerson = before.find((d) => d.role === 'head')!.personId
    const attempts = [
      { as: 'mx.delegate@rcm.example', organization: 'PA', person: 'whoever' },
      { as: 'pa.focal@rcm.example', organization: 'MX', person: mxPerson },
      // a delegate (not the focal point) of an invited state, for their own state
      { as: 'pa.snm@rcm.example', organization: 'PA', person: 'whoever' },
    ]
    for (const a of attempts) {
      const r = await run(
        participantsTab.action,
        `/meetings/${next.id}/participants`,
        {
          as: a.as,
          form: { intent: 'register', organization: a.organization, [`role-${a.person}`]: 'head' },
        },
        { id: next.id },
      )
      expect(r.status, a.as).toBe(403)
    }
    expect(db.select().from(delegationMembers).where(eq(delegationMembers.meetingId, next.id)).all()).toEqual(
      before,
    )
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'delegation.register'), eq(auditLog.outcome, 'refused')))
        .all().length,
    ).toBe(3)
    expect(pa).toBeDefined()
  })

  it('after the deadline the focal point can no longer register (the secretariat still can)', async () => {
    const next = meetingByTitle('First meeting of the Regional Consultation Group')
    db.update(meetings)
      .set({ registrationDeadline: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, next.id))
      .run()
    const form = (as: string) => ({
      as,
      form: { intent: 'register', organization: 'PA', [`role-${personId('pa.focal@rcm.example')}`]: 'head' },
    })
    expect(
      (await run(participantsTab.action, '/', form('pa.focal@rcm.example'), { id: next.id })).status,
    ).toBe(403)
    const bySecretariat = await run(participantsTab.action, '/', form('secretariat@rcm.example'), {
      id: next.id,
    })
    expect(bySecretariat.status).toBe(302)
  })
})

const personId = (email: string) => personByEmail(email).id

describe('minutes', () => {
  it('adopted minutes cannot be edited: the save is refused and the text stays', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const row = db
      .select()
      .from(minutes)
      .where(and(eq(minutes.meetingId, m.id), eq(minutes.status, 'adopted')))
      .get()!
    const r = await run(
      minutesTab.action,
      `/meetings/${m.id}/minutes`,
      {
        as: 'secretariat@rcm.example',
        form: {
          intent: 'save',
          agendaItemId: row.agendaItemId,
          baseRevision: String(row.revision),
          text: 'Rewritten',
        },
      },
      { id: m.id },
    )
    expect(r.status).toBe(403)
    expect(JSON.stringify(r.data)).toContain('meetings.minutes.error.locked')
    const after = db.select().from(minutes).where(eq(minutes.id, row.id)).get()!
    expect(after.text).toBe(row.text)
    expect(after.revision).toBe(row.revision)
    // nor can they be circulated again; an erratum is the way
    const erratum = await run(
      minutesTab.action,
      '/',
      {
        as: 'secretariat@rcm.example',
        form: { intent: 'erratum', agendaItemId: row.agendaItemId, text: 'Corrección' },
      },
      { id: m.id },
    )
    expect(erratum.status).toBe(302)
  })

  it('comments are refused after the deadline', async () => {
    const m = meetingByTitle('Working Group on Labour Migration')
    const row = db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get()!
    expect(row.status).toBe('circulated')
    const comment = () =>
      run(
        minutesTab.action,
        `/meetings/${m.id}/minutes`,
        {
          as: 'mx.delegate@rcm.example',
          form: { intent: 'comment', agendaItemId: row.agendaItemId, text: 'Comentario de México' },
        },
        { id: m.id },
      )
    const count = () =>
      db.select().from(minutesComments).where(eq(minutesComments.minutesId, row.id)).all().length
    const n = count()
    expect((await comment()).status).toBe(302)
    expect(count()).toBe(n + 1)
    db.update(minutes)
      .set({ commentDeadline: new Date(Date.now() - 60_000) })
      .where(eq(minutes.meetingId, m.id))
      .run()
    const late = await comment()
    expect(late.status).toBe(403)
    expect(JSON.stringify(late.data)).toContain('meetings.minutes.error.deadlinePassed')
    expect(count()).toBe(n + 1)
    const refusal = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'minutes.comment'))
      .orderBy(desc(auditLog.id))
      .get()!
    expect(refusal.outcome).toBe('refused')
  })

  it('an observer not invited to a meeting cannot comment on its minutes', async () => {
    const m = meetingByTitle('Working Group on Labour Migration')
    const row = db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get()!
    const r = await run(
      minutesTab.action,
      '/',
      {
        as: 'co.observer@rcm.example',
        form: { intent: 'comment', agendaItemId: row.agendaItemId, text: 'x' },
      },
      { id: m.id },
    )
    expect(r.status).toBe(403)
  })

  it('two secretariat members save the same item from the same revision: the second gets 409 and keeps their text', async () => {
    const m = meetingByTitle('Working Group on Labour Migration')
    const row = db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get()!
    const base = String(row.revision)
    const first = await run(
      minutesTab.action,
      '/',
      {
        as: 'secretariat@rcm.example',
        form: { intent: 'save', agendaItemId: row.agendaItemId, baseRevision: base, text: 'Texto de Lucía' },
      },
      { id: m.id },
    )
    expect(first.status).toBe(302)
    const second = await run(
      minutesTab.action,
      '/',
      {
        as: 'secretariat2@rcm.example',
        form: { intent: 'save', agendaItemId: row.agendaItemId, baseRevision: base, text: 'Texto de Tomás' },
      },
      { id: m.id },
    )
    expect(second.status).toBe(409)
    expect(second.data).toMatchObject({
      intent: 'save',
      // the message for the whole form, the current minutes beside the writer's own text
      result: { error: { '': ['meetings.minutes.conflict'] } },
      conflict: {
        agendaItemId: row.agendaItemId,
        text: 'Texto de Lucía',
        revision: row.revision + 1,
        status: row.status,
        yours: 'Texto de Tomás',
      },
    })
    const saved = db.select().from(minutes).where(eq(minutes.id, row.id)).get()!
    expect(saved.text).toBe('Texto de Lucía')
    // saving again from the revision shown beside the text succeeds
    const retry = await run(
      minutesTab.action,
      '/',
      {
        as: 'secretariat2@rcm.example',
        form: {
          intent: 'save',
          agendaItemId: row.agendaItemId,
          baseRevision: String(row.revision + 1),
          text: 'Texto de Lucía y Tomás',
        },
      },
      { id: m.id },
    )
    expect(retry.status).toBe(302)
    expect(db.select().from(minutes).where(eq(minutes.id, row.id)).get()!.revision).toBe(row.revision + 2)
  })

  it('delegations do not see draft minutes; they cannot write any', async () => {
    const m = meetingByTitle('Working Group on Labour Migration')
    const item = itemsOf(m.id)[0]
    const r = await run(
      minutesTab.action,
      '/',
      {
        as: 'mx.delegate@rcm.example',
        form: { intent: 'save', agendaItemId: item.id, baseRevision: '2', text: 'x' },
      },
      { id: m.id },
    )
    expect(r.status).toBe(403)
  })
})

describe('the meeting form', () => {
  const valid = {
    kind: 'workshop',
    titleEs: 'Taller de prueba',
    titleEn: 'Test workshop',
    timeZone: 'America/Panama',
    startsAt: '2027-03-10T09:00',
    endsAt: '2027-03-10T17:00',
    place: 'Ciudad de Panamá',
    openness: 'open',
    status: 'planned',
  }

  it('a meeting ending before it starts is refused at the field (400), keeping what was typed', async () => {
    const count = db.select().from(meetings).all().length
    const r = await run(newPage.action, '/meetings/new', {
      as: 'secretariat@rcm.example',
      form: { ...valid, endsAt: '2027-03-09T17:00' },
    })
    expect(r.status).toBe(400)
    const reply = (
      r.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    ).result
    expect(reply.error.endsAt).toEqual(['meetings.error.endBeforeStart'])
    expect(reply.initialValue.titleEs).toBe('Taller de prueba')
    expect(db.select().from(meetings).all().length).toBe(count)
  })

  it('only the secretariat creates meetings; each refusal is audited once', async () => {
    const refusals = () =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'meeting.create'), eq(auditLog.outcome, 'refused')))
        .all().length
    expect((await run(newPage.loader, '/meetings/new', { as: 'pa.focal@rcm.example' })).status).toBe(403)
    expect(refusals()).toBe(1)
    const r = await run(newPage.action, '/meetings/new', { as: 'pa.focal@rcm.example', form: valid })
    expect(r.status).toBe(403)
    expect(refusals()).toBe(2)
    const ok = await run(newPage.action, '/meetings/new', { as: 'secretariat@rcm.example', form: valid })
    expect(ok.status).toBe(302)
  })

  it('refuses a number already taken by another meeting of the kind, at the field', async () => {
    const r = await run(newPage.action, '/meetings/new', {
      as: 'secretariat@rcm.example',
      form: { ...valid, kind: 'vice_ministerial', number: 'xxviii' },
    })
    expect(r.status).toBe(400)
    expect((r.data as { result: { error: Record<string, string[]> } }).result.error.number).toEqual([
      'meetings.error.numberTaken',
    ])
  })
})

describe('the meetings API', () => {
  it('lists as {items,nextCursor}, refuses unknown or repeated parameters, and is described in openapi.json', async () => {
    const r = await run(apiMeetings.loader, '/api/v1/meetings?kind=vice_ministerial', {
      as: 'co.observer@rcm.example',
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('Cache-Control')).toMatch(/no-store/)
    const list = MeetingList.parse(r.data)
    expect(list.nextCursor).toBeNull()
    expect(list.items.map((m) => m.number)).toContain('XXVIII')
    expect(list.items.every((m) => m.kind === 'vice_ministerial')).toBe(true)
    const unknown = await run(apiMeetings.loader, '/api/v1/meetings?visibility=all', {
      as: 'co.observer@rcm.example',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.data).toMatchObject({
      error: { code: 'invalid', fields: { visibility: expect.any(Array) } },
    })
    const bad = await run(apiMeetings.loader, '/api/v1/meetings?kind=party', {
      as: 'co.observer@rcm.example',
    })
    expect(bad.status).toBe(400)
    expect((await run(apiMeetings.loader, '/api/v1/meetings')).status).toBe(401)
    const { openApiDocument } = await import('~/modules/api/openapi.server')
    const paths = (openApiDocument() as { paths: Record<string, unknown> }).paths
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/meetings', '/meetings/{id}']))
  })

  it('the XXVIII record has its agenda and numbered decisions', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const r = await run(
      apiMeeting.loader,
      `/api/v1/meetings/${m.id}`,
      { as: 'secretariat@rcm.example' },
      { id: m.id },
    )
    const record = MeetingDetail.parse(r.data)
    expect(record.agenda.length).toBeGreaterThanOrEqual(8)
    expect(record.agenda.map((a) => a.number)).toContain('5.2')
    expect(record.decisions.map((d) => d.code)).toEqual([
      'XXVIII-VM/D.1',
      'XXVIII-VM/D.2',
      'XXVIII-VM/D.3',
      'XXVIII-VM/D.4',
      'XXVIII-VM/D.5',
      'XXVIII-VM/D.6', // corrected by a corrigendum (db/seed/decisions-owners.ts)
      'XXVIII-VM/D.7', // withdrawn: its code stays taken
    ])
    expect(record.ppt).toBe('PA')
    expect(record.theme.en).toBe('Migration: the Regional Challenge of the 21st Century')
  })
})

describe('members-only meetings and invitations', () => {
  it('a members-only meeting cannot invite observers (400 at the field)', async () => {
    const r = await run(newPage.action, '/meetings/new', {
      as: 'secretariat@rcm.example',
      form: {
        kind: 'troika',
        titleEs: 'Troika',
        titleEn: 'Troika',
        timeZone: 'UTC',
        startsAt: '2031-01-01T10:00',
        endsAt: '2031-01-01T12:00',
        onlineUrl: 'https://meet.example/t',
        openness: 'members_only',
        status: 'planned',
        invited: 'CO',
      },
    })
    expect(r.status).toBe(400)
    expect((r.data as { result: { error: Record<string, string[]> } }).result.error.invited).toEqual([
      'meetings.error.membersOnlyInvited',
    ])
  })
})
