// The implementation matrix of Panama's plan on the demo data: drafters set a line's indicator,
// responsible institutions and time frame (refused for readers and commenters, for bad input at its
// field with the text kept, and once the plan is approved); the chair turns a line into an action item
// owned by its institutions (refused for a drafter, without an end date or a lead institution, and a
// second time without confirmation), linked both ways; an outsider sees only that the origin is
// restricted. Every refusal changes nothing.
import { and, count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import {
  actionItems,
  actionOwners,
  auditLog,
  organizations,
  planSectionResponsibles,
  planSections,
  plans,
} from '@db/schema'
import { ActionRecord } from '~/modules/actions/api-schemas'
import { actionsToday, addDays } from '~/modules/actions/overdue.server'
import { originOf } from '~/modules/actions/origins.server'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import { createActionFromSection, planMatrix, saveMatrixFields } from '~/modules/plans/matrix.server'
import { getPlan, listPlans } from '~/modules/plans/queries.server'
import * as actionPage from '~/routes/actions.$id'
import * as apiAction from '~/routes/api.v1.actions.$id'
import * as matrixPage from '~/routes/plans_.$id.matrix'
import * as sectionForm from '~/routes/plans_.$id.sections.$sectionId_.matrix'
import * as planPage from '~/routes/plans.$id'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const SNM = 'pa.snm@rcm.example'
const IOM = 'iom@rcm.example'
const CHAIR = 'pa.minseg@rcm.example'
const SECRETARIAT = 'secretariat@rcm.example'
const READER = 'pa.delegate1@rcm.example'
const COMMENTER = 'pa.delegate2@rcm.example'
const UNHCR = 'unhcr@rcm.example'
const PLAN_TITLE_ES = 'Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029'
const PLAN_TITLE_EN = 'National Plan against the Smuggling of Migrants 2024-2029'

function thrown(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

function panama() {
  const plan = listPlans(viewerFor(SNM), 'es').find((p) => p.title.startsWith('Plan Nacional'))!
  const view = getPlan(viewerFor(SNM), plan.id, 'es')!
  const section = (n: string) => view.sections.find((s) => s.number === n)!.id
  return { id: plan.id, section }
}

const sectionRow = (id: string) => db.select().from(planSections).where(eq(planSections.id, id)).get()!
const responsibles = (id: string) =>
  db
    .select({ code: organizations.code, role: planSectionResponsibles.role })
    .from(planSectionResponsibles)
    .innerJoin(organizations, eq(organizations.id, planSectionResponsibles.organizationId))
    .where(eq(planSectionResponsibles.sectionId, id))
    .all()
    .sort((a, b) => a.code.localeCompare(b.code))
const actionCount = () => db.select({ n: count() }).from(actionItems).get()!.n
const actionsOfSection = (id: string) =>
  db.select().from(actionItems).where(eq(actionItems.planSectionId, id)).all()
const snapshot = (id: string) => JSON.stringify([sectionRow(id), responsibles(id), actionCount()])
const day = (n: number) => addDays(actionsToday(), n)

beforeEach(() => {
  freshDemoDb()
})

describe('the demo matrix', () => {
  it("Panama's lines and activities carry indicators, responsibles and time frames; two lines are action items", () => {
    const { id, section } = panama()
    const m = planMatrix(viewerFor(SNM), id, 'en')!
    expect(m.rows.map((r) => r.number)).toEqual(['3.1.1', '3.1.1.1', '3.2.1', '3.3.1', '3.3.1.1'])
    const line = m.rows.find((r) => r.number === '3.1.1')!
    expect(line.indicator).toMatch(/^Number of migrants informed/)
    expect(line.responsibles).toEqual([
      { code: 'PA-SNM', name: expect.stringMatching(/National Migration Service/i), role: 'lead' },
      { code: 'IOM', name: expect.stringMatching(/Organization for Migration/i), role: 'support' },
    ])
    expect(line.startDate! < line.endDate!).toBe(true)
    expect(line.actions).toHaveLength(1)
    expect(line.actions[0]).toMatchObject({ status: 'in_progress', progress: 40 })
    expect(line.progress).toBe(40)
    expect(m.rows.find((r) => r.number === '3.2.1')!.actions).toHaveLength(1)
    // the actions seeder's action on 3.3.1 is linked, not duplicated
    expect(m.rows.find((r) => r.number === '3.3.1')!.actions).toHaveLength(1)
    expect(m.rows.find((r) => r.number === '3.3.1.1')!.endDate).toBeNull()
    const converted = actionsOfSection(section('3.2.1'))[0]
    const owners = db.select().from(actionOwners).where(eq(actionOwners.actionId, converted.id)).all()
    expect(owners.filter((o) => o.kind === 'owner')).toHaveLength(2)
    expect(converted.dueDate).toBe(sectionRow(section('3.2.1')).endDate)
    expect(m.counts.in_progress).toBeGreaterThanOrEqual(2)
  })

  it('the plan page shows each line with its indicator, institutions by name, time frame and progress', async () => {
    const { id, section } = panama()
    const page = await run(planPage.loader, `/plans/${id}?lang=es`, { as: IOM }, { id })
    expect(page.status).toBe(200)
    const matrix = (page.data as { matrix: Record<string, { indicator: string; responsibles: unknown[] }> })
      .matrix
    expect(matrix[section('3.1.1')].indicator).toMatch(/^Número de personas migrantes/)
    expect(JSON.stringify(matrix[section('3.1.1')].responsibles)).toContain('Servicio Nacional de Migración')
    expect(matrix[section('1')]).toBeUndefined()
  })

  it('the matrix page answers 404 to someone outside the group', async () => {
    const { id } = panama()
    const page = await run(matrixPage.loader, `/plans/${id}/matrix`, { as: UNHCR }, { id })
    expect(page.status).toBe(404)
    expect(page.body).not.toContain(PLAN_TITLE_ES)
    const ok = await run(matrixPage.loader, `/plans/${id}/matrix?lang=en`, { as: COMMENTER }, { id })
    expect(ok.status).toBe(200)
    expect(JSON.stringify(ok.data)).toContain(PLAN_TITLE_EN)
  })
})

describe('editing the matrix fields', () => {
  const url = (planId: string, sectionId: string) => `/plans/${planId}/sections/${sectionId}/matrix`

  it('a drafter saves an indicator, institutions and a time frame, audited', async () => {
    const { id, section } = panama()
    const s = section('3.3.1.1')
    const answer = await run(
      sectionForm.action,
      url(id, s),
      {
        as: IOM,
        form: {
          intent: 'save',
          indicatorEs: 'Protocolo aprobado',
          indicatorEn: 'Protocol approved',
          startDate: day(10),
          endDate: day(200),
          lead: ['PA-CNCTP', 'PA-MINSEG'],
          support: 'IOM',
        },
      },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(302)
    expect(answer.location).toBe(`${url(id, s)}?saved=1`)
    const row = sectionRow(s)
    expect(row).toMatchObject({
      indicatorEs: 'Protocolo aprobado',
      indicatorEn: 'Protocol approved',
      startDate: day(10),
      endDate: day(200),
    })
    expect(responsibles(s)).toEqual([
      { code: 'IOM', role: 'support' },
      { code: 'PA-CNCTP', role: 'lead' },
      { code: 'PA-MINSEG', role: 'lead' },
    ])
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.manageSections'), eq(auditLog.targetId, s)))
      .all()
      .at(-1)!
    expect(entry.outcome).not.toBe('refused')
  })

  it.each([READER, COMMENTER])('refuses %s (403 with the message), nothing changes', async (email) => {
    const { id, section } = panama()
    const s = section('3.1.1')
    const before = snapshot(s)
    const e = thrown(() => saveMatrixFields(viewerFor(email), id, s, { indicatorEs: 'x', lead: ['PA'] }))
    expect(e.status).toBe(403)
    expect(e.messageKey).toBe('planMatrix.error.cannotEdit')
    const answer = await run(
      sectionForm.action,
      url(id, s),
      { as: email, form: { intent: 'save', indicatorEs: 'x' } },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(403)
    expect(JSON.stringify(answer.data)).toContain('planMatrix.error.cannotEdit')
    expect(snapshot(s)).toBe(before)
  })

  it('refuses an end before the start at the field, keeping what was typed', async () => {
    const { id, section } = panama()
    const s = section('3.1.1')
    const before = snapshot(s)
    const answer = await run(
      sectionForm.action,
      url(id, s),
      {
        as: SNM,
        form: { intent: 'save', indicatorEs: 'Indicador escrito', startDate: day(30), endDate: day(5) },
      },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(400)
    const result = (answer.data as { result: { error: Record<string, string[]>; initialValue: object } })
      .result
    expect(result.error.endDate).toEqual(['planMatrix.error.endBeforeStart'])
    expect(result.initialValue).toMatchObject({ indicatorEs: 'Indicador escrito', endDate: day(5) })
    expect(snapshot(s)).toBe(before)
    // the service refuses it too, and the database's CHECK backs it up
    expect(
      thrown(() => saveMatrixFields(viewerFor(SNM), id, s, { startDate: day(30), endDate: day(5) })).field,
    ).toBe('endDate')
    expect(() =>
      db
        .update(planSections)
        .set({ startDate: day(30), endDate: day(5) })
        .where(eq(planSections.id, s))
        .run(),
    ).toThrow(/CHECK/)
  })

  it('refuses an unknown organization, an impossible day and a text too long, at their fields', async () => {
    const { id, section } = panama()
    const s = section('3.1.1')
    const before = snapshot(s)
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ lead: ['ZZ-NOWHERE'] }, 'lead', 'planMatrix.error.unknownOrganization'],
      [{ support: ['<script>'] }, 'support', 'planMatrix.error.unknownOrganization'],
      [{ startDate: '2026-02-30' }, 'startDate', 'planMatrix.error.day'],
      [{ indicatorEn: 'x'.repeat(2001) }, 'indicatorEn', 'validation.tooLong'],
      [{ lead: 'PA-SNM', support: 'PA-SNM' }, 'support', 'planMatrix.error.leadAndSupport'],
    ]
    for (const [fields, field, message] of cases) {
      const answer = await run(
        sectionForm.action,
        url(id, s),
        { as: SNM, form: { intent: 'save', indicatorEs: 'kept', ...fields } },
        { id, sectionId: s },
      )
      expect(answer.status, field).toBe(400)
      const result = (answer.data as { result: { error: Record<string, string[]>; initialValue: object } })
        .result
      expect(result.error[field], field).toEqual([message])
      expect(result.initialValue, field).toMatchObject({ indicatorEs: 'kept' })
    }
    expect(snapshot(s)).toBe(before)
  })

  it('is locked once the plan is approved, for drafters and the chair alike', () => {
    const { id, section } = panama()
    const s = section('3.1.1')
    db.update(plans).set({ stage: 'approved' }).where(eq(plans.id, id)).run()
    const before = snapshot(s)
    for (const email of [SNM, CHAIR]) {
      const e = thrown(() => saveMatrixFields(viewerFor(email), id, s, { indicatorEs: 'x' }))
      expect(e.status).toBe(403)
      expect(e.messageKey).toBe('plans.error.locked')
    }
    expect(snapshot(s)).toBe(before)
  })

  it('answers 404 for a chapter and for a plan the person cannot see', async () => {
    const { id, section } = panama()
    for (const [email, s] of [
      [SNM, section('1')],
      [UNHCR, section('3.1.1')],
    ] as const) {
      const page = await run(sectionForm.loader, url(id, s), { as: email }, { id, sectionId: s })
      expect(page.status).toBe(404)
    }
    expect(thrown(() => saveMatrixFields(viewerFor(UNHCR), id, section('3.1.1'), {})).status).toBe(404)
  })
})

describe('turning a line of action into an action item', () => {
  it('the chair creates one action owned by the lead institutions, due on the end date, linked both ways', async () => {
    const { id, section } = panama()
    const s = section('3.3.1.1')
    saveMatrixFields(viewerFor(SNM), id, s, {
      endDate: day(150),
      lead: ['PA-CNCTP'],
      support: ['IOM', 'UNHCR'],
    })
    const answer = await run(
      sectionForm.action,
      `/plans/${id}/sections/${s}/matrix`,
      { as: CHAIR, form: { intent: 'convert' } },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(302)
    const created = actionsOfSection(s)
    expect(created).toHaveLength(1)
    const a = created[0]
    expect(answer.location).toBe(`/plans/${id}/sections/${s}/matrix?created=${a.id}`)
    expect(a).toMatchObject({
      originType: 'plan_section',
      planSectionId: s,
      dueDate: day(150),
      titleEs: 'Protocolo de referencia',
      status: 'not_started',
    })
    const owners = db
      .select({ code: organizations.code, kind: actionOwners.kind })
      .from(actionOwners)
      .innerJoin(organizations, eq(organizations.id, actionOwners.organizationId))
      .where(eq(actionOwners.actionId, a.id))
      .all()
      .sort((x, y) => x.code.localeCompare(y.code))
    expect(owners).toEqual([
      { code: 'IOM', kind: 'supporting' },
      { code: 'PA-CNCTP', kind: 'owner' },
      { code: 'UNHCR', kind: 'supporting' },
    ])
    // the action names its origin; the section lists its action
    const origin = originOf(viewerFor(SNM), a.id, 'es')
    expect(origin).toMatchObject({
      restricted: false,
      type: 'plan_section',
      planSection: {
        id: s,
        planId: id,
        number: '3.3.1.1',
        title: 'Protocolo de referencia',
        planTitle: PLAN_TITLE_ES,
      },
    })
    const page = await run(actionPage.loader, `/actions/${a.id}?lang=en`, { as: IOM }, { id: a.id })
    expect(JSON.stringify(page.data)).toContain(PLAN_TITLE_EN)
    const api = await run(apiAction.loader, `/api/v1/actions/${a.id}`, { as: IOM }, { id: a.id })
    ActionRecord.parse(api.data)
    expect((api.data as { origin: object }).origin).toMatchObject({
      type: 'plan_section',
      plan: id,
      planSection: s,
      planSectionNumber: '3.3.1.1',
    })
    const row = planMatrix(viewerFor(READER), id, 'es')!.rows.find((r) => r.id === s)!
    expect(row.actions.map((x) => x.id)).toEqual([a.id])
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'plan.createActions'), eq(auditLog.targetId, s)))
        .all(),
    ).toHaveLength(1)
  })

  it('refuses a drafter who is not the chair, with the message, and creates nothing', async () => {
    const { id, section } = panama()
    const s = section('3.3.1')
    const before = actionCount()
    const answer = await run(
      sectionForm.action,
      `/plans/${id}/sections/${s}/matrix`,
      { as: SNM, form: { intent: 'convert', confirm: '1' } },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(403)
    expect(JSON.stringify(answer.data)).toContain('planMatrix.error.notChair')
    expect(actionCount()).toBe(before)
    const refusal = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.createActions'), eq(auditLog.outcome, 'refused')))
      .all()
    expect(refusal).toHaveLength(1)
  })

  it('refuses a section without an end date, and one without a lead institution', () => {
    const { id, section } = panama()
    const s = section('3.3.1.1')
    const before = actionCount()
    const noEnd = thrown(() => createActionFromSection(viewerFor(CHAIR), id, s))
    expect([noEnd.status, noEnd.messageKey]).toEqual([400, 'planMatrix.error.noEndDate'])
    saveMatrixFields(viewerFor(SNM), id, s, { endDate: day(90), lead: [], support: ['IOM'] })
    const noLead = thrown(() => createActionFromSection(viewerFor(CHAIR), id, s))
    expect([noLead.status, noLead.messageKey]).toEqual([400, 'planMatrix.error.noResponsibles'])
    saveMatrixFields(viewerFor(SNM), id, s, { endDate: day(90) })
    expect(thrown(() => createActionFromSection(viewerFor(CHAIR), id, s)).messageKey).toBe(
      'planMatrix.error.noResponsibles',
    )
    expect(actionCount()).toBe(before)
  })

  it('refuses a second conversion until the chair confirms', async () => {
    const { id, section } = panama()
    const s = section('3.1.1')
    expect(actionsOfSection(s)).toHaveLength(1)
    const before = actionCount()
    const answer = await run(
      sectionForm.action,
      `/plans/${id}/sections/${s}/matrix`,
      { as: CHAIR, form: { intent: 'convert' } },
      { id, sectionId: s },
    )
    expect(answer.status).toBe(409)
    expect(JSON.stringify(answer.data)).toContain('planMatrix.error.alreadyConverted')
    expect((answer.data as { conflict: unknown }).conflict).toEqual({ existing: 1 })
    expect(actionCount()).toBe(before)
    const confirmed = await run(
      sectionForm.action,
      `/plans/${id}/sections/${s}/matrix`,
      { as: SECRETARIAT, form: { intent: 'convert', confirm: '1' } },
      { id, sectionId: s },
    )
    expect(confirmed.status).toBe(302)
    expect(actionsOfSection(s)).toHaveLength(2)
  })

  it('answers 404 to someone outside the group', () => {
    const { id, section } = panama()
    const before = actionCount()
    expect(
      thrown(() => createActionFromSection(viewerFor(UNHCR), id, section('3.1.1'), { confirm: true })).status,
    ).toBe(404)
    expect(actionCount()).toBe(before)
  })
})

