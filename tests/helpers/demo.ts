// Demo records the tests look up by what a person would recognise (a meeting's title or number).
import { and, eq } from 'drizzle-orm'
import { db } from '@db/client'
import { agendaItems, meetings } from '@db/schema'

/** A demo meeting by (a fragment of) its English title. */
export function meetingByTitle(fragment: string) {
  const m = db
    .select()
    .from(meetings)
    .all()
    .find((r) => r.titleEn.includes(fragment))
  if (!m) throw new Error(`no meeting "${fragment}"`)
  return m
}

/** A demo Vice-Ministerial Meeting by its number (XXVIII). */
export function meetingByNumber(kind: 'vice_ministerial', number: string) {
  const m = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, kind), eq(meetings.number, number)))
    .get()
  if (!m) throw new Error(`no meeting ${number}`)
  return m
}

/** The agenda items of a meeting. */
export function itemsOf(meetingId: string) {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all()
}
