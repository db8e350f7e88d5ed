/**
 * Demo delegations as they really are (decision 0028): Costa Rica's delegation to the next RCGM meeting
 * is headed by a Vice-Minister who has no portal account, registered by the focal point with her title
 * and institution, with her logistics for the secretariat (seen only by the secretariat and Costa
 * Rica's delegation, deleted after the retention period).
 */
import { eq } from 'drizzle-orm'
import type { Tx } from '../client'
import { delegationLogistics, delegationMembers, meetings } from '../schema'

const HOUR = 3600 * 1000

export function seedDemoDelegations(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const meetingId = ids.get('meeting:RCGM-NEXT')
  const cr = ids.get('CR')
  if (!meetingId || !cr) return
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()
  if (!meeting) return
  const focal = people.get('cr.focal@rcm.example') ?? null
  const viceMinister = tx
    .insert(delegationMembers)
    .values({
      meetingId,
      organizationId: cr,
      personId: null,
      name: 'Marcela Solís Araya',
      title: 'Viceministra de Gobernación y Policía',
      institution: 'Ministerio de Gobernación y Policía',
      email: 'msolis@gobernacion.example',
      role: 'head',
      rsvp: 'accepted',
      registeredById: focal,
    })
    .returning({ id: delegationMembers.id })
    .get()
  tx.insert(delegationLogistics)
    .values({
      memberId: viceMinister.id,
      arrivalAt: new Date(meeting.startsAt.getTime() - 18 * HOUR),
      departureAt: new Date(meeting.endsAt.getTime() + 16 * HOUR),
      accessibility: 'Silla de ruedas en el aeropuerto y acceso sin escalones a la sala',
      dietary: 'Vegetariana',
      updatedById: focal,
    })
    .run()
  if (focal) {
    tx.insert(delegationMembers)
      .values({
        meetingId,
        organizationId: cr,
        personId: focal,
        role: 'alternate',
        rsvp: 'accepted',
        registeredById: focal,
      })
      .run()
  }
}
