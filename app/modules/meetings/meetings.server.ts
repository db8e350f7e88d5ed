/**
 * Meetings as the viewer may see them: one meeting (a hidden meeting and a missing one look the same),
 * the header every meeting page shows, and the filtered list, with visibility applied in SQL.
 * Beside it: creating and editing (meeting-form.server.ts), the month view (month-view.server.ts) and
 * what the dashboard shows (dashboard.server.ts).
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { groups, meetingInvitations, meetings, organizations, ptpYears } from '@db/schema'
import { localized, type Lang } from '~/i18n/core'
import { can, type MeetingRef } from '~/modules/access/can'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { notFound } from '~/modules/core/domain-error.server'
import type { MeetingKind, MeetingListQuery, MeetingOpenness, MeetingStatus } from './schemas'
import { zonedDate } from './time'

export type MeetingRow = typeof meetings.$inferSelect

/** Re-exported for this area's modules. */
export { localized }

const ID = /^[A-Za-z0-9_-]{1,64}$/

export function invitedOrganizationIds(meetingId: string, tx: Tx | typeof db = db): string[] {
  return tx
    .select({ id: meetingInvitations.organizationId })
    .from(meetingInvitations)
    .where(eq(meetingInvitations.meetingId, meetingId))
    .all()
    .map((r) => r.id)
}

export function meetingRef(row: MeetingRow, invited: readonly string[]): MeetingRef {
  return {
    openness: row.openness,
    status: row.status,
    invitedOrganizationIds: invited,
    registrationDeadline: row.registrationDeadline,
  }
}

export interface VisibleMeeting {
  row: MeetingRow
  ref: MeetingRef
}

/** The meeting when the viewer may see it, else null: a hidden meeting and a missing one look the same. */
export function findVisibleMeeting(
  viewer: Viewer | null,
  id: string,
  tx: Tx | typeof db = db,
): VisibleMeeting | null {
  if (!ID.test(id)) return null
  const row = tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), visibleMeetingsWhere(viewer)))
    .get()
  if (!row) return null
  const ref = meetingRef(row, invitedOrganizationIds(row.id, tx))
  return can(viewer, 'meeting.view', ref) ? { row, ref } : null
}

/** Inside a write: the visible meeting, or a 404 DomainError. */
export function visibleMeetingOrThrow(viewer: Viewer, id: string, tx: Tx | typeof db = db): VisibleMeeting {
  const m = findVisibleMeeting(viewer, id, tx)
  if (!m) throw notFound()
  return m
}

// ---------------------------------------------------------------------------------------------------
// What a meeting shows of itself: in the header of its pages and as a row of a list

/** The columns a header and a list row have in common, the title in the viewer's language. */
interface MeetingBasics {
  id: string
  kind: MeetingKind
  number: string | null
  title: string
  titleEs: string
  titleEn: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  place: string | null
  status: MeetingStatus
  openness: MeetingOpenness
}

type BasicColumns = Pick<MeetingRow, Exclude<keyof MeetingBasics, 'title'>>

function basics(r: BasicColumns, lang: Lang): MeetingBasics {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: localized(lang, r.titleEs, r.titleEn),
    titleEs: r.titleEs,
    titleEn: r.titleEn,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    timeZone: r.timeZone,
    place: r.place,
    status: r.status,
    openness: r.openness,
  }
}

export interface MeetingHeader extends MeetingBasics {
  theme: string | null
  onlineUrl: string | null
  registrationDeadline: Date | null
  host: { code: string; name: string } | null
  ppt: { code: string; name: string; year: number } | null
  group: { slug: string; name: string } | null
}

const orgName = { code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn }

