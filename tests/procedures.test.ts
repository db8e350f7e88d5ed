// Adoption by written procedure on the demo data, with a moved clock: launch (text frozen, all member
// states by default, notices to their focal points in their language), positions (changeable, history
// kept), the extension, the reminder two days before, the closing by the start-up check (again after a
// "restart": nothing twice), the race of two closings, and every refused case of the issue with its
// message and nothing changed.
import { and, count, eq, like, max } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import {
  auditLog,
  documents,
  mailOutbox,
  planSectionRevisions,
  plans,
  writtenProcedurePositions,
  writtenProcedures,
} from '@db/schema'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import { utcToZoned } from '~/modules/meetings/time'
import { changeStage, saveSection } from '~/modules/plans/writing.server'
import { sectionsOf } from '~/modules/plans/loading.server'
import { checkProcedures } from '~/modules/startup.server'
import { closeProcedure, runProcedureChecks } from '~/modules/procedures/closing.server'
import { LaunchSchema, PositionSchema, type LaunchInput } from '~/modules/procedures/forms.server'
import {
  extendProcedure,
  launchProcedure,
  nameDelegate,
  takePosition,
} from '~/modules/procedures/procedures.server'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'

const SEAT = 'America/Costa_Rica'
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
const NOW = new Date('2026-12-03T15:00:00Z')
const at = (ms: number) => new Date(NOW.getTime() + ms)
const local = (d: Date) => utcToZoned(d, SEAT)

function launch(over: Partial<Record<string, unknown>> = {}, now = NOW) {
  const input: LaunchInput = LaunchSchema.parse({
    subjectEs: 'Decisión sobre el calendario 2027',
    subjectEn: 'Decision on the 2027 calendar',
    textKind: 'decision_text',
    textEs: 'Se aprueba el calendario de reuniones 2027.',
    textEn: 'The 2027 meeting calendar is approved.',
    deadline: local(at(5 * DAY)),
    ...over,
  })
  return launchProcedure(viewerFor('secretariat@rcm.example'), input, now)
}
const position = (email: string, id: string, body: Record<string, unknown>, now = NOW) =>
  takePosition(viewerFor(email), id, PositionSchema.parse(body), now)
const row = (id: string) => db.select().from(writtenProcedures).where(eq(writtenProcedures.id, id)).get()!
const positionCount = (id: string) =>
  db
    .select({ n: count() })
    .from(writtenProcedurePositions)
    .where(eq(writtenProcedurePositions.procedureId, id))
    .get()!.n
const mails = (kind: string) => db.select().from(mailOutbox).where(eq(mailOutbox.kind, kind)).all()

function refusal(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (e) {
    if (isDomainError(e)) return e
    throw e
  }
  throw new Error('not refused')
}

beforeEach(() => {
  freshDemoDb()
})

