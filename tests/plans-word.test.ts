// Plan word: the plan as a Word file and a printable page (numbers, brackets, language, a past stage),
// a Word document imported into a new plan or an empty one (headings -> tree, paragraphs -> texts),
// the publication of an approved plan in the library (version 1, then 2, with the chosen visibility),
// and every refusal: hidden plans (404), files that are not a DOCX, too large, zip bombs, too many
// headings, a person who does not draft, a visibility the chair may not choose, a plan not approved.
import zlib from 'node:zlib'
import { and, count, eq } from 'drizzle-orm'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import mammoth from 'mammoth'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import {
  auditLog,
  documentFiles,
  documentVersions,
  documents,
  groupMemberships,
  groups,
  people,
  planPublications,
  planSectionRevisions,
  planSections,
  planStageHistory,
  plans,
} from '@db/schema'
import * as docxRoute from '~/routes/plans.$id[.]docx'
import * as printRoute from '~/routes/plans_.$id.print'
import * as importRoute from '~/routes/plans_.$id.import'
import * as importJsonRoute from '~/routes/plans.import[.]json'
import * as plansRoute from '~/routes/plans._index'
import * as publishRoute from '~/routes/plans_.$id.publish'
import { MAX_IMPORT_BYTES, MAX_IMPORT_SECTIONS } from '~/modules/plans/constants'
import { listPlans } from '~/modules/plans/queries.server'
import { addSection, changeStage, createPlan, saveSection } from '~/modules/plans/writing.server'
import { zipEntries } from '~/modules/core/zip-guard.mjs'
import { copyDemoUploads, minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { docxBomb } from './hostile-fixtures'

const SNM = 'pa.snm@rcm.example' // drafter of Panama's plan
const CHAIR = 'pa.minseg@rcm.example' // chair of Panama's plan group
const READER = 'pa.delegate1@rcm.example'
const COMMENTER = 'pa.delegate2@rcm.example'
const OUTSIDER = 'unhcr@rcm.example'
const SECRETARIAT = 'secretariat@rcm.example'
const DAY = 86_400_000

const groupId = (slug: string) => db.select().from(groups).where(eq(groups.slug, slug)).get()!.id
const panamaId = () => listPlans(viewerFor(SNM), 'es').find((p) => p.title.startsWith('Plan Nacional'))!.id
const counts = () => ({
  plans: db.select({ n: count() }).from(plans).get()!.n,
  sections: db.select({ n: count() }).from(planSections).get()!.n,
  revisions: db.select({ n: count() }).from(planSectionRevisions).get()!.n,
  documents: db.select({ n: count() }).from(documents).get()!.n,
  publications: db.select({ n: count() }).from(planPublications).get()!.n,
})

/** An entry of a zip, inflated (the test files are small). */
function zipEntry(bytes: Uint8Array, name: string): string {
  const buffer = Buffer.from(bytes)
  const e = zipEntries(buffer).find((x: { name: string }) => x.name === name)!
  const start =
    e.localOffset + 30 + buffer.readUInt16LE(e.localOffset + 26) + buffer.readUInt16LE(e.localOffset + 28)
  const data = buffer.subarray(start, start + e.compressedSize)
  return (e.method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8')
}

const docxText = async (bytes: Uint8Array) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value

async function getDocx(planId: string, query: string, as: string) {
  return run(docxRoute.loader, `/plans/${planId}.docx${query}`, { as }, { id: planId })
}

/** A Word document made with the docx package: headings 1 to 4 and paragraphs. */
async function wordFile(blocks: [number | null, string][]): Promise<Uint8Array> {
  const headings = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
  ]
  const doc = new Document({
    sections: [
      {
        children: blocks.map(([level, text]) =>
          level
            ? new Paragraph({ text, heading: headings[level - 1] })
            : new Paragraph({ children: [new TextRun(text)] }),
        ),
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const SAMPLE: [number | null, string][] = [
  [1, '1. Marco general'],
  [null, 'Este plan orienta la acción del grupo.'],
  [null, 'Redacción en discusión: [PA-MINSEG: texto propuesto por el Ministerio].'],
  [2, 'Fortalecer la cooperación'],
  [null, 'Objetivo del plan.'],
  [3, 'Intercambio de información'],
  [4, 'Taller regional'],
  [null, 'Un taller en 2025.'],
  [1, 'Seguimiento'],
]

const docxPart = (bytes: Uint8Array, name = 'plan.docx') => ({
  name,
  type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  bytes,
})

function importNew(
  email: string,
  file: { name: string; bytes: Uint8Array; type?: string },
  group = 'pa-smuggling-plan',
) {
  return run(
    plansRoute.action,
    multipartRequest('/plans?index', {
      email,
      fields: { group: groupId(group), title: 'Plan importado de Word', originalLanguage: 'es' },
      file,
    }),
  )
}

function importInto(planId: string, email: string, file: { name: string; bytes: Uint8Array; type?: string }) {
  return run(
    importRoute.action,
    multipartRequest(`/plans/${planId}/import`, { email, file }),
    {},
    { id: planId },
  )
}

const fieldErrors = (a: { data: unknown }) =>
  (a.data as { result: { error: Record<string, string[]> } }).result.error

/** An empty plan of Panama's group, at the drafting stage. */
const emptyPlan = () =>
  createPlan(viewerFor(CHAIR), { groupId: groupId('pa-smuggling-plan'), titleEs: 'Plan vacío' })

beforeEach(() => {
  freshDemoDb()
  copyDemoUploads()
})

describe('the plan as a Word file', () => {
  it('has the title page, the numbered headings, the texts and the brackets with their organization', async () => {
    const id = panamaId()
    const a = await getDocx(id, '?lang=es', SNM)
    expect(a.status).toBe(200)
    expect(a.headers.get('Content-Type')).toContain('wordprocessingml.document')
    expect(a.headers.get('Cache-Control')).toContain('no-store')
    const disposition = a.headers.get('Content-Disposition')!
    expect(disposition).toMatch(/^attachment; filename="Plan Nacional contra el Trafico Ilicito/)
    expect(disposition).toContain("filename*=UTF-8''Plan%20Nacional%20contra%20el%20Tr%C3%A1fico")
    expect(disposition).toContain('.docx')
    const text = await docxText(a.bytes!)
    expect(text).toContain('Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029')
    expect(text).toContain('Etapa: Consulta institucional')
    expect(text).toContain('1 Introducción y marco normativo')
    expect(text).toContain('3.1.1 Información en las zonas de tránsito')
    expect(text).toMatch(/\[PA-MINSEG: [^\]]+\]/)
    expect(text).toMatch(/\[IOM: [^\]]+\]/)
    // headings by level, the brackets in red on yellow
    const xml = zipEntry(a.bytes!, 'word/document.xml')
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?1 Introducción y marco normativo/)
    expect(xml).toMatch(
      /<w:pStyle w:val="Heading3"\/>(?:(?!<\/w:p>)[\s\S])*?3\.1\.1 Información en las zonas/,
    )
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>)[\s\S])*?\[PA-MINSEG: </)
    // retired sections are not in it
    const retired = db
      .select()
      .from(planSections)
      .where(and(eq(planSections.planId, id), eq(planSections.retired, true)))
      .get()!
    expect(text).not.toContain(retired.titleEs!)
  })

  it('in English: the English titles and texts, the Spanish text where none is translated yet, marked', async () => {
    const a = await getDocx(panamaId(), '?lang=en', SNM)
    expect(a.status).toBe(200)
    expect(a.headers.get('Content-Disposition')).toMatch(/National Plan against the Smuggling/)
    const text = await docxText(a.bytes!)
    expect(text).toContain('National Plan against the Smuggling of Migrants 2024-2029')
    expect(text).toContain('Stage: Institutional consultation')
    expect(text).toContain('1 Introduction and legal framework')
    expect(text).toContain('This National Plan guides the action of the Panamanian State')
    expect(text).toContain('Not yet translated: the text in Spanish.')
    expect(text).not.toContain('Etapa:')
  })

  it('as it stood when a stage began: older revisions, later sections absent', async () => {
    const id = panamaId()
    // Panama's consultation began 21 days ago, when chapter 2 already had its figures; its drafting
    // began before any section was written
    const consulted = await docxText(
      (await getDocx(id, '?lang=es&stage=institutional_consultation', SNM)).bytes!,
    )
    expect(consulted).toMatch(/Texto tal como estaba al comenzar la etapa «Consulta institucional»/)
    expect(consulted).toContain('La OIM atendió a más de 115.000')
    const drafting = await docxText((await getDocx(id, '?lang=es&stage=drafting', SNM)).bytes!)
    expect(drafting).not.toContain('Introducción y marco normativo')
    // a plan written over days: the text saved before the consultation began, not the one after it
    const chair = viewerFor(CHAIR)
    const at = (days: number) => vi.setSystemTime(new Date(Date.now() + days * DAY))
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const plan = createPlan(chair, { groupId: groupId('pa-smuggling-plan'), titleEs: 'Plan por etapas' })
      at(1)
      const first = addSection(chair, plan, { kind: 'chapter', titleEs: 'Primero', text: 'Texto de antes.' })
      at(1)
      changeStage(chair, plan, 'institutional_consultation')
      at(1)
      saveSection(chair, plan, first, { text: 'Texto de después.', baseRevision: 1, mode: 'strict' })
      addSection(chair, plan, { kind: 'chapter', titleEs: 'Segundo, más tarde', text: 'Nuevo.' })
      vi.useRealTimers()
      const then = await docxText(
        (await getDocx(plan, '?lang=es&stage=institutional_consultation', SNM)).bytes!,
      )
      expect(then).toContain('1 Primero')
      expect(then).toContain('Texto de antes.')
      expect(then).not.toContain('Texto de después.')
      expect(then).not.toContain('Segundo, más tarde')
      const now = await docxText((await getDocx(plan, '?lang=es', SNM)).bytes!)
      expect(now).toContain('Texto de después.')
      expect(now).toContain('2 Segundo, más tarde')
      // an unknown stage is the plan as it stands
      expect(await docxText((await getDocx(plan, '?lang=es&stage=nonsense', SNM)).bytes!)).toContain(
        'Texto de después.',
      )
    } finally {
      vi.useRealTimers()
    }
  })

  it('is a 404 for a plan the person cannot see, and for no plan', async () => {
    const id = panamaId()
    for (const email of [OUTSIDER, 'mx.delegate@rcm.example', 'co.observer@rcm.example']) {
      expect((await getDocx(id, '', email)).status, email).toBe(404)
      expect((await run(printRoute.loader, `/plans/${id}/print`, { as: email }, { id })).status).toBe(404)
    }
    expect((await getDocx('nope', '', SNM)).status).toBe(404)
    expect((await getDocx(id, '', READER)).status).toBe(200)
  })
})

describe('the printable plan', () => {
  it('numbers the sections, marks the brackets and offers language and stage as a GET form', async () => {
    const id = panamaId()
    const a = await run<{
      plan: { lang: string; stages: { stage: string }[] }
      sections: { number: string; title: string; html: string }[]
    }>(printRoute.loader, `/plans/${id}/print?lang=es`, { as: READER }, { id })
    expect(a.status).toBe(200)
    const s = a.data.sections.find((x) => x.number === '3.1.1')!
    expect(s.title).toBe('Información en las zonas de tránsito')
    expect(s.html).toContain('<mark class="bracket" data-org="PA-MINSEG">')
    expect(a.data.plan.stages.map((x) => x.stage)).toEqual([
      'mandate',
      'drafting',
      'institutional_consultation',
    ])
    const en = await run<{ sections: { number: string; title: string }[] }>(
      printRoute.loader,
      `/plans/${id}/print?lang=en&stage=drafting`,
      { as: READER },
      { id },
    )
    expect(en.data.sections).toEqual([])
  })
})

describe('importing a Word document', () => {
  it('into a new plan: headings become the tree, paragraphs the texts, in one go', async () => {
    const before = counts()
    const a = await importNew(CHAIR, docxPart(await wordFile(SAMPLE)))
    expect(a.status).toBe(200)
    const summary = (a.data as { summary: { planId: string; sections: number; warnings: string[] } }).summary
    expect(summary.sections).toBe(5)
    const plan = db.select().from(plans).where(eq(plans.id, summary.planId)).get()!
    expect(plan).toMatchObject({
      titleEs: 'Plan importado de Word',
      stage: 'drafting',
      originalLanguage: 'es',
    })
    const sections = db.select().from(planSections).where(eq(planSections.planId, plan.id)).all()
    const byTitle = (t: string) => sections.find((s) => s.titleEs === t)!
    // the document's own numbers are dropped: the portal numbers
    expect(byTitle('Marco general')).toMatchObject({ kind: 'chapter', parentId: null, position: 1 })
    expect(byTitle('Fortalecer la cooperación')).toMatchObject({
      kind: 'objective',
      parentId: byTitle('Marco general').id,
    })
    expect(byTitle('Intercambio de información')).toMatchObject({
      kind: 'line',
      parentId: byTitle('Fortalecer la cooperación').id,
    })
    expect(byTitle('Taller regional')).toMatchObject({
      kind: 'activity',
      parentId: byTitle('Intercambio de información').id,
    })
    expect(byTitle('Seguimiento')).toMatchObject({ kind: 'chapter', parentId: null, position: 2 })
    const first = db
      .select()
      .from(planSectionRevisions)
      .where(eq(planSectionRevisions.sectionId, byTitle('Marco general').id))
      .all()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ number: 1, lang: 'es' })
    expect(first[0].text).toBe(
      'Este plan orienta la acción del grupo.\n\nRedacción en discusión: [PA-MINSEG: texto propuesto por el Ministerio].',
    )
    expect(counts()).toMatchObject({
      plans: before.plans + 1,
      sections: before.sections + 5,
      revisions: before.revisions + 3,
    })
    const audited = db.select().from(auditLog).where(eq(auditLog.action, 'plan.import')).all()
    expect(audited.at(-1)).toMatchObject({ targetId: plan.id, outcome: 'ok' })
  })

  it('into an empty plan by a drafter, once: a plan with sections is refused (409)', async () => {
    const id = emptyPlan()
    const a = await importInto(id, SNM, docxPart(await wordFile(SAMPLE)))
    expect(a.status).toBe(200)
    const before = counts()
    const again = await importInto(id, SNM, docxPart(await wordFile(SAMPLE)))
    expect(again.status).toBe(409)
    expect(fieldErrors(again).file).toEqual(['planWord.error.notEmpty'])
    expect(counts()).toEqual(before)
  })

  it('with JavaScript: the same import answers JSON (201 with the summary, or the error at its field)', async () => {
    const id = emptyPlan()
    const bad = await run(
      importJsonRoute.action,
      multipartRequest(`/plans/import.json?plan=${id}`, {
        email: SNM,
        file: { name: 'a.pdf', bytes: minimalPdf('x') },
      }),
    )
    expect(bad.status).toBe(415)
    expect((bad.data as { error: { fields: Record<string, string[]> } }).error.fields.file).toEqual([
      'planWord.error.notDocx',
    ])
    const ok = await run(
      importJsonRoute.action,
      multipartRequest(`/plans/import.json?plan=${id}`, {
        email: SNM,
        file: docxPart(await wordFile(SAMPLE)),
      }),
    )
    expect(ok.status).toBe(201)
    expect(ok.data).toMatchObject({ planId: id, sections: 5 })
    const hidden = await run(
      importJsonRoute.action,
      multipartRequest(`/plans/import.json?plan=${id}`, {
        email: OUTSIDER,
        file: docxPart(await wordFile(SAMPLE)),
      }),
    )
    expect(hidden.status).toBe(404)
  })

  it('refuses what is not a Word document, at the file field, writing nothing', async () => {
    const before = counts()
    const pdf = await importNew(CHAIR, { name: 'plan.pdf', bytes: minimalPdf('Plan') })
    expect(pdf.status).toBe(415)
    expect(fieldErrors(pdf).file).toEqual(['planWord.error.notDocx'])
    // what was typed is kept
    expect((pdf.data as { result: { initialValue: Record<string, string> } }).result.initialValue.title).toBe(
      'Plan importado de Word',
    )
    const html = await importNew(CHAIR, {
      name: 'plan.docx',
      bytes: new TextEncoder().encode('<html><script>x</script>'),
    })
    expect(html.status).toBe(415)
    expect(fieldErrors(html).file).toEqual(['planWord.error.notDocx'])
    const xlsx = await importNew(CHAIR, {
      name: 'plan.docx',
      bytes: new TextEncoder().encode('just some text'),
    })
    expect(xlsx.status).toBe(415)
    expect(counts()).toEqual(before)
  })

  it('refuses a document over MAX_IMPORT_BYTES while it arrives (413)', async () => {
    const before = counts()
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1024)
    const a = await importNew(CHAIR, docxPart(big))
    expect(a.status).toBe(413)
    expect(fieldErrors(a).file).toEqual(['planWord.error.tooLarge'])
    expect(counts()).toEqual(before)
  })

  it('refuses zip bombs, whether their sizes are declared honestly or not (413), off the main thread', async () => {
    const before = counts()
    for (const lie of [false, true]) {
      const a = await importNew(CHAIR, docxPart(new Uint8Array(docxBomb(150, { lie }))))
      expect(a.status, `lie: ${lie}`).toBe(413)
      expect(fieldErrors(a).file).toEqual(['planWord.error.inflated'])
    }
    expect(counts()).toEqual(before)
  })

  it(`refuses more than MAX_IMPORT_SECTIONS (${MAX_IMPORT_SECTIONS}) headings`, async () => {
    const before = counts()
    const many = Array.from(
      { length: MAX_IMPORT_SECTIONS + 1 },
      (_, i) => [1, `Capítulo ${i + 1}`] as [number, string],
    )
    const a = await importNew(CHAIR, docxPart(await wordFile(many)))
    expect(a.status).toBe(413)
    expect(fieldErrors(a).file).toEqual(['planWord.error.tooManySections'])
    expect(counts()).toEqual(before)
  })

  it('refuses those who do not draft (403, recorded), outsiders (404) and a new plan outside the chair', async () => {
    const id = emptyPlan()
    const before = counts()
    for (const email of [READER, COMMENTER]) {
      const a = await importInto(id, email, docxPart(await wordFile(SAMPLE)))
      expect(a.status, email).toBe(403)
      expect(fieldErrors(a).file).toEqual(['planWord.error.cannotImport'])
    }
    expect((await importInto(id, OUTSIDER, docxPart(await wordFile(SAMPLE)))).status).toBe(404)
    // a drafter does not start a new plan: that is the chair's
    const drafter = await importNew(SNM, docxPart(await wordFile(SAMPLE)))
    expect(drafter.status).toBe(403)
    expect(fieldErrors(drafter).group).toEqual(['planWord.error.group'])
    // nor may anyone import into a plan past drafting
    const consulted = await importInto(panamaId(), CHAIR, docxPart(await wordFile(SAMPLE)))
    expect(consulted.status).toBe(403)
    expect(counts()).toEqual(before)
    const refusals = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.import'), eq(auditLog.outcome, 'refused')))
      .all()
    expect(refusals.length).toBeGreaterThanOrEqual(3)
  })

  it('offers the form on /plans only to those who start plans', async () => {
    const chair = await run<{ importGroups: { slug: string }[] }>(plansRoute.loader, '/plans', { as: CHAIR })
    expect(chair.data.importGroups.map((g) => g.slug)).toEqual(['pa-smuggling-plan'])
    const drafter = await run<{ importGroups: unknown[] }>(plansRoute.loader, '/plans', { as: SNM })
    expect(drafter.data.importGroups).toEqual([])
  })
})

