/**
 * Creating and editing meetings (the secretariat): the choices and values of the meeting form, and the
 * writes, each one synchronous immediate transaction that checks, changes and records its audit entry.
 * Every reference the form names (host, group, invited organizations, number) is checked here and refused
 * at its field.
 */
import { and, eq, inArray, ne } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { delegationMembers, groups, meetingInvitations, meetings, organizations } from '@db/schema'
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, invalid } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { localized, visibleMeetingOrThrow, type MeetingRow } from './meetings.server'
import { INVITABLE_KINDS } from './constants'
import { moveItemsWithMeeting } from './agenda-dates.server'
import type { MeetingFormInput } from './schemas'
import { utcToZoned, zonedToUtc } from './time'
import { directoryOrder, organizationColumns } from '~/modules/members/organizations.server'
import { groupChoices } from '~/modules/groups/groups.server'

const invitable = (kind: string) => (INVITABLE_KINDS as readonly string[]).includes(kind)

/** Organizations that can be invited, with the member states first. */
export function invitableOrganizations(lang: Lang) {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(inArray(organizations.kind, INVITABLE_KINDS))
    .orderBy(...directoryOrder())
    .all()
    .map((o) => ({ code: o.code, kind: o.kind, name: localized(lang, o.nameEs, o.nameEn) }))
}

/** Choices of the meeting form. */
export function meetingFormOptions(lang: Lang) {
  const orgs = invitableOrganizations(lang)
  return {
    hosts: orgs.filter((o) => o.kind === 'member_state'),
    invitable: orgs,
    groups: groupChoices(lang),
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

/** Turns the form into column values, checking every reference; each refusal a 400 at its field. */
function resolveMeetingForm(tx: Tx, input: MeetingFormInput, selfId: string | null) {
  const at = (value: string, field: string) => {
    const d = zonedToUtc(value, input.timeZone)
    if (!d) throw invalid('meetings.error.dateTime', field)
    return d
  }
  const startsAt = at(input.startsAt, 'startsAt')
  const endsAt = at(input.endsAt, 'endsAt')
  if (endsAt < startsAt) throw invalid('meetings.error.endBeforeStart', 'endsAt')
  const registrationDeadline = input.registrationDeadline
    ? at(input.registrationDeadline, 'registrationDeadline')
    : null
  let hostOrganizationId: string | null = null
  if (input.host) {
    const host = tx.select().from(organizations).where(eq(organizations.code, input.host.toUpperCase())).get()
    if (!host || host.kind !== 'member_state') throw invalid('meetings.error.unknownHost', 'host')
    hostOrganizationId = host.id
  }
  let groupId: string | null = null
  if (input.group) {
    const group = tx.select({ id: groups.id }).from(groups).where(eq(groups.slug, input.group)).get()
    if (!group) throw invalid('meetings.error.unknownGroup', 'group')
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
  if (invited.length !== codes.length || invited.some((o) => !invitable(o.kind))) {
    throw invalid('meetings.error.unknownOrganization', 'invited')
  }
  // A members-only meeting does not exist for observers: inviting one would contradict it.
  if (input.openness === 'members_only' && invited.some((o) => o.kind !== 'member_state')) {
    throw invalid('meetings.error.membersOnlyInvited', 'invited')
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
    if (taken) throw invalid('meetings.error.numberTaken', 'number')
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
    assertAllowed(viewer, 'meeting.create')
    const { values, invitedIds } = resolveMeetingForm(tx, input, null)
    const row = tx
      .insert(meetings)
      .values({ ...values, createdById: viewer.id })
      .returning({ id: meetings.id })
      .get()
    for (const organizationId of invitedIds) {
      tx.insert(meetingInvitations).values({ meetingId: row.id, organizationId }).run()
    }
    notify(tx, { kind: 'meeting_created', recordType: 'meeting', recordId: row.id, actorId: viewer.id })
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
    assertAllowed(viewer, 'meeting.edit', ref)
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
      if (registered) throw invalid('meetings.error.uninviteRegistered', 'invited')
      tx.delete(meetingInvitations)
        .where(
          and(eq(meetingInvitations.meetingId, row.id), inArray(meetingInvitations.organizationId, removed)),
        )
        .run()
    }
    for (const organizationId of invitedIds.filter((o) => !ref.invitedOrganizationIds.includes(o))) {
      tx.insert(meetingInvitations).values({ meetingId: row.id, organizationId }).run()
    }
    // the agenda follows the meeting's dates (decision 0029)
    const moved = moveItemsWithMeeting(tx, row.id, row, values, viewer.language)
    tx.update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetings.id, row.id))
      .run()
    const changed = Object.keys(values).filter(
      (k) => String(values[k as keyof typeof values] ?? '') !== String(row[k as keyof MeetingRow] ?? ''),
    )
    if (changed.length)
      notify(tx, {
        kind:
          values.status === 'cancelled' && row.status !== 'cancelled'
            ? 'meeting_cancelled'
            : 'meeting_changed',
        recordType: 'meeting',
        recordId: row.id,
        actorId: viewer.id,
      })
    audit(
      {
        actor: viewer,
        action: 'meeting.edit',
        targetType: 'meeting',
        targetId: row.id,
        details: { changed, invited: invitedIds.length, itemsMoved: moved },
      },
      tx,
    )
  })
}
