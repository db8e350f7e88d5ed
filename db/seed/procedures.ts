/**
 * Demo data of written procedures, through the real services (so the rows, positions, notices and audit
 * entries are what the portal itself writes): one open on the adoption of Panama's national plan against
 * migrant smuggling (Panama has agreed, nobody objected; the plan itself is still in institutional
 * consultation in the demo, so the draft decision is written in the procedure), one adopted 3 weeks ago
 * (its decision in the register) and one not adopted, broken by Guatemala's objection. Runs after the
 * demo's transaction, with the clock of each step given to the services.
 */
import { and, eq, isNull, like } from 'drizzle-orm'
import { loadViewer } from '../../app/modules/auth/viewer.server'
import { utcToZoned } from '../../app/modules/meetings/time'
import { closeProcedure } from '../../app/modules/procedures/closing.server'
import { LaunchSchema, PositionSchema } from '../../app/modules/procedures/forms.server'
import { launchProcedure, takePosition } from '../../app/modules/procedures/procedures.server'
import { db } from '../client'
import { mailOutbox, notificationEvents, people } from '../schema'

const DAY = 86_400_000
const SEAT = 'America/Costa_Rica'

function viewer(email: string) {
  const p = db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()
  const v = p ? loadViewer(p.id, 'session', null) : null
  if (!v) throw new Error(`demo procedures: no ${email}`)
  return v
}

export function seedDemoProcedures(now = new Date()) {
  const secretariat = viewer('secretariat@rcm.example')
  const at = (days: number) => new Date(now.getTime() + days * DAY)
  const launch = (fields: Record<string, unknown>, when: Date, deadlineDays: number) =>
    launchProcedure(
      secretariat,
      LaunchSchema.parse({
        textKind: 'decision_text',
        ...fields,
        deadline: utcToZoned(new Date(when.getTime() + deadlineDays * DAY), SEAT),
      }),
      when,
    )
  const position = (email: string, id: string, body: Record<string, unknown>, when: Date) =>
    takePosition(viewer(email), id, PositionSchema.parse(body), when)

  // adopted three weeks ago: nobody broke silence
  const adopted = launch(
    {
      subjectEs: 'Calendario de reuniones del GRCM para 2027',
      subjectEn: 'RCGM meeting calendar for 2027',
      textEs:
        'La Conferencia Regional sobre Migración aprueba el calendario de reuniones del Grupo Regional de Consulta sobre Migración para 2027 circulado por la Presidencia Pro Tempore.',
      textEn:
        'The Regional Conference on Migration approves the 2027 meeting calendar of the Regional Consultation Group on Migration circulated by the Pro-Tempore Presidency.',
    },
    at(-35),
    14,
  )
  position('mx.focal@rcm.example', adopted.id, { position: 'agree' }, at(-33))
  position('cr.focal@rcm.example', adopted.id, { position: 'agree' }, at(-30))
  closeProcedure(adopted.id, at(-21))

  // not adopted: Guatemala objected
  const broken = launch(
    {
      subjectEs: 'Lineamientos regionales sobre retorno asistido (versión 2)',
      subjectEn: 'Regional guidelines on assisted return (version 2)',
      textEs:
        'La Conferencia adopta los Lineamientos regionales sobre retorno asistido y reintegración, en la versión circulada por la Secretaría Ejecutiva.',
      textEn:
        'The Conference adopts the Regional Guidelines on Assisted Return and Reintegration, in the version circulated by the Executive Secretariat.',
    },
    at(-20),
    10,
  )
  position('pa.focal@rcm.example', broken.id, { position: 'agree' }, at(-18))
  position(
    'gt.focal@rcm.example',
    broken.id,
    {
      position: 'object',
      reason:
        'Guatemala requiere consultar al Instituto Guatemalteco de Migración sobre el capítulo de reintegración antes de adoptar el texto.',
    },
    at(-15),
  )
  closeProcedure(broken.id, at(-10))

  // open: Panama has agreed, nobody objected
  const open = launch(
    {
      subjectEs: 'Respaldo al Plan Nacional de Panamá contra el Tráfico Ilícito de Migrantes 2024-2029',
      subjectEn: "Endorsement of Panama's National Plan against the Smuggling of Migrants 2024-2029",
      textEs:
        'La Conferencia Regional sobre Migración toma nota con aprecio del borrador consolidado del Plan Nacional de Panamá contra el Tráfico Ilícito de Migrantes 2024-2029 y alienta a los Países Miembros a compartir con Panamá sus buenas prácticas en la materia.',
      textEn:
        "The Regional Conference on Migration notes with appreciation the consolidated draft of Panama's National Plan against the Smuggling of Migrants 2024-2029 and encourages Member Countries to share their good practices with Panama.",
      visibility: 'participants',
    },
    at(-2),
    12,
  )
  position('pa.focal@rcm.example', open.id, { position: 'agree' }, at(-1))
  // the demo's past notices were delivered when they were sent: they do not wait in the outbox
  db.update(mailOutbox)
    .set({ sentAt: now, status: 'sent' })
    .where(and(like(mailOutbox.kind, 'procedure.%'), isNull(mailOutbox.sentAt)))
    .run()
  // and their portal notifications are not dealt out again at start-up (the demo's own notifications,
  // seeded in notifications.ts, are what the header counts)
  db.update(notificationEvents)
    .set({ dispatchedAt: now })
    .where(and(like(notificationEvents.kind, 'procedure_%'), isNull(notificationEvents.dispatchedAt)))
    .run()
}
