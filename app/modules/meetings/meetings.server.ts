/**
 * Meetings: reading them as the viewer may (visibility in SQL), the list and month view, creating and
 * editing (secretariat) with the invited organizations, and what the dashboard shows. Every write is one
 * synchronous immediate transaction with its audit entry.
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, notExists, or, sql, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { delegationMembers, groups, meetingInvitations, meetings, organizations, ptpYears } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type Action, type Actions, type MeetingRef } from '~/modules/access/can'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit, type AuditEntry } from '~/modules/audit/audit.server'
import type {
  MeetingFormInput,
  MeetingKind,
  MeetingListQuery,
  MeetingOpenness,
  MeetingStatus,
} from './schemas'
import { utcToZoned, zonedDate, zonedToUtc } from './time'

export type MeetingRow = typeof meetings.$inferSelect

/** A refusal the routes turn into a status (and a field message). 404 hides what may not be seen. */
export class MeetingError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly messageKey: string,
    readonly field?: string,
    /** a refused action, recorded in the audit log once the transaction has rolled back */
    readonly refusal?: AuditEntry,
  ) {
    super(messageKey)
  }
}

/** Refuses (403) and records the refusal: the entry is written by writeTx after the rollback, so that
 * the refusal stays in the log although the transaction that found it does not commit. */
export function refused(
  viewer: Viewer,
  action: string,
  messageKey = 'error.403',
  details?: Record<string, unknown>,
) {
  return new MeetingError(403, messageKey, undefined, { actor: viewer, action, outcome: 'refused', details })
}

/** One synchronous immediate transaction; a refusal found inside it is audited after the rollback. */
export function writeTx<T>(fn: (tx: Tx) => T): T {
  try {
    return db.transaction(fn, { behavior: 'immediate' })
  } catch (error) {
    if (error instanceof MeetingError && error.refusal) audit(error.refusal)
    throw error
  }
}

export const localized = (lang: Lang, es: string | null | undefined, en: string | null | undefined) =>
  (lang === 'es' ? (es ?? en) : (en ?? es)) ?? ''

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

/** Inside a write: the visible meeting or a 404 error. */
export function visibleMeetingOrThrow(viewer: Viewer, id: string, tx: Tx | typeof db = db): VisibleMeeting {
  const m = findVisibleMeeting(viewer, id, tx)
  if (!m) throw new MeetingError(404, 'error.404')
  return m
}

/** can(), or a MeetingError(403) whose refusal writeTx records (the routes map it to 403). */
export function assertMeetingAction<A extends Action>(
  viewer: Viewer,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
) {
  if (can(viewer, action, ...resource)) return
  throw refused(viewer, action, 'error.403', resource[0] ? { resource: resource[0] } : undefined)
}

// ---------------------------------------------------------------------------------------------------
// The header every meeting page shows

export interface MeetingHeader {
  id: string
  kind: MeetingKind
  number: string | null
  title: string
  titleEs: string
  titleEn: string
  theme: string | null
  startsAt: Date
  endsAt: Date
  timeZone: string
  place: string | null
  onlineUrl: string | null
  status: MeetingStatus
  openness: MeetingOpenness
  registrationDeadline: Date | null
  host: { code: string; name: string } | null
  ppt: { code: string; name: string; year: number } | null
  group: { slug: string; name: string } | null
}

