/**
 * Demo action items: the follow-up of the real decisions of the demo meetings (db/seed/meetings.ts),
 * owned by different member states, national institutions and agencies, in every status, with report
 * histories (evidence from the demo library), a report of completion awaiting the Secretariat's
 * validation, one sent back, one cancelled. Due dates of the open ones are relative to the real clock, so
 * that some are overdue and some due soon whenever the demo starts. Panama owns several (some open and
 * overdue, some owned by Panama only), which the contract checks rely on.
 * Runs after the meetings and documents seeders: it finds their decisions, agenda items and documents.
 */
import { and, eq, like } from 'drizzle-orm'
import { actionsToday, addDays } from '../../app/modules/actions/overdue.server'
import type { Tx } from '../client'
import {
  actionItems,
  actionOwners,
  actionUpdateEvidence,
  actionUpdates,
  agendaItems,
  decisions,
  documents,
  groups,
  people as peopleTable,
} from '../schema'
import type { ActionStatus } from '../../app/modules/actions/constants'

/** A day as YYYY-MM-DD, or a number of days from today (the real clock). */
type When = string | number

type Status = 'not_started' | 'in_progress' | 'blocked' | 'done'

interface UpdateSeed {
  at: When
  by: string
  status: Status
  progress: number
  note: string
  /** titles (Spanish, a fragment) of demo library documents */
  evidence?: string[]
  /** for a report of done by an owner: what the Secretariat did with it (absent: still pending) */
  validation?: { at: When; by: string; result: 'validated' | 'returned'; comment?: string }
}

type OriginSeed =
  | { meeting: string; decision: number }
  | { meeting: string; item: number }
  | { group: string }
  | { planSection: string }
  | null

interface ActionSeed {
  es: string
  en: string
  descEs?: string
  descEn?: string
  origin: OriginSeed
  /** [organization code, focal person's e-mail] */
  owners: [string, string?][]
  supporting?: string[]
  created: When
  due: When
  priority: 'low' | 'medium' | 'high'
  tags?: string[]
  updates?: UpdateSeed[]
  cancel?: { at: When; by: string; reason: string }
}

const SECRETARIAT = 'secretariat@rcm.example'