describe('the plan-section origin for an outsider', () => {
  it('UNHCR, supporting an action from the matrix, sees that its origin is restricted, never the plan', async () => {
    const { id, section } = panama()
    const s = section('3.3.1.1')
    saveMatrixFields(viewerFor(SNM), id, s, { endDate: day(60), lead: ['PA-CNCTP'], support: ['UNHCR'] })
    const { id: actionId } = createActionFromSection(viewerFor(CHAIR), id, s)
    expect(originOf(viewerFor(UNHCR), actionId, 'en')).toEqual({ restricted: true, type: 'plan_section' })
    const page = await run(actionPage.loader, `/actions/${actionId}?lang=en`, { as: UNHCR }, { id: actionId })
    expect(page.status).toBe(200)
    const text = JSON.stringify(page.data)
    expect(text).toContain('"restricted":true')
    for (const secret of [PLAN_TITLE_EN, PLAN_TITLE_ES, id, s]) expect(text).not.toContain(secret)
    const api = await run(apiAction.loader, `/api/v1/actions/${actionId}`, { as: UNHCR }, { id: actionId })
    ActionRecord.parse(api.data)
    expect((api.data as { origin: unknown }).origin).toEqual({ restricted: true, type: 'plan_section' })
    for (const secret of [PLAN_TITLE_EN, PLAN_TITLE_ES, id, s]) expect(api.body).not.toContain(secret)
  })
})