export function meetingHeader(row: MeetingRow, lang: Lang): MeetingHeader {
  const host = row.hostOrganizationId
    ? db
        .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
        .from(organizations)
        .where(eq(organizations.id, row.hostOrganizationId))
        .get()
    : undefined
  const year = Number(zonedDate(row.startsAt, row.timeZone).slice(0, 4))
  const ppt = db
    .select({ code: organizations.code, nameEs: organizations.nameEs, nameEn: organizations.nameEn })
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
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: localized(lang, row.titleEs, row.titleEn),
    titleEs: row.titleEs,
    titleEn: row.titleEn,
    theme: localized(lang, row.themeEs, row.themeEn) || null,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    place: row.place,
    onlineUrl: row.onlineUrl,
    status: row.status,
    openness: row.openness,
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

// ---------------------------------------------------------------------------------------------------
// Lists

export const PAGE_SIZE = 25

export interface ListedMeeting {
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
  online: boolean
  status: MeetingStatus
  openness: MeetingOpenness
  host: { code: string; name: string } | null
}

const listColumns = {
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
interface ListRow {
  id: string
  kind: MeetingKind
  number: string | null
  titleEs: string
  titleEn: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  place: string | null
  onlineUrl: string | null
  status: MeetingStatus
  openness: MeetingOpenness
  hostCode: string | null
  hostEs: string | null
  hostEn: string | null
}

function toListed(r: ListRow, lang: Lang): ListedMeeting {
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
    online: !!r.onlineUrl,
    status: r.status,
    openness: r.openness,
    host: r.hostCode ? { code: r.hostCode, name: localized(lang, r.hostEs, r.hostEn) } : null,
  }
}

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
  const where: SQL[] = [visibleMeetingsWhere(viewer)]
  if (query.kind) where.push(eq(meetings.kind, query.kind))
  if (query.status) where.push(eq(meetings.status, query.status))
  if (query.year) where.push(...yearRange(query.year))
  if (query.when === 'upcoming') where.push(gte(meetings.endsAt, now))
  if (query.when === 'past') where.push(lt(meetings.endsAt, now))
  const order =
    query.when === 'upcoming'
      ? [asc(meetings.startsAt), asc(meetings.id)]
      : [desc(meetings.startsAt), asc(meetings.id)]
  const rows = db
    .select(listColumns)
    .from(meetings)
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    .where(and(...where))
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

export interface MonthDay {
  date: string
  inMonth: boolean
  meetings: { id: string; title: string; kind: MeetingKind; status: MeetingStatus; starts: boolean }[]
}

const DAY = 24 * 3600 * 1000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The month view: weeks (Monday first) of days, each with the meetings held that day in their own time
 * zone. `month` is YYYY-MM. */
export function monthView(viewer: Viewer | null, month: string, lang: Lang) {
  const [y, m] = month.split('-').map(Number)
  const first = Date.UTC(y, m - 1, 1)
  const next = Date.UTC(y, m, 1)
  const rows = db
    .select(listColumns)
    .from(meetings)
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    // a day of margin on each side: the zone decides the local dates below
    .where(
      and(
        visibleMeetingsWhere(viewer),
        lt(meetings.startsAt, new Date(next + DAY)),
        gte(meetings.endsAt, new Date(first - DAY)),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all()
  const items = rows.map((r) => ({
    ...toListed(r, lang),
    from: zonedDate(r.startsAt, r.timeZone),
    to: zonedDate(r.endsAt, r.timeZone),
  }))
  const offsetToMonday = (new Date(first).getUTCDay() + 6) % 7
  const start = first - offsetToMonday * DAY
  const weeks: MonthDay[][] = []
  for (let day = start; day < next || weeks[weeks.length - 1]?.length !== 7; day += DAY) {
    if (!weeks.length || weeks[weeks.length - 1].length === 7) weeks.push([])
    const date = isoDay(day)
    weeks[weeks.length - 1].push({
      date,
      inMonth: day >= first && day < next,
      meetings: items
        .filter((i) => i.from <= date && date <= i.to)
        .map((i) => ({ id: i.id, title: i.title, kind: i.kind, status: i.status, starts: i.from === date })),
    })
  }
  const monthItems = items.filter((i) => i.to >= isoDay(first) && i.from < isoDay(next))
  const prev = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7)
  const following = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
  return { month, weeks, items: monthItems, prev, next: following }
}

// ---------------------------------------------------------------------------------------------------
// Creating and editing (secretariat)

/** Organizations that can be invited, with the member states first. */
export function invitableOrganizations(lang: Lang) {
  return db
    .select({
      id: organizations.id,
      code: organizations.code,
      kind: organizations.kind,
      nameEs: organizations.nameEs,
      nameEn: organizations.nameEn,
    })
    .from(organizations)
    .where(
      inArray(organizations.kind, [
        'member_state',
        'observer_state',
        'international_organization',
        'civil_society',
      ]),
    )
    .orderBy(asc(organizations.sortOrder), asc(organizations.code))
    .all()
    .map((o) => ({ code: o.code, kind: o.kind, name: localized(lang, o.nameEs, o.nameEn) }))
}

/** Choices of the meeting form. */
export function meetingFormOptions(lang: Lang) {
  const orgs = invitableOrganizations(lang)
  return {
    hosts: orgs.filter((o) => o.kind === 'member_state'),
    invitable: orgs,
    groups: db
      .select({ slug: groups.slug, nameEs: groups.nameEs, nameEn: groups.nameEn })
      .from(groups)
      .orderBy(asc(groups.slug))
      .all()
      .map((g) => ({ slug: g.slug, name: localized(lang, g.nameEs, g.nameEn) })),
  }
}

/** The form's values for an existing meeting (times back in its zone). */
export function meetingFormValues(row: MeetingRow): Record<string, string | string[]> {
  const host = row.hostOrganizationId
    ? db
        .select({ code: organizations.code })
        .from(organizations)
        .where(eq(organizations.id, row.hostOrganizationId))
        .get()
    : undefined
  const group = row.groupId
    ? db.select({ slug: groups.slug }).from(groups).where(eq(groups.id, row.groupId)).get()
    : undefined
  const invited = db
    .select({ code: organizations.code })
    .from(meetingInvitations)
    .innerJoin(organizations, eq(organizations.id, meetingInvitations.organizationId))
    .where(eq(meetingInvitations.meetingId, row.id))
    .all()
    .map((o) => o.code)
  return {
    kind: row.kind,
    number: row.number ?? '',
    titleEs: row.titleEs,
    titleEn: row.titleEn,
    themeEs: row.themeEs ?? '',
    themeEn: row.themeEn ?? '',
    startsAt: utcToZoned(row.startsAt, row.timeZone),
    endsAt: utcToZoned(row.endsAt, row.timeZone),
    timeZone: row.timeZone,
    place: row.place ?? '',
    onlineUrl: row.onlineUrl ?? '',
    host: host?.code ?? '',
    group: group?.slug ?? '',
    openness: row.openness,
    status: row.status,
    registrationDeadline: row.registrationDeadline ? utcToZoned(row.registrationDeadline, row.timeZone) : '',
    invited,
  }
}

const INVITABLE = new Set(['member_state', 'observer_state', 'international_organization', 'civil_society'])

/** Turns the form into column values, checking every reference; field errors as MeetingError(400). */
function resolveMeetingForm(tx: Tx, input: MeetingFormInput, selfId: string | null) {
  const at = (value: string, field: string) => {
    const d = zonedToUtc(value, input.timeZone)
    if (!d) throw new MeetingError(400, 'meetings.error.dateTime', field)
    return d
  }
  const startsAt = at(input.startsAt, 'startsAt')
  const endsAt = at(input.endsAt, 'endsAt')
  if (endsAt < startsAt) throw new MeetingError(400, 'meetings.error.endBeforeStart', 'endsAt')
  const registrationDeadline = input.registrationDeadline
    ? at(input.registrationDeadline, 'registrationDeadline')
    : null
  let hostOrganizationId: string | null = null
  if (input.host) {
    const host = tx.select().from(organizations).where(eq(organizations.code, input.host.toUpperCase())).get()
    if (!host || host.kind !== 'member_state')
      throw new MeetingError(400, 'meetings.error.unknownHost', 'host')
    hostOrganizationId = host.id
  }
  let groupId: string | null = null
  if (input.group) {
    const group = tx.select({ id: groups.id }).from(groups).where(eq(groups.slug, input.group)).get()
    if (!group) throw new MeetingError(400, 'meetings.error.unknownGroup', 'group')
    groupId = group.id
  }
  const codes = [...new Set((input.invited ?? []).map((c) => c.toUpperCase()))]
  const invited = codes.length
    ? tx
        .select({ id: organizations.id, kind: organizations.kind })
        .from(organizations)
        .where(inArray(organizations.code, codes))
        .all()
    : []
  if (invited.length !== codes.length || invited.some((o) => !INVITABLE.has(o.kind))) {
    throw new MeetingError(400, 'meetings.error.unknownOrganization', 'invited')
  }
  // A members-only meeting does not exist for observers: inviting one would contradict it.
  if (input.openness === 'members_only' && invited.some((o) => o.kind !== 'member_state')) {
    throw new MeetingError(400, 'meetings.error.membersOnlyInvited', 'invited')
  }
  const number = input.number || null
  if (number) {
    const taken = tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.kind, input.kind),
          eq(meetings.number, number),
          selfId ? ne(meetings.id, selfId) : undefined,
        ),
      )
      .get()
    if (taken) throw new MeetingError(400, 'meetings.error.numberTaken', 'number')
  }
  return {
    values: {
      kind: input.kind,
      number,
      titleEs: input.titleEs,
      titleEn: input.titleEn,
      themeEs: input.themeEs || null,
      themeEn: input.themeEn || null,
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      place: input.place || null,
      onlineUrl: input.onlineUrl || null,
      hostOrganizationId,
      groupId,
      openness: input.openness,
      status: input.status,
      registrationDeadline,
    },
    invitedIds: invited.map((o) => o.id),
  }
}

