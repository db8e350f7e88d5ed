/**
 * Demo data for decisions after they are recorded and for actions with several owners: two decisions
 * of the XXVIII Vice-Ministerial Meeting recorded after its others, one corrected by a corrigendum (the
 * text it replaced kept) and one withdrawn with its reason (its code stays taken); and an action owned
 * by Panama and Mexico where Panama has reported its part and Mexico not yet. Runs after the meetings
 * and actions seeders (`meeting:<key>` and organization ids).
 */
import { eq, max } from 'drizzle-orm'
import { decisionCode } from '../../app/modules/meetings/codes'
import { actionsToday, addDays } from '../../app/modules/actions/overdue.server'
import type { Tx } from '../client'
import { actionItems, actionOwners, actionUpdates, decisionCorrigenda, decisions, meetings } from '../schema'

export const DEMO_TWO_OWNER_ACTION = 'Exchange of data on assisted returns between Panama and Mexico'

export function seedDemoDecisionsOwners(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const need = (map: Map<string, string>, key: string) => {
    const v = map.get(key)
    if (!v) throw new Error(`demo decisions and owners: no ${key}`)
    return v
  }
  const secretariat = need(people, 'secretariat@rcm.example')
  const meetingId = need(ids, 'meeting:VM-XXVIII')
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!
  const last =
    tx
      .select({ n: max(decisions.number) })
      .from(decisions)
      .where(eq(decisions.meetingId, meetingId))
      .get()?.n ?? 0
  const held = meeting.startsAt
  const later = (days: number) => new Date(held.getTime() + days * 86_400_000)

  // a decision corrected by a corrigendum: its code unchanged, the replaced text kept
  const correctedText = {
    es: 'Solicitar a la Secretaría Técnica un informe anual sobre personas migrantes desaparecidas.',
    en: 'Ask the Technical Secretariat for a yearly report on missing migrants.',
  }
  const corrected = tx
    .insert(decisions)
    .values({
      meetingId,
      number: last + 1,
      code: decisionCode(meeting, last + 1),
      textEs:
        'Solicitar a la Secretaría Técnica un informe semestral sobre personas migrantes desaparecidas.',
      textEn: 'Ask the Technical Secretariat for a half-yearly report on missing migrants.',
      createdById: secretariat,
      createdAt: later(0),
    })
    .returning()
    .get()
  tx.insert(decisionCorrigenda)
    .values({
      decisionId: corrected.id,
      number: 1,
      previousTextEs: corrected.textEs,
      previousTextEn: corrected.textEn,
      textEs: correctedText.es,
      textEn: correctedText.en,
      reason: 'La Declaración adoptada dice «anual»: error de transcripción en el acta.',
      personId: secretariat,
      createdAt: later(9),
    })
    .run()
  tx.update(decisions)
    .set({ textEs: correctedText.es, textEn: correctedText.en, revision: 2 })
    .where(eq(decisions.id, corrected.id))
    .run()

  // a withdrawn decision: it stays in the register, its code never given again
  tx.insert(decisions)
    .values({
      meetingId,
      number: last + 2,
      code: decisionCode(meeting, last + 2),
      textEs: 'Celebrar un taller regional sobre documentación de viaje en el primer trimestre.',
      textEn: 'Hold a regional workshop on travel documents in the first quarter.',
      createdById: secretariat,
      createdAt: later(0),
      status: 'withdrawn',
      withdrawnAt: later(12),
      withdrawnById: secretariat,
      withdrawalReason: 'Recogida ya en la decisión sobre el plan de trabajo de la Presidencia Pro Tempore.',
    })
    .run()

  // an action with two owners: Panama has reported its part, Mexico not yet
  const today = actionsToday()
  const created = new Date(`${addDays(today, -40)}T16:00:00Z`)
  const action = tx
    .insert(actionItems)
    .values({
      titleEs: 'Intercambio de datos sobre retornos asistidos entre Panamá y México',
      titleEn: DEMO_TWO_OWNER_ACTION,
      descriptionEs: 'Cada país informa sobre su parte: Panamá envía sus registros, México los concilia.',
      descriptionEn: 'Each country reports its part: Panama sends its records, Mexico reconciles them.',
      originType: 'none',
      dueDate: addDays(today, 60),
      priority: 'high',
      status: 'in_progress',
      progress: 25,
      revision: 2,
      createdById: secretariat,
      createdAt: created,
      updatedAt: new Date(`${addDays(today, -5)}T20:00:00Z`),
    })
    .returning({ id: actionItems.id })
    .get()
  for (const code of ['PA', 'MX']) {
    tx.insert(actionOwners)
      .values({ actionId: action.id, organizationId: need(ids, code), kind: 'owner' })
      .run()
  }
  tx.insert(actionUpdates)
    .values({
      actionId: action.id,
      authorId: need(people, 'pa.focal@rcm.example'),
      organizationId: need(ids, 'PA'),
      ownerOrganizationId: need(ids, 'PA'),
      status: 'in_progress',
      progress: 50,
      note: 'Panamá envió los registros de 2024; faltan los del primer semestre de 2025.',
      revision: 2,
      createdAt: new Date(`${addDays(today, -5)}T20:00:00Z`),
    })
    .run()
}