describe('launching', () => {
  it('circulates a draft decision to every member state, with the deadline in San José time', () => {
    const before = mails('procedure.launched').length
    const { id } = launch({ deadline: '2026-12-10T17:00' })
    const p = row(id)
    expect(p.status).toBe('open')
    expect(p.deadline.toISOString()).toBe('2026-12-10T23:00:00.000Z') // UTC-6
    const sent = mails('procedure.launched').slice(before)
    // the focal points of the 11 member states, each in their language, with the link
    expect(new Set(sent.map((m) => m.to)).size).toBe(sent.length)
    expect(sent.length).toBeGreaterThanOrEqual(11)
    const gt = sent.find((m) => m.to === 'gt.focal@rcm.example')!
    expect(gt.text).toContain('San José, Costa Rica')
    expect(gt.text).toContain(`/procedures/${id}`)
    expect(gt.subject).toMatch(/^Procedimiento escrito \d+: Decisión sobre el calendario 2027$/)
    const ca = sent.find((m) => m.to === 'ca.focal@rcm.example')!
    expect(ca.subject).toMatch(/^Written procedure \d+: Decision on the 2027 calendar$/)
    expect(sent.some((m) => m.to === 'co.focal@rcm.example')).toBe(false) // observer state
    const a = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'procedure.launch'), eq(auditLog.targetId, id)))
      .all()
    expect(a).toHaveLength(1)
  })

  it('concerns only the states chosen', () => {
    const before = mails('procedure.launched').length
    launch({ states: ['MX', 'GT'] })
    const to = mails('procedure.launched')
      .slice(before)
      .map((m) => m.to)
    expect(to).toContain('mx.focal@rcm.example')
    expect(to).toContain('gt.focal@rcm.example')
    expect(to).not.toContain('pa.focal@rcm.example')
  })

  it('refuses anyone but the secretariat, a past deadline, and keeps nothing', () => {
    const n = db.select({ n: count() }).from(writtenProcedures).get()!.n
    const input = LaunchSchema.parse({
      subjectEs: 'x',
      textKind: 'decision_text',
      textEs: 'y',
      deadline: local(at(DAY)),
    })
    expect(refusal(() => launchProcedure(viewerFor('pa.focal@rcm.example'), input, NOW)).status).toBe(403)
    const past = refusal(() => launch({ deadline: local(at(-HOUR)) }))
    expect([past.status, past.field, past.messageKey]).toEqual([
      400,
      'deadline',
      'procedures.error.deadlinePast',
    ])
    expect(refusal(() => launch({ states: ['CO'] })).messageKey).toBe('procedures.error.unknownState')
    expect(db.select({ n: count() }).from(writtenProcedures).get()!.n).toBe(n)
  })

  it('freezes a consolidated plan: later edits of the plan do not change the text under procedure', () => {
    const secretariat = viewerFor('secretariat@rcm.example')
    const plan = db
      .select()
      .from(plans)
      .where(like(plans.titleEn, 'National Plan against the Smuggling%'))
      .get()!
    // not yet consolidated: refused at the field
    const early = refusal(() => launch({ textKind: 'plan', plan: plan.id }))
    expect([early.status, early.field]).toEqual([400, 'plan'])
    changeStage(secretariat, plan.id, 'consolidated_draft')
    const { id } = launch({ textKind: 'plan', plan: plan.id })
    const frozen = row(id).textEs!
    expect(frozen).toContain('# Plan Nacional contra el Tráfico Ilícito de Migrantes')
    const section = sectionsOf(db, plan.id).find((s) => !s.retired)!
    const base =
      db
        .select({ n: max(planSectionRevisions.number) })
        .from(planSectionRevisions)
        .where(and(eq(planSectionRevisions.sectionId, section.id), eq(planSectionRevisions.lang, 'es')))
        .get()?.n ?? 0
    saveSection(secretariat, plan.id, section.id, {
      text: 'TEXTO CAMBIADO DESPUÉS DEL LANZAMIENTO',
      lang: 'es',
      baseRevision: base,
      mode: 'merge',
    })
    expect(row(id).textEs).toBe(frozen)
    expect(frozen).not.toContain('TEXTO CAMBIADO')
    // and the database refuses to rewrite it
    expect(() =>
      rawSqlite().prepare('UPDATE written_procedures SET text_es = ? WHERE id = ?').run('otro', id),
    ).toThrow(/frozen/)
    expect(row(id).textEs).toBe(frozen)
  })

  it('refuses a text that does not exist or is gone (a deleted document, an unknown plan): 404', () => {
    const doc = db.select().from(documents).get()!
    db.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, doc.id)).run()
    expect(refusal(() => launch({ textKind: 'document_version', document: doc.id })).status).toBe(404)
    expect(refusal(() => launch({ textKind: 'plan', plan: 'no-such-plan' })).status).toBe(404)
  })

  it('pins a document version', () => {
    const doc = db.select().from(documents).where(eq(documents.visibility, 'members')).get()!
    const { id } = launch({ textKind: 'document_version', document: doc.id })
    expect(row(id).documentVersionId).toBeTruthy()
  })
})

