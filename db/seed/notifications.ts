// Demo notifications: a few unread ones for the demo delegates, about records they may see (a document
// every signed-in person sees, an open meeting their organization is invited to), so that the header's
// count and /notifications have something to show. Written directly (the dispatcher is for live events).
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../client'
import { documents, meetingInvitations, meetings, notifications, people } from '../schema'

const DAY = 24 * 3600 * 1000
const DELEGATES = [
  'pa.focal@rcm.example',
  'mx.delegate@rcm.example',
  'pa.snm@rcm.example',
  'co.observer@rcm.example',
]

export function seedDemoNotifications(tx: Tx, { people: personIds }: { people: Map<string, string> }) {
  const now = Date.now()
  const doc = tx
    .select()
    .from(documents)
    .where(and(inArray(documents.visibility, ['public', 'participants']), eq(documents.currentVersion, 1)))
    .orderBy(asc(documents.reference))
    .get()
  for (const [i, email] of DELEGATES.entries()) {
    const personId = personIds.get(email)
    if (!personId) continue
    const person = tx.select().from(people).where(eq(people.id, personId)).get()!
    const meeting = tx
      .select({ id: meetings.id, titleEs: meetings.titleEs, titleEn: meetings.titleEn })
      .from(meetings)
      .innerJoin(meetingInvitations, eq(meetingInvitations.meetingId, meetings.id))
      .where(and(eq(meetings.openness, 'open'), eq(meetingInvitations.organizationId, person.organizationId)))
      .orderBy(asc(meetings.startsAt))
      .get()
    const rows = []
    if (doc && !doc.embargoUntil)
      rows.push({
        kind: 'document_new' as const,
        recordType: 'document' as const,
        recordId: doc.id,
        params: {
          titleEs: doc.titleEs ?? doc.titleEn,
          titleEn: doc.titleEn ?? doc.titleEs,
          path: `/documents/${doc.id}`,
        },
        at: now - (i + 1) * 3600 * 1000,
      })
    if (meeting)
      rows.push({
        kind: 'meeting_changed' as const,
        recordType: 'meeting' as const,
        recordId: meeting.id,
        params: { titleEs: meeting.titleEs, titleEn: meeting.titleEn, path: `/meetings/${meeting.id}` },
        at: now - DAY - i * 3600 * 1000,
      })
    for (const r of rows)
      tx.insert(notifications)
        .values({
          personId,
          kind: r.kind,
          recordType: r.recordType,
          recordId: r.recordId,
          params: JSON.stringify(r.params),
          createdAt: new Date(r.at),
          mailedAt: new Date(r.at),
        })
        .run()
  }
}
