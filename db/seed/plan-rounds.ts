/**
 * Demo consultation rounds of Panama's plan: round 1 (the whole plan; SNM, IOM and UNODC) closed at its
 * deadline weeks ago, IOM's and UNODC's positions answered, SNM late (it never submitted); round 2 (the
 * introduction, the strategic areas and prevention; SNM, UATIM, the National Commission against
 * Trafficking, IOM and UNODC) open for ten more days: IOM has submitted (one comment answered, one not
 * yet), UNODC and SNM have drafts, UATIM and the Commission have not written. Written as the service
 * writes them (quotes are passages of the sections' current texts). Needs seedDemoPlans first.
 */
import type { Tx } from '../client'
import { planRoundComments, planRoundOrganizations, planRoundSections, planRounds } from '../schema'
import type { RoundOutcome } from '../../app/modules/plans/constants'

const DAY = 86_400_000
const MINSEG = 'pa.minseg@rcm.example'
const SNM = 'pa.snm@rcm.example'
const IOM = 'iom@rcm.example'
const UNODC = 'unodc.focal@rcm.example'

interface CommentSeed {
  section: string
  org: string
  by: string
  quote?: string
  body: string
  lang?: 'es' | 'en'
  ago: number
  answer?: { by: string; response: string; outcome: RoundOutcome; ago: number }
}

export function seedDemoPlanRounds(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const now = Date.now()
  const at = (days: number) => new Date(now - days * DAY)
  const id = (key: string) => {
    const v = ids.get(key)
    if (!v) throw new Error(`demo plan rounds: no ${key}`)
    return v
  }
  const person = (email: string) => {
    const v = people.get(email)
    if (!v) throw new Error(`demo plan rounds: no person ${email}`)
    return v
  }
  const planId = id('plan:pa-smuggling-plan')
  const section = (n: string) => id(`plan-section:pa-smuggling-plan/${n}`)

  function round(r: {
    number: number
    note: string
    openedAgo: number
    deadlineAgo: number
    sections?: string[]
    orgs: [code: string, submittedAgo: number | null, by?: string][]
    comments: CommentSeed[]
  }) {
    const row = tx
      .insert(planRounds)
      .values({
        planId,
        number: r.number,
        note: r.note,
        wholePlan: !r.sections,
        deadline: at(r.deadlineAgo),
        openedById: person(MINSEG),
        openedAt: at(r.openedAgo),
      })
      .returning({ id: planRounds.id })
      .get()
    for (const n of r.sections ?? [])
      tx.insert(planRoundSections)
        .values({ roundId: row.id, sectionId: section(n) })
        .run()
    for (const [code, submittedAgo, by] of r.orgs)
      tx.insert(planRoundOrganizations)
        .values({
          roundId: row.id,
          organizationId: id(code),
          submittedAt: submittedAgo === null ? null : at(submittedAgo),
          submittedById: submittedAgo === null ? null : person(by!),
        })
        .run()
    for (const c of r.comments)
      tx.insert(planRoundComments)
        .values({
          roundId: row.id,
          planId,
          sectionId: section(c.section),
          organizationId: id(c.org),
          authorId: person(c.by),
          quote: c.quote ?? null,
          body: c.body,
          lang: c.lang ?? 'es',
          createdAt: at(c.ago),
          response: c.answer?.response ?? null,
          outcome: c.answer?.outcome ?? null,
          respondedById: c.answer ? person(c.answer.by) : null,
          respondedAt: c.answer ? at(c.answer.ago) : null,
        })
        .run()
  }

  round({
    number: 1,
    note: 'Primera consulta institucional del borrador completo. / First institutional consultation on the full draft.',
    openedAgo: 48,
    deadlineAgo: 34,
    orgs: [
      ['PA-SNM', null],
      ['IOM', 36, IOM],
      ['UNODC', 35, UNODC],
    ],
    comments: [
      {
        section: '1',
        org: 'IOM',
        by: IOM,
        quote: 'Se fundamenta en la Ley 36 de 2013',
        body: 'Add the Protocol against the Smuggling of Migrants by Land, Sea and Air, which Panama ratified.',
        lang: 'en',
        ago: 37,
        answer: {
          by: MINSEG,
          response: 'Se añadió la referencia al Protocolo.',
          outcome: 'incorporated',
          ago: 30,
        },
      },
      {
        section: '2',
        org: 'IOM',
        by: IOM,
        quote: 'En 2023 más de medio millón de personas cruzaron la selva del Darién.',
        body: 'Please cite the source of the figure (SNM statistics) and add the number of children.',
        lang: 'en',
        ago: 37,
        answer: {
          by: IOM,
          response: 'Se citan las cifras de 2023; los datos desagregados irán en un anexo.',
          outcome: 'partially_incorporated',
          ago: 29,
        },
      },
      {
        section: '3.2',
        org: 'UNODC',
        by: UNODC,
        body: 'Incluir la cooperación con el Ministerio Público para la investigación financiera de las redes.',
        ago: 35,
        answer: {
          by: MINSEG,
          response: 'Se tratará en el protocolo de la UATIM, fuera del plan.',
          outcome: 'not_incorporated',
          ago: 28,
        },
      },
    ],
  })

  round({
    number: 2,
    note: 'Segunda ronda: introducción, ejes estratégicos y prevención. / Second round: introduction, strategic areas and prevention.',
    openedAgo: 5,
    deadlineAgo: -10,
    sections: ['1', '3', '3.1'],
    orgs: [
      ['PA-SNM', null],
      ['PA-UATIM', null],
      ['PA-CNCTP', null],
      ['IOM', 1, IOM],
      ['UNODC', null],
    ],
    comments: [
      {
        section: '3.1',
        org: 'IOM',
        by: IOM,
        quote: 'en las comunidades de acogida',
        body: 'Name the host communities of Darién and Chiriquí explicitly.',
        lang: 'en',
        ago: 2,
        answer: {
          by: SNM,
          response: 'Se nombran Darién y Chiriquí.',
          outcome: 'incorporated',
          ago: 0.5,
        },
      },
      {
        section: '1',
        org: 'IOM',
        by: IOM,
        body: 'The introduction could recall the RCM regional guidelines on migrant smuggling.',
        lang: 'en',
        ago: 2,
      },
      {
        section: '3',
        org: 'UNODC',
        by: UNODC,
        body: 'Sugerimos un quinto objetivo sobre datos e investigación.',
        ago: 1,
      },
      {
        section: '3.1',
        org: 'PA-SNM',
        by: SNM,
        quote: 'Reducir la captación de personas migrantes',
        body: 'Precisar que la captación ocurre también por redes sociales.',
        ago: 1,
      },
    ],
  })
}