describe('positions', () => {
  it('one current position per state, changeable until the deadline, every one kept', () => {
    const { id } = launch()
    position('mx.focal@rcm.example', id, { position: 'object', reason: 'Falta consulta.' })
    position('mx.focal@rcm.example', id, { position: 'agree' })
    const rows = db
      .select()
      .from(writtenProcedurePositions)
      .where(eq(writtenProcedurePositions.procedureId, id))
      .all()
    expect(rows.map((r) => [r.version, r.position])).toEqual([
      [1, 'object'],
      [2, 'agree'],
    ])
    expect(() => rawSqlite().prepare('DELETE FROM written_procedure_positions').run()).toThrow(/append-only/)
    // silence not broken at the deadline: adopted
    expect(closeProcedure(id, at(5 * DAY))?.outcome).toBe('adopted')
  })

  it('an objection or an amendment needs its reason (at the field)', () => {
    const r = PositionSchema.safeParse({ position: 'object', reason: ' ' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'procedures.error.reasonRequired' })
    const a = PositionSchema.safeParse({ position: 'amend' })
    expect(a.error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: 'procedures.error.amendmentRequired',
    })
  })

  it('refuses every case of the issue, with its message, and records nothing', () => {
    const { id } = launch({ deadline: local(at(2 * DAY)) })
    const deadline = row(id).deadline
    const cases: [string, Record<string, unknown>, Date, string, number][] = [
      // a delegate not named by the focal point
      ['mx.delegate@rcm.example', { position: 'agree' }, NOW, 'procedures.error.notFocalPoint', 403],
      // an observer state, an organization
      ['co.observer@rcm.example', { position: 'object', reason: 'x' }, NOW, 'error.404', 404],
      ['iom@rcm.example', { position: 'agree' }, NOW, 'error.404', 404],
      // for another state
      ['pa.focal@rcm.example', { position: 'agree', state: 'GT' }, NOW, 'procedures.error.otherState', 403],
      // at the deadline and a second after it
      ['mx.focal@rcm.example', { position: 'agree' }, deadline, 'procedures.error.closed', 403],
      [
        'mx.focal@rcm.example',
        { position: 'agree' },
        new Date(deadline.getTime() + 1000),
        'procedures.error.closed',
        403,
      ],
    ]
    for (const [email, body, now, key, status] of cases) {
      const e = refusal(() => position(email, id, body, now))
      expect([email, e.status, e.messageKey]).toEqual([email, status, key])
    }
    expect(positionCount(id)).toBe(0)
    // a second before the deadline still counts
    position('mx.focal@rcm.example', id, { position: 'agree' }, new Date(deadline.getTime() - 1000))
    expect(positionCount(id)).toBe(1)
    const refusals = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'procedure.takePosition'), eq(auditLog.outcome, 'refused')))
      .all()
    expect(refusals.length).toBeGreaterThanOrEqual(4)
  })

  it('observers and organizations read a procedure open to participants but never take a position', () => {
    const { id } = launch({ visibility: 'participants' })
    const e = refusal(() => position('co.observer@rcm.example', id, { position: 'agree' }))
    expect([e.status, e.messageKey]).toEqual([403, 'procedures.error.notMemberState'])
    const o = refusal(() => position('iom@rcm.example', id, { position: 'agree' }))
    expect([o.status, o.messageKey]).toEqual([403, 'procedures.error.notMemberState'])
    expect(positionCount(id)).toBe(0)
  })

  it('the delegate the focal point names may take the position', () => {
    const { id } = launch()
    expect(refusal(() => position('mx.delegate@rcm.example', id, { position: 'agree' })).status).toBe(403)
    // another state's person cannot be named
    expect(
      refusal(() =>
        nameDelegate(
          viewerFor('mx.focal@rcm.example'),
          id,
          { person: personByEmail('gt.focal@rcm.example').id },
          NOW,
        ),
      ).field,
    ).toBe('person')
    // a delegate cannot name themselves
    expect(
      refusal(() =>
        nameDelegate(
          viewerFor('mx.delegate@rcm.example'),
          id,
          { person: personByEmail('mx.delegate@rcm.example').id },
          NOW,
        ),
      ).status,
    ).toBe(403)
    nameDelegate(
      viewerFor('mx.focal@rcm.example'),
      id,
      { person: personByEmail('mx.delegate@rcm.example').id },
      NOW,
    )
    position('mx.delegate@rcm.example', id, {
      position: 'amend',
      reason: 'Sustituir «2027» por «2027-2028».',
    })
    expect(positionCount(id)).toBe(1)
  })
})