function demoActions(): ActionSeed[] {
  return [
    // XXVIII Vice-Ministerial Meeting (Panama, December 2023)
    {
      es: 'Difundir la Declaración de Panamá entre las instituciones nacionales de los Países Miembros',
      en: 'Disseminate the Declaration of Panama among the national institutions of the Member Countries',
      origin: { meeting: 'VM-XXVIII', decision: 1 },
      owners: [['PA', 'pa.focal@rcm.example']],
      supporting: ['SECRETARIAT'],
      created: '2023-12-08',
      due: '2024-03-31',
      priority: 'medium',
      tags: ['declaración', 'difusión'],
      updates: [
        {
          at: '2024-02-12',
          by: 'pa.focal@rcm.example',
          status: 'in_progress',
          progress: 50,
          note: 'La Cancillería remitió la Declaración a las instituciones nacionales; falta la versión en inglés.',
        },
        {
          at: '2024-03-20',
          by: 'pa.focal@rcm.example',
          status: 'done',
          progress: 100,
          note: 'Difusión completada en español e inglés; se adjuntan las decisiones publicadas.',
          evidence: ['Decisiones de la XXVIII Reunión Viceministerial'],
          validation: { at: '2024-03-25', by: SECRETARIAT, result: 'validated' },
        },
      ],
    },
    {
      es: 'Publicar el informe de actividades y el informe financiero 2023 de la Secretaría Ejecutiva',
      en: 'Publish the 2023 activity and financial reports of the Executive Secretariat',
      origin: { meeting: 'VM-XXVIII', decision: 2 },
      owners: [['SECRETARIAT', SECRETARIAT]],
      created: '2023-12-08',
      due: '2024-01-31',
      priority: 'low',
      updates: [
        {
          at: '2024-01-22',
          by: SECRETARIAT,
          status: 'done',
          progress: 100,
          note: 'Informes publicados en la biblioteca del portal.',
        },
      ],
    },
    {
      es: 'Presentar el plan de trabajo actualizado del Grupo de Trabajo sobre Gestión de Fronteras',
      en: 'Present the updated work plan of the Working Group on Border Management',
      origin: { meeting: 'VM-XXVIII', decision: 3 },
      owners: [['PA', 'pa.focal@rcm.example']],
      supporting: ['MX'],
      created: '2023-12-08',
      due: '2024-07-15',
      priority: 'high',
      tags: ['fronteras', 'plan de trabajo'],
      updates: [
        {
          at: '2024-05-10',
          by: 'pa.focal@rcm.example',
          status: 'in_progress',
          progress: 60,
          note: 'Borrador circulado entre los miembros del Grupo; México envió comentarios.',
        },
        {
          at: '2024-07-12',
          by: 'pa.focal@rcm.example',
          status: 'done',
          progress: 100,
          note: 'Plan presentado en la reunión intermedia del GRCM en Belmopán.',
          validation: {
            at: '2024-07-15',
            by: SECRETARIAT,
            result: 'returned',
            comment: 'Falta adjuntar la versión aprobada por el Grupo.',
          },
        },
        {
          at: '2024-07-18',
          by: 'pa.focal@rcm.example',
          status: 'done',
          progress: 100,
          note: 'Se adjuntan las conclusiones del GRCM que aprueban el plan.',
          evidence: ['Conclusiones y recomendaciones de la reunión de medio término'],
          validation: { at: '2024-07-22', by: SECRETARIAT, result: 'validated' },
        },
      ],
    },
    {
      es: 'Presentar el plan de trabajo actualizado del Grupo de Trabajo sobre Migración Laboral',
      en: 'Present the updated work plan of the Working Group on Labour Migration',
      origin: { meeting: 'VM-XXVIII', decision: 3 },
      owners: [['MX', 'mx.delegate@rcm.example']],
      created: '2023-12-08',
      due: -20,
      priority: 'high',
      tags: ['migración laboral'],
      updates: [
        {
          at: -60,
          by: 'mx.delegate@rcm.example',
          status: 'in_progress',
          progress: 70,
          note: 'El borrador incorpora los programas de movilidad laboral temporal.',
        },
      ],
    },
    {
      es: 'Designar puntos focales nacionales para el Plan de Acción Regional sobre Migración Laboral',
      en: 'Designate national focal points for the Regional Action Plan on Labour Migration',
      origin: { meeting: 'VM-XXVIII', decision: 4 },
      owners: [['GT', 'gt.focal@rcm.example'], ['HN']],
      created: '2023-12-08',
      due: 40,
      priority: 'medium',
      updates: [
        {
          at: -15,
          by: 'gt.focal@rcm.example',
          status: 'in_progress',
          progress: 50,
          note: 'Guatemala designó a su punto focal; Honduras lo hará tras su consulta interinstitucional.',
        },
      ],
    },
    {
      es: 'Entregar los archivos de la Presidencia Pro Tempore a Belice',
      en: 'Hand over the files of the Pro-Tempore Presidency to Belize',
      origin: { meeting: 'VM-XXVIII', decision: 5 },
      owners: [['PA', 'pa.focal@rcm.example']],
      supporting: ['BZ'],
      created: '2023-12-08',
      due: '2024-01-15',
      priority: 'medium',
      updates: [
        {
          at: '2024-01-10',
          by: SECRETARIAT,
          status: 'done',
          progress: 100,
          note: 'Traspaso completado en la reunión de la Troika.',
        },
      ],
    },
    // RCGM, members-only session (Panama, December 2023): hidden from observers that are not involved
    {
      es: 'Revisar la versión final del Plan de Acción Regional sobre Migración Laboral',
      en: 'Review the final version of the Regional Action Plan on Labour Migration',
      origin: { meeting: 'RCGM-2023-PA', decision: 1 },
      owners: [['MX-INM']],
      supporting: ['PA'],
      created: '2023-12-06',
      due: -45,
      priority: 'high',
      updates: [
        {
          at: -50,
          by: 'mx.delegate@rcm.example',
          status: 'blocked',
          progress: 30,
          note: 'En espera de los comentarios de dos Países Miembros.',
        },
      ],
    },
    {
      es: 'Compartir con los Países Miembros la matriz de indicadores del Plan de Acción Regional',
      en: 'Share the indicator matrix of the Regional Action Plan with the Member Countries',
      origin: { meeting: 'RCGM-2023-PA', decision: 1 },
      owners: [['PA', 'pa.focal@rcm.example']],
      created: '2023-12-06',
      due: -10,
      priority: 'medium',
      updates: [
        {
          at: -40,
          by: 'pa.focal@rcm.example',
          status: 'in_progress',
          progress: 40,
          note: 'Matriz en revisión por el Servicio Nacional de Migración.',
        },
      ],
    },
    {
      es: 'Apoyo técnico para el cálculo de los indicadores de migración laboral',
      en: 'Technical support to compute the labour migration indicators',
      origin: { meeting: 'RCGM-2023-PA', decision: 1 },
      owners: [['CR', 'cr.focal@rcm.example']],
      supporting: ['IOM'],
      created: '2023-12-06',
      due: 50,
      priority: 'low',
    },
    // RCGM mid-term meeting (Belmopan, July 2024)
    {
      es: 'Informe de avance de la nota conceptual de la Presidencia Pro Tempore de Belice',
      en: 'Progress report on the concept note of the Pro-Tempore Presidency of Belize',
      origin: { meeting: 'RCGM-2024-BZ', decision: 1 },
      owners: [['BZ', 'bz.focal@rcm.example']],
      created: '2024-07-18',
      due: '2024-11-30',
      priority: 'low',
      cancel: {
        at: '2024-10-01',
        by: SECRETARIAT,
        reason: 'Se integra en el informe de la Presidencia Pro Tempore a la Reunión Viceministerial.',
      },
    },
    {
      es: 'Implementar el intercambio de información entre los puestos fronterizos de Darién y Chiriquí',
      en: 'Implement information exchange between the Darien and Chiriqui border posts',
      descEs:
        'Protocolo de intercambio diario de datos de flujos entre el Servicio Nacional de Migración y los puestos fronterizos, con la UATIM.',
      descEn:
        'Daily exchange protocol of flow data between the National Migration Service and the border posts, with UATIM.',
      origin: { meeting: 'RCGM-2024-BZ', decision: 2 },
      owners: [['PA-SNM', 'pa.snm@rcm.example']],
      created: '2024-07-18',
      due: -30,
      priority: 'high',
      tags: ['fronteras', 'Darién'],
      updates: [
        {
          at: -120,
          by: 'pa.snm@rcm.example',
          status: 'in_progress',
          progress: 20,
          note: 'Protocolo redactado; pendiente la conectividad del puesto de Paso Canoas.',
        },
        {
          at: -35,
          by: 'pa.snm@rcm.example',
          status: 'in_progress',
          progress: 40,
          note: 'Conectividad instalada en dos de los cinco puestos. Se adjunta la nota conceptual de referencia.',
          evidence: ['Nota conceptual y plan de acción de la Presidencia Pro Tempore de Panamá'],
        },
      ],
    },
    {
      es: 'Capacitar a 300 funcionarios de fronteras en la identificación de perfiles de personas migrantes en situación de vulnerabilidad',
      en: 'Train 300 border officials in identifying the profiles of migrants in vulnerable situations',
      origin: { meeting: 'RCGM-2024-BZ', decision: 2 },
      owners: [['PA', 'pa.focal@rcm.example']],
      supporting: ['IOM'],
      created: '2024-07-18',
      due: 60,
      priority: 'medium',
      tags: ['capacitación', 'protección'],
    },
    {
      es: 'Actualizar el protocolo regional de protección consular',
      en: 'Update the regional consular protection protocol',
      origin: { meeting: 'RCGM-2024-BZ', decision: 2 },
      owners: [['MX', 'mx.delegate@rcm.example']],
      supporting: ['GT'],
      created: '2024-07-18',
      due: 15,
      priority: 'medium',
      updates: [
        {
          at: -25,
          by: 'mx.delegate@rcm.example',
          status: 'blocked',
          progress: 35,
          note: 'Pendiente la validación jurídica de la Secretaría de Relaciones Exteriores.',
        },
      ],
    },
    {
      es: 'Publicar el informe nacional sobre los flujos migratorios por el Darién 2024',
      en: 'Publish the 2024 national report on migration flows through the Darien',
      origin: { meeting: 'RCGM-2024-BZ', decision: 2 },
      owners: [['PA', 'pa.focal@rcm.example']],
      created: '2024-07-18',
      due: 20,
      priority: 'medium',
      updates: [
        {
          at: -40,
          by: 'pa.focal@rcm.example',
          status: 'in_progress',
          progress: 70,
          note: 'Datos consolidados con el Servicio Nacional de Migración.',
        },
        {
          at: -2,
          by: 'pa.focal@rcm.example',
          status: 'done',
          progress: 100,
          note: 'Informe publicado en la biblioteca del portal.',
          evidence: ['Conclusiones y recomendaciones del GRCM, Panamá'],
        },
      ],
    },
    // the recent working group meeting (agenda items)
    {
      es: 'Circular un formato común de informe sobre migración laboral',
      en: 'Circulate a common reporting format on labour migration',
      origin: { meeting: 'WG-LABOUR-RECENT', item: 2 },
      owners: [['SECRETARIAT', SECRETARIAT]],
      created: -17,
      due: 5,
      priority: 'high',
      updates: [
        {
          at: -5,
          by: SECRETARIAT,
          status: 'in_progress',
          progress: 60,
          note: 'Borrador del formato listo; se incorpora la propuesta de Costa Rica.',
        },
      ],
    },
    {
      es: 'Incluir datos desagregados por sexo y edad en el formato de informe',
      en: 'Include data disaggregated by sex and age in the reporting format',
      origin: { meeting: 'WG-LABOUR-RECENT', item: 1 },
      owners: [['CR', 'cr.focal@rcm.example']],
      supporting: ['ILO'],
      created: -17,
      due: 25,
      priority: 'medium',
    },
    // a working group, a plan section, nothing
    {
      es: 'Consolidar los comentarios institucionales al borrador v0 del Plan Nacional contra el Tráfico Ilícito de Migrantes',
      en: 'Consolidate the institutional comments on draft v0 of the National Plan against the Smuggling of Migrants',
      origin: { group: 'pa-smuggling-plan' },
      owners: [['PA-SNM', 'pa.snm@rcm.example']],
      supporting: ['IOM', 'UNODC'],
      created: -45,
      due: 6,
      priority: 'high',
      tags: ['plan nacional', 'tráfico ilícito'],
      updates: [
        {
          at: -10,
          by: 'pa.snm@rcm.example',
          status: 'in_progress',
          progress: 30,
          note: 'Recibidos los comentarios del Ministerio de Seguridad Pública; faltan los de la OIM y la UNODC.',
        },
      ],
    },
    {
      es: 'Definir los indicadores de la línea de acción de protección de víctimas',
      en: 'Define the indicators of the victim protection line of action',
      origin: { planSection: 'pa-smuggling-plan/3.3.1' },
      owners: [['PA-MINSEG', 'pa.minseg@rcm.example']],
      created: -30,
      due: 45,
      priority: 'medium',
    },
    {
      es: 'Actualizar la Matriz Comparativa de Legislación sobre Trata de Personas y Tráfico Ilícito de Migrantes',
      en: 'Update the Comparative Matrix of Legislation on Trafficking in Persons and Migrant Smuggling',
      origin: null,
      owners: [['SECRETARIAT', 'secretariat2@rcm.example']],
      supporting: ['UNODC'],
      created: -20,
      due: 90,
      priority: 'low',
    },
    // an old commitment still open: the XXI Vice-Ministerial Meeting (2016)
    {
      es: 'Actualizar las guías de trabajo de la Red de Funcionarios de Enlace en materia de protección consular',
      en: 'Update the working guides of the Liaison Officer Network on consular protection',
      origin: { meeting: 'VM-XXI', decision: 2 },
      owners: [['GT', 'gt.focal@rcm.example']],
      supporting: ['SV', 'HN'],
      created: '2016-11-20',
      due: '2018-06-30',
      priority: 'medium',
      updates: [
        {
          at: '2017-09-01',
          by: 'gt.focal@rcm.example',
          status: 'in_progress',
          progress: 25,
          note: 'Primera revisión de las guías realizada por la Red.',
        },
      ],
    },
  ]
}

