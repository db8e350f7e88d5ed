/**
 * Demo implementation matrix of Panama's plan: its lines of action and activities get indicators (both
 * languages), responsible institutions and time frames; two lines of action (3.1.1 and 3.2.1) are
 * turned into action items by the chair of the group (the Ministry of Public Security), owned by their
 * lead institutions, supported by the others, due on their end dates, with some progress reported by
 * the owners. Line 3.3.1 already has an action from the actions seeder (defining its indicators): it
 * keeps it, so that a second conversion asks for confirmation. Activity 3.3.1.1 has no end date yet.
 * Runs after the plans and actions seeders (`plan-section:<slug>/<number>` ids). Dates are relative to
 * today, so that the demo's commitments are always ahead.
 */
import { eq } from 'drizzle-orm'
import { actionsToday, addDays } from '../../app/modules/actions/overdue.server'
import type { ActionStatus } from '../../app/modules/actions/constants'
import type { Tx } from '../client'
import {
  actionItems,
  actionOwners,
  actionUpdates,
  people as peopleTable,
  planSectionResponsibles,
  planSections,
} from '../schema'

interface MatrixSeed {
  number: string
  indicatorEs: string
  indicatorEn: string
  /** days from today */
  start: number | null
  end: number | null
  lead: string[]
  support: string[]
  /** turned into an action item: days ago, and the owners' reports */
  action?: {
    created: number
    updates: { ago: number; by: string; status: ActionStatus; progress: number; note: string }[]
  }
}

const CHAIR = 'pa.minseg@rcm.example'

const MATRIX: MatrixSeed[] = [
  {
    number: '3.1.1',
    indicatorEs:
      'Número de personas migrantes informadas sobre los riesgos del tráfico ilícito en Darién y Chiriquí',
    indicatorEn: 'Number of migrants informed about the risks of smuggling in Darién and Chiriquí',
    start: -240,
    end: 480,
    lead: ['PA-SNM'],
    support: ['IOM'],
    action: {
      created: 40,
      updates: [
        {
          ago: 25,
          by: 'pa.snm@rcm.example',
          status: 'in_progress',
          progress: 20,
          note: 'Materiales informativos validados con la OIM; primera distribución en la Estación de Recepción Migratoria de Lajas Blancas.',
        },
        {
          ago: 6,
          by: 'pa.snm@rcm.example',
          status: 'in_progress',
          progress: 40,
          note: 'Distribución ampliada a Chiriquí; 3.200 personas informadas en el trimestre.',
        },
      ],
    },
  },
  {
    number: '3.1.1.1',
    indicatorEs: 'Talleres realizados con las comunidades de acogida (meta: 12 al año)',
    indicatorEn: 'Workshops held with host communities (target: 12 a year)',
    start: -120,
    end: 300,
    lead: ['PA-SNM'],
    support: ['IOM', 'UNHCR'],
  },
  {
    number: '3.2.1',
    indicatorEs: 'Investigaciones de tráfico ilícito de migrantes abiertas y judicializadas por la UATIM',
    indicatorEn: 'Migrant smuggling investigations opened and brought to court by UATIM',
    start: -200,
    end: 620,
    lead: ['PA-MINSEG', 'PA-UATIM'],
    support: ['UNODC'],
    action: {
      created: 35,
      updates: [
        {
          ago: 12,
          by: CHAIR,
          status: 'in_progress',
          progress: 15,
          note: 'Curso de investigación financiera con la UNODC para 25 fiscales e investigadores de la UATIM.',
        },
      ],
    },
  },
  {
    number: '3.3.1',
    indicatorEs: 'Víctimas de delitos conexos identificadas y referidas a servicios de protección',
    indicatorEn: 'Victims of related crimes identified and referred to protection services',
    start: -180,
    end: 540,
    lead: ['PA-MINSEG'],
    support: ['PA-CNCTP', 'IOM'],
  },
  {
    number: '3.3.1.1',
    indicatorEs: 'Protocolo de referencia aprobado y difundido a las instituciones',
    indicatorEn: 'Referral protocol approved and shared with the institutions',
    start: null,
    end: null,
    lead: ['PA-CNCTP'],
    support: ['IOM'],
  },
]

export function seedDemoPlanMatrix(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const today = actionsToday()
  const day = (n: number) => addDays(today, n)
  const at = (ago: number) => new Date(new Date(`${day(-ago)}T20:00:00Z`).getTime())
  const need = (map: Map<string, string>, key: string) => {
    const v = map.get(key)
    if (!v) throw new Error(`demo plan matrix: no ${key}`)
    return v
  }
  const personOrg = (email: string) => {
    const p = tx
      .select({ organizationId: peopleTable.organizationId, institutionId: peopleTable.institutionId })
      .from(peopleTable)
      .where(eq(peopleTable.id, need(people, email)))
      .get()!
    return p.institutionId ?? p.organizationId
  }
  for (const m of MATRIX) {
    const sectionId = need(ids, `plan-section:pa-smuggling-plan/${m.number}`)
    const section = tx.select().from(planSections).where(eq(planSections.id, sectionId)).get()!
    const startDate = m.start === null ? null : day(m.start)
    const endDate = m.end === null ? null : day(m.end)
    tx.update(planSections)
      .set({ indicatorEs: m.indicatorEs, indicatorEn: m.indicatorEn, startDate, endDate })
      .where(eq(planSections.id, sectionId))
      .run()
    for (const [codes, role] of [
      [m.lead, 'lead'],
      [m.support, 'support'],
    ] as const)
      for (const code of codes)
        tx.insert(planSectionResponsibles)
          .values({ sectionId, organizationId: need(ids, code), role })
          .run()
    if (!m.action || !endDate) continue
    // as the service turns a line into an action item (plans/matrix.server.ts, createActionFromSection)
    const createdAt = at(m.action.created)
    const row = tx
      .insert(actionItems)
      .values({
        titleEs: section.titleEs,
        titleEn: section.titleEn,
        descriptionEs: m.indicatorEs,
        descriptionEn: m.indicatorEn,
        originType: 'plan_section',
        planSectionId: sectionId,
        dueDate: endDate,
        priority: 'medium',
        createdById: need(people, CHAIR),
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: actionItems.id })
      .get()
    for (const code of m.lead)
      tx.insert(actionOwners)
        .values({ actionId: row.id, organizationId: need(ids, code), kind: 'owner' })
        .run()
    for (const code of m.support)
      tx.insert(actionOwners)
        .values({ actionId: row.id, organizationId: need(ids, code), kind: 'supporting' })
        .run()
    let revision = 1
    let status: ActionStatus = 'not_started'
    let progress = 0
    let updatedAt = createdAt
    for (const u of m.action.updates) {
      revision++
      updatedAt = at(u.ago)
      tx.insert(actionUpdates)
        .values({
          actionId: row.id,
          authorId: need(people, u.by),
          organizationId: personOrg(u.by),
          status: u.status,
          progress: u.progress,
          note: u.note,
          revision,
          createdAt: updatedAt,
        })
        .run()
      status = u.status
      progress = u.progress
    }
    tx.update(actionItems)
      .set({ status, progress, revision, updatedAt })
      .where(eq(actionItems.id, row.id))
      .run()
  }
}