export function createMeeting(viewer: Viewer, input: MeetingFormInput): { id: string } {
  return writeTx((tx) => {
    assertMeetingAction(viewer, 'meeting.create')
    const { values, invitedIds } = resolveMeetingForm(tx, input, null)
    const row = tx
      .insert(meetings)
      .values({ ...values, createdById: viewer.id })
      .returning({ id: meetings.id })
      .get()
    for (const organizationId of invitedIds) {
      tx.insert(meetingInvitations).values({ meetingId: row.id, organizationId }).run()
    }
    audit(
      {
        actor: viewer,
        action: 'meeting.create',
        targetType: 'meeting',
        targetId: row.id,
        details: { kind: values.kind, number: values.number, invited: invitedIds.length },
      },
      tx,
    )
    return { id: row.id }
  })
}

export function updateMeeting(viewer: Viewer, id: string, input: MeetingFormInput): void {
  writeTx((tx) => {
    const { row, ref } = visibleMeetingOrThrow(viewer, id, tx)
    assertMeetingAction(viewer, 'meeting.edit', ref)
    const { values, invitedIds } = resolveMeetingForm(tx, input, row.id)
    const removed = ref.invitedOrganizationIds.filter((o) => !invitedIds.includes(o))
    if (removed.length) {
      // A delegation already registered keeps its invitation: remove the delegation first.
      const registered = tx
        .select({ id: delegationMembers.id })
        .from(delegationMembers)
        .where(
          and(eq(delegationMembers.meetingId, row.id), inArray(delegationMembers.organizationId, removed)),
        )
        .get()
      if (registered) throw new MeetingError(400, 'meetings.error.uninviteRegistered', 'invited')
      tx.delete(meetingInvitations)
        .where(
          and(eq(meetingInvitations.meetingId, row.id), inArray(meetingInvitations.organizationId, removed)),
        )
        .run()
    }
    for (const organizationId of invitedIds.filter((o) => !ref.invitedOrganizationIds.includes(o))) {
      tx.insert(meetingInvitations).values({ meetingId: row.id, organizationId }).run()
    }
    tx.update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetings.id, row.id))
      .run()
    const changed = Object.keys(values).filter(
      (k) => String(values[k as keyof typeof values] ?? '') !== String(row[k as keyof MeetingRow] ?? ''),
    )
    audit(
      {
        actor: viewer,
        action: 'meeting.edit',
        targetType: 'meeting',
        targetId: row.id,
        details: { changed, invited: invitedIds.length },
      },
      tx,
    )
  })
}

