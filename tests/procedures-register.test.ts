// What a written procedure leaves behind, through the capabilities it reaches: an adopted procedure's
// decision in the decisions register (/meetings/decisions), in search and as the origin of an action
// item, each with the procedure's own visibility; the notifications of its launch, of its deadline two
// days away and of its outcome, told in the portal to the focal points (and named delegates) of the
// states concerned who may open it, and never mailed a second time (the procedure's formal notice is
// the mail); and a launch on a text nobody can see leaves nothing behind.
import { and, count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import {
  actionItems,
  auditLog,
  decisions,
  mailOutbox,
  notificationEvents,
  notifications,
  organizations,
  people,
  writtenProcedures,
} from '@db/schema'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import { utcToZoned } from '~/modules/meetings/time'
import { createAction } from '~/modules/actions/writing.server'
import { findVisibleAction } from '~/modules/actions/loading.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { closeProcedure, runProcedureChecks } from '~/modules/procedures/closing.server'
import { LaunchSchema, PositionSchema } from '~/modules/procedures/forms.server'
import { launchProcedure, nameDelegate, takePosition } from '~/modules/procedures/procedures.server'
import { searchType, typeQuery } from '~/modules/search/records.server'
import * as register from '~/routes/meetings.decisions'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const SEAT = 'America/Costa_Rica'
const DAY = 24 * 3600 * 1000
const SECRETARIAT = 'secretariat@rcm.example'

beforeEach(() => {
  freshDemoDb()
})

/** A procedure launched now with its deadline `days` ahead (the clock is the real one: the register,
 * search and the dispatcher read it). */
function launch(over: Record<string, unknown> = {}, days = 3) {
  const now = new Date()
  return launchProcedure(
    viewerFor(SECRETARIAT),
    LaunchSchema.parse({
      subjectEs: 'Calendario zanzibariano de talleres',
      subjectEn: 'Zanzibarian workshop calendar',
      textKind: 'decision_text',
      textEs: 'La Conferencia aprueba el calendario zanzibariano de talleres regionales.',
      textEn: 'The Conference approves the Zanzibarian calendar of regional workshops.',
      deadline: utcToZoned(new Date(now.getTime() + days * DAY), SEAT),
      ...over,
    }),
    now,
  )
}

/** Closes it as the server's check would at its deadline. */
function closeAtDeadline(id: string) {
  const row = db.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()!
  return closeProcedure(id, new Date(row.deadline.getTime() + 1000))
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (e) {
    if (isDomainError(e)) return e
    throw e
  }
  throw new Error('not refused')
}

const searchDecisions = async (email: string, q: string) => {
  const query = typeQuery({ viewer: viewerFor(email), q })!
  return (await searchType('decision', query, { limit: 10, offset: 0 })).items.map((h) => h.id)
}

type RegisterPage = { items: { id: string; code: string; procedure: { id: string } | null }[] }
const registerOf = async (email: string, q: string) =>
  (
    (await run(register.loader, `/meetings/decisions?q=${encodeURIComponent(q)}`, { as: email }))
      .data as RegisterPage
  ).items

describe('an adopted procedure in the decisions register', () => {
  it('is a decision of the register, with the procedure as its origin, for those who may see it', async () => {
    const { id } = launch() // members only (the default)
    const closed = closeAtDeadline(id)!
    expect(closed.outcome).toBe('adopted')
    const decision = db.select().from(decisions).where(eq(decisions.procedureId, id)).get()!
    expect(decision.code).toBe(closed.decisionCode)
    expect(decision.meetingId).toBeNull()

    const seen = await registerOf('mx.delegate@rcm.example', closed.decisionCode!)
    expect(seen.map((d) => [d.code, d.procedure?.id])).toEqual([[closed.decisionCode, id]])
    expect((await registerOf('mx.delegate@rcm.example', 'zanzibarian')).map((d) => d.id)).toEqual([
      decision.id,
    ])
    // an observer country and an organization do not see a members-only procedure's decision
    expect(await registerOf('co.observer@rcm.example', 'zanzibarian')).toEqual([])
    expect(await registerOf('iom@rcm.example', 'zanzibarian')).toEqual([])
  })

  it('is found by search by its text, with the same visibility', async () => {
    const members = launch()
    const participants = launch({
      subjectEs: 'Guía zanzibariana abierta',
      subjectEn: 'Open Zanzibarian guide',
      textEs: 'Se adopta la guía zanzibariana para participantes.',
      textEn: 'The Zanzibarian guide for participants is adopted.',
      visibility: 'participants',
    })
    closeAtDeadline(members.id)
    closeAtDeadline(participants.id)
    const byProcedure = (pid: string) =>
      db.select().from(decisions).where(eq(decisions.procedureId, pid)).get()!.id
    const hidden = byProcedure(members.id)
    const open = byProcedure(participants.id)
    const member = await searchDecisions('mx.delegate@rcm.example', 'zanzibarian')
    expect(member).toEqual(expect.arrayContaining([hidden, open]))
    const observer = await searchDecisions('co.observer@rcm.example', 'zanzibarian')
    expect(observer).toContain(open)
    expect(observer).not.toContain(hidden)
  })

  it('is the origin of an action item, shown to those who may see the procedure', () => {
    const { id } = launch()
    const { decisionCode } = closeAtDeadline(id)!
    const due = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10)
    const action = createAction(viewerFor(SECRETARIAT), {
      titleEs: 'Organizar los talleres del calendario adoptado',
      originType: 'decision',
      decision: decisionCode!,
      owners: ['PA'],
      dueDate: due,
      priority: 'medium',
    })
    const row = db.select().from(actionItems).where(eq(actionItems.id, action.id)).get()!
    const decision = db.select().from(decisions).where(eq(decisions.procedureId, id)).get()!
    expect(row.decisionId).toBe(decision.id)
    expect(row.meetingId).toBeNull()
    const audited = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'action.create'), eq(auditLog.targetId, action.id)))
      .get()!
    expect(audited.details).toMatchObject({ decisionId: decision.id })
    expect(findVisibleAction(viewerFor('pa.focal@rcm.example'), action.id)).toBeTruthy()
  })

  it('a procedure not adopted leaves no decision, and nothing to create an action from', () => {
    const { id } = launch()
    takePosition(
      viewerFor('gt.focal@rcm.example'),
      id,
      PositionSchema.parse({ position: 'object', reason: 'Consulta pendiente.' }),
    )
    expect(closeAtDeadline(id)?.outcome).toBe('not_adopted')
    expect(db.select({ n: count() }).from(decisions).where(eq(decisions.procedureId, id)).get()!.n).toBe(0)
  })
})

