// Consultation rounds of Panama's plan on the demo data: the demo rounds (one closed and answered, one
// open with one position in and drafts), a round from opening to closing with a moved clock, every
// refused case (closed round, organization not consulted, a focal point for another organization, a
// hidden plan's matrix and exports, a response by someone who is neither the chair nor the lead drafter)
// with its message at the field in the person's language and nothing changed, and the matrix exported
// to CSV and XLSX (read back, a formula kept as text).
import ExcelJS from 'exceljs'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, planRoundComments, planRoundOrganizations, planRounds } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import { stopChildJobs } from '~/modules/core/child-jobs.server'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import { utcToZoned } from '~/modules/meetings/time'
import { listPlans, getPlan } from '~/modules/plans/queries.server'
import {
  addRoundComment,
  closeRound,
  commentMatrix,
  editRoundComment,
  listRounds,
  openRound,
  respondToComment,
  roundPage,
  submitPosition,
  withdrawRoundComment,
} from '~/modules/plans/rounds.server'
import * as csvRoute from '~/routes/plans_.$id.comments[.]csv'
import * as xlsxRoute from '~/routes/plans_.$id.comments[.]xlsx'
import * as matrixPage from '~/routes/plans_.$id.comments'
import * as roundRoute from '~/routes/plans_.$id.rounds.$number'
import * as roundsRoute from '~/routes/plans_.$id.rounds._index'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const CHAIR = 'pa.minseg@rcm.example'
const SNM = 'pa.snm@rcm.example' // drafter, lead drafter of sections 1 and 3.1
const IOM = 'iom@rcm.example' // IOM's focal point, drafter
const UNODC = 'unodc.focal@rcm.example' // UNODC's focal point, drafter
const PA_FOCAL = 'pa.focal@rcm.example' // Panama's focal point, not in the plan's group
const COMMENTER = 'pa.delegate2@rcm.example' // Panama (no institution), commenter in the group
const UNHCR = 'unhcr@rcm.example' // in no drafting group
const HOUR = 3_600_000

afterAll(() => stopChildJobs())

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

/** Everything a refusal must leave as it was. */
const snapshot = () =>
  JSON.stringify([
    db.select().from(planRounds).all(),
    db.select().from(planRoundOrganizations).all(),
    db.select().from(planRoundComments).all(),
  ])
const refusals = (action: string) =>
  db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.outcome, 'refused')))
    .get()!.n

/** A refusal: its status, its message key at its field, a refusal in the audit log, nothing changed. */
function expectRefused(fn: () => unknown, status: number, key: string, field?: string) {
  const before = snapshot()
  const error = thrown(fn)
  expect(error.status).toBe(status)
  expect(error.messageKey).toBe(key)
  if (field) expect(error.field).toBe(field)
  expect(snapshot()).toBe(before)
  return error
}

beforeEach(() => {
  freshDemoDb()
})

