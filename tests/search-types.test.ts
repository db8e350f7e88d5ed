// Search across types (drizzle/0020_search_fts.sql, app/modules/search/records.server.ts): every type is
// found, accents folded, each with the visibility rule of its lists, in the page, the API and the counts;
// people only for signed-in viewers and never their e-mail; the type and year filters; the cursor;
// hostile queries; the index keeps only the latest text of a section per language.
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import {
  actionItems,
  agendaItems,
  decisions,
  groups,
  meetings,
  organizations,
  people,
  planSectionRevisions,
  planSections,
  plans,
} from '@db/schema'
import { visiblePlansWhere } from '~/modules/access/origins-visibility.server'
import { openApiDocument } from '~/modules/api/openapi.server'
import { listPlans } from '~/modules/plans/queries.server'
import { loader as apiSearch } from '~/routes/api.v1.search'
import { loader as searchPage } from '~/routes/search'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'
import { run } from './helpers/route'

const SECRETARIAT = 'secretariat@rcm.example'
const DRAFTER = 'pa.snm@rcm.example' // member state, drafter in the plan's group
const IOM = 'iom@rcm.example' // observer organization, drafter in the plan's group
const OBSERVER = 'co.observer@rcm.example' // observer state, in no drafting group
const UNHCR = 'unhcr@rcm.example' // observer organization, in no drafting group
const MEXICO = 'mx.delegate@rcm.example' // member state, not in the plan's group

interface ApiItem {
  type: string
  id: string
  title: string | null
  snippet: string
  highlights: string[]
  url: string
  agendaItem?: { id: string } | null
  section?: { id: string } | null
  [k: string]: unknown
}
interface ApiAnswer {
  items: ApiItem[]
  nextCursor: string | null
}
interface PageData {
  items: { type: string; id: string; url: string; parts: { text: string; match: boolean }[] }[]
  counts: Record<string, number> | null
  groups: { type: string; hasMore: boolean }[]
  yearInvalid: boolean
}

async function api(query: string, as: string | null = SECRETARIAT) {
  const res = await run<ApiAnswer>(apiSearch, `/api/v1/search?${query}`, as ? { as } : {})
  return res
}
async function found(q: string, as: string | null = SECRETARIAT, extra = '') {
  const res = await api(`q=${encodeURIComponent(q)}${extra}`, as)
  expect(res.status, `${q} as ${as}`).toBe(200)
  return res.data.items
}
async function page(q: string, as: string | null = SECRETARIAT, extra = '') {
  const res = await run<PageData>(searchPage, `/search?q=${encodeURIComponent(q)}${extra}`, as ? { as } : {})
  expect(res.status).toBe(200)
  return res.data
}

const at = (iso: string) => new Date(iso)
const secretariatId = () => personByEmail(SECRETARIAT).id

/** Records of every type, each holding its own invented word; the meeting is for member states only. */
function seedHidden() {
  const meeting = db
    .insert(meetings)
    .values({
      kind: 'workshop',
      titleEs: 'Taller reservado zorzalmeet',
      titleEn: 'Restricted workshop zorzalmeet',
      themeEs: 'Tema',
      place: 'Ciudad de Panamá',
      startsAt: at('2031-03-10T14:00:00Z'),
      endsAt: at('2031-03-11T22:00:00Z'),
      openness: 'members_only',
    })
    .returning()
    .get()
  const item = db
    .insert(agendaItems)
    .values({ meetingId: meeting.id, position: 1, titleEs: 'Punto sobre el quetzalitem', titleEn: 'Item' })
    .returning()
    .get()
  const decision = db
    .insert(decisions)
    .values({
      meetingId: meeting.id,
      number: 1,
      code: 'ZZ-TW/D.1',
      textEs: 'Se aprueba el colibridecision regional.',
    })
    .returning()
    .get()
  const action = db
    .insert(actionItems)
    .values({
      titleEs: 'Elaborar el tapiraction',
      descriptionEs: 'Descripción',
      originType: 'decision',
      decisionId: decision.id,
      meetingId: meeting.id,
      dueDate: '2031-06-30',
      createdById: secretariatId(),
    })
    .returning()
    .get()
  const group = db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!
  const plan = db
    .insert(plans)
    .values({
      groupId: group.id,
      titleEs: 'Plan del jaguarplan',
      titleEn: 'Jaguarplan plan',
      createdAt: at('2031-01-05T00:00:00Z'),
    })
    .returning()
    .get()
  const section = db
    .insert(planSections)
    .values({ planId: plan.id, position: 1, kind: 'chapter', titleEs: 'Capítulo', titleEn: 'Chapter' })
    .returning()
    .get()
  const revise = (number: number, lang: 'es' | 'en', text: string) =>
    db.insert(planSectionRevisions).values({ sectionId: section.id, number, lang, text }).run()
  revise(1, 'es', 'Primer texto con la palabra antiguopalabra del borrador.')
  revise(2, 'en', 'The English text about the ocelotsection.')
  revise(3, 'es', 'Texto vigente sobre el Cañón del ocelotsection y la protección.')
  return { meeting, item, decision, action, plan, section }
}

