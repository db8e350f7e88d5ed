/**
 * Decisions after they are recorded, through the routes as a browser without JavaScript posts them: the
 * record form clears and says so; a near-duplicate asks for confirmation (the text kept); corrigenda
 * (the secretariat only; history kept and shown; code unchanged); withdrawals (with a reason; the code
 * never given again); the register's filters and its CSV and XLSX exports.
 */
import ExcelJS from 'exceljs'
import { and, asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { auditLog, decisionCorrigenda, decisions } from '@db/schema'
import { decisionsTable } from '~/modules/meetings/decisions-export.server'
import { similarity } from '~/modules/meetings/similar-text'
import decisionsXlsxJob from '~/modules/meetings/decisions-xlsx.job.mjs'
import * as decisionsTab from '~/routes/meetings.$id.decisions'
import * as register from '~/routes/meetings.decisions'
import * as exportCsv from '~/routes/meetings.decisions.export[.]csv'
import * as exportXlsx from '~/routes/meetings.decisions.export[.]xlsx'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { meetingByNumber } from './helpers/demo'

const SECRETARIAT = 'secretariat@rcm.example'
const DELEGATE = 'mx.delegate@rcm.example'

beforeEach(() => {
  freshDemoDb()
})

const decisionsOf = (meetingId: string) =>
  db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.number)).all()

/** A meeting of the demo with decisions in force. */
function meetingWithDecisions() {
  const m = meetingByNumber('vice_ministerial', 'XXVIII')
  const list = decisionsOf(m.id)
  expect(list.length).toBeGreaterThan(0)
  return { m, list }
}

interface Reply {
  intent: string
  result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
  conflict: unknown
}

const record = (id: string, form: Record<string, string>, as = SECRETARIAT) =>
  run<Reply>(decisionsTab.action, '/', { as, form: { intent: 'record', ...form } }, { id })

describe('recording a decision', () => {
  it('redirects to the tab saying which decision was recorded, the form empty again', async () => {
    const { m, list } = meetingWithDecisions()
    const done = await record(m.id, { textEs: 'Crear un grupo ad hoc sobre movilidad laboral en la región.' })
    expect(done.status).toBe(302)
    const code = `XXVIII-VM/D.${list.length + 1}`
    expect(done.location).toContain(`recorded=${encodeURIComponent(code)}`)
    expect(decisionsOf(m.id)).toHaveLength(list.length + 1)
  })

  it('asks to confirm a text nearly the same as one recorded, keeps it, and records it once confirmed', async () => {
    const { m, list } = meetingWithDecisions()
    const original = list[0].textEs ?? list[0].textEn ?? ''
    const retyped = `${original.toUpperCase()}.`
    expect(similarity(original, retyped)).toBeGreaterThan(0.85)
    const asked = await record(m.id, { textEs: retyped })
    expect(asked.status).toBe(409)
    expect(asked.data.result.error?.textEs).toEqual(['decisionsOwners.error.nearDuplicate'])
    expect(asked.data.result.initialValue?.textEs).toBe(retyped)
    expect(asked.data.conflict).toEqual({ duplicateOf: list[0].code })
    expect(decisionsOf(m.id)).toHaveLength(list.length)
    const confirmed = await record(m.id, { textEs: retyped, confirmDuplicate: '1' })
    expect(confirmed.status).toBe(302)
    expect(decisionsOf(m.id)).toHaveLength(list.length + 1)
  })

  it('does not take two different decisions for duplicates', () => {
    expect(
      similarity(
        'Aprobar el plan de trabajo de la Presidencia Pro Tempore.',
        'Encargar a la Secretaría un informe sobre niñez migrante no acompañada.',
      ),
    ).toBeLessThan(0.6)
  })
})