export function meetingHeader(row: MeetingRow, lang: Lang): MeetingHeader {
  const host = row.hostOrganizationId
    ? db.select(orgName).from(organizations).where(eq(organizations.id, row.hostOrganizationId)).get()
    : undefined
  // the pro tempore presidency of the meeting's year, in its own zone
  const year = Number(zonedDate(row.startsAt, row.timeZone).slice(0, 4))
  const ppt = db
    .select(orgName)
    .from(ptpYears)
    .innerJoin(organizations, eq(organizations.id, ptpYears.organizationId))
    .where(eq(ptpYears.year, year))
    .get()
  const group = row.groupId
    ? db
        .select({ slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
        .from(groups)
        .where(eq(groups.id, row.groupId))
        .get()
    : undefined
  return {
    ...basics(row, lang),
    theme: localized(lang, row.themeEs, row.themeEn) || null,
    onlineUrl: row.onlineUrl,
    registrationDeadline: row.registrationDeadline,
    host: host ? { code: host.code, name: localized(lang, host.nameEs, host.nameEn) } : null,
    ppt: ppt ? { code: ppt.code, name: localized(lang, ppt.nameEs, ppt.nameEn), year } : null,
    group: group ? { slug: group.slug, name: localized(lang, group.nameEs, group.nameEn) } : null,
  }
}

/** What the viewer may do on the meeting's pages (the UI hides the rest; the server checks again). */
export function meetingPermissions(viewer: Viewer, ref: MeetingRef) {
  return {
    edit: can(viewer, 'meeting.edit', ref),
    manageAgenda: can(viewer, 'meeting.manageAgenda', ref),
    recordAttendance: can(viewer, 'meeting.recordAttendance', ref),
    recordDecision: can(viewer, 'decision.record', ref),
  }
}

export interface ListedMeeting extends MeetingBasics {
  online: boolean
  host: { code: string; name: string } | null
}

/** The columns of a list row (the host joined in with a left join). */
export const listColumns = {
  id: meetings.id,
  kind: meetings.kind,
  number: meetings.number,
  titleEs: meetings.titleEs,
  titleEn: meetings.titleEn,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  place: meetings.place,
  onlineUrl: meetings.onlineUrl,
  status: meetings.status,
  openness: meetings.openness,
  hostCode: organizations.code,
  hostEs: organizations.nameEs,
  hostEn: organizations.nameEn,
}

type ListRow = BasicColumns &
  Pick<MeetingRow, 'onlineUrl'> & { hostCode: string | null; hostEs: string | null; hostEn: string | null }

/** The list rows of the meetings the viewer may see that also meet `where` (visibility in SQL), to be
 * ordered and limited by the caller. */
export function listedMeetingRows(viewer: Viewer | null, ...where: (SQL | undefined)[]) {
  return db
    .select(listColumns)
    .from(meetings)
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    .where(and(visibleMeetingsWhere(viewer), ...where))
}

export function toListed(r: ListRow, lang: Lang): ListedMeeting {
  return {
    ...basics(r, lang),
    online: !!r.onlineUrl,
    host: r.hostCode ? { code: r.hostCode, name: localized(lang, r.hostEs, r.hostEn) } : null,
  }
}

// ---------------------------------------------------------------------------------------------------
// Lists

export const PAGE_SIZE = 25

function yearRange(year: number): SQL[] {
  return [
    gte(meetings.startsAt, new Date(Date.UTC(year, 0, 1))),
    lt(meetings.startsAt, new Date(Date.UTC(year + 1, 0, 1))),
  ]
}

/** The viewer's meetings with the filters, a page at a time; visibility applied in SQL. Upcoming meetings
 * come soonest first, the others newest first. */
export function listMeetings(
  viewer: Viewer | null,
  query: Pick<MeetingListQuery, 'kind' | 'status' | 'year' | 'when'>,
  { lang = 'es' as Lang, limit = PAGE_SIZE, offset = 0, now = new Date() } = {},
): { items: ListedMeeting[]; hasMore: boolean } {
  const where: SQL[] = []
  if (query.kind) where.push(eq(meetings.kind, query.kind))
  if (query.status) where.push(eq(meetings.status, query.status))
  if (query.year) where.push(...yearRange(query.year))
  if (query.when === 'upcoming') where.push(gte(meetings.endsAt, now))
  if (query.when === 'past') where.push(lt(meetings.endsAt, now))
  const order =
    query.when === 'upcoming'
      ? [asc(meetings.startsAt), asc(meetings.id)]
      : [desc(meetings.startsAt), asc(meetings.id)]
  const rows = listedMeetingRows(viewer, ...where)
    .orderBy(...order)
    .limit(limit + 1)
    .offset(offset)
    .all()
  return { items: rows.slice(0, limit).map((r) => toListed(r, lang)), hasMore: rows.length > limit }
}

/** The years that have meetings the viewer may see (for the filter). */
export function listMeetingYears(viewer: Viewer | null): number[] {
  return db
    .selectDistinct({ year: sql<string>`strftime('%Y', ${meetings.startsAt} / 1000, 'unixepoch')` })
    .from(meetings)
    .where(visibleMeetingsWhere(viewer))
    .all()
    .map((r) => Number(r.year))
    .sort((a, b) => b - a)
}