describe('notifications of a procedure', () => {
  const notesOf = (email: string, kind: string) =>
    db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.personId, personByEmail(email).id),
          eq(notifications.kind, kind as typeof notifications.$inferSelect.kind),
        ),
      )
      .all()
  const notificationMails = () =>
    db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.kind, 'notification')).get()!.n

  it('launch: the focal points of the states concerned and the delegate named, in the portal only', () => {
    const mailsBefore = notificationMails()
    const { id } = launch({ states: ['MX', 'GT'] })
    nameDelegate(viewerFor('mx.focal@rcm.example'), id, {
      person: personByEmail('mx.delegate@rcm.example').id,
    })
    dispatchNotifications()
    const mx = notesOf('mx.focal@rcm.example', 'procedure_launched')
    expect(mx).toHaveLength(1)
    expect(mx[0].recordType).toBe('procedure')
    expect(JSON.parse(mx[0].params)).toMatchObject({
      path: `/procedures/${id}`,
      titleEs: 'Calendario zanzibariano de talleres',
      titleEn: 'Zanzibarian workshop calendar',
    })
    expect(notesOf('gt.focal@rcm.example', 'procedure_launched')).toHaveLength(1)
    // named before the notice was dealt out: the dispatcher reads the states as they are then
    expect(notesOf('mx.delegate@rcm.example', 'procedure_launched')).toHaveLength(1)
    // not a state concerned, an observer, an organization, the launcher
    for (const email of ['pa.focal@rcm.example', 'co.observer@rcm.example', 'iom@rcm.example', SECRETARIAT])
      expect([email, notesOf(email, 'procedure_launched')]).toEqual([email, []])
    // the formal notice is the mail (procedure.launched); no second mail from the notifications
    expect(notificationMails()).toBe(mailsBefore)
    expect(mx[0].mailedAt).not.toBeNull() // nor in the daily digest
  })

  it('two days before the deadline and at the outcome, once each', () => {
    const { id } = launch({ states: ['MX'] }, 5)
    dispatchNotifications()
    const row = db.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()!
    const deadline = row.deadline.getTime()
    expect(runProcedureChecks(new Date(deadline - 2 * DAY + 60_000)).reminded).toBe(1)
    runProcedureChecks(new Date(deadline - DAY))
    dispatchNotifications()
    expect(notesOf('mx.focal@rcm.example', 'procedure_deadline_near')).toHaveLength(1)
    expect(runProcedureChecks(new Date(deadline + 1000)).closed).toHaveLength(1)
    runProcedureChecks(new Date(deadline + 2000))
    dispatchNotifications()
    const closed = notesOf('mx.focal@rcm.example', 'procedure_closed')
    expect(closed).toHaveLength(1)
    expect(JSON.parse(closed[0].params).path).toBe(`/procedures/${id}`)
    const events = db
      .select({ kind: notificationEvents.kind, params: notificationEvents.params })
      .from(notificationEvents)
      .where(eq(notificationEvents.recordId, id))
      .all()
    expect(events.map((e) => e.kind)).toEqual([
      'procedure_launched',
      'procedure_deadline_near',
      'procedure_closed',
    ])
    expect(JSON.parse(events[2].params)).toEqual({ outcome: 'adopted' })
    expect(notesOf('gt.focal@rcm.example', 'procedure_closed')).toEqual([]) // not concerned
  })

  it('a members-only procedure tells the member states concerned, nobody outside them', () => {
    const { id } = launch()
    dispatchNotifications()
    const told = db
      .select({ kind: organizations.kind, role: people.role })
      .from(notifications)
      .innerJoin(people, eq(people.id, notifications.personId))
      .innerJoin(organizations, eq(organizations.id, people.organizationId))
      .where(and(eq(notifications.recordId, id), eq(notifications.kind, 'procedure_launched')))
      .all()
    expect(told.length).toBeGreaterThanOrEqual(11)
    expect(new Set(told.map((t) => `${t.kind}/${t.role}`))).toEqual(new Set(['member_state/focal_point']))
  })
})

describe('a procedure on a text the secretariat cannot see', () => {
  it('is refused as not found, and nothing is kept (no procedure, notice, event)', () => {
    const procedures = db.select({ n: count() }).from(writtenProcedures).get()!.n
    const events = db.select({ n: count() }).from(notificationEvents).get()!.n
    const mails = db.select({ n: count() }).from(mailOutbox).get()!.n
    for (const over of [
      { textKind: 'plan', plan: 'no-such-plan' },
      { textKind: 'document_version', document: 'no-such-document' },
    ]) {
      const e = refusal(() => launch(over))
      expect([e.status, e.messageKey]).toEqual([404, 'error.404'])
    }
    expect(db.select({ n: count() }).from(writtenProcedures).get()!.n).toBe(procedures)
    expect(db.select({ n: count() }).from(notificationEvents).get()!.n).toBe(events)
    expect(db.select({ n: count() }).from(mailOutbox).get()!.n).toBe(mails)
  })
})
