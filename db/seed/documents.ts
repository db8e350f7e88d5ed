/**
 * Demo documents: real titles of RCM documents in Spanish and English, with small real
 * files (PDFs whose text layer holds the sentences below, a Word draft, CSV matrices, a text note) at
 * every level of visibility, some with two versions and missing or outdated translations, one under
 * embargo and one deleted. The files are generated before the seeding transaction (pdf-lib and docx
 * are asynchronous) and written through the storage module, so they are checked, hashed and placed
 * exactly like uploads; their text goes straight into the search index.
 */
// pdf-lib and docx are imported when a file is built (only a new demo database needs them): loading
// them with the server's build would cost every process's start-up about 80 ms (tests/bench start-up).
import type { PDFFont } from 'pdf-lib'
import { indexDocument, nextSearchRowid } from '../../app/modules/search/search.server'
import { storeBytes } from '../../app/modules/documents/storage.server'
import { nextReference } from '../../app/modules/documents/writes.server'
import type { Tx } from '../client'
import { and, eq } from 'drizzle-orm'
import { agendaItems, documentDownloads, documentFiles, documentVersions, documents } from '../schema'
import type { DocumentKind, Visibility as DocumentVisibility } from '../../app/modules/documents/constants'

type L = 'es' | 'en' | 'fr' | 'pt'
type Format = 'pdf' | 'docx' | 'csv' | 'txt'

interface DemoFile {
  lang: L
  format?: Format
  /** the text of the file (for CSV: the rows) */
  text: string
}
interface DemoVersion {
  note?: string
  /** days after the document's date */
  after?: number
  files: DemoFile[]
}
interface DemoDocument {
  titleEs?: string
  titleEn?: string
  original: 'es' | 'en'
  kind: DocumentKind
  date: string
  owner: string
  uploader: string
  visibility: DocumentVisibility
  group?: string
  /** the key of a demo meeting (db/seed/meetings.ts), e.g. VM-XXVIII */
  meeting?: string
  /** the English title of an agenda item of that meeting (db/seed/meetings.ts) */
  item?: string
  tags?: string[]
  description?: string
  /** days from the moment of seeding: a scheduled release */
  embargoDays?: number
  deleted?: boolean
  versions: DemoVersion[]
}

const SEC = 'secretariat@rcm.example'

const declaration = (n: string, place: string, dates: string, theme?: string): [string, string] => [
  `Los Viceministros y Viceministras de los países miembros de la Conferencia Regional sobre Migración, reunidos en la ${n} Reunión Viceministerial en ${place} (${dates})${theme ? `, bajo el lema «${theme}»` : ''}, reafirman su compromiso con una migración segura, ordenada y regular. Reconocen la responsabilidad compartida de los países de origen, tránsito, destino y retorno. Encomiendan al Grupo Regional de Consulta sobre Migración dar seguimiento a los acuerdos y a la Secretaría Ejecutiva informar sobre su cumplimiento.`,
  `The Vice-Ministers of the member countries of the Regional Conference on Migration, meeting at the ${n} Vice-Ministerial Meeting in ${place} (${dates})${theme ? ` under the theme "${theme}"` : ''}, reaffirm their commitment to safe, orderly and regular migration. They recognise the shared responsibility of countries of origin, transit, destination and return. They instruct the Regional Consultation Group on Migration to follow up on these agreements and the Executive Secretariat to report on their fulfilment.`,
]