describe('the demo rounds', () => {
  it('round 1 is closed and answered, SNM late; round 2 is open, IOM in, the others not yet', () => {
    const { id } = panama()
    const page = listRounds(viewerFor(CHAIR), id, 'en')!
    expect(page.rounds.map((r) => [r.number, r.open])).toEqual([
      [2, true],
      [1, false],
    ])
    const [two, one] = page.rounds
    expect(Object.fromEntries(one.organizations.map((o) => [o.code, o.status]))).toEqual({
      'PA-SNM': 'late',
      IOM: 'submitted',
      UNODC: 'submitted',
    })
    expect(Object.fromEntries(two.organizations.map((o) => [o.code, o.status]))).toEqual({
      'PA-SNM': 'pending',
      'PA-UATIM': 'pending',
      'PA-CNCTP': 'pending',
      IOM: 'submitted',
      UNODC: 'pending',
    })
    expect(two.organizations.map((o) => o.name)).toContain('International Organization for Migration')
    const matrix = commentMatrix(viewerFor(CHAIR), id, 'en')!
    // submitted positions only: UNODC's and SNM's drafts of round 2 are not in the matrix
    expect(matrix.rows.map((r) => [r.roundNumber, r.organizationCode, r.outcome])).toEqual([
      [1, 'IOM', 'incorporated'],
      [1, 'IOM', 'partially_incorporated'],
      [1, 'UNODC', 'not_incorporated'],
      [2, 'IOM', null],
      [2, 'IOM', 'incorporated'],
    ])
    expect(commentMatrix(viewerFor(CHAIR), id, 'en', { outcome: 'unanswered' })!.rows).toHaveLength(1)
    expect(commentMatrix(viewerFor(CHAIR), id, 'en', { round: 1, organization: 'UNODC' })!.rows).toHaveLength(
      1,
    )
  })

  it('drafts are seen only by their own organization; a focal point outside the group sees its round', () => {
    const { id } = panama()
    const bodies = (email: string) =>
      roundPage(viewerFor(email), id, 2, 'es')!
        .sections.flatMap((s) => s.comments)
        .map((c) => c.organizationCode)
        .sort()
    expect(bodies(CHAIR)).toEqual(['IOM', 'IOM'])
    expect(bodies(UNODC)).toEqual(['IOM', 'IOM', 'UNODC'])
    expect(bodies(SNM)).toEqual(['IOM', 'IOM', 'PA-SNM'])
    // Panama's focal point is in no group of the plan but answers for SNM, UATIM and the Commission
    const focal = roundPage(viewerFor(PA_FOCAL), id, 2, 'es')!
    expect(focal.sections.flatMap((s) => s.comments).map((c) => c.organizationCode)).toEqual(['PA-SNM'])
    expect(focal.submitFor.map((o) => o.code).sort()).toEqual(['PA-CNCTP', 'PA-SNM', 'PA-UATIM'])
    expect(focal.zone).toBe('America/Panama')
    expect(roundPage(viewerFor(PA_FOCAL), id, 1, 'es')!.plan.inGroup).toBe(false)
    // the round page shows only the round's sections
    expect(roundPage(viewerFor(CHAIR), id, 2, 'es')!.sections.map((s) => s.number)).toEqual(['1', '3', '3.1'])
    expect(roundPage(viewerFor(UNHCR), id, 2, 'es')).toBeNull()
    expect(listRounds(viewerFor(UNHCR), id, 'es')).toBeNull()
  })
})