describe('extension', () => {
  it('once, with a reason, before the deadline', () => {
    const secretariat = viewerFor('secretariat@rcm.example')
    const { id } = launch()
    const first = row(id).deadline
    expect(
      refusal(() =>
        extendProcedure(
          viewerFor('pa.focal@rcm.example'),
          id,
          { deadline: local(at(7 * DAY)), reason: 'x' },
          NOW,
        ),
      ).status,
    ).toBe(403)
    expect(
      refusal(() => extendProcedure(secretariat, id, { deadline: local(at(4 * DAY)), reason: 'x' }, NOW))
        .messageKey,
    ).toBe('procedures.error.extendEarlier')
    extendProcedure(secretariat, id, { deadline: local(at(7 * DAY)), reason: 'Solicitud de Belice' }, NOW)
    expect(row(id).deadline.getTime()).toBe(at(7 * DAY).getTime() - (at(7 * DAY).getTime() % 60000))
    expect(row(id).originalDeadline).toEqual(first)
    const second = refusal(() =>
      extendProcedure(secretariat, id, { deadline: local(at(9 * DAY)), reason: 'otra vez' }, NOW),
    )
    expect([second.status, second.messageKey]).toEqual([403, 'procedures.error.alreadyExtended'])
    expect(row(id).extensionReason).toBe('Solicitud de Belice')
  })

  it('not after the deadline', () => {
    const { id } = launch({ deadline: local(at(DAY)) })
    const late = refusal(() =>
      extendProcedure(
        viewerFor('secretariat@rcm.example'),
        id,
        { deadline: local(at(5 * DAY)), reason: 'tarde' },
        at(DAY + 1000),
      ),
    )
    expect([late.status, late.messageKey]).toEqual([403, 'procedures.error.closed'])
  })
})

