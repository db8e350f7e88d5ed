/**
 * The meetings area of /api/v1: list items and the meeting record with its agenda and decisions, built
 * from the same visibility-checked queries as the pages.
 */
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { decisions, minutes, organizations } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { can } from '~/modules/access/can'
import { listAgenda, meetingDocuments } from './agenda.server'
import { listDelegations } from './delegations.server'
import type { MeetingDetailOut, MeetingSummaryOut } from './api-schemas'
import {
  listMeetings,
  meetingHeader,
  visibleMeetingOrThrow,
  type ListedMeeting,
  type MeetingRow,
} from './meetings.server'
import { minutesRef } from './minutes.server'
import type { MeetingListQuery } from './schemas'

export const API_PAGE_SIZE = 100

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function summaryFromRow(row: MeetingRow, hostCode: string | null): MeetingSummaryOut {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: { es: row.titleEs, en: row.titleEn },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    place: row.place,
    online: !!row.onlineUrl,
    status: row.status,
    openness: row.openness,
    host: hostCode,
    url: `/meetings/${row.id}`,
  }
}

export function listMeetingsForApi(
  viewer: Viewer,
  query: Pick<MeetingListQuery, 'kind' | 'status' | 'year' | 'when'>,
  offset: number,
): { items: MeetingSummaryOut[]; nextCursor: string | null } {
  const page = listMeetings(viewer, query, { lang: 'es', limit: API_PAGE_SIZE, offset })
  const items = page.items.map((m: ListedMeeting) => ({
    id: m.id,
    kind: m.kind,
    number: m.number,
    title: { es: m.titleEs, en: m.titleEn },
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    timeZone: m.timeZone,
    place: m.place,
    online: m.online,
    status: m.status,
    openness: m.openness,
    host: m.host?.code ?? null,
    url: `/meetings/${m.id}`,
  }))
  return { items, nextCursor: page.hasMore ? String(offset + API_PAGE_SIZE) : null }
}

/** The meeting record; a 404 DomainError when it does not exist or the caller may not see it. */
export function getMeetingForApi(viewer: Viewer, id: string): MeetingDetailOut {
  const visible = visibleMeetingOrThrow(viewer, id)
  const { row, ref } = visible
  const header = meetingHeader(row, 'es')
  const invited = ref.invitedOrganizationIds.length
    ? db
        .select({ id: organizations.id, code: organizations.code, sortOrder: organizations.sortOrder })
        .from(organizations)
        .all()
        .filter((o) => ref.invitedOrganizationIds.includes(o.id))
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((o) => o.code)
    : []
  const minutesByItem = new Map(
    db
      .select({
        agendaItemId: minutes.agendaItemId,
        status: minutes.status,
        commentDeadline: minutes.commentDeadline,
      })
      .from(minutes)
      .where(eq(minutes.meetingId, row.id))
      .all()
      .map((m) => [m.agendaItemId, m]),
  )
  const docs = meetingDocuments(viewer, row.id, 'es').byItem
  const agenda = listAgenda(row.id, 'es').map((item) => {
    const m = minutesByItem.get(item.id)
    const mref = minutesRef(ref, m)
    return {
      id: item.id,
      number: item.number,
      parentId: item.parentId,
      title: { es: item.titleEs, en: item.titleEn },
      startsAt: iso(item.startsAt),
      durationMinutes: item.durationMinutes,
      presenter: item.presenter,
      minutesStatus: m && can(viewer, 'minutes.view', mref) ? m.status : null,
      documents: (docs.get(item.id) ?? []).map((d) => ({
        id: d.id,
        reference: d.reference,
        url: `/documents/${d.id}`,
      })),
    }
  })
  const decisionRows = db.select().from(decisions).where(eq(decisions.meetingId, row.id)).all()
  return {
    ...summaryFromRow(row, header.host?.code ?? null),
    theme: { es: row.themeEs, en: row.themeEn },
    onlineUrl: row.onlineUrl,
    registrationDeadline: iso(row.registrationDeadline),
    ppt: header.ppt?.code ?? null,
    group: header.group?.slug ?? null,
    invitedOrganizations: invited,
    agenda,
    decisions: decisionRows
      .sort((a, b) => a.number - b.number)
      .map((d) => ({
        id: d.id,
        code: d.code,
        number: d.number,
        agendaItemId: d.agendaItemId,
        text: { es: d.textEs, en: d.textEn },
        status: d.status,
        withdrawalReason: d.withdrawalReason,
        corrigenda: d.revision - 1,
      })),
    icsUrl: `/meetings/${row.id}.ics`,
    // the same list as the participants page: logistics only where the caller may see them
    delegations: listDelegations(viewer, visible, 'es')
      .filter((d) => d.members.length)
      .map((d) => ({
        organization: d.organization.code,
        members: d.members.map((m) => ({
          id: m.memberId,
          name: m.name,
          title: m.title,
          institution: m.institution,
          role: m.role,
          rsvp: m.rsvp,
          attendance: m.attendance,
          hasAccount: m.personId !== null,
          logistics: m.logistics
            ? {
                arrivalAt: iso(m.logistics.arrivalAt),
                departureAt: iso(m.logistics.departureAt),
                accessibility: m.logistics.accessibility,
                dietary: m.logistics.dietary,
              }
            : null,
        })),
      })),
  }
}