describe('corrigenda', () => {
  it('the secretariat corrects a text: the code stays, the replaced text is kept and shown', async () => {
    const { m, list } = meetingWithDecisions()
    const d = list[0]
    const corrected = await run(
      decisionsTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: {
          intent: 'correct',
          decisionId: d.id,
          revision: String(d.revision),
          textEs: 'Texto corregido de la decisión.',
          textEn: d.textEn ?? '',
          reason: 'Error de transcripción',
        },
      },
      { id: m.id },
    )
    expect(corrected.status).toBe(302)
    const after = db.select().from(decisions).where(eq(decisions.id, d.id)).get()!
    expect(after.code).toBe(d.code)
    expect(after.textEs).toBe('Texto corregido de la decisión.')
    expect(after.revision).toBe(d.revision + 1)
    const history = db.select().from(decisionCorrigenda).where(eq(decisionCorrigenda.decisionId, d.id)).all()
    expect(history).toEqual([
      expect.objectContaining({ number: 1, previousTextEs: d.textEs, reason: 'Error de transcripción' }),
    ])
    const page = (await run(decisionsTab.loader, '/', { as: DELEGATE }, { id: m.id })).data as {
      decisions: { id: string; code: string; corrigenda: { previousText: string; reason: string }[] }[]
    }
    const shown = page.decisions.find((x) => x.id === d.id)!
    expect(shown.code).toBe(d.code)
    expect(shown.corrigenda[0]).toMatchObject({ reason: 'Error de transcripción' })
    // append-only: the database itself refuses to rewrite or delete the history
    expect(() => rawSqlite().prepare('UPDATE decision_corrigenda SET reason = ?').run('x')).toThrow(
      /append-only/,
    )
    expect(() => rawSqlite().prepare('DELETE FROM decision_corrigenda').run()).toThrow(/append-only/)
  })

  it('refuses a corrigendum by a delegate (403, message in their language, nothing changed)', async () => {
    const { m, list } = meetingWithDecisions()
    const d = list[0]
    const corrigendaBefore = db.select().from(decisionCorrigenda).all().length
    const refused = await run<Reply>(
      decisionsTab.action,
      '/',
      {
        as: DELEGATE,
        form: {
          intent: 'correct',
          decisionId: d.id,
          revision: '1',
          textEs: 'Otro texto',
          reason: 'Porque sí',
        },
      },
      { id: m.id },
    )
    expect(refused.status).toBe(403)
    expect(refused.data.result.error?.['']).toEqual(['decisionsOwners.error.secretariatOnly'])
    expect(db.select().from(decisions).where(eq(decisions.id, d.id)).get()).toEqual(d)
    expect(db.select().from(decisionCorrigenda).all()).toHaveLength(corrigendaBefore)
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'decision.correct'), eq(auditLog.outcome, 'refused')))
      .all()
    expect(audit).toHaveLength(1)
  })
})

describe('withdrawals', () => {
  const withdraw = (id: string, form: Record<string, string>, as = SECRETARIAT) =>
    run<Reply>(
      decisionsTab.action,
      '/',
      { as, form: { intent: 'withdraw', confirmed: 'yes', ...form } },
      { id },
    )

  it('refuses a withdrawal without a reason, at the field (nothing changed)', async () => {
    const { m, list } = meetingWithDecisions()
    const refused = await withdraw(m.id, { decisionId: list[0].id, reason: '   ' })
    expect(refused.status).toBe(400)
    expect(refused.data.result.error?.reason).toEqual(['decisionsOwners.error.reasonRequired'])
    expect(db.select().from(decisions).where(eq(decisions.id, list[0].id)).get()?.status).toBe('in_force')
  })

  it('a withdrawn decision stays, shown as withdrawn; its code is never given again', async () => {
    const { m, list } = meetingWithDecisions()
    const last = list.filter((d) => d.status === 'in_force').at(-1)!
    const top = list[list.length - 1].number
    const done = await withdraw(m.id, { decisionId: last.id, reason: 'Duplicada por error' })
    expect(done.status).toBe(302)
    const after = db.select().from(decisions).where(eq(decisions.id, last.id)).get()!
    expect(after).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Duplicada por error',
      code: last.code,
    })
    // the next decision takes the next number, not the withdrawn one's
    const next = await record(m.id, { textEs: 'Una decisión completamente distinta sobre estadísticas.' })
    expect(next.status).toBe(302)
    const codes = decisionsOf(m.id).map((d) => d.code)
    expect(codes.filter((c) => c === last.code)).toHaveLength(1)
    expect(codes.at(-1)).toBe(`XXVIII-VM/D.${top + 1}`)
    // the code cannot be reused by any path: the database refuses a second row with it, and deletion
    const row = { ...after, id: 'reuse-attempt', number: 99, status: 'in_force' as const }
    expect(() =>
      db
        .insert(decisions)
        .values({ ...row, withdrawnAt: null, withdrawalReason: null, withdrawnById: null })
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() =>
      rawSqlite().prepare('UPDATE decisions SET code = ? WHERE id = ?').run('X/D.1', last.id),
    ).toThrow(/final/)
    expect(() => rawSqlite().prepare('DELETE FROM decisions WHERE id = ?').run(last.id)).toThrow(
      /never deleted/,
    )
    // final: neither corrected nor withdrawn again
    const again = await withdraw(m.id, { decisionId: last.id, reason: 'Otra vez' })
    expect(again.status).toBe(409)
    expect(again.data.result.error?.['']).toEqual(['decisionsOwners.error.withdrawnFinal'])
    const page = (await run(decisionsTab.loader, '/', { as: DELEGATE }, { id: m.id })).data as {
      decisions: { id: string; status: string; withdrawal: { reason: string } | null }[]
    }
    expect(page.decisions.find((d) => d.id === last.id)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Duplicada por error' },
    })
  })
})