describe('a round from opening to closing', () => {
  it('opens, collects drafts, takes a position, is answered and closes at its deadline', () => {
    const { id, section } = panama()
    const t0 = new Date()
    const deadline = new Date(t0.getTime() + 72 * HOUR)
    // the chair types the deadline in Panama's time
    const local = utcToZoned(deadline, 'America/Panama')
    const { number } = openRound(
      viewerFor(CHAIR),
      id,
      {
        note: 'Tercera ronda',
        deadline: local,
        scope: 'sections',
        sections: [section('2')],
        organizations: ['UNODC', 'IOM'],
      },
      t0,
    )
    expect(number).toBe(3)
    const row = db
      .select()
      .from(planRounds)
      .where(and(eq(planRounds.planId, id), eq(planRounds.number, 3)))
      .get()!
    expect(Math.abs(row.deadline.getTime() - deadline.getTime())).toBeLessThan(60_000)

    const t1 = new Date(t0.getTime() + HOUR)
    const unodc = viewerFor(UNODC)
    const c = addRoundComment(
      unodc,
      id,
      3,
      { section: section('2'), quote: 'más de medio   millón', body: 'Citar la fuente.' },
      'es',
      t1,
    )
    // the quote is found whatever its spacing; the revision read is recorded
    const stored = db.select().from(planRoundComments).where(eq(planRoundComments.id, c.id)).get()!
    expect(stored).toMatchObject({ lang: 'es', revisionNumber: 3 })
    editRoundComment(
      unodc,
      id,
      3,
      { comment: c.id, quote: 'medio millón de personas', body: 'Citar la fuente (SNM, 2023).' },
      'es',
      t1,
    )
    const second = addRoundComment(unodc, id, 3, { section: section('2'), body: 'Otro.' }, 'es', t1)
    withdrawRoundComment(unodc, id, 3, second.id, t1)
    // until UNODC submits, the chair does not read its comment
    const commentsOf = (email: string, now: Date) =>
      roundPage(viewerFor(email), id, 3, 'es', now)!.sections.flatMap((s) => s.comments)
    expect(commentsOf(CHAIR, t1)).toEqual([])
    expect(commentsOf(UNODC, t1).map((x) => x.body)).toEqual(['Citar la fuente (SNM, 2023).'])
    // a drafter who is not the lead drafter of the section answers nothing, even once submitted
    submitPosition(unodc, id, 3, 'UNODC', t1)
    // a submitted position is no longer changed, nor submitted again
    expectRefused(
      () => editRoundComment(unodc, id, 3, { comment: c.id, body: 'Otra cosa' }, 'es', t1),
      403,
      'planRounds.error.alreadySubmitted',
      'body',
    )
    expectRefused(
      () => withdrawRoundComment(unodc, id, 3, c.id, t1),
      403,
      'planRounds.error.alreadySubmitted',
      'body',
    )
    expectRefused(
      () => submitPosition(unodc, id, 3, 'UNODC', t1),
      403,
      'planRounds.error.alreadySubmitted',
      'organization',
    )
    expect(commentsOf(CHAIR, t1).map((x) => x.submitted)).toEqual([true])
    // the lead drafter of "Diagnóstico" is IOM's focal point; the chair answers too
    respondToComment(
      viewerFor(IOM),
      id,
      { comment: c.id, response: 'Fuente añadida.', outcome: 'incorporated' },
      t1,
    )
    expect(commentMatrix(viewerFor(CHAIR), id, 'en', { round: 3 })!.rows[0]).toMatchObject({
      organizationCode: 'UNODC',
      quote: 'medio millón de personas',
      response: 'Fuente añadida.',
      outcome: 'incorporated',
      respondedBy: 'Sarah Whitfield',
    })
    // IOM did not submit: once the deadline passes it is late and the round refuses comments
    const after = new Date(deadline.getTime() + 1000)
    const page = roundPage(viewerFor(CHAIR), id, 3, 'en', after)!
    expect(page.round.open).toBe(false)
    expect(page.round.organizations.map((o) => [o.code, o.status])).toEqual(
      expect.arrayContaining([
        ['IOM', 'late'],
        ['UNODC', 'submitted'],
      ]),
    )
    expect(page.canClose).toBe(false)
    expectRefused(
      () => addRoundComment(viewerFor(IOM), id, 3, { section: section('2'), body: 'Tarde' }, 'en', after),
      403,
      'planRounds.error.closed',
      'body',
    )
    expectRefused(
      () => submitPosition(viewerFor(IOM), id, 3, 'IOM', after),
      403,
      'planRounds.error.closed',
      'organization',
    )
    expect(
      db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'plan.roundSubmit'))
        .all()
        .filter((a) => a.outcome === 'ok'),
    ).toHaveLength(1)
  })

  it('the chair closes a round early; then nobody comments', () => {
    const { id, section } = panama()
    const t0 = new Date()
    expectRefused(() => closeRound(viewerFor(SNM), id, 2, t0), 403, 'planRounds.error.notChair', 'round')
    closeRound(viewerFor(CHAIR), id, 2, t0)
    expect(roundPage(viewerFor(CHAIR), id, 2, 'es')!.round.open).toBe(false)
    expectRefused(
      () => addRoundComment(viewerFor(UNODC), id, 2, { section: section('1'), body: 'x' }, 'es'),
      403,
      'planRounds.error.closed',
      'body',
    )
  })
})