const six = (period: string, periodEn: string): [string, string] => [
  `Informe semestral de actividades y financiero de la Secretaría Ejecutiva, ${period}. Resume las reuniones convocadas por la Presidencia Pro Tempore, los talleres y seminarios web realizados, el seguimiento de los acuerdos de la Reunión Viceministerial y la ejecución del presupuesto del Fondo de la Conferencia.`,
  `Six-monthly activity and financial report of the Executive Secretariat, ${periodEn}. It summarises the meetings convened by the Pro-Tempore Presidency, the workshops and webinars held, the follow-up of the agreements of the Vice-Ministerial Meeting and the execution of the Conference Fund budget.`,
]

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    titleEs:
      'Lineamientos Regionales de Actuación para la Protección Integral de la Niñez y Adolescencia en el Contexto de la Migración',
    titleEn:
      'Regional Guidelines for the Comprehensive Protection of Children and Adolescents in the Context of Migration',
    original: 'es',
    kind: 'guideline',
    date: '2016-11-18',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    group: 'children-adolescents',
    tags: ['niñez', 'protección', 'children'],
    description: 'Adoptados en la XXI Reunión Viceministerial (Omoa y San Pedro Sula, 2016).',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'Los presentes lineamientos orientan la actuación de las instituciones para la protección integral de niñas, niños y adolescentes migrantes, incluidos los no acompañados o separados. Establecen el interés superior del niño como consideración primordial, la no detención de la niñez migrante y la coordinación consular para el retorno seguro.',
          },
          {
            lang: 'en',
            text: 'These guidelines steer the action of institutions for the comprehensive protection of migrant children and adolescents, including those unaccompanied or separated. They establish the best interests of the child as a primary consideration, the non-detention of migrant children and consular coordination for a safe return.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Plan de trabajo en materia de tráfico ilícito de migrantes 2019-2025',
    titleEn: 'Work Plan on Migrant Smuggling 2019-2025',
    original: 'es',
    kind: 'work_plan',
    date: '2019-11-14',
    owner: 'GT',
    uploader: 'gt.focal@rcm.example',
    visibility: 'participants',
    group: 'liaison-smuggling-trafficking',
    tags: ['tráfico ilícito', 'smuggling'],
    description: 'Plan regional de la Red de Funcionarios de Enlace, actualizado en 2021.',
    versions: [
      {
        note: 'Versión aprobada por el GRCM.',
        files: [
          {
            lang: 'es',
            text: 'El plan de trabajo articula la cooperación regional contra el tráfico ilícito de migrantes: intercambio de información entre los funcionarios de enlace, investigaciones conjuntas, protección y asistencia a las personas migrantes objeto de tráfico, y campañas de prevención en las comunidades de origen.',
          },
          {
            lang: 'en',
            text: 'The work plan organises regional cooperation against migrant smuggling: information exchange between liaison officers, joint investigations, protection and assistance to smuggled migrants, and prevention campaigns in communities of origin.',
          },
        ],
      },
      {
        note: 'Actualización de metas e indicadores tras la evaluación de medio término (2021).',
        after: 730,
        files: [
          {
            lang: 'es',
            text: 'Versión actualizada en 2021. El plan de trabajo en materia de tráfico ilícito de migrantes incorpora indicadores de seguimiento, la cooperación con la Coalición Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes y acciones frente a las rutas que atraviesan el Darién.',
          },
        ],
      },
    ],
  },
  {
    titleEn:
      'Regional Guidelines for the Preliminary Identification of Profiles and Referral Mechanisms of Vulnerable Migrant Populations',
    titleEs:
      'Lineamientos Regionales para la Identificación Preliminar de Perfiles y Mecanismos de Referencia de Poblaciones Migrantes en Condición de Vulnerabilidad',
    original: 'en',
    kind: 'guideline',
    date: '2013-06-27',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    group: 'protection',
    tags: ['protection', 'vulnerability', 'referral'],
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'These guidelines help first-contact officials identify, in a preliminary way, migrants in situations of vulnerability: asylum seekers and refugees, victims of trafficking, unaccompanied children, and smuggled migrants whose lives were put at risk. They describe referral mechanisms to the competent national institutions.',
          },
          {
            lang: 'es',
            text: 'Estos lineamientos ayudan a los funcionarios de primer contacto a identificar de manera preliminar a las personas migrantes en condición de vulnerabilidad: solicitantes de asilo y refugiados, víctimas de trata, niñez no acompañada y migrantes objeto de tráfico cuya vida fue puesta en riesgo. Describen los mecanismos de referencia a las instituciones nacionales competentes.',
          },
        ],
      },
    ],
  },
  {
    titleEn:
      'Regional Guidelines for Special Protection in Cases of Repatriation of Child Victims of Trafficking',
    titleEs:
      'Lineamientos Regionales para la Protección Especial en Casos de Repatriación de Niños, Niñas y Adolescentes Víctimas de Trata de Personas',
    original: 'es',
    kind: 'guideline',
    date: '2007-05-24',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    tags: ['trata', 'niñez', 'repatriación'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'Los lineamientos establecen un procedimiento de repatriación de niñas, niños y adolescentes víctimas de trata de personas que garantiza su protección especial: evaluación de riesgos, comunicación entre autoridades centrales, acompañamiento durante el viaje y reintegración en su comunidad.',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'Comparative Matrix of Legislation on Trafficking in Persons and Migrant Smuggling',
    titleEs: 'Matriz Comparativa de Legislación sobre Trata de Personas y Tráfico Ilícito de Migrantes',
    original: 'es',
    kind: 'study',
    date: '2015-03-10',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'participants',
    group: 'regional-coalition',
    tags: ['legislación', 'trata', 'tráfico ilícito'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            format: 'csv',
            text: 'País,Ley sobre trata de personas,Tipifica el tráfico ilícito de migrantes\nPanamá,Ley 79 de 2011,Sí\nCosta Rica,Ley 9095 de 2013,Sí\nMéxico,Ley General de 2012,Sí\nGuatemala,Decreto 9-2009,Sí\n',
          },
        ],
      },
      {
        note: 'Matriz actualizada con la legislación vigente en 2021.',
        after: 2200,
        files: [
          {
            lang: 'es',
            format: 'csv',
            text: 'País,Ley sobre trata de personas,Tipifica el tráfico ilícito de migrantes,Unidad especializada\nPanamá,Ley 79 de 2011,Sí,UATIM (Ley 36 de 2013)\nCosta Rica,Ley 9095 de 2013,Sí,Sí\nMéxico,Ley General de 2012,Sí,Sí\nGuatemala,Decreto 9-2009,Sí,Sí\nHonduras,Decreto 59-2012,Sí,Sí\n',
          },
          {
            lang: 'en',
            format: 'csv',
            text: 'Country,Law on trafficking in persons,Criminalises migrant smuggling,Specialised unit\nPanama,Law 79 of 2011,Yes,UATIM (Law 36 of 2013)\nCosta Rica,Law 9095 of 2013,Yes,Yes\nMexico,General Law of 2012,Yes,Yes\nGuatemala,Decree 9-2009,Yes,Yes\nHonduras,Decree 59-2012,Yes,Yes\n',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'The Regional Conference on Migration: 15 Years',
    titleEs: 'La Conferencia Regional sobre Migración: 15 años',
    original: 'en',
    kind: 'study',
    date: '2011-11-16',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    meeting: 'VM-XVI',
    tags: ['history', 'puebla process'],
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'Fifteen years after its first meeting in Puebla in 1996, the Regional Conference on Migration has become a forum for dialogue and cooperation among eleven member countries. This publication recounts its milestones, its working methods based on consensus and its non-binding instruments.',
          },
          {
            lang: 'es',
            text: 'Quince años después de su primera reunión en Puebla en 1996, la Conferencia Regional sobre Migración se ha convertido en un foro de diálogo y cooperación entre once países miembros. Esta publicación relata sus hitos, sus métodos de trabajo basados en el consenso y sus instrumentos no vinculantes.',
          },
        ],
      },
    ],
  },
  ...(
    [
      ['XVI', 'Santo Domingo', '16 y 17 de noviembre de 2011', '2011-11-17', 'DO', undefined, 'VM-XVI'],
      [
        'XXI',
        'Omoa y San Pedro Sula',
        '17 y 18 de noviembre de 2016',
        '2016-11-18',
        'HN',
        'Migración, una responsabilidad compartida',
        'VM-XXI',
      ],
      ['XXIII', 'Ciudad de Panamá', 'noviembre de 2018', '2018-11-22', 'PA', undefined, 'VM-XXIII'],
      [
        'XXIV',
        'Ciudad de Guatemala',
        '12 al 14 de noviembre de 2019',
        '2019-11-14',
        'GT',
        undefined,
        'VM-XXIV',
      ],
      [
        'XXV',
        'modalidad virtual (Costa Rica)',
        '1 al 4 de diciembre de 2020',
        '2020-12-04',
        'CR',
        undefined,
        'VM-XXV',
      ],
      ['XXVI', 'Ciudad de México', '2 de diciembre de 2021', '2021-12-02', 'MX', undefined, 'VM-XXVI'],
      ['XXVII', 'San Salvador', '2022', '2022-11-30', 'SV', undefined, 'VM-XXVII'],
      [
        'XXVIII',
        'Panamá',
        'diciembre de 2023',
        '2023-12-07',
        'PA',
        'Migración: el desafío regional del siglo XXI',
        'VM-XXVIII',
      ],
    ] as const
  ).map(([n, place, dates, date, owner, theme, meeting], i): DemoDocument => {
    const [es, en] = declaration(n, place, dates, theme)
    return {
      titleEs: `Declaración de la ${n} Reunión Viceministerial de la Conferencia Regional sobre Migración`,
      titleEn: `Declaration of the ${n} Vice-Ministerial Meeting of the Regional Conference on Migration`,
      original: 'es',
      kind: 'declaration',
      date,
      owner,
      uploader: SEC,
      visibility: 'public',
      meeting,
      item: meeting === 'VM-XXVIII' ? 'Adoption of the Declaration of Panama' : undefined,
      tags: ['declaración', 'viceministerial'],
      // The older declarations were never translated: the page shows the English file as missing.
      versions: [
        {
          files:
            i % 3 === 0
              ? [{ lang: 'es', text: es }]
              : [
                  { lang: 'es', text: es },
                  { lang: 'en', text: en },
                ],
        },
      ],
    }
  }),
  {
    titleEs: 'Decisiones de la XXVIII Reunión Viceministerial',
    titleEn: 'Decisions of the XXVIII Vice-Ministerial Meeting',
    original: 'es',
    kind: 'decision',
    date: '2023-12-07',
    owner: 'PA',
    uploader: 'pa.focal@rcm.example',
    visibility: 'members',
    meeting: 'VM-XXVIII',
    tags: ['decisiones', 'ppt'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'Decisión 1: se designa por consenso a Belice para ejercer la Presidencia Pro Tempore en 2024. Decisión 2: se aprueba el plan de acción regional sobre migración laboral sin publicarlo. Decisión 3: se encomienda a la Secretaría Ejecutiva preparar el informe de avance del Plan Estratégico 2023-2026.',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'Conclusions and Recommendations of the RCGM Mid-Term Meeting, Belmopan, July 2024',
    titleEs:
      'Conclusiones y recomendaciones de la reunión de medio término del GRCM, Belmopán, julio de 2024',
    original: 'en',
    kind: 'conclusions_recommendations',
    date: '2024-07-17',
    owner: 'BZ',
    uploader: 'bz.focal@rcm.example',
    visibility: 'participants',
    meeting: 'RCGM-2024-BZ',
    tags: ['rcgm', 'belize'],
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'The Regional Consultation Group on Migration, meeting in Belmopan on 16 and 17 July 2024, welcomed the progress of the working groups on border management, labor migration, irregular and mass migration, and protection, and recommended workshops on consular protection and on regularization programmes before the Vice-Ministerial Meeting.',
          },
          {
            lang: 'es',
            text: 'El Grupo Regional de Consulta sobre Migración, reunido en Belmopán el 16 y 17 de julio de 2024, acogió los avances de los grupos de trabajo sobre gestión de fronteras, migración laboral, migración irregular y masiva, y protección, y recomendó talleres sobre protección consular y programas de regularización antes de la Reunión Viceministerial.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Conclusiones y recomendaciones del GRCM, Panamá, noviembre de 2023',
    titleEn: 'RCGM Conclusions and Recommendations, Panama, November 2023',
    original: 'es',
    kind: 'conclusions_recommendations',
    date: '2023-11-16',
    owner: 'PA',
    uploader: 'pa.focal@rcm.example',
    visibility: 'members',
    // the RCGM sat in Panama on 14-16 November 2023, during the working groups' meetings
    meeting: 'WG-2023-PA',
    item: 'Working Group on Border Management',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El GRCM, reunido en Panamá del 14 al 16 de noviembre de 2023, tomó nota de que más de medio millón de personas cruzaron el Darién en 2023 y recomendó reforzar la cooperación en la gestión de fronteras, la asistencia humanitaria y la lucha contra el tráfico ilícito de migrantes.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Nota conceptual y plan de acción de la Presidencia Pro Tempore de Panamá 2023',
    titleEn: 'Concept Note and Plan of Action of the Pro-Tempore Presidency of Panama 2023',
    original: 'es',
    kind: 'concept_note',
    date: '2023-01-20',
    owner: 'PA',
    uploader: 'pa.focal@rcm.example',
    visibility: 'participants',
    tags: ['ppt', 'panamá'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'La Presidencia Pro Tempore de Panamá propone como eje del año 2023 la respuesta regional a los flujos migratorios mixtos por el Darién, con énfasis en la protección de las personas migrantes, la cooperación contra el tráfico ilícito y la trata de personas y la corresponsabilidad de los países de la región.',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'Concept Note of the Pro-Tempore Presidency of Belize 2024',
    titleEs: 'Nota conceptual de la Presidencia Pro Tempore de Belice 2024',
    original: 'en',
    kind: 'concept_note',
    date: '2024-01-25',
    owner: 'BZ',
    uploader: 'bz.focal@rcm.example',
    visibility: 'participants',
    meeting: 'RCGM-2024-BZ',
    item: 'Concept note and plan of action of the Pro-Tempore Presidency of Belize',
    tags: ['ppt', 'belize'],
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'The Pro-Tempore Presidency of Belize proposes for 2024 a focus on labour mobility and regular pathways, the mid-term RCGM meeting in Belmopan in July, and a series of webinars on the integration of returned migrants.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Nota conceptual de la Presidencia Pro Tempore de Guatemala 2026',
    titleEn: 'Concept Note of the Pro-Tempore Presidency of Guatemala 2026',
    original: 'es',
    kind: 'concept_note',
    date: '2026-01-15',
    owner: 'GT',
    uploader: 'gt.focal@rcm.example',
    visibility: 'participants',
    embargoDays: 21,
    tags: ['ppt', 'guatemala'],
    description: 'En embargo hasta su presentación en la primera reunión del año.',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'Guatemala asumirá la Presidencia Pro Tempore en 2026. La nota conceptual propone reforzar el retorno digno y la reintegración, la protección consular y la cooperación con los países de tránsito.',
          },
        ],
      },
    ],
  },
  ...(
    [
      ['enero-junio de 2023', 'January-June 2023', '2023-07-31', 'members'],
      ['julio-diciembre de 2023', 'July-December 2023', '2024-01-31', 'members'],
      ['enero-junio de 2024', 'January-June 2024', '2024-07-31', 'secretariat'],
    ] as const
  ).map(([period, periodEn, date, visibility], i): DemoDocument => {
    const [es, en] = six(period, periodEn)
    return {
      titleEs: `Informe semestral de actividades y financiero de la Secretaría Ejecutiva, ${period}`,
      titleEn: `Six-monthly Activity and Financial Report of the Executive Secretariat, ${periodEn}`,
      original: 'es',
      kind: 'report',
      date,
      owner: 'SECRETARIAT',
      uploader: SEC,
      visibility,
      tags: ['informe semestral', 'finanzas'],
      versions: [
        {
          files:
            i < 2
              ? [
                  { lang: 'es', text: es },
                  { lang: 'en', text: en },
                ]
              : [{ lang: 'es', text: es }],
        },
      ],
    }
  }),
  {
    titleEn: 'Regional Action Plan on Labor Migration',
    titleEs: 'Plan de Acción Regional sobre Migración Laboral',
    original: 'es',
    kind: 'work_plan',
    date: '2023-12-07',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'members',
    group: 'labor-migration',
    tags: ['migración laboral', 'labor migration'],
    description: 'Aprobado en 2023; no se hizo público por decisión de los países miembros.',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El plan de acción regional sobre migración laboral promueve vías regulares de movilidad laboral, la protección de los derechos de las personas trabajadoras migrantes, el reconocimiento de competencias y la cooperación entre los servicios de empleo de los países miembros.',
          },
          {
            lang: 'en',
            text: 'The regional action plan on labor migration promotes regular pathways for labour mobility, the protection of the rights of migrant workers, the recognition of skills and cooperation between the employment services of the member countries.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Borrador del Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029',
    titleEn: 'Draft National Plan against the Smuggling of Migrants 2024-2029',
    original: 'es',
    kind: 'work_plan',
    date: '2024-02-12',
    owner: 'PA',
    uploader: 'pa.snm@rcm.example',
    visibility: 'group',
    group: 'pa-smuggling-plan',
    tags: ['borrador', 'tráfico ilícito', 'panamá'],
    description:
      'Documento de trabajo del grupo de redacción (SNM/UATIM, Ministerio de Seguridad Pública, OIM, UNODC).',
    versions: [
      {
        note: 'Borrador v0 para la primera ronda de comentarios institucionales.',
        files: [
          {
            lang: 'es',
            format: 'docx',
            text: 'Borrador v0. El plan nacional contra el tráfico ilícito de migrantes 2024-2029 se organiza en cuatro ejes: prevención, persecución del delito, protección de las personas migrantes objeto de tráfico y cooperación internacional. La Unidad de Asuntos de Tráfico Ilícito de Migrantes (UATIM) del Servicio Nacional de Migración coordina su ejecución.',
          },
        ],
      },
      {
        note: 'Incorpora los comentarios del Ministerio de Seguridad Pública y de la OIM.',
        after: 45,
        files: [
          {
            lang: 'es',
            format: 'docx',
            text: 'Borrador v1. Incorpora los comentarios del Ministerio de Seguridad Pública y de la OIM. El plan será socializado, discutido, validado y firmado como Decreto Ejecutivo, con una matriz de implementación cuyas líneas se convertirán en acciones de seguimiento.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Diagnóstico del plan anterior contra el tráfico ilícito de migrantes',
    titleEn: 'Assessment of the previous plan against migrant smuggling',
    original: 'es',
    kind: 'study',
    date: '2024-01-30',
    owner: 'PA',
    uploader: 'pa.snm@rcm.example',
    visibility: 'group',
    group: 'pa-smuggling-plan',
    tags: ['diagnóstico'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El diagnóstico revisa la ejecución de los planes anteriores aprobados por Decreto Ejecutivo 464 (2012-2017) y 125 (2017-2022), identifica brechas en la coordinación interinstitucional y propone indicadores para el nuevo plan.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Matriz de implementación del Plan Nacional (borrador)',
    titleEn: 'Implementation matrix of the National Plan (draft)',
    original: 'es',
    kind: 'work_plan',
    date: '2024-03-01',
    owner: 'PA',
    uploader: 'pa.snm@rcm.example',
    visibility: 'group',
    group: 'pa-smuggling-plan',
    versions: [
      {
        files: [
          {
            lang: 'es',
            format: 'csv',
            text: 'Eje,Acción,Responsable,Plazo\nPrevención,Campaña informativa en comunidades fronterizas,SNM,2024\nPersecución,Unidad fiscal especializada,Ministerio Público,2025\nProtección,Protocolo de atención a migrantes objeto de tráfico,UATIM,2024\n',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Acta de las reuniones de los grupos de trabajo, Panamá, 14 al 16 de noviembre de 2023',
    titleEn: 'Minutes of the working group meetings, Panama, 14-16 November 2023',
    original: 'es',
    kind: 'minutes',
    date: '2023-11-16',
    owner: 'SECRETARIAT',
    uploader: 'secretariat2@rcm.example',
    visibility: 'participants',
    meeting: 'WG-2023-PA',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'Los grupos de trabajo sobre gestión de fronteras, migración laboral, migración irregular y masiva, y protección sesionaron en Panamá. Se acordó presentar al GRCM un informe conjunto y se tomó nota de las intervenciones de los países observadores y de los organismos internacionales.',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'IOM Panama: humanitarian response in Darien and Chiriqui, 2023',
    titleEs: 'OIM Panamá: respuesta humanitaria en Darién y Chiriquí, 2023',
    original: 'en',
    kind: 'presentation',
    date: '2023-11-15',
    owner: 'IOM',
    uploader: 'iom@rcm.example',
    visibility: 'participants',
    meeting: 'WG-2023-PA',
    item: 'Working Group on Irregular and Mass Migration',
    tags: ['darien', 'humanitarian'],
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'More than half a million people crossed the Darien in 2023. IOM reached more than 115,000 migrants in Darien and Chiriqui with shelter, water, health care and information, and trained more than 3,000 people. The draft National Plan on Migrant Smuggling is under revision with the National Commission against Trafficking in Persons.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Informe del Taller de Validación del Estudio sobre Programas y Procesos de Regularización',
    titleEn: 'Report of the Workshop to Validate the Study on Regularization Programmes and Processes',
    original: 'es',
    kind: 'report',
    date: '2022-09-21',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'participants',
    tags: ['regularización'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El taller validó el estudio sobre programas y procesos de regularización migratoria en los países miembros, con recomendaciones sobre requisitos documentales, costos, plazos y el acceso a derechos de las personas regularizadas.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Relatoría del II Foro sobre Comunicación y Migración',
    titleEn: 'Report of the II Forum on Communication and Migration',
    original: 'es',
    kind: 'report',
    date: '2014-10-08',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El foro reunió a periodistas, voceros institucionales y organizaciones de la sociedad civil para promover una cobertura de la migración libre de estigmas y basada en datos.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Seminario de Protección Consular: presentación de la Red de Funcionarios de Enlace',
    titleEn: 'Consular Protection Seminar: presentation of the Liaison Officer Network',
    original: 'es',
    kind: 'presentation',
    date: '2017-05-10',
    owner: 'MX',
    uploader: 'mx.delegate@rcm.example',
    visibility: 'participants',
    group: 'liaison-consular-protection',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'La presentación describe la red de funcionarios de enlace en protección consular, los protocolos de notificación consular y la asistencia a personas migrantes detenidas o en situación de emergencia.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Relatoría de la I Reunión Plenaria CRM-CSM (Montevideo)',
    titleEn: 'Report of the I Plenary Meeting RCM-SACM (Montevideo)',
    original: 'es',
    kind: 'minutes',
    date: '2016-10-20',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'La Conferencia Regional sobre Migración y la Conferencia Suramericana sobre Migraciones celebraron en Montevideo su primera reunión plenaria conjunta y acordaron intercambiar buenas prácticas sobre protección de personas migrantes.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Plan Estratégico de la Conferencia Regional sobre Migración 2023-2026',
    titleEn: 'Strategic Plan of the Regional Conference on Migration 2023-2026',
    original: 'es',
    kind: 'other',
    date: '2022-11-30',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'public',
    tags: ['plan estratégico'],
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El Plan Estratégico 2023-2026 fija los objetivos de la Conferencia: gobernanza migratoria, protección de las personas migrantes, migración y desarrollo, y fortalecimiento institucional. Sus instrumentos son no vinculantes y se adoptan por consenso.',
          },
          {
            lang: 'en',
            text: 'The Strategic Plan 2023-2026 sets the objectives of the Conference: migration governance, protection of migrants, migration and development, and institutional strengthening. Its instruments are non-binding and adopted by consensus.',
          },
        ],
      },
    ],
  },
  {
    titleEn: 'Working Group on Border Management: report 2023',
    titleEs: 'Grupo de Trabajo sobre Gestión de Fronteras: informe 2023',
    original: 'en',
    kind: 'report',
    date: '2023-11-14',
    owner: 'CR',
    uploader: 'cr.focal@rcm.example',
    visibility: 'group',
    group: 'border-management',
    versions: [
      {
        files: [
          {
            lang: 'en',
            text: 'The working group on border management exchanged practices on integrated border management, advance passenger information and the coordination of humanitarian corridors.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Grupo de Trabajo sobre Protección: informe 2023',
    titleEn: 'Working Group on Protection: report 2023',
    original: 'es',
    kind: 'report',
    date: '2023-11-15',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'members',
    group: 'protection',
    versions: [
      {
        files: [
          {
            lang: 'es',
            text: 'El grupo de trabajo sobre protección revisó la aplicación de los lineamientos regionales de protección de la niñez y de identificación de perfiles vulnerables, y propuso capacitaciones conjuntas.',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Calendario de reuniones 2024 (nota de la Secretaría)',
    titleEn: 'Meeting calendar 2024 (Secretariat note)',
    original: 'es',
    kind: 'other',
    date: '2024-01-10',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'participants',
    versions: [
      {
        files: [
          {
            lang: 'es',
            format: 'txt',
            text: 'Calendario 2024 de la Conferencia Regional sobre Migración.\nReunión de medio término del GRCM: Belmopán, 16 y 17 de julio.\nGrupos de trabajo, GRCM y Reunión Viceministerial: noviembre y diciembre.\n',
          },
        ],
      },
    ],
  },
  {
    titleEs: 'Nota de la Secretaría (copia duplicada)',
    titleEn: 'Secretariat note (duplicate copy)',
    original: 'es',
    kind: 'other',
    date: '2024-01-10',
    owner: 'SECRETARIAT',
    uploader: SEC,
    visibility: 'participants',
    deleted: true,
    versions: [
      {
        files: [
          {
            lang: 'es',
            format: 'txt',
            text: 'Copia subida por error; eliminada por la Secretaría y recuperable.\n',
          },
        ],
      },
    ],
  },
]

// ---------------------------------------------------------------------------------------------------
// Files

/** Helvetica speaks WinAnsi: anything outside it becomes '?' rather than failing. */
function winAnsi(font: PDFFont, text: string) {
  return [...text]
    .map((c) => {
      try {
        font.encodeText(c)
        return c
      } catch {
        return '?'
      }
    })
    .join('')
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** A one-page PDF whose text layer holds the title and the text. */
export async function buildPdf(title: string, text: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib')
  const pdf = await PDFDocument.create()
  pdf.setTitle(title)
  pdf.setProducer('RCM Portal demo data')
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const page = pdf.addPage([595, 842])
  let y = 780
  for (const line of wrap(bold, winAnsi(bold, title), 14, 495)) {
    page.drawText(line, { x: 50, y, size: 14, font: bold })
    y -= 20
  }
  y -= 10
  for (const line of wrap(regular, winAnsi(regular, text), 11, 495)) {
    page.drawText(line, { x: 50, y, size: 11, font: regular })
    y -= 15
  }
  return pdf.save()
}

export async function buildDocx(title: string, text: string): Promise<Uint8Array> {
  const { Document: DocxDocument, HeadingLevel, Packer, Paragraph } = await import('docx')
  const doc = new DocxDocument({
    sections: [
      { children: [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), new Paragraph(text)] },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const SLUG = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)

export interface BuiltFile {
  bytes: Uint8Array
  name: string
  /** the text as the search index should hold it */
  text: string
}

/** Generates every demo file (asynchronous): keyed by document, version and language. */
export async function buildDemoDocumentFiles(): Promise<Map<string, BuiltFile>> {
  const out = new Map<string, BuiltFile>()
  const jobs: Promise<void>[] = []
  DEMO_DOCUMENTS.forEach((d, di) =>
    d.versions.forEach((v, vi) =>
      v.files.forEach((f) => {
        const title = (f.lang === 'en' ? d.titleEn : d.titleEs) ?? d.titleEs ?? d.titleEn ?? ''
        const format = f.format ?? 'pdf'
        const base = `${SLUG(title)}-v${vi + 1}-${f.lang}`
        const key = `${di}/${vi}/${f.lang}`
        if (format === 'csv' || format === 'txt') {
          out.set(key, { bytes: new TextEncoder().encode(f.text), name: `${base}.${format}`, text: f.text })
          return
        }
        const build = format === 'docx' ? buildDocx(title, f.text) : buildPdf(title, f.text)
        jobs.push(
          build.then(
            (bytes) => void out.set(key, { bytes, name: `${base}.${format}`, text: `${title} ${f.text}` }),
          ),
        )
      }),
    ),
  )
  await Promise.all(jobs)
  return out
}

const DAY = 24 * 60 * 60 * 1000

/** The id of a demo meeting, which the meetings seeder (run first) put in `ids` as `meeting:<key>`. */
function meetingIdOf(ids: Map<string, string>, key: string, index: number): string {
  const id = ids.get(`meeting:${key}`)
  if (!id) throw new Error(`demo document ${index}: no demo meeting ${key}`)
  return id
}

/** The id of an agenda item of a demo meeting, by its English title. */
function agendaItemIdOf(tx: Tx, meetingId: string, titleEn: string, index: number): string {
  const item = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.titleEn, titleEn)))
    .get()
  if (!item) throw new Error(`demo document ${index}: no agenda item ${titleEn}`)
  return item.id
}

/** Inserts the demo documents (inside the demo transaction). */
export function seedDemoDocuments(
  tx: Tx,
  {
    ids,
    people,
    files,
  }: { ids: Map<string, string>; people: Map<string, string>; files: Map<string, BuiltFile> },
) {
  const now = Date.now()
  DEMO_DOCUMENTS.forEach((d, di) => {
    const uploadedById = people.get(d.uploader)
    const ownerOrganizationId = ids.get(d.owner)
    if (!uploadedById || !ownerOrganizationId)
      throw new Error(`demo document ${di}: unknown uploader or owner`)
    const dated = new Date(`${d.date}T15:00:00Z`).getTime()
    const created = Math.min(dated + DAY, now - DAY)
    const doc = tx
      .insert(documents)
      .values({
        reference: nextReference(tx, Number(d.date.slice(0, 4)), d.kind),
        searchRowid: nextSearchRowid(tx, d.date),
        titleEs: d.titleEs ?? null,
        titleEn: d.titleEn ?? null,
        originalLanguage: d.original,
        kind: d.kind,
        description: d.description ?? null,
        documentDate: d.date,
        ownerOrganizationId,
        uploadedById,
        visibility: d.visibility,
        groupId: d.group ? ids.get(`group:${d.group}`)! : null,
        embargoUntil: d.embargoDays ? new Date(now + d.embargoDays * DAY) : null,
        meetingId: d.meeting ? meetingIdOf(ids, d.meeting, di) : null,
        agendaItemId:
          d.meeting && d.item ? agendaItemIdOf(tx, meetingIdOf(ids, d.meeting, di), d.item, di) : null,
        tags: d.tags ?? [],
        currentVersion: d.versions.length,
        deletedAt: d.deleted ? new Date(now - DAY) : null,
        deletedById: d.deleted ? people.get(SEC)! : null,
        createdAt: new Date(created),
        updatedAt: new Date(created + (d.versions.at(-1)?.after ?? 0) * DAY),
      })
      .returning({ id: documents.id })
      .get()
    d.versions.forEach((v, vi) => {
      const at = new Date(Math.min(created + (v.after ?? 0) * DAY, now - DAY / 2))
      const version = tx
        .insert(documentVersions)
        .values({ documentId: doc.id, number: vi + 1, note: v.note ?? null, uploadedById, createdAt: at })
        .returning({ id: documentVersions.id })
        .get()
      v.files.forEach((f, fi) => {
        const built = files.get(`${di}/${vi}/${f.lang}`)!
        const stored = storeBytes(built.bytes, built.name)
        tx.insert(documentFiles)
          .values({
            versionId: version.id,
            language: f.lang,
            isOriginal: fi === 0,
            storageKey: stored.storageKey,
            sha256: stored.sha256,
            size: stored.size,
            mimeType: stored.mimeType,
            filename: stored.filename,
            textStatus: 'done',
            extractedText: built.text.replace(/\s+/g, ' ').trim(),
            uploadedById,
            createdAt: at,
          })
          .run()
      })
    })
    indexDocument(tx, doc.id)
    // A few recorded downloads, so that the secretariat's view of a restricted document is not empty.
    if (d.visibility === 'members' && d.kind === 'work_plan') {
      for (const email of ['mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
        tx.insert(documentDownloads)
          .values({
            documentId: doc.id,
            versionNumber: 1,
            language: 'es',
            personId: people.get(email)!,
            at: new Date(created + 2 * DAY),
          })
          .run()
      }
    }
  })
}
