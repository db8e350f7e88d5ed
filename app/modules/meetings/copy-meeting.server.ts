/**
 * Copying a meeting with its agenda as the start of a new one (the secretariat): the same details,
 * invitations and agenda on new dates chosen by the first day and time; the new meeting lasts as many
 * days as the old one and ends at the same time of day; every item moves with it (same day of the
 * meeting, same time: decision 0029). Documents, delegations, minutes and decisions are the old
 * meeting's own and are not copied. One transaction with its audit entry.
 */
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { agendaItems, meetingInvitations, meetings } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, invalid } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { addDays, daysBetween, meetingDays, movedTime, type MeetingDates } from './agenda-dates.server'
import { localDateTime } from './meeting-form-schema'
import { visibleMeetingOrThrow } from './meetings.server'
import { utcToZoned, zonedToUtc } from './time'

export const CopyMeetingSchema = z.object({
  startsAt: localDateTime,
  number: z
    .string()
    .trim()
    .toUpperCase()
    .max(12, 'validation.tooLong')
    .regex(/^[IVXLCDM]+$/, 'meetings.error.number')
    .optional(),
})
export type CopyMeetingInput = z.infer<typeof CopyMeetingSchema>

/** The new meeting's dates: from the chosen first day and time, as many days as the old one. */
export function copiedDates(old: MeetingDates, startsAtLocal: string): MeetingDates | null {
  const startsAt = zonedToUtc(startsAtLocal, old.timeZone)
  if (!startsAt) return null
  const { first, last } = meetingDays(old)
  const endLocal = `${addDays(startsAtLocal.slice(0, 10), daysBetween(first, last))}${utcToZoned(old.endsAt, old.timeZone).slice(10)}`
  let endsAt = zonedToUtc(endLocal, old.timeZone)
  if (!endsAt) return null
  // a one-day meeting started later than the old one ended: it keeps its length instead
  if (endsAt < startsAt)
    endsAt = new Date(startsAt.getTime() + (old.endsAt.getTime() - old.startsAt.getTime()))
  return { startsAt, endsAt, timeZone: old.timeZone }
}

export function copyMeeting(viewer: Viewer, meetingId: string, input: CopyMeetingInput): { id: string } {
  return writeTx((tx) => {
    const { row } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.create')
    const dates = copiedDates(row, input.startsAt)
    if (!dates) throw invalid('meetings.error.dateTime', 'startsAt')
    const number = input.number || null
    if (number) {
      const taken = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.kind, row.kind), eq(meetings.number, number)))
        .get()
      if (taken) throw invalid('meetings.error.numberTaken', 'number')
    }
    const shift = dates.startsAt.getTime() - row.startsAt.getTime()
    const copy = tx
      .insert(meetings)
      .values({
        kind: row.kind,
        number,
        titleEs: row.titleEs,
        titleEn: row.titleEn,
        themeEs: row.themeEs,
        themeEn: row.themeEn,
        startsAt: dates.startsAt,
        endsAt: dates.endsAt,
        timeZone: row.timeZone,
        place: row.place,
        onlineUrl: row.onlineUrl,
        hostOrganizationId: row.hostOrganizationId,
        groupId: row.groupId,
        openness: row.openness,
        status: 'planned',
        registrationDeadline: row.registrationDeadline
          ? new Date(row.registrationDeadline.getTime() + shift)
          : null,
        createdById: viewer.id,
      })
      .returning({ id: meetings.id })
      .get()
    for (const inv of tx
      .select()
      .from(meetingInvitations)
      .where(eq(meetingInvitations.meetingId, row.id))
      .all()) {
      tx.insert(meetingInvitations).values({ meetingId: copy.id, organizationId: inv.organizationId }).run()
    }
    const items = tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, row.id))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))
      .all()
    const newId = new Map<string, string>()
    // parents first, so that each sub-item finds its parent's copy
    for (const item of [...items.filter((i) => !i.parentId), ...items.filter((i) => i.parentId)]) {
      const created = tx
        .insert(agendaItems)
        .values({
          meetingId: copy.id,
          parentId: item.parentId ? (newId.get(item.parentId) ?? null) : null,
          position: item.position,
          titleEs: item.titleEs,
          titleEn: item.titleEn,
          startsAt: item.startsAt ? movedTime(item.startsAt, row, dates) : null,
          durationMinutes: item.durationMinutes,
          presenter: item.presenter,
        })
        .returning({ id: agendaItems.id })
        .get()
      newId.set(item.id, created.id)
    }
    audit(
      {
        actor: viewer,
        action: 'meeting.copy',
        targetType: 'meeting',
        targetId: copy.id,
        details: { from: row.id, items: items.length },
      },
      tx,
    )
    return { id: copy.id }
  })
}