/** Inserts the demo actions. `ids` maps codes, `group:<slug>` and `meeting:<key>` to ids; `people` maps
 * e-mails to ids. */
export function seedDemoActions(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const today = actionsToday()
  const day = (w: When) => (typeof w === 'number' ? addDays(today, w) : w)
  // reports happen in the afternoon, Costa Rica time (UTC-6)
  const at = (w: When, minutes = 0) => new Date(new Date(`${day(w)}T20:00:00Z`).getTime() + minutes * 60_000)
  const person = (email: string) => {
    const id = people.get(email)
    if (!id) throw new Error(`demo actions: no person ${email}`)
    return id
  }
  const org = (code: string) => {
    const id = ids.get(code)
    if (!id) throw new Error(`demo actions: no organization ${code}`)
    return id
  }
  const documentId = (fragment: string) => {
    const d = tx
      .select({ id: documents.id })
      .from(documents)
      .where(like(documents.titleEs, `${fragment}%`))
      .get()
    if (!d) throw new Error(`demo actions: no document "${fragment}"`)
    return d.id
  }
  // the person's institution, else their organization (as the service records it)
  const personOrg = (email: string) => {
    const p = tx
      .select({ organizationId: peopleTable.organizationId, institutionId: peopleTable.institutionId })
      .from(peopleTable)
      .where(eq(peopleTable.id, person(email)))
      .get()!
    return p.institutionId ?? p.organizationId
  }

  for (const [n, a] of demoActions().entries()) {
    let origin: Partial<typeof actionItems.$inferInsert> = { originType: 'none' }
    if (a.origin && 'decision' in a.origin) {
      const meetingId = ids.get(`meeting:${a.origin.meeting}`)!
      const d = tx
        .select()
        .from(decisions)
        .where(and(eq(decisions.meetingId, meetingId), eq(decisions.number, a.origin.decision)))
        .get()
      if (!d) throw new Error(`demo action ${n}: no decision ${a.origin.meeting}/${a.origin.decision}`)
      origin = { originType: 'decision', decisionId: d.id, agendaItemId: d.agendaItemId, meetingId }
    } else if (a.origin && 'item' in a.origin) {
      const meetingId = ids.get(`meeting:${a.origin.meeting}`)!
      const item = tx
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.position, a.origin.item)))
        .get()
      if (!item) throw new Error(`demo action ${n}: no agenda item`)
      origin = { originType: 'agenda_item', agendaItemId: item.id, meetingId }
    } else if (a.origin && 'group' in a.origin) {
      const g = tx.select().from(groups).where(eq(groups.slug, a.origin.group)).get()!
      origin = { originType: 'group', groupId: g.id }
    } else if (a.origin && 'planSection' in a.origin) {
      // `plan-section:<group slug>/<number>` is set by the plans seeder, which runs before this one;
      // without plans (the demo data of an older release) the action comes from the plan's group
      const slug = a.origin.planSection.split('/')[0]
      const sectionId = ids.get(`plan-section:${a.origin.planSection}`)
      if (sectionId) origin = { originType: 'plan_section', planSectionId: sectionId }
      else if (!ids.has(`plan:${slug}`)) origin = { originType: 'group', groupId: ids.get(`group:${slug}`)! }
      else throw new Error(`demo action ${n}: no plan section ${a.origin.planSection}`)
    }

    const createdAt = at(a.created, -240)
    const row = tx
      .insert(actionItems)
      .values({
        titleEs: a.es,
        titleEn: a.en,
        descriptionEs: a.descEs ?? null,
        descriptionEn: a.descEn ?? null,
        ...origin,
        dueDate: day(a.due),
        priority: a.priority,
        tags: a.tags ?? [],
        createdById: person(SECRETARIAT),
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: actionItems.id })
      .get()
    for (const [code, focal] of a.owners) {
      tx.insert(actionOwners)
        .values({
          actionId: row.id,
          organizationId: org(code),
          kind: 'owner',
          focalPersonId: focal ? person(focal) : null,
        })
        .run()
    }
    for (const code of a.supporting ?? []) {
      tx.insert(actionOwners)
        .values({ actionId: row.id, organizationId: org(code), kind: 'supporting' })
        .run()
    }

    // Replays the reports as the service would: revision per change, the owner's done waits for validation.
    let status: ActionStatus = 'not_started'
    let progress = 0
    let revision = 1
    let updatedAt = createdAt
    let completedAt: Date | null = null
    for (const u of a.updates ?? []) {
      const byOwner = u.by !== SECRETARIAT && u.by !== 'secretariat2@rcm.example'
      const created = at(u.at)
      revision++
      const validation = u.status !== 'done' ? null : !byOwner ? 'validated' : 'pending'
      const update = tx
        .insert(actionUpdates)
        .values({
          actionId: row.id,
          authorId: person(u.by),
          organizationId: personOrg(u.by),
          status: u.status,
          progress: u.progress,
          note: u.note,
          revision,
          validation,
          validatedById: validation === 'validated' && !byOwner ? person(u.by) : null,
          validatedAt: validation === 'validated' && !byOwner ? created : null,
          createdAt: created,
        })
        .returning({ id: actionUpdates.id })
        .get()
      for (const title of u.evidence ?? []) {
        tx.insert(actionUpdateEvidence)
          .values({ updateId: update.id, documentId: documentId(title) })
          .run()
      }
      progress = u.progress
      status = u.status === 'done' ? (byOwner ? 'in_progress' : 'done') : u.status
      if (status === 'done') completedAt = created
      updatedAt = created
      if (u.status === 'done' && byOwner && u.validation) {
        const v = u.validation
        // a validation is a change of its own, a little after the report at the earliest
        const when = new Date(Math.max(at(v.at).getTime(), created.getTime() + 3600_000))
        revision++
        tx.update(actionUpdates)
          .set({
            validation: v.result,
            validatedById: person(v.by),
            validatedAt: when,
            validationComment: v.comment ?? null,
          })
          .where(eq(actionUpdates.id, update.id))
          .run()
        status = v.result === 'validated' ? 'done' : 'in_progress'
        if (status === 'done') {
          progress = 100
          completedAt = when
        }
        updatedAt = when
      }
    }
    if (a.cancel) {
      revision++
      const when = at(a.cancel.at)
      tx.insert(actionUpdates)
        .values({
          actionId: row.id,
          authorId: person(a.cancel.by),
          organizationId: personOrg(a.cancel.by),
          status: 'cancelled',
          progress,
          note: a.cancel.reason,
          revision,
          createdAt: when,
        })
        .run()
      status = 'cancelled'
      updatedAt = when
    }
    tx.update(actionItems)
      .set({ status, progress, revision, updatedAt, completedAt })
      .where(eq(actionItems.id, row.id))
      .run()
  }
}