describe('refusals', () => {
  it('bad openings: past deadline, unknown organization, no section, not the chair', () => {
    const { id } = panama()
    const local = (ms: number) => utcToZoned(new Date(Date.now() + ms), 'America/Panama')
    const base = { deadline: local(48 * HOUR), scope: 'whole' as const, sections: [], organizations: ['IOM'] }
    expectRefused(
      () => openRound(viewerFor(CHAIR), id, { ...base, deadline: local(-HOUR) }),
      400,
      'planRounds.error.deadlinePast',
      'deadline',
    )
    expectRefused(
      () => openRound(viewerFor(CHAIR), id, { ...base, organizations: ['XX-NOPE'] }),
      400,
      'planRounds.error.unknownOrganization',
      'organizations',
    )
    expectRefused(
      () => openRound(viewerFor(CHAIR), id, { ...base, scope: 'sections' }),
      400,
      'planRounds.error.noSections',
      'sections',
    )
    expectRefused(() => openRound(viewerFor(SNM), id, base), 403, 'planRounds.error.notChair', 'deadline')
    expectRefused(() => openRound(viewerFor(UNHCR), id, base), 404, 'error.404')
  })

  it('a comment by an organization not consulted, on a section outside the round, with a quote not in the text', () => {
    const { id, section } = panama()
    const before = refusals('plan.roundComment')
    // Panama itself (the commenter has no institution) is not consulted in round 2
    expectRefused(
      () => addRoundComment(viewerFor(COMMENTER), id, 2, { section: section('1'), body: 'x' }, 'es'),
      403,
      'planRounds.error.notConsulted',
      'body',
    )
    // a consulted organization's person naming another organization
    expectRefused(
      () =>
        addRoundComment(
          viewerFor(UNODC),
          id,
          2,
          { section: section('1'), organization: 'IOM', body: 'x' },
          'es',
        ),
      403,
      'planRounds.error.alreadySubmitted',
      'body',
    )
    expectRefused(
      () =>
        addRoundComment(
          viewerFor(UNODC),
          id,
          2,
          { section: section('1'), organization: 'PA-SNM', body: 'x' },
          'es',
        ),
      403,
      'planRounds.error.notYourOrganization',
      'body',
    )
    expect(refusals('plan.roundComment')).toBe(before + 3)
    expectRefused(
      () => addRoundComment(viewerFor(UNODC), id, 2, { section: section('2'), body: 'x' }, 'es'),
      400,
      'planRounds.error.sectionNotInRound',
      'section',
    )
    expectRefused(
      () =>
        addRoundComment(
          viewerFor(UNODC),
          id,
          2,
          { section: section('1'), quote: 'texto inventado', body: 'x' },
          'es',
        ),
      400,
      'planRounds.error.quoteNotInText',
      'quote',
    )
    // someone outside the plan and the round: the round does not exist for them
    expectRefused(
      () => addRoundComment(viewerFor(UNHCR), id, 2, { section: section('1'), body: 'x' }, 'en'),
      404,
      'error.404',
    )
  })

  it("a focal point submitting for another organization; a delegate submitting; someone else's draft", () => {
    const { id } = panama()
    expectRefused(
      () => submitPosition(viewerFor(IOM), id, 2, 'UNODC'),
      403,
      'planRounds.error.notFocalPoint',
      'organization',
    )
    expectRefused(
      () => submitPosition(viewerFor(SNM), id, 2, 'PA-SNM'),
      403,
      'planRounds.error.notFocalPoint',
      'organization',
    )
    expectRefused(
      () => submitPosition(viewerFor(IOM), id, 2, 'IOM'),
      403,
      'planRounds.error.alreadySubmitted',
      'organization',
    )
    expectRefused(
      () => submitPosition(viewerFor(PA_FOCAL), id, 2, 'PA-UATIM'),
      409,
      'planRounds.error.nothingToSubmit',
    )
    const snmDraft = roundPage(viewerFor(SNM), id, 2, 'es')!
      .sections.flatMap((s) => s.comments)
      .find((c) => c.organizationCode === 'PA-SNM')!
    // Panama's focal point reads SNM's draft but only its author changes it
    expectRefused(
      () => editRoundComment(viewerFor(PA_FOCAL), id, 2, { comment: snmDraft.id, body: 'otra' }, 'es'),
      403,
      'planRounds.error.notYourComment',
      'body',
    )
    // the chair does not even see it
    expectRefused(() => withdrawRoundComment(viewerFor(CHAIR), id, 2, snmDraft.id), 404, 'error.404')
    // the state's focal point submits SNM's position
    submitPosition(viewerFor(PA_FOCAL), id, 2, 'PA-SNM')
    expect(commentMatrix(viewerFor(CHAIR), id, 'es', { organization: 'PA-SNM' })!.rows).toHaveLength(1)
  })

  it('a response by someone who is neither the chair nor the lead drafter, or to a draft', () => {
    const { id } = panama()
    const rows = commentMatrix(viewerFor(CHAIR), id, 'es', { round: 2 })!.rows
    const onIntro = rows.find((r) => r.sectionNumber === '1')! // led by SNM
    const answer = { comment: onIntro.id, response: 'Sí', outcome: 'noted' as const }
    expectRefused(
      () => respondToComment(viewerFor(UNODC), id, answer),
      403,
      'planRounds.error.notDrafter',
      'response',
    )
    expectRefused(
      () => respondToComment(viewerFor(COMMENTER), id, answer),
      403,
      'planRounds.error.notDrafter',
      'response',
    )
    expectRefused(() => respondToComment(viewerFor(UNHCR), id, answer), 404, 'error.404')
    const draft = roundPage(viewerFor(UNODC), id, 2, 'es')!
      .sections.flatMap((s) => s.comments)
      .find((c) => c.organizationCode === 'UNODC')!
    // a draft does not exist for the drafters
    expectRefused(
      () => respondToComment(viewerFor(CHAIR), id, { ...answer, comment: draft.id }),
      404,
      'error.404',
    )
    respondToComment(viewerFor(SNM), id, answer)
    expect(commentMatrix(viewerFor(CHAIR), id, 'es', { outcome: 'noted' })!.rows.map((r) => r.id)).toEqual([
      onIntro.id,
    ])
  })
})

