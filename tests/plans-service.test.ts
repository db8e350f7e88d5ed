// The plans module on the demo data: who sees and does what (refusals change nothing), saves that name
// their base revision (stale ones refused or merged), suggestions and comments, concurrency.
import { count, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { auditLog, planSectionRevisions, planSuggestions } from '@db/schema'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import {
  addComment,
  decideSuggestion,
  listComments,
  listSuggestions,
  resolveComment,
  suggest,
} from '~/modules/plans/comments.server'
import { getPlan, listPlans, sectionRevisions } from '~/modules/plans/queries.server'
import { changeStage, saveSection } from '~/modules/plans/writing.server'
import { freshDemoDb, viewerFor } from './helpers/db'

const SNM = 'pa.snm@rcm.example'
const IOM = 'iom@rcm.example'
const CHAIR = 'pa.minseg@rcm.example'
const READER = 'pa.delegate1@rcm.example'
const COMMENTER = 'pa.delegate2@rcm.example'
const OUTSIDERS = [
  'unhcr@rcm.example',
  'mx.delegate@rcm.example',
  'co.observer@rcm.example',
  'pa.focal@rcm.example',
]

function thrown(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const revisionCount = () => db.select({ n: count() }).from(planSectionRevisions).get()!.n

function panama() {
  const plan = listPlans(viewerFor(SNM), 'es').find((p) => p.title.startsWith('Plan Nacional'))!
  const view = getPlan(viewerFor(SNM), plan.id, 'es')!
  const bySection = (n: string) => view.sections.find((s) => s.number === n)!
  return { id: plan.id, view, bySection }
}

beforeEach(() => {
  freshDemoDb()
})

describe('the demo plans', () => {
  it("Panama's plan is in institutional consultation with numbered sections, brackets, comments and a suggestion", () => {
    const { view, bySection } = panama()
    expect(view.stage).toBe('institutional_consultation')
    expect(view.sections.filter((s) => !s.retired).length).toBeGreaterThanOrEqual(12)
    expect(bySection('3.1.1').title).toBe('Información en las zonas de tránsito')
    expect(bySection('3.1.1').brackets).toEqual({ total: 2, byOrganization: { 'PA-MINSEG': 1, IOM: 1 } })
    expect(view.brackets.total).toBe(4)
    expect(Object.keys(view.brackets.byOrganization).sort()).toEqual(['IOM', 'PA-MINSEG'])
    expect(view.openComments).toBe(3)
    expect(view.pendingSuggestions).toBe(1)
    expect(view.sections.find((s) => s.retired)?.number).toBeNull()
    // the English text of chapter 2 translates an older revision of the Spanish one
    expect(bySection('2').texts.en?.outdated).toBe(true)
    expect(bySection('1').texts.en?.outdated).toBe(false)
    expect(view.history.map((h) => h.stage)).toEqual(['mandate', 'drafting', 'institutional_consultation'])
  })

  it('an RCM working group has its work plan approved, every section agreed, and published', () => {
    const secretariat = viewerFor('secretariat@rcm.example')
    const plans = listPlans(secretariat, 'en')
    // Panama's national plan and referral protocol, and this one
    expect(plans).toHaveLength(3)
    const border = plans.find((p) => p.group.slug === 'border-management')!
    const view = getPlan(secretariat, border.id, 'en')!
    // approved, then published in the library (db/seed/plan-word.ts)
    expect(view.stage).toBe('published')
    expect(view.history.map((h) => h.stage).slice(-2)).toEqual(['approved', 'published'])
    expect(view.sections.every((s) => s.status === 'agreed')).toBe(true)
  })

  it('members of the group see the plan, whatever their role; nobody else does', () => {
    const { id } = panama()
    for (const email of [SNM, IOM, CHAIR, READER, COMMENTER, 'secretariat@rcm.example'])
      expect(getPlan(viewerFor(email), id, 'es'), email).not.toBeNull()
    for (const email of OUTSIDERS) {
      const v = viewerFor(email)
      expect(getPlan(v, id, 'es'), email).toBeNull()
      expect(
        listPlans(v, 'es').map((p) => p.id),
        email,
      ).not.toContain(id)
      const { bySection } = panama()
      expect(sectionRevisions(v, id, bySection('1').id, 'es'), email).toBeNull()
      expect(listComments(v, id), email).toBeNull()
      expect(listSuggestions(v, id), email).toBeNull()
      expect(
        thrown(() => saveSection(v, id, bySection('1').id, { text: 'x', baseRevision: 2, mode: 'strict' }))
          .status,
      ).toBe(404)
      expect(thrown(() => addComment(v, id, { sectionId: bySection('1').id, body: 'x' })).status).toBe(404)
    }
    expect(getPlan(null, id, 'es')).toBeNull()
  })
})

describe('saving a section', () => {
  it('from the current revision: a new revision naming its base, by its author', () => {
    const { id, bySection } = panama()
    const s = bySection('1')
    const base = s.texts.es!.revision
    const saved = saveSection(viewerFor(IOM), id, s.id, {
      text: 'Nuevo texto.\n',
      baseRevision: base,
      mode: 'strict',
      note: 'prueba',
    })
    expect(saved).toMatchObject({ revision: 4, merged: false, unchanged: false, text: 'Nuevo texto.\n' })
    const history = sectionRevisions(viewerFor(SNM), id, s.id, 'en')!.revisions
    expect(history[0]).toMatchObject({
      number: 4,
      lang: 'es',
      baseRevision: base,
      note: 'prueba',
      author: { name: 'Sarah Whitfield' },
    })
    expect(history.map((r) => r.number)).toEqual([4, 3, 2, 1])
    // the English translation is now outdated
    expect(panama().bySection('1').texts.en?.outdated).toBe(true)
  })

  it('stores line breaks as LF whatever the browser sent, so a form save merges with an API one', () => {
    const { id, bySection } = panama()
    const s = bySection('2')
    const saved = saveSection(viewerFor(IOM), id, s.id, {
      text: 'Uno.\r\n\r\nDos.\r\n',
      baseRevision: s.texts.es!.revision,
      mode: 'merge',
    })
    expect(saved.text).toBe('Uno.\n\nDos.\n')
  })

  it('refuses readers and commenters (403, audited, nothing saved)', () => {
    const { id, bySection } = panama()
    const s = bySection('1')
    const before = revisionCount()
    for (const email of [READER, COMMENTER]) {
      const e = thrown(() =>
        saveSection(viewerFor(email), id, s.id, {
          text: 'x',
          baseRevision: s.texts.es!.revision,
          mode: 'strict',
        }),
      )
      expect(e.status, email).toBe(403)
      expect(e.messageKey).toBe('plans.error.cannotEdit')
    }
    expect(revisionCount()).toBe(before)
    const refusals = db.select().from(auditLog).where(eq(auditLog.action, 'plan.editSection')).all()
    expect(refusals.filter((r) => r.outcome === 'refused')).toHaveLength(2)
  })

  it('refuses a stale revision in strict mode with the current text and revision (412)', () => {
    const { id, bySection } = panama()
    const s = bySection('3.1.1')
    const base = s.texts.es!.revision
    saveSection(viewerFor(SNM), id, s.id, { text: 'Texto de SNM.\n', baseRevision: base, mode: 'strict' })
    const before = revisionCount()
    const e = thrown(() =>
      saveSection(viewerFor(IOM), id, s.id, {
        text: 'Texto de la OIM.\n',
        baseRevision: base,
        mode: 'strict',
      }),
    )
    expect(e.status).toBe(412)
    expect(e.current).toMatchObject({
      revision: base + 1,
      text: 'Texto de SNM.\n',
      yours: 'Texto de la OIM.\n',
    })
    expect(revisionCount()).toBe(before)
  })

  it('merges a stale save whose changes do not overlap (page mode), and refuses overlapping ones (409)', () => {
    const { id, bySection } = panama()
    const s = bySection('1')
    const base = s.texts.es!
    const theirs = base.text.replace('El presente Plan Nacional', 'Este Plan Nacional')
    saveSection(viewerFor(SNM), id, s.id, { text: theirs, baseRevision: base.revision, mode: 'merge' })
    const mine = base.text.replace('Servicio Nacional de Migración', 'Servicio Nacional de Migración (SNM)')
    const merged = saveSection(viewerFor(IOM), id, s.id, {
      text: mine,
      baseRevision: base.revision,
      mode: 'merge',
    })
    expect(merged.merged).toBe(true)
    expect(merged.text).toContain('Este Plan Nacional')
    expect(merged.text).toContain('(SNM)')
    const overlapping = base.text.replace('El presente Plan Nacional', 'El nuevo Plan Nacional')
    const e = thrown(() =>
      saveSection(viewerFor(CHAIR), id, s.id, {
        text: overlapping,
        baseRevision: base.revision,
        mode: 'merge',
      }),
    )
    expect(e.status).toBe(409)
    expect(e.current).toMatchObject({ revision: merged.revision, text: merged.text, yours: overlapping })
  })

  it('refuses editing an approved plan, even for the chair', () => {
    const secretariat = viewerFor('secretariat@rcm.example')
    const border = listPlans(secretariat, 'en').find((p) => p.group.slug === 'border-management')!
    const s = getPlan(secretariat, border.id, 'en')!.sections[0]
    const e = thrown(() =>
      saveSection(secretariat, border.id, s.id, {
        text: 'x',
        baseRevision: s.texts.es!.revision,
        mode: 'strict',
      }),
    )
    expect(e.status).toBe(403)
    expect(e.messageKey).toBe('plans.error.locked')
  })

  it('of 20 saves from the same revision exactly one wins; the others get 412 and keep their text', async () => {
    const { id, bySection } = panama()
    const s = bySection('4')
    const base = s.texts.es!.revision
    const before = revisionCount()
    const writers = [SNM, IOM, CHAIR, 'unodc.focal@rcm.example']
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await Promise.resolve()
        try {
          return saveSection(viewerFor(writers[i % writers.length]), id, s.id, {
            text: `Versión ${i}\n`,
            baseRevision: base,
            mode: 'strict',
          })
        } catch (error) {
          return error as DomainError
        }
      }),
    )
    const won = outcomes.filter((o) => !isDomainError(o))
    const lost = outcomes.filter(isDomainError)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(19)
    expect(lost.every((e) => e.status === 412)).toBe(true)
    const texts = new Set([
      ...won.map((w) => (w as { text: string }).text),
      ...lost.map((e) => (e.current as { yours: string }).yours),
    ])
    expect(texts.size).toBe(20)
    expect(revisionCount()).toBe(before + 1)
  })

  it('the database refuses to change or delete a revision, or to skip a number', () => {
    const sqlite = rawSqlite()
    expect(() => sqlite.prepare("UPDATE plan_section_revisions SET text = 'x'").run()).toThrow(/append-only/)
    expect(() => sqlite.prepare('DELETE FROM plan_section_revisions').run()).toThrow(/append-only/)
    const { bySection } = panama()
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO plan_section_revisions (id, section_id, number, lang, text, note, merged, created_at) VALUES ('r', ?, 99, 'es', 'x', '', 0, 0)",
        )
        .run(bySection('1').id),
    ).toThrow(/out of sequence/)
    expect(() => sqlite.prepare("UPDATE plan_stage_history SET stage = 'published'").run()).toThrow(
      /append-only/,
    )
  })
})