describe('search across types', () => {
  let w: ReturnType<typeof seedHidden>
  beforeEach(() => {
    freshDemoDb()
    w = seedHidden()
  })

  it('finds every type, each linking to its page', async () => {
    const meeting = await found('zorzalmeet')
    expect(meeting.map((i) => [i.type, i.id, i.url])).toEqual([
      ['meeting', w.meeting.id, `/meetings/${w.meeting.id}`],
    ])
    const item = await found('quetzalitem')
    expect(item).toHaveLength(1)
    expect(item[0]).toMatchObject({ type: 'meeting', id: w.meeting.id, agendaItem: { id: w.item.id } })
    expect(item[0].url).toBe(`/meetings/${w.meeting.id}#agenda-${w.item.id}`)
    const decision = await found('colibridecision')
    expect(decision[0]).toMatchObject({
      type: 'decision',
      id: w.decision.id,
      title: 'ZZ-TW/D.1',
      code: 'ZZ-TW/D.1',
    })
    expect((await found('ZZ TW D 1')).some((i) => i.id === w.decision.id)).toBe(true)
    const action = await found('tapiraction')
    expect(action[0]).toMatchObject({
      type: 'action',
      id: w.action.id,
      url: `/actions/${w.action.id}`,
      dueDate: '2031-06-30',
    })
    const plan = await found('jaguarplan')
    expect(plan[0]).toMatchObject({ type: 'plan', id: w.plan.id, section: null })
    const section = await found('ocelotsection')
    expect(section).toHaveLength(1)
    expect(section[0]).toMatchObject({ type: 'plan', id: w.plan.id, section: { id: w.section.id } })
    expect(section[0].url).toBe(`/plans/${w.plan.id}/sections/${w.section.id}`)
    expect(section[0].highlights.map((h) => h.toLowerCase())).toContain('ocelotsection')
    expect(section[0].snippet).not.toMatch(/[\uE000\uE001]/)
    // documents keep their fields and gain a type
    const doc = (await found('trafico ilicito', SECRETARIAT, '&type=document'))[0]
    expect(doc).toMatchObject({ type: 'document' })
    for (const key of ['reference', 'kind', 'visibility', 'organization', 'snippet', 'highlights', 'url'])
      expect(doc, key).toHaveProperty(key)
  })

  it("folds accents and case both ways, and shows the snippet in the reader's language first", async () => {
    expect((await found('CANON ocelotsection')).map((i) => i.section?.id)).toEqual([w.section.id])
    expect((await found('proteccion ocelotsection')).length).toBe(1)
    // the demo plan's own section text: "la selva del Darién"
    expect((await found('darien', DRAFTER, '&type=plan')).some((i) => i.section)).toBe(true)
    const es = await page('ocelotsection', DRAFTER, '&lang=es&type=plan')
    expect(es.items[0].parts.map((p) => p.text).join('')).toContain('Texto vigente')
    const en = await page('ocelotsection', DRAFTER, '&lang=en&type=plan')
    expect(en.items[0].parts.map((p) => p.text).join('')).toContain('English text')
  })

  it('keeps only the latest text of each language of a section in the index', async () => {
    expect(await found('antiguopalabra')).toEqual([])
    const sqlite = rawSqlite()
    const n = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
    expect(n('select count(*) as n from plan_sections_fts')).toBe(
      n('select count(*) as n from plan_sections'),
    )
    // a retired section is no longer found
    db.update(planSections).set({ retired: true }).where(eq(planSections.id, w.section.id)).run()
    expect(await found('ocelotsection')).toEqual([])
    // a changed title is found at once
    db.update(meetings)
      .set({ titleEn: 'Renamed guacamayarenamed' })
      .where(eq(meetings.id, w.meeting.id))
      .run()
    expect((await found('guacamayarenamed')).map((i) => i.id)).toEqual([w.meeting.id])
    expect(await found('zorzalmeet')).toHaveLength(1) // still in the Spanish title
  })

  it('never gives a hidden meeting, agenda item, decision or action to an observer, in the page, the API or the counts', async () => {
    for (const who of [OBSERVER, UNHCR, IOM, null]) {
      for (const word of ['zorzalmeet', 'quetzalitem', 'colibridecision', 'tapiraction']) {
        expect(await found(word, who), `${word} as ${who}`).toEqual([])
        for (const type of ['meeting', 'decision', 'action']) {
          expect(await found(word, who, `&type=${type}`), `${word} ${type} as ${who}`).toEqual([])
        }
        const data = await page(word, who)
        expect(data.items, `${word} page as ${who}`).toEqual([])
        for (const type of ['meeting', 'decision', 'action'])
          expect(data.counts?.[type] ?? 0, `${word} count as ${who}`).toBe(0)
        expect((await page(word, who, '&type=meeting')).items).toEqual([])
      }
    }
    // a member state sees them
    for (const word of ['zorzalmeet', 'quetzalitem', 'colibridecision', 'tapiraction']) {
      expect((await found(word, MEXICO)).length, word).toBe(1)
    }
    expect((await page('zorzalmeet', MEXICO)).counts?.meeting).toBe(1)
  })

  it('gives plans and sections to the members of their group only', async () => {
    for (const who of [MEXICO, OBSERVER, UNHCR, null]) {
      for (const word of ['jaguarplan', 'ocelotsection', 'darien']) {
        expect(await found(word, who, '&type=plan'), `${word} as ${who}`).toEqual([])
        expect((await found(word, who)).filter((i) => i.type === 'plan')).toEqual([])
        const data = await page(word, who)
        expect(
          data.items.filter((i) => i.type === 'plan'),
          `${word} page as ${who}`,
        ).toEqual([])
        expect(data.counts?.plan ?? 0).toBe(0)
      }
    }
    for (const who of [DRAFTER, IOM, SECRETARIAT]) {
      expect(
        (await found('ocelotsection', who)).map((i) => i.section?.id),
        who,
      ).toEqual([w.section.id])
      expect((await page('jaguarplan', who)).counts?.plan, who).toBe(1)
    }
  })

  it('finds people for signed-in viewers only, by name and organization, never with an e-mail', async () => {
    const lucia = personByEmail(SECRETARIAT)
    const words = lucia.name.split(' ').slice(0, 2).join(' ')
    const folded = words.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    const hits = await found(folded, MEXICO, '&type=person')
    expect(hits.map((h) => h.id)).toContain(lucia.id)
    expect(hits.find((h) => h.id === lucia.id)).toMatchObject({ type: 'person', title: lucia.name })
    const snm = personByEmail(DRAFTER)
    const byOrg = await found('Servicio Nacional de Migracion', MEXICO, '&type=person')
    expect(byOrg.map((h) => h.id)).toContain(snm.id)
    expect(byOrg.find((h) => h.id === snm.id)).toMatchObject({ organization: 'PA-SNM' })
    // the line people read is the person's name, not the indexed organization column (code, acronym)
    const byCode = (await found('PA-SNM', MEXICO, '&type=person')).find((h) => h.id === snm.id)
    expect(byCode?.snippet).toBe(snm.name)
    const all = JSON.stringify([
      hits,
      byOrg,
      await page(folded, MEXICO),
      await page('migracion', MEXICO, '&type=person'),
    ])
    expect(all).not.toMatch(/@/)
    expect(all).not.toContain(lucia.email)
    // the public: no people, not even their count
    expect(await found(folded, null, '&type=person')).toEqual([])
    expect((await found(folded, null)).filter((i) => i.type === 'person')).toEqual([])
    const anonymous = await page(folded, null)
    expect(anonymous.counts?.person).toBe(0)
    expect(anonymous.items.filter((i) => i.type === 'person')).toEqual([])
    // renaming an organization reindexes its people
    db.update(organizations)
      .set({ nameEn: 'National Migration Service xyzzyrenamed' })
      .where(eq(organizations.code, 'PA-SNM'))
      .run()
    expect((await found('xyzzyrenamed', MEXICO, '&type=person')).map((h) => h.id)).toContain(snm.id)
    // a disabled account is not found
    db.update(people).set({ status: 'disabled' }).where(eq(people.id, lucia.id)).run()
    expect((await found(folded, MEXICO, '&type=person')).map((h) => h.id)).not.toContain(lucia.id)
  })

  it('filters by type: only that type, and the page still counts every type', async () => {
    db.insert(actionItems)
      .values({ titleEs: 'Acción del zorzalmeet', dueDate: '2031-02-01', createdById: secretariatId() })
      .run()
    const all = await found('zorzalmeet', MEXICO)
    expect(new Set(all.map((i) => i.type))).toEqual(new Set(['meeting', 'action']))
    expect((await found('zorzalmeet', MEXICO, '&type=action')).map((i) => i.type)).toEqual(['action'])
    const data = await page('zorzalmeet', MEXICO, '&type=meeting')
    expect(data.items.map((i) => i.type)).toEqual(['meeting'])
    expect(data.counts).toMatchObject({ meeting: 1, action: 1, plan: 0 })
    expect((await api('q=x&type=minutes')).status).toBe(400)
    expect((await api('q=x&typo=plan')).status).toBe(400)
    expect((await api('q=x&type=plan&type=meeting')).status).toBe(400)
  })

  it('filters by year', async () => {
    db.insert(meetings)
      .values({
        kind: 'workshop',
        titleEs: 'Otro zorzalmeet',
        titleEn: 'Another zorzalmeet',
        startsAt: at('2032-05-01T14:00:00Z'),
        endsAt: at('2032-05-01T20:00:00Z'),
      })
      .run()
    expect((await found('zorzalmeet')).length).toBe(2)
    expect((await found('zorzalmeet', SECRETARIAT, '&year=2031')).map((i) => i.id)).toEqual([w.meeting.id])
    expect((await found('zorzalmeet', SECRETARIAT, '&year=2030')).length).toBe(0)
    expect((await found('tapiraction', SECRETARIAT, '&year=2031')).length).toBe(1)
    expect((await found('tapiraction', SECRETARIAT, '&year=2032')).length).toBe(0)
    expect((await found('jaguarplan', SECRETARIAT, '&year=2031')).length).toBe(1)
    expect((await found('jaguarplan', SECRETARIAT, '&year=2024')).length).toBe(0)
    const data = await page('zorzalmeet', SECRETARIAT, '&year=2032')
    expect(data.counts?.meeting).toBe(1)
    expect(data.counts?.person).toBe(0)
    // a bad year: the API refuses it, the page says so at the field and searches every year
    expect((await api('q=zorzalmeet&year=20x1')).status).toBe(400)
    const bad = await page('zorzalmeet', SECRETARIAT, '&year=20x1')
    expect(bad.yearInvalid).toBe(true)
    expect(bad.counts?.meeting).toBe(2)
  })

  it('pages through the types with a cursor that names the type and the offset', async () => {
    for (let i = 0; i < 24; i++)
      db.insert(actionItems)
        .values({
          titleEs: `Tarea ${i} del tapiraction`,
          dueDate: '2031-02-01',
          createdById: secretariatId(),
        })
        .run()
    db.insert(meetings)
      .values({
        kind: 'workshop',
        titleEs: 'Reunión tapiraction',
        titleEn: 'Meeting tapiraction',
        startsAt: at('2031-05-01T14:00:00Z'),
        endsAt: at('2031-05-01T20:00:00Z'),
      })
      .run()
    const seen: ApiItem[] = []
    let cursor: string | null = null
    for (let n = 0; n < 5; n++) {
      const res: { status: number; data: ApiAnswer } = await api(
        `q=tapiraction${cursor ? `&cursor=${cursor}` : ''}`,
        MEXICO,
      )
      expect(res.status).toBe(200)
      seen.push(...res.data.items)
      cursor = res.data.nextCursor
      if (!cursor) break
    }
    expect(seen.length).toBe(26)
    expect(new Set(seen.map((i) => `${i.type}:${i.id}`)).size).toBe(26)
    expect(seen[0].type).toBe('meeting') // meetings come before actions
    expect((await api('q=tapiraction&cursor=bm9wZQ', MEXICO)).status).toBe(400)
    const actionsOnly = await api('q=tapiraction&type=action', MEXICO)
    expect(actionsOnly.data.items).toHaveLength(20)
    expect(
      (await api(`q=tapiraction&type=meeting&cursor=${actionsOnly.data.nextCursor}`, MEXICO)).status,
    ).toBe(400)
    const p2 = await page('tapiraction', MEXICO, '&type=action&page=2')
    expect(p2.items).toHaveLength(5)
  })

  it('with more than 1,000 matches, reads them newest first and pages without repeats (no ranking of every match)', async () => {
    const ids: string[] = []
    for (let i = 0; i < 1010; i++)
      ids.push(
        db
          .insert(actionItems)
          .values({
            titleEs: `Tarea ${i} del okapiaction`,
            dueDate: '2031-02-01',
            createdById: secretariatId(),
          })
          .returning({ id: actionItems.id })
          .get().id,
      )
    const first = await api('q=okapiaction&type=action', MEXICO)
    expect(first.status).toBe(200)
    // the newest indexed first: the last ones inserted
    expect(first.data.items.map((i) => i.id)).toEqual(ids.slice(-20).reverse())
    // each with its snippet, built in the same read
    for (const [n, item] of first.data.items.entries())
      expect((item as unknown as { snippet: string }).snippet.trim()).toBe(
        `Tarea ${1009 - n} del okapiaction`,
      )
    const second = await api(`q=okapiaction&type=action&cursor=${first.data.nextCursor}`, MEXICO)
    expect(second.data.items.map((i) => i.id)).toEqual(ids.slice(-40, -20).reverse())
    // the page says "more than 1,000" and shows the same newest-first rows
    const p1 = await page('okapiaction', MEXICO, '&type=action')
    expect(p1.counts?.action).toBe(1001)
    expect(p1.items.map((i) => i.id)).toEqual(ids.slice(-20).reverse())
  })

  it('answers hostile queries without an error, and never passes them to FTS5 as syntax', async () => {
    const hostile = [
      '"',
      '"zorzalmeet',
      'NEAR(zorzalmeet quetzalitem)',
      'zorzalmeet NEAR/2 x',
      '*',
      'zorz*',
      '((zorzalmeet',
      ')',
      'title:zorzalmeet',
      '-zorzalmeet',
      'AND OR NOT',
      '^zorzalmeet',
      "o'brien",
      '\uE000zorzalmeet\uE001',
      'zorzalmeet '.repeat(500),
      'x'.repeat(5000),
    ]
    for (const q of hostile) {
      for (const type of ['', '&type=meeting', '&type=plan', '&type=person', '&type=document']) {
        const res = await api(`q=${encodeURIComponent(q)}${type}`, SECRETARIAT)
        expect(res.status, q.slice(0, 40)).toBe(200)
      }
      await page(q, SECRETARIAT)
      await page(q, null)
    }
    // the words are still searched, as words: NEAR is one of them
    expect((await found('"zorzalmeet" (taller*')).map((i) => i.id)).toEqual([w.meeting.id])
    expect(await found('NEAR(zorzalmeet)')).toEqual([])
  })

  it('strips the highlight characters from indexed text', async () => {
    db.update(decisions)
      .set({ textEs: 'Texto con \uE000falsamarca\uE001 y colibridecision' })
      .where(eq(decisions.id, w.decision.id))
      .run()
    const hit = (await found('colibridecision'))[0]
    expect(hit.highlights.map((h) => h.toLowerCase())).toEqual(['colibridecision'])
    expect(hit.snippet).not.toMatch(/[\uE000\uE001]/)
  })

  it('describes the type, year and cursor parameters in the OpenAPI document', () => {
    const doc = openApiDocument() as { paths: Record<string, { get: { parameters: { name: string }[] } }> }
    expect(doc.paths['/search'].get.parameters.map((p) => p.name).sort()).toEqual([
      'cursor',
      'q',
      'type',
      'year',
    ])
  })
})

describe('visiblePlansWhere', () => {
  beforeEach(() => freshDemoDb())

  it('agrees with the plans list (listPlans and can(plan.view)) for every demo account and the public', () => {
    const accounts = db.select({ email: people.email }).from(people).where(eq(people.status, 'active')).all()
    expect(accounts.length).toBeGreaterThan(10)
    let someSee = 0
    for (const { email } of accounts) {
      const viewer = viewerFor(email)
      const inSql = db
        .select({ id: plans.id })
        .from(plans)
        .where(visiblePlansWhere(viewer))
        .all()
        .map((p) => p.id)
        .sort()
      const listed = listPlans(viewer, 'es')
        .map((p) => p.id)
        .sort()
      expect(inSql, email).toEqual(listed)
      if (listed.length) someSee++
    }
    expect(someSee).toBeGreaterThan(0)
    expect(db.select().from(plans).where(visiblePlansWhere(null)).all()).toEqual([])
  })
})