describe('publishing in the library', () => {
  /** An approved plan of the protection group, written by the secretariat (its chair). */
  function approvedPlan(english = false) {
    const s = viewerFor(SECRETARIAT)
    const id = createPlan(s, {
      groupId: groupId('protection'),
      titleEs: 'Plan de protección',
      titleEn: 'Protection plan',
    })
    const section = addSection(s, id, {
      kind: 'chapter',
      titleEs: 'Principios',
      text: 'Texto acordado con [CR: una reserva].',
    })
    if (english)
      saveSection(s, id, section, { text: 'Agreed text.', lang: 'en', baseRevision: 0, mode: 'strict' })
    changeStage(s, id, 'approved')
    return id
  }
  const publish = (id: string, email: string, visibility: string) =>
    run(publishRoute.action, `/plans/${id}/publish`, { as: email, form: { visibility } }, { id })

  it('creates the document and version 1, then version 2, with the visibility chosen each time', async () => {
    const id = approvedPlan(true)
    const first = await publish(id, SECRETARIAT, 'participants')
    expect(first.status).toBe(302)
    expect(first.location).toBe(`/plans/${id}/publish?version=1`)
    const plan = db.select().from(plans).where(eq(plans.id, id)).get()!
    expect(plan.stage).toBe('published')
    const doc = db.select().from(documents).where(eq(documents.id, plan.documentId!)).get()!
    expect(doc).toMatchObject({
      kind: 'work_plan',
      visibility: 'participants',
      currentVersion: 1,
      titleEs: 'Plan de protección',
    })
    expect(doc.reference).toMatch(/^RCM\/\d{4}\/WP\/\d{3}$/)
    const second = await publish(id, SECRETARIAT, 'members')
    expect(second.location).toBe(`/plans/${id}/publish?version=2`)
    const after = db.select().from(documents).where(eq(documents.id, doc.id)).get()!
    expect(after).toMatchObject({ visibility: 'members', currentVersion: 2 })
    const rows = db.select().from(planPublications).where(eq(planPublications.planId, id)).all()
    expect(rows.map((r) => [r.versionNumber, r.visibility, r.stage])).toEqual([
      [1, 'participants', 'published'],
      [2, 'members', 'published'],
    ])
    // a real Word file, its text extracted for search like any upload
    const files = db
      .select()
      .from(documentFiles)
      .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
      .where(eq(documentVersions.documentId, doc.id))
      .all()
    // each version: the Spanish original and the English translation
    expect(files.map((f) => f.document_versions.number).sort()).toEqual([1, 1, 2, 2])
    const english = files.find((f) => f.document_files.language === 'en')!.document_files
    expect(english.isOriginal).toBe(false)
    expect(english.extractedText).toContain('Agreed text.')
    const original = files.find((f) => f.document_files.language === 'es')!.document_files
    expect(original).toMatchObject({
      isOriginal: true,
      textStatus: 'done',
      mimeType: expect.stringContaining('wordprocessingml'),
    })
    expect(original.extractedText).toContain('1 Principios')
    expect(original.extractedText).toContain('[CR: una reserva]')
    const history = db.select().from(planStageHistory).where(eq(planStageHistory.planId, id)).all()
    expect(history.map((h) => h.stage)).toEqual(['drafting', 'approved', 'published'])
  })

  it('refuses a visibility the chair may not choose (403 at the field), changing nothing', async () => {
    const border = db
      .select()
      .from(plans)
      .innerJoin(groups, eq(groups.id, plans.groupId))
      .where(eq(groups.slug, 'border-management'))
      .get()!.plans
    const chairId = db
      .select()
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, border.groupId), eq(groupMemberships.role, 'chair')))
      .get()!.personId
    const email = db.select().from(people).where(eq(people.id, chairId)).get()!.email
    const before = counts()
    const a = await publish(border.id, email, 'secretariat')
    expect(a.status).toBe(403)
    expect(fieldErrors(a).visibility).toEqual(['planWord.error.visibility'])
    const unknown = await publish(border.id, email, 'everyone')
    expect(unknown.status).toBe(400)
    expect(counts()).toEqual(before)
    // the chair's own choice works: a new version of the seeded publication
    const ok = await publish(border.id, email, 'group')
    expect(ok.location).toBe(`/plans/${border.id}/publish?version=2`)
  })

  it('refuses a plan that is not approved, those who do not chair, and hides it from outsiders', async () => {
    const before = counts()
    const id = panamaId()
    const notApproved = await publish(id, CHAIR, 'participants')
    expect(notApproved.status).toBe(403)
    expect(fieldErrors(notApproved)['']).toEqual(['planWord.error.notApproved'])
    const approved = approvedPlan()
    const after = counts()
    db.insert(groupMemberships)
      .values({ groupId: groupId('protection'), personId: viewerFor(SNM).id, role: 'drafter' })
      .run()
    const drafter = await publish(approved, SNM, 'participants')
    expect(drafter.status).toBe(403)
    expect(fieldErrors(drafter)['']).toEqual(['planWord.error.cannotPublish'])
    expect((await publish(approved, OUTSIDER, 'participants')).status).toBe(404)
    expect(
      (await run(publishRoute.loader, `/plans/${approved}/publish`, { as: OUTSIDER }, { id: approved }))
        .status,
    ).toBe(404)
    expect(counts()).toEqual({ ...after })
    expect(before.publications).toBe(after.publications)
  })

  it('the demo: the border management work plan is published in the library with a real Word file', async () => {
    const border = db
      .select()
      .from(plans)
      .innerJoin(groups, eq(groups.id, plans.groupId))
      .where(eq(groups.slug, 'border-management'))
      .get()!.plans
    expect(border.stage).toBe('published')
    const doc = db.select().from(documents).where(eq(documents.id, border.documentId!)).get()!
    expect(doc).toMatchObject({ visibility: 'participants', kind: 'work_plan', currentVersion: 1 })
    const file = db
      .select()
      .from(documentFiles)
      .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
      .where(and(eq(documentVersions.documentId, doc.id), eq(documentFiles.isOriginal, true)))
      .get()!.document_files
    expect(file.textStatus).toBe('done')
    expect(file.extractedText).toContain('Plan de trabajo 2024-2025')
  })
})