describe('the register', () => {
  async function withdrawFirst() {
    const { m, list } = meetingWithDecisions()
    await run(
      decisionsTab.action,
      '/',
      {
        as: SECRETARIAT,
        form: {
          intent: 'withdraw',
          confirmed: 'yes',
          decisionId: list[0].id,
          reason: '=HYPERLINK("x")',
        },
      },
      { id: m.id },
    )
    return { m, list }
  }

  it('filters by meeting, year, status and text', async () => {
    const { m, list } = await withdrawFirst()
    type Page = { items: { code: string; status: string }[] }
    const get = async (q: string) =>
      ((await run(register.loader, `/meetings/decisions?${q}`, { as: DELEGATE })).data as Page).items
    const ofMeeting = await get(`meeting=${m.id}`)
    expect(ofMeeting.map((d) => d.code)).toEqual(list.map((d) => d.code))
    const seededWithdrawn = list.filter((d) => d.status === 'withdrawn').map((d) => d.code)
    expect(seededWithdrawn).toHaveLength(1)
    expect((await get(`meeting=${m.id}&status=withdrawn`)).map((d) => d.code)).toEqual([
      list[0].code,
      ...seededWithdrawn,
    ])
    expect((await get(`meeting=${m.id}&status=corrected`)).length).toBe(1)
    expect((await get(`meeting=${m.id}&status=in_force`)).map((d) => d.code)).not.toContain(list[0].code)
    const year = m.startsAt.getUTCFullYear()
    expect(await get(`year=${year}&meeting=${m.id}`)).toHaveLength(list.length)
    expect(await get(`year=${year - 30}&meeting=${m.id}`)).toHaveLength(0)
    const word = (list[1]?.textEs ?? list[0].textEs ?? '').split(' ').find((w) => w.length > 6) ?? ''
    expect((await get(`q=${encodeURIComponent(word)}&meeting=${m.id}`)).length).toBeGreaterThan(0)
    expect(await get(`q=zzzz-nothing&meeting=${m.id}`)).toHaveLength(0)
    // a bad filter value is ignored, never applied
    expect(await get(`meeting=${m.id}&status=deleted`)).toHaveLength(list.length)
  })

  it('exports CSV with formulas neutralised and the withdrawn decision said so', async () => {
    const { m, list } = await withdrawFirst()
    const csv = await run(exportCsv.loader, `/meetings/decisions/export.csv?meeting=${m.id}&lang=en`, {
      as: DELEGATE,
    })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
    expect(csv.headers.get('Content-Disposition')).toContain('attachment')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    const lines = csv.body.slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(list.length + 1)
    expect(lines[0]).toContain('Code')
    const withdrawn = lines.find((l) => l.startsWith(list[0].code))!
    expect(withdrawn).toContain('Withdrawn')
    expect(withdrawn).toContain(`"'=HYPERLINK(""x"")"`)
  })

  it('exports XLSX (opened with exceljs): every text a string, the withdrawn row struck through', async () => {
    const { m, list } = await withdrawFirst()
    const viewer = viewerFor(DELEGATE)
    const { table, withdrawnRows } = decisionsTable(viewer, { meeting: m.id }, 'es')
    const bytes = await decisionsXlsxJob({
      creator: 'test',
      created: Date.now(),
      sheet: table,
      withdrawnRows,
      textColumns: [1, 2, 7],
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe('Código')
    expect(sheet.rowCount).toBe(list.length + 1)
    const row = sheet.getRow(2)
    expect(row.getCell(1).value).toBe(list[0].code)
    expect(row.getCell(8).value).toBe('=HYPERLINK("x")')
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String)
    expect(row.font?.strike).toBe(true)
  })

  it('exports XLSX through the route (the child job)', async () => {
    const { m, list } = meetingWithDecisions()
    const xlsx = await run(exportXlsx.loader, `/meetings/decisions/export.xlsx?meeting=${m.id}`, {
      as: DELEGATE,
    })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('Content-Type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.bytes!) as unknown as ArrayBuffer)
    expect(book.worksheets[0].rowCount).toBe(list.length + 1)
  })
})