describe('the pages', () => {
  it('a refused comment answers 403 with the message at the field, in the person’s language, text kept', async () => {
    const { id, section } = panama()
    const before = snapshot()
    const answer = await run<{
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
    }>(
      roundRoute.action,
      `/plans/${id}/rounds/2?lang=es`,
      { as: COMMENTER, form: { intent: 'comment', section: section('1'), body: 'Mi comentario' } },
      { id, number: '2' },
    )
    expect(answer.status).toBe(403)
    expect(answer.data.result.error.body).toEqual(['planRounds.error.notConsulted'])
    expect(answer.data.result.initialValue.body).toBe('Mi comentario')
    expect(translator('es').t('planRounds.error.notConsulted')).toMatch(/no está consultada/)
    expect(snapshot()).toBe(before)
    // the submit form without its confirmation: 400 at the field
    const unconfirmed = await run<{ result: { error: Record<string, string[]> } }>(
      roundRoute.action,
      `/plans/${id}/rounds/2`,
      { as: UNODC, form: { intent: 'submit', organization: 'UNODC' } },
      { id, number: '2' },
    )
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.data.result.error.confirm).toEqual(['planRounds.error.confirm'])
    expect(snapshot()).toBe(before)
    const ok = await run(
      roundRoute.action,
      `/plans/${id}/rounds/2`,
      { as: UNODC, form: { intent: 'submit', organization: 'UNODC', confirm: '1' } },
      { id, number: '2' },
    )
    expect(ok.status).toBe(302)
    expect(ok.location).toBe(`/plans/${id}/rounds/2?done=submit`)
  })

  it('the chair opens a round through the form; a bad deadline keeps what was typed', async () => {
    const { id } = panama()
    const bad = await run<{
      result: { error: Record<string, string[]>; initialValue: Record<string, unknown> }
    }>(
      roundsRoute.action,
      `/plans/${id}/rounds`,
      {
        as: CHAIR,
        form: { deadline: '2020-01-01T10:00', scope: 'whole', organizations: ['IOM', 'UNODC'], note: 'Nota' },
      },
      { id },
    )
    expect(bad.status).toBe(400)
    expect(bad.data.result.error.deadline).toEqual(['planRounds.error.deadlinePast'])
    expect(bad.data.result.initialValue).toMatchObject({ note: 'Nota', organizations: ['IOM', 'UNODC'] })
    const local = utcToZoned(new Date(Date.now() + 48 * HOUR), 'America/Panama')
    const ok = await run(
      roundsRoute.action,
      `/plans/${id}/rounds`,
      { as: CHAIR, form: { deadline: local, scope: 'whole', organizations: ['IOM'] } },
      { id },
    )
    expect(ok.location).toBe(`/plans/${id}/rounds/3?opened=1`)
  })

  it('the matrix of a plan the person cannot see is 404: page, CSV and XLSX', async () => {
    const { id } = panama()
    for (const [route, path] of [
      [matrixPage, `/plans/${id}/comments`],
      [csvRoute, `/plans/${id}/comments.csv`],
      [xlsxRoute, `/plans/${id}/comments.xlsx`],
      [roundsRoute, `/plans/${id}/rounds`],
      [roundRoute, `/plans/${id}/rounds/2`],
    ] as const) {
      const answer = await run(route.loader, path, { as: UNHCR }, { id, number: '2' })
      expect(answer.status, path).toBe(404)
      expect(answer.body).not.toContain('Plan Nacional')
    }
    // a focal point outside the group sees its round, not the matrix
    expect(
      (await run(roundRoute.loader, `/plans/${id}/rounds/2`, { as: PA_FOCAL }, { id, number: '2' })).status,
    ).toBe(200)
    expect((await run(matrixPage.loader, `/plans/${id}/comments`, { as: PA_FOCAL }, { id })).status).toBe(404)
    expect((await run(csvRoute.loader, `/plans/${id}/comments.csv`, { as: PA_FOCAL }, { id })).status).toBe(
      404,
    )
  })
})

