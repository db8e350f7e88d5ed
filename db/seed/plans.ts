/**
 * Demo plans: Panama's "Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029" in institutional
 * consultation (a tree of chapters, strategic objectives, lines of action and activities; revision
 * chains by SNM, IOM, the Ministry of Public Security and UNODC; wording in brackets from two
 * organizations; an English translation, one of them outdated; open and resolved comment threads; a
 * pending suggestion from a commenter); in the same drafting group, the inter-institutional referral
 * protocol that the plan calls for, at its consolidated-draft stage (the text of the demo's open written
 * procedure); and the agreed work plan of the RCM's Border Management working group. Sets
 * `plan:<slug>` and `plan-section:<slug>/<number>` in ids for the seeders after it (actions).
 * Revisions are written as the service writes them: numbers in sequence, each naming its base.
 */
import { and, eq } from 'drizzle-orm'
import type { Tx } from '../client'
import {
  groupMemberships,
  people as peopleTable,
  planComments,
  planSectionRevisions,
  planSections,
  planStageHistory,
  planSuggestions,
  plans,
} from '../schema'
import type { PlanStage, SectionKind, SectionLang, SectionStatus } from '../../app/modules/plans/constants'

const DAY = 86_400_000

interface RevisionSeed {
  by: string
  /** days before now */
  ago: number
  text: string
  lang?: SectionLang
  note?: string
}

interface SectionSeed {
  kind: SectionKind
  es: string
  en?: string
  lead?: string
  status?: SectionStatus
  retired?: boolean
  revisions: RevisionSeed[]
  children?: SectionSeed[]
}

const SNM = 'pa.snm@rcm.example'
const IOM = 'iom@rcm.example'
const MINSEG = 'pa.minseg@rcm.example'
const UNODC = 'unodc.focal@rcm.example'