// ---------------------------------------------------------------------------------------------------
// Dashboard

/** Upcoming meetings that concern the viewer: their organization is invited or their group organizes
 * it (the secretariat: all). Soonest first. */
export function upcomingMeetingsFor(
  viewer: Viewer,
  lang: Lang,
  now = new Date(),
  limit = 5,
): ListedMeeting[] {
  const concerns =
    viewer.role === 'secretariat'
      ? undefined
      : or(
          sql`exists (select 1 from ${meetingInvitations} where ${meetingInvitations.meetingId} = ${meetings.id}
            and ${meetingInvitations.organizationId} = ${viewer.organizationId})`,
          viewer.groupIds.length ? inArray(meetings.groupId, viewer.groupIds) : undefined,
        )
  return db
    .select(listColumns)
    .from(meetings)
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    .where(
      and(
        visibleMeetingsWhere(viewer),
        gte(meetings.endsAt, now),
        ne(meetings.status, 'cancelled'),
        concerns,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all()
    .map((r) => toListed(r, lang))
}

/** For a focal point: meetings their organization is invited to, registration still open, and no
 * delegation registered yet. Null for everyone else. */
export function registrationsDueFor(viewer: Viewer, lang: Lang, now = new Date()) {
  if (viewer.role !== 'focal_point') return null
  return db
    .select({ ...listColumns, registrationDeadline: meetings.registrationDeadline })
    .from(meetings)
    .innerJoin(
      meetingInvitations,
      and(
        eq(meetingInvitations.meetingId, meetings.id),
        eq(meetingInvitations.organizationId, viewer.organizationId),
      ),
    )
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    .where(
      and(
        visibleMeetingsWhere(viewer),
        inArray(meetings.status, ['planned', 'confirmed']),
        gte(meetings.startsAt, now),
        or(sql`${meetings.registrationDeadline} is null`, gte(meetings.registrationDeadline, now)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(delegationMembers)
            .where(
              and(
                eq(delegationMembers.meetingId, meetings.id),
                eq(delegationMembers.organizationId, viewer.organizationId),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((r) => ({ ...toListed(r, lang), registrationDeadline: r.registrationDeadline }))
}