describe('the exports', () => {
  it('signed out: no export, no page (sent to sign in)', async () => {
    const { id } = panama()
    for (const [route, path] of [
      [csvRoute, `/plans/${id}/comments.csv`],
      [xlsxRoute, `/plans/${id}/comments.xlsx`],
      [matrixPage, `/plans/${id}/comments`],
    ] as const) {
      const answer = await run(route.loader, path, {}, { id })
      expect(answer.status, path).toBe(302)
      expect(answer.location).toMatch(/^\/login/)
    }
  })

  it('the XLSX job refuses what is not a matrix, or too many rows', async () => {
    const job = (await import('~/modules/core/xlsx-table.job.mjs')).default as (i: unknown) => Promise<Buffer>
    await expect(job({})).rejects.toThrow(/bad input/)
    await expect(
      job({
        sheets: [{ columns: [{ header: 'a', width: 5 }], rows: Array.from({ length: 20_001 }, () => ['x']) }],
      }),
    ).rejects.toThrow(/too many rows/)
    const bytes = await job({
      sheets: [{ name: 'a/b:c*?[]', columns: [{ header: 'a', width: 5 }], rows: [['=1+1']] }],
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
    expect(workbook.worksheets[0].name).toBe('a b c    ')
    expect(workbook.worksheets[0].getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String)
  })

  function parseCsv(text: string): string[][] {
    const rows: string[][] = []
    let row: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"'
          i++
        } else if (c === '"') quoted = false
        else field += c
      } else if (c === '"') quoted = true
      else if (c === ',') {
        row.push(field)
        field = ''
      } else if (c === '\r' && text[i + 1] === '\n') {
        row.push(field)
        rows.push(row)
        row = []
        field = ''
        i++
      } else field += c
    }
    return rows
  }

  /** UNODC's position in round 2 with a comment that is a formula, then answered by the chair. */
  function withFormula() {
    const { id, section } = panama()
    const c = addRoundComment(
      viewerFor(UNODC),
      id,
      2,
      { section: section('3.1'), body: '=HYPERLINK("http://evil.example","click"), "dijo"' },
      'es',
    )
    submitPosition(viewerFor(UNODC), id, 2, 'UNODC')
    respondToComment(viewerFor(CHAIR), id, { comment: c.id, response: '+1 de acuerdo', outcome: 'noted' })
    return id
  }

  it('CSV: the matrix rows, in the person’s language, formulas neutralised, filters applied', async () => {
    const id = withFormula()
    const answer = await run(
      csvRoute.loader,
      `/plans/${id}/comments.csv?round=2&lang=en`,
      { as: CHAIR },
      { id },
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(answer.headers.get('Content-Disposition')).toMatch(
      /attachment; filename="comment-matrix-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(answer.headers.get('Cache-Control')).toContain('no-store')
    expect(answer.body.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(answer.body.slice(1))
    expect(header).toEqual([
      'Round',
      'Section',
      'Passage',
      'Organization',
      'Comment',
      'Response',
      'Action taken',
      'Written by',
      'Date',
    ])
    expect(rows.every((r) => r[0] === '2')).toBe(true)
    const evil = rows.find((r) => r[4].includes('HYPERLINK'))!
    expect(evil[4]).toBe(`'=HYPERLINK("http://evil.example","click"), "dijo"`)
    expect(evil[5]).toBe("'+1 de acuerdo")
    expect(evil[6]).toBe('Noted')
    expect(evil[3]).toBe('United Nations Office on Drugs and Crime')
    const iom = rows.find((r) => r[2] === 'en las comunidades de acogida')!
    expect(iom.slice(1, 7)).toEqual([
      '3.1 Prevention',
      'en las comunidades de acogida',
      'International Organization for Migration',
      'Name the host communities of Darién and Chiriquí explicitly.',
      'Se nombran Darién y Chiriquí.',
      'Incorporated',
    ])
    const es = await run(
      csvRoute.loader,
      `/plans/${id}/comments.csv?outcome=unanswered&lang=es`,
      { as: CHAIR },
      { id },
    )
    const esRows = parseCsv(es.body.slice(1))
    expect(esRows[0][6]).toBe('Acción tomada')
    expect(esRows.slice(1).map((r) => [r[3], r[6]])).toEqual([
      ['Organización Internacional para las Migraciones', 'Sin respuesta todavía'],
      ['Oficina de las Naciones Unidas contra la Droga y el Delito', 'Sin respuesta todavía'],
    ])
  })

  it('XLSX: built in a child process, opened with exceljs, every text a string cell', async () => {
    const id = withFormula()
    const answer = await run(xlsxRoute.loader, `/plans/${id}/comments.xlsx?lang=es`, { as: CHAIR }, { id })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(answer.headers.get('Content-Disposition')).toMatch(/matriz-comentarios-.*\.xlsx/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.bytes!.buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet.name).toBe('Matriz de comentarios')
    expect(sheet.getRow(1).getCell(1).value).toBe('Ronda')
    expect(sheet.getRow(1).getCell(7).value).toBe('Acción tomada')
    // the five demo rows, and UNODC's two comments of round 2
    expect(sheet.rowCount).toBe(1 + 7)
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2))
    const evil = rows.find((r) => String(r.getCell(5).value).includes('HYPERLINK'))!
    expect(evil.getCell(5).type).toBe(ExcelJS.ValueType.String)
    expect(evil.getCell(5).value).toBe('=HYPERLINK("http://evil.example","click"), "dijo"')
    expect(evil.getCell(6).type).toBe(ExcelJS.ValueType.String)
    expect(evil.getCell(7).value).toBe('Tomado en cuenta')
    expect(rows[0].getCell(1).value).toBe(1)
    expect(rows[0].getCell(4).value).toBe('Organización Internacional para las Migraciones')
  })
})