describe('suggestions and comments', () => {
  it('the lead drafter accepts a suggestion: a revision credited to the suggester', () => {
    const { id, bySection } = panama()
    const [pending] = listSuggestions(viewerFor(SNM), id)!.filter((s) => s.status === 'pending')
    expect(pending.author.name).toBeTruthy()
    // neither another drafter (not the lead) nor the commenter decides it
    for (const email of [IOM, COMMENTER])
      expect(thrown(() => decideSuggestion(viewerFor(email), id, pending.id, { accept: true })).status).toBe(
        403,
      )
    const out = decideSuggestion(viewerFor(SNM), id, pending.id, { accept: true })
    expect(out.status).toBe('accepted')
    const latest = sectionRevisions(viewerFor(SNM), id, bySection('3.4').id, 'es')!.revisions[0]
    expect(latest.text).toContain('Intercambiar información de forma segura')
    expect(latest.author?.id).toBe(viewerFor(COMMENTER).id)
    expect(latest.suggestionId).toBe(pending.id)
    expect(thrown(() => decideSuggestion(viewerFor(SNM), id, pending.id, { accept: true })).status).toBe(409)
  })

  it('a commenter suggests and comments but a rejection needs a reason', () => {
    const { id, bySection } = panama()
    const s = bySection('3.1')
    const sid = suggest(viewerFor(COMMENTER), id, {
      sectionId: s.id,
      quote: 'redes de tráfico ilícito',
      replacement: 'redes de tráfico ilícito de migrantes',
      baseRevision: s.texts.es!.revision,
    })
    expect(
      thrown(() => suggest(viewerFor(READER), id, { sectionId: s.id, replacement: 'x', baseRevision: 1 }))
        .status,
    ).toBe(403)
    expect(
      thrown(() =>
        suggest(viewerFor(COMMENTER), id, {
          sectionId: s.id,
          quote: 'no está',
          replacement: 'x',
          baseRevision: 1,
        }),
      ).field,
    ).toBe('quote')
    expect(
      thrown(() => decideSuggestion(viewerFor(CHAIR), id, sid, { accept: false, reason: ' ' })).field,
    ).toBe('reason')
    expect(decideSuggestion(viewerFor(CHAIR), id, sid, { accept: false, reason: 'Redundante' })).toEqual({
      status: 'rejected',
      revision: null,
    })
    expect(db.select().from(planSuggestions).where(eq(planSuggestions.id, sid)).get()?.reason).toBe(
      'Redundante',
    )

    const thread = addComment(viewerFor(COMMENTER), id, {
      sectionId: s.id,
      body: '¿Y la trata?',
      quote: 'captación',
    })
    const reply = addComment(viewerFor(SNM), id, {
      sectionId: s.id,
      body: 'Se trata en otro plan.',
      parentId: thread,
    })
    expect(thrown(() => addComment(viewerFor(READER), id, { sectionId: s.id, body: 'x' })).status).toBe(403)
    const threads = listComments(viewerFor(SNM), id, { sectionId: s.id })!
    expect(threads.find((t) => t.id === thread)?.replies.map((r) => r.id)).toEqual([reply])
    expect(thrown(() => resolveComment(viewerFor(READER), id, thread)).status).toBe(403)
    resolveComment(viewerFor(COMMENTER), id, thread)
    expect(thrown(() => resolveComment(viewerFor(SNM), id, thread)).status).toBe(409)
  })

  it('the chair moves the plan through its stages; a drafter cannot', () => {
    const { id } = panama()
    expect(thrown(() => changeStage(viewerFor(SNM), id, 'validation_workshop')).status).toBe(403)
    changeStage(viewerFor(CHAIR), id, 'validation_workshop', 'Taller con la sociedad civil')
    const view = getPlan(viewerFor(SNM), id, 'es')!
    expect(view.stage).toBe('validation_workshop')
    expect(view.history.at(-1)).toMatchObject({
      fromStage: 'institutional_consultation',
      stage: 'validation_workshop',
    })
  })
})