describe('closing (the server by itself)', () => {
  it('nothing before the deadline; at it, not adopted with who objected and why; once, across a restart', () => {
    const { id } = launch({ deadline: local(at(3 * DAY)) })
    position('mx.focal@rcm.example', id, { position: 'agree' })
    position('gt.focal@rcm.example', id, { position: 'object', reason: 'Requiere consulta interna.' })
    const deadline = row(id).deadline
    expect(checkProcedures(new Date(deadline.getTime() - 1000))?.closed.filter((c) => c.id === id)).toEqual(
      [],
    )
    expect(row(id).status).toBe('open')
    const r = checkProcedures(deadline)!
    expect(r.closed.filter((c) => c.id === id)).toEqual([{ id, outcome: 'not_adopted', decisionCode: null }])
    expect(row(id)).toMatchObject({ status: 'closed', outcome: 'not_adopted', decisionCode: null })
    const outcomeMails = mails('procedure.not_adopted')
    expect(outcomeMails.find((m) => m.to === 'pa.focal@rcm.example')?.text).toContain('GT')
    const close = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'procedure.close'), eq(auditLog.targetId, id)))
      .get()!
    expect(JSON.stringify(close.details)).toContain('Requiere consulta interna.')
    // "restart": the start-up check runs again, later
    expect(checkProcedures(at(10 * DAY))?.closed.filter((c) => c.id === id)).toEqual([])
    expect(mails('procedure.not_adopted')).toHaveLength(outcomeMails.length)
    // a closed procedure is final
    expect(() =>
      rawSqlite().prepare("UPDATE written_procedures SET outcome = 'adopted' WHERE id = ?").run(id),
    ).toThrow(/final/)
  })

  it('silence unbroken: adopted, with its decision code, numbered per year', () => {
    const a = launch({ deadline: local(at(DAY)) })
    const b = launch({ deadline: local(at(2 * DAY)) })
    position('pa.focal@rcm.example', a.id, { position: 'agree' })
    runProcedureChecks(at(3 * DAY))
    const ca = row(a.id).decisionCode!
    const cb = row(b.id).decisionCode!
    expect(ca).toMatch(/^2026-PE\/D\.\d+$/)
    const n = Number(ca.split('.').pop())
    expect(cb).toBe(`2026-PE/D.${n + 1}`)
    expect(mails('procedure.adopted').some((m) => m.text.includes(ca))).toBe(true)
  })

  it('two closings racing: one outcome, one decision code', () => {
    const { id } = launch({ deadline: local(at(DAY)) })
    const when = at(DAY)
    const first = closeProcedure(id, when)
    const second = closeProcedure(id, when)
    expect(first?.outcome).toBe('adopted')
    expect(second).toBeNull()
    // a second connection on the same file (another process) that read the row as open changes nothing
    const other = rawSqlite().prepare(
      "UPDATE written_procedures SET status = 'closed', outcome = 'adopted' WHERE id = ? AND status = 'open'",
    )
    expect(other.run(id).changes).toBe(0)
    const closes = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'procedure.close'), eq(auditLog.targetId, id)))
      .all()
    expect(closes).toHaveLength(1)
    expect(
      db
        .select({ n: count() })
        .from(writtenProcedures)
        .where(eq(writtenProcedures.decisionCode, first!.decisionCode!))
        .get()!.n,
    ).toBe(1)
  })

  it('sends the reminder two days before the deadline, once', () => {
    const { id } = launch({ deadline: local(at(5 * DAY)) })
    const deadline = row(id).deadline.getTime()
    expect(runProcedureChecks(new Date(deadline - 2 * DAY - 60000)).reminded).toBe(0)
    expect(runProcedureChecks(new Date(deadline - 2 * DAY + 60000)).reminded).toBe(1)
    const sent = mails('procedure.reminder').length
    expect(sent).toBeGreaterThanOrEqual(11)
    expect(runProcedureChecks(new Date(deadline - DAY)).reminded).toBe(0)
    expect(mails('procedure.reminder')).toHaveLength(sent)
  })

  it('relaunches a text that was not adopted as a new procedure linked to the first', () => {
    const { id } = launch({ deadline: local(at(DAY)) })
    position('gt.focal@rcm.example', id, { position: 'object', reason: 'No.' })
    runProcedureChecks(at(DAY + 1000))
    const again = launch({ previous: id, textEs: 'Texto revisado.' }, at(DAY + 2000))
    expect(row(again.id).previousId).toBe(id)
    const open = launch({}, NOW)
    expect(refusal(() => launch({ previous: open.id })).status).toBe(409)
  })
})

describe('demo data', () => {
  it('has one open procedure on a consolidated plan (Panama agreed, nobody objected), one adopted in the register, one broken', () => {
    const all = db.select().from(writtenProcedures).all()
    const open = all.filter((p) => p.status === 'open')
    expect(open).toHaveLength(1)
    const current = db
      .select()
      .from(writtenProcedurePositions)
      .where(eq(writtenProcedurePositions.procedureId, open[0].id))
      .all()
    expect(current.map((c) => c.position)).toEqual(['agree'])
    // on a plan of Panama's drafting group at its consolidated-draft stage, its text frozen at launch
    expect(open[0].textKind).toBe('plan')
    const plan = db.select().from(plans).where(eq(plans.id, open[0].planId!)).get()!
    expect(plan.stage).toBe('consolidated_draft')
    const nationalPlan = db
      .select()
      .from(plans)
      .where(like(plans.titleEn, 'National Plan against the Smuggling%'))
      .get()!
    expect(plan.groupId).toBe(nationalPlan.groupId)
    expect(nationalPlan.stage).toBe('institutional_consultation')
    expect(open[0].textEs).toContain(`# ${plan.titleEs}`)
    expect(open[0].textEn).toContain(`# ${plan.titleEn}`)
    expect(open[0].textEn).toContain('Referral to protection services')
    const adopted = all.filter((p) => p.outcome === 'adopted')
    expect(adopted).toHaveLength(1)
    expect(adopted[0].decisionCode).toMatch(/^\d{4}-PE\/D\.1$/)
    expect(all.filter((p) => p.outcome === 'not_adopted')).toHaveLength(1)
  })
})