const PANAMA: SectionSeed[] = [
  {
    kind: 'chapter',
    es: 'Introducción y marco normativo',
    en: 'Introduction and legal framework',
    lead: SNM,
    status: 'in_consultation',
    revisions: [
      {
        by: SNM,
        ago: 60,
        text: 'El presente Plan Nacional orienta la acción del Estado panameño contra el tráfico ilícito de migrantes para el período 2024-2029.\n\nSe fundamenta en la Ley 36 de 2013, que creó la Unidad de Asuntos de Tráfico Ilícito de Migrantes (UATIM) del Servicio Nacional de Migración.\n',
        note: 'Versión 0',
      },
      {
        by: IOM,
        ago: 41,
        text: 'El presente Plan Nacional orienta la acción del Estado panameño contra el tráfico ilícito de migrantes para el período 2024-2029.\n\nSe fundamenta en la Ley 36 de 2013, que creó la Unidad de Asuntos de Tráfico Ilícito de Migrantes (UATIM) del Servicio Nacional de Migración, y en el Protocolo contra el Tráfico Ilícito de Migrantes por Tierra, Mar y Aire.\n',
        note: 'Referencia al Protocolo de Palermo',
      },
      {
        by: 'pa.snm@rcm.example',
        ago: 20,
        lang: 'en',
        text: 'This National Plan guides the action of the Panamanian State against the smuggling of migrants for the period 2024-2029.\n\nIt is based on Law 36 of 2013, which created the Migrant Smuggling Affairs Unit (UATIM) of the National Migration Service, and on the Protocol against the Smuggling of Migrants by Land, Sea and Air.\n',
        note: 'English translation',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Diagnóstico',
    en: 'Diagnostic',
    lead: IOM,
    status: 'agreed_ad_referendum',
    revisions: [
      {
        by: IOM,
        ago: 55,
        text: 'En 2023 más de medio millón de personas cruzaron la selva del Darién.\n',
      },
      {
        by: IOM,
        ago: 40,
        lang: 'en',
        text: 'In 2023 more than half a million people crossed the Darién jungle.\n',
        note: 'English translation',
      },
      {
        by: IOM,
        ago: 30,
        text: 'En 2023 más de medio millón de personas cruzaron la selva del Darién. La OIM atendió a más de 115.000 personas migrantes en Darién y Chiriquí.\n\nLas redes de tráfico ilícito cobran por cada tramo de la ruta y exponen a las personas a graves riesgos.\n',
        note: 'Cifras de 2023',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Ejes estratégicos',
    en: 'Strategic areas',
    lead: SNM,
    status: 'in_consultation',
    revisions: [
      {
        by: SNM,
        ago: 58,
        text: 'El Plan se organiza en cuatro objetivos estratégicos, cada uno con sus líneas de acción y actividades.\n',
      },
    ],
    children: [
      {
        kind: 'objective',
        es: 'Prevención',
        en: 'Prevention',
        lead: SNM,
        status: 'in_consultation',
        revisions: [
          {
            by: SNM,
            ago: 57,
            text: 'Reducir la captación de personas migrantes por redes de tráfico ilícito.\n',
          },
          {
            by: MINSEG,
            ago: 35,
            text: 'Reducir la captación de personas migrantes por redes de tráfico ilícito en las zonas de tránsito y en las comunidades de acogida.\n',
          },
        ],
        children: [
          {
            kind: 'line',
            es: 'Información en las zonas de tránsito',
            en: 'Information in transit areas',
            lead: SNM,
            status: 'in_consultation',
            revisions: [
              {
                by: SNM,
                ago: 50,
                text: 'Campañas de información sobre los riesgos del tráfico ilícito en las estaciones de recepción migratoria.\n',
              },
              {
                by: MINSEG,
                ago: 25,
                text: 'Campañas de información sobre los riesgos del tráfico ilícito en las estaciones de recepción migratoria [PA-MINSEG: y en los puestos de control fronterizo].\n',
                note: 'Propuesta del Ministerio de Seguridad Pública',
              },
              {
                by: IOM,
                ago: 12,
                text: 'Campañas de información sobre los riesgos del tráfico ilícito en las estaciones de recepción migratoria [PA-MINSEG: y en los puestos de control fronterizo], [IOM: en los idiomas de las personas migrantes].\n',
                note: 'Propuesta de la OIM',
              },
            ],
            children: [
              {
                kind: 'activity',
                es: 'Talleres comunitarios en Darién',
                en: 'Community workshops in Darién',
                lead: IOM,
                revisions: [
                  {
                    by: IOM,
                    ago: 40,
                    text: 'Talleres con las comunidades de Darién sobre la identificación de situaciones de tráfico ilícito.\n',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        kind: 'objective',
        es: 'Persecución del delito',
        en: 'Prosecution',
        lead: MINSEG,
        status: 'in_consultation',
        revisions: [
          {
            by: MINSEG,
            ago: 52,
            text: 'Desarticular las redes de tráfico ilícito de migrantes y sancionar a sus responsables.\n',
          },
        ],
        children: [
          {
            kind: 'line',
            es: 'Fortalecimiento de la UATIM',
            en: 'Strengthening UATIM',
            lead: SNM,
            revisions: [
              {
                by: SNM,
                ago: 45,
                text: 'Dotar a la UATIM de personal especializado y de herramientas de análisis financiero.\n',
              },
              {
                by: UNODC,
                ago: 18,
                text: 'Dotar a la UATIM de personal especializado y de herramientas de análisis financiero [PA-MINSEG: en coordinación con la Policía Nacional].\n',
                note: 'Comentario recogido en la ronda de consulta',
              },
            ],
          },
        ],
      },
      {
        kind: 'objective',
        es: 'Protección y asistencia',
        en: 'Protection and assistance',
        lead: IOM,
        status: 'in_consultation',
        revisions: [
          {
            by: IOM,
            ago: 50,
            text: 'Garantizar la protección y asistencia de las personas migrantes objeto de tráfico ilícito.\n',
          },
        ],
        children: [
          {
            kind: 'line',
            es: 'Protección de víctimas',
            en: 'Victim protection',
            lead: MINSEG,
            revisions: [
              {
                by: MINSEG,
                ago: 44,
                text: 'Identificar y referir a las personas migrantes objeto de tráfico ilícito que son víctimas de delitos.\n',
              },
              {
                by: IOM,
                ago: 16,
                text: 'Identificar y referir a las personas migrantes objeto de tráfico ilícito que son víctimas de delitos [IOM: con especial atención a niñas, niños y adolescentes no acompañados].\n',
              },
            ],
            children: [
              {
                kind: 'activity',
                es: 'Protocolo de referencia',
                en: 'Referral protocol',
                lead: IOM,
                revisions: [
                  {
                    by: IOM,
                    ago: 33,
                    text: 'Elaborar un protocolo interinstitucional de identificación y referencia.\n',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        kind: 'objective',
        es: 'Cooperación internacional',
        en: 'International cooperation',
        lead: SNM,
        revisions: [
          {
            by: SNM,
            ago: 48,
            text: 'Intercambiar información con los países de la ruta migratoria en el marco de la Conferencia Regional sobre Migración.\n',
          },
        ],
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Seguimiento y evaluación',
    en: 'Monitoring and evaluation',
    lead: SNM,
    revisions: [
      {
        by: SNM,
        ago: 10,
        text: 'La Comisión Nacional contra la Trata de Personas dará seguimiento anual al Plan mediante una matriz de implementación.\n',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Presupuesto (trasladado a un anexo)',
    en: 'Budget (moved to an annex)',
    lead: SNM,
    retired: true,
    revisions: [
      {
        by: SNM,
        ago: 59,
        text: 'El presupuesto se detallará por institución.\n',
      },
    ],
  },
]

/** The inter-institutional referral protocol that activity 3.3.1.1 of the national plan calls for
 * ("Elaborar un protocolo interinstitucional de identificación y referencia"), drafted ahead of the plan
 * by the same group: through its comment rounds and validation workshop, now a consolidated final draft
 * (no wording left in brackets, its English translation up to date), the text of the open written
 * procedure of the demo (procedures.ts). */
export const PA_PROTOCOL_TITLE_ES =
  'Protocolo Interinstitucional de Identificación y Referencia de Personas Migrantes Objeto de Tráfico Ilícito'
export const PA_PROTOCOL_TITLE_EN =
  'Inter-institutional Protocol for the Identification and Referral of Smuggled Migrants'

const PROTOCOL: SectionSeed[] = [
  {
    kind: 'chapter',
    es: 'Objeto y ámbito de aplicación',
    en: 'Purpose and scope',
    lead: MINSEG,
    status: 'agreed',
    revisions: [
      {
        by: MINSEG,
        ago: 118,
        text: 'El presente Protocolo establece el procedimiento común para identificar a las personas migrantes objeto de tráfico ilícito y referirlas a los servicios de protección.\n',
        note: 'Versión 0',
      },
      {
        by: MINSEG,
        ago: 30,
        text: 'El presente Protocolo establece el procedimiento común que siguen las instituciones del Estado para identificar a las personas migrantes objeto de tráfico ilícito y referirlas a los servicios de protección y asistencia.\n\nSe aplica en las estaciones de recepción migratoria, los puestos de control fronterizo y los aeropuertos internacionales, y desarrolla la actividad 3.3.1.1 del Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029.\n',
        note: 'Texto consolidado tras el taller de validación',
      },
      {
        by: SNM,
        ago: 9,
        lang: 'en',
        text: 'This Protocol sets out the common procedure that State institutions follow to identify smuggled migrants and refer them to protection and assistance services.\n\nIt applies at migrant reception stations, border checkpoints and international airports, and implements activity 3.3.1.1 of the National Plan against the Smuggling of Migrants 2024-2029.\n',
        note: 'English translation',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Principios',
    en: 'Principles',
    lead: IOM,
    status: 'agreed',
    revisions: [
      {
        by: IOM,
        ago: 110,
        text: 'Las instituciones actúan conforme al principio de no criminalización de las personas migrantes por el hecho de haber sido objeto de tráfico ilícito.\n',
      },
      {
        by: IOM,
        ago: 28,
        text: 'Las instituciones actúan conforme a los principios de no criminalización de las personas migrantes por el hecho de haber sido objeto de tráfico ilícito, de interés superior de la niña, el niño y el adolescente, de confidencialidad de los datos personales y de no devolución.\n',
        note: 'Recoge el taller de validación con la sociedad civil',
      },
      {
        by: IOM,
        ago: 8,
        lang: 'en',
        text: 'Institutions act in accordance with the principles of non-criminalization of migrants for having been the object of smuggling, the best interests of the child, the confidentiality of personal data and non-refoulement.\n',
        note: 'English translation',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Identificación preliminar',
    en: 'Preliminary identification',
    lead: SNM,
    status: 'agreed_ad_referendum',
    revisions: [
      {
        by: SNM,
        ago: 105,
        text: 'El personal de la UATIM realiza una entrevista inicial a las personas migrantes atendidas en las estaciones de recepción migratoria.\n',
      },
      {
        by: UNODC,
        ago: 62,
        text: 'El personal de la UATIM realiza una entrevista inicial a las personas migrantes atendidas en las estaciones de recepción migratoria, con la guía de indicadores de tráfico ilícito anexa.\n',
        note: 'Comentario de la ronda de consulta institucional',
      },
      {
        by: SNM,
        ago: 27,
        text: 'El personal de la UATIM realiza una entrevista inicial a las personas migrantes atendidas en las estaciones de recepción migratoria, con la guía de indicadores de tráfico ilícito anexa, en un idioma que la persona comprenda y en un espacio privado.\n\nCuando la entrevista revele indicios de trata de personas o de otro delito, el caso se referirá el mismo día.\n',
        note: 'Texto consolidado',
      },
      {
        by: SNM,
        ago: 8,
        lang: 'en',
        text: 'UATIM staff hold an initial interview with the migrants received at migrant reception stations, using the annexed guide of smuggling indicators, in a language the person understands and in a private space.\n\nWhere the interview reveals signs of trafficking in persons or of another crime, the case is referred on the same day.\n',
        note: 'English translation',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Referencia a los servicios de protección',
    en: 'Referral to protection services',
    lead: MINSEG,
    status: 'agreed_ad_referendum',
    revisions: [
      {
        by: MINSEG,
        ago: 100,
        text: 'La institución que identifica el caso lo refiere a la Comisión Nacional contra la Trata de Personas.\n',
      },
      {
        by: MINSEG,
        ago: 26,
        text: 'La institución que identifica el caso lo refiere, mediante el formulario único de referencia, a la Secretaría Técnica de la Comisión Nacional contra la Trata de Personas, que coordina la atención con el Ministerio de Salud, el Ministerio de Desarrollo Social y la OIM.\n\nLas niñas, niños y adolescentes no acompañados se refieren además de inmediato a la Secretaría Nacional de Niñez, Adolescencia y Familia (SENNIAF).\n',
        note: 'Texto consolidado',
      },
      {
        by: MINSEG,
        ago: 7,
        lang: 'en',
        text: 'The institution that identifies the case refers it, using the single referral form, to the Technical Secretariat of the National Commission against Trafficking in Persons, which coordinates assistance with the Ministry of Health, the Ministry of Social Development and IOM.\n\nUnaccompanied children and adolescents are also referred at once to the National Secretariat for Children, Adolescents and the Family (SENNIAF).\n',
        note: 'English translation',
      },
    ],
  },
  {
    kind: 'chapter',
    es: 'Registro y seguimiento de casos',
    en: 'Case records and follow-up',
    lead: SNM,
    status: 'agreed',
    revisions: [
      {
        by: SNM,
        ago: 95,
        text: 'Cada referencia se registra en el sistema de la UATIM y la Comisión Nacional recibe un informe trimestral de los casos atendidos.\n',
      },
      {
        by: SNM,
        ago: 7,
        lang: 'en',
        text: 'Each referral is recorded in the UATIM system, and the National Commission receives a quarterly report on the cases handled.\n',
        note: 'English translation',
      },
    ],
  },
]

const BORDER: SectionSeed[] = [
  {
    kind: 'chapter',
    es: 'Objetivo del plan de trabajo',
    en: 'Aim of the work plan',
    status: 'agreed',
    revisions: [
      {
        by: 'chair',
        ago: 120,
        text: 'Fortalecer la cooperación entre las autoridades de fronteras de los países miembros.\n',
      },
      {
        by: 'chair',
        ago: 95,
        text: 'Fortalecer la cooperación entre las autoridades de fronteras de los países miembros de la CRM.\n',
      },
      {
        by: 'chair',
        ago: 94,
        lang: 'en',
        text: 'Strengthen cooperation between the border authorities of the RCM member countries.\n',
      },
    ],
    children: [
      {
        kind: 'activity',
        es: 'Intercambio de buenas prácticas',
        en: 'Exchange of good practices',
        status: 'agreed',
        revisions: [
          {
            by: 'chair',
            ago: 110,
            text: 'Un seminario virtual por semestre sobre gestión integrada de fronteras.\n',
          },
        ],
      },
      {
        kind: 'activity',
        es: 'Directorio de puntos de contacto',
        en: 'Directory of contact points',
        status: 'agreed',
        revisions: [
          {
            by: 'chair',
            ago: 108,
            text: 'Actualizar cada año el directorio de puntos de contacto de las autoridades de fronteras.\n',
          },
        ],
      },
    ],
  },
]

export function seedDemoPlans(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const now = Date.now()
  const person = (email: string) => {
    const id = people.get(email)
    if (!id) throw new Error(`demo plans: no person ${email}`)
    return id
  }
  const orgOf = (personId: string) => {
    const p = tx.select().from(peopleTable).where(eq(peopleTable.id, personId)).get()!
    return p.institutionId ?? p.organizationId
  }
  const agoDate = (days: number, minutes = 0) => new Date(now - days * DAY + minutes * 60_000)

  function seedPlan(p: {
    slug: string
    /** the drafting group's slug, when it is not the plan's own */
    group?: string
    /** days since the plan last changed (default 1) */
    updatedAgo?: number
    titleEs: string
    titleEn: string
    stages: [PlanStage, number, string][]
    sections: SectionSeed[]
    author: (email: string) => string
  }) {
    const groupId = ids.get(`group:${p.group ?? p.slug}`)!
    const firstStage = p.stages[0]
    const last = p.stages[p.stages.length - 1]
    const plan = tx
      .insert(plans)
      .values({
        groupId,
        titleEs: p.titleEs,
        titleEn: p.titleEn,
        stage: last[0],
        originalLanguage: 'es',
        createdById: p.author(firstStage[2]),
        createdAt: agoDate(firstStage[1]),
        updatedAt: agoDate(p.updatedAgo ?? 1),
      })
      .returning({ id: plans.id })
      .get()
    let from: PlanStage | null = null
    for (const [stage, ago, by] of p.stages) {
      tx.insert(planStageHistory)
        .values({ planId: plan.id, fromStage: from, stage, byId: p.author(by), at: agoDate(ago) })
        .run()
      from = stage
    }
    const walk = (list: SectionSeed[], parentId: string | null, prefix: string) => {
      list.forEach((s, i) => {
        const section = tx
          .insert(planSections)
          .values({
            planId: plan.id,
            parentId,
            position: i + 1,
            kind: s.kind,
            titleEs: s.es,
            titleEn: s.en ?? null,
            leadDrafterId: s.lead ? person(s.lead) : null,
            status: s.status ?? 'draft',
            retired: s.retired ?? false,
            createdAt: agoDate(s.revisions[0].ago, -5),
            updatedAt: agoDate(s.revisions.at(-1)!.ago),
          })
          .returning({ id: planSections.id })
          .get()
        const latest: Partial<Record<SectionLang, number>> = {}
        s.revisions.forEach((r, k) => {
          const lang = r.lang ?? 'es'
          const authorId = p.author(r.by)
          tx.insert(planSectionRevisions)
            .values({
              sectionId: section.id,
              number: k + 1,
              lang,
              text: r.text,
              authorId,
              organizationId: orgOf(authorId),
              note: r.note ?? '',
              baseNumber: latest[lang] ?? null,
              translatesNumber: lang === 'es' ? null : (latest.es ?? null),
              createdAt: agoDate(r.ago),
            })
            .run()
          latest[lang] = k + 1
        })
        // numbers as the page computes them (retired sections are not numbered nor registered)
        const number = prefix ? `${prefix}.${i + 1}` : String(i + 1)
        if (!s.retired) ids.set(`plan-section:${p.slug}/${number}`, section.id)
        if (s.children) walk(s.children, section.id, number)
      })
    }
    walk(p.sections, null, '')
    ids.set(`plan:${p.slug}`, plan.id)
    return plan.id
  }

  const panamaPlan = seedPlan({
    slug: 'pa-smuggling-plan',
    titleEs: 'Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029',
    titleEn: 'National Plan against the Smuggling of Migrants 2024-2029',
    stages: [
      ['mandate', 75, MINSEG],
      ['drafting', 62, MINSEG],
      ['institutional_consultation', 21, MINSEG],
    ],
    sections: PANAMA,
    author: person,
  })

  // the referral protocol the plan calls for, drafted ahead of it by the same group: a consolidated final
  // draft after the institutions' comments and the validation workshop
  seedPlan({
    slug: 'pa-referral-protocol',
    group: 'pa-smuggling-plan',
    titleEs: PA_PROTOCOL_TITLE_ES,
    titleEn: PA_PROTOCOL_TITLE_EN,
    stages: [
      ['mandate', 125, MINSEG],
      ['drafting', 120, MINSEG],
      ['institutional_consultation', 70, MINSEG],
      ['validation_workshop', 40, MINSEG],
      ['consolidated_draft', 6, MINSEG],
    ],
    sections: PROTOCOL,
    author: person,
    // untouched since it was consolidated: the national plan stays the most recently changed
    updatedAgo: 6,
  })

  // the chair of the border management group writes its work plan
  const borderGroup = ids.get('group:border-management')!
  const chair = tx
    .select({ id: groupMemberships.personId })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, borderGroup), eq(groupMemberships.role, 'chair')))
    .get()
  const chairId = chair?.id ?? person('secretariat@rcm.example')
  seedPlan({
    slug: 'border-management',
    titleEs: 'Plan de trabajo 2024-2025 del Grupo de Trabajo sobre Gestión de Fronteras',
    titleEn: 'Work plan 2024-2025 of the Border Management Working Group',
    stages: [
      ['drafting', 130, 'chair'],
      ['consolidated_draft', 100, 'chair'],
      ['approved', 90, 'chair'],
    ],
    sections: BORDER,
    author: (email) => (email === 'chair' ? chairId : person(email)),
  })

  // comment threads on Panama's plan: open ones with replies, one resolved
  const section = (n: string) => ids.get(`plan-section:pa-smuggling-plan/${n}`)!
  const comment = (c: {
    section: string
    by: string
    ago: number
    body: string
    quote?: string
    parent?: string
    resolvedBy?: string
  }) => {
    const authorId = person(c.by)
    return tx
      .insert(planComments)
      .values({
        planId: panamaPlan,
        sectionId: section(c.section),
        parentId: c.parent ?? null,
        quote: c.quote ?? null,
        lang: 'es',
        body: c.body,
        authorId,
        organizationId: orgOf(authorId),
        createdAt: agoDate(c.ago),
        resolvedAt: c.resolvedBy ? agoDate(c.ago - 2) : null,
        resolvedById: c.resolvedBy ? person(c.resolvedBy) : null,
      })
      .returning({ id: planComments.id })
      .get().id
  }
  const t1 = comment({
    section: '3.1.1',
    by: SNM,
    ago: 11,
    quote: 'y en los puestos de control fronterizo',
    body: 'Los puestos de control dependen del SENAFRONT: hay que consultarlo antes de aceptar este texto.',
  })
  comment({
    section: '3.1.1',
    by: MINSEG,
    ago: 9,
    parent: t1,
    body: 'De acuerdo; el Ministerio hará la consulta al SENAFRONT esta semana.',
  })
  comment({
    section: '3.3.1',
    by: 'pa.delegate2@rcm.example',
    ago: 8,
    body: '¿Incluye la referencia a los servicios de protección de la niñez (SENNIAF)?',
  })
  comment({
    section: '2',
    by: UNODC,
    ago: 14,
    body: 'Convendría citar la fuente de las cifras de cruces por el Darién.',
  })
  comment({
    section: '1',
    by: MINSEG,
    ago: 38,
    body: 'Falta mencionar la Ley 79 de 2011 sobre trata de personas.',
    resolvedBy: SNM,
  })

  // a pending suggestion from a commenter, which the lead drafter (SNM) can accept or reject
  const suggester = person('pa.delegate2@rcm.example')
  tx.insert(planSuggestions)
    .values({
      planId: panamaPlan,
      sectionId: section('3.4'),
      lang: 'es',
      baseNumber: 1,
      quote: 'Intercambiar información',
      replacement: 'Intercambiar información de forma segura',
      note: 'Los datos personales de las personas migrantes deben protegerse.',
      authorId: suggester,
      organizationId: orgOf(suggester),
      createdAt: agoDate(6),
    })
    .run()
}
