/**
 * One member of a delegation (decision 0028): registering a member without a portal account (a
 * Vice-Minister: name, title, institution, optional e-mail), their details and everyone's logistics on
 * the member's page, and removing such a member. Who may do what is in can.ts ("delegations" block):
 * details with `delegation.register`, logistics with `delegation.editLogistics`; a member of another
 * delegation does not exist for the viewer (404).
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db, type Tx } from '@db/client'
import { delegationLogistics, delegationMembers, organizations, people } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type DelegationMemberRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, DomainError, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import type { DelegationRole } from './constants'
import type { GuestMemberInput, LogisticsInput, NewMemberInput } from './delegation-schemas'
import { canOpenMember, delegationMemberRefs, listDelegations } from './delegations.server'
import {
  logisticsFormValues,
  logisticsOf,
  logisticsValues,
  purgeDate,
  putLogistics,
  type LogisticsValues,
} from './logistics.server'
import { localized, visibleMeetingOrThrow, type MeetingRow, type VisibleMeeting } from './meetings.server'

type MemberRow = typeof delegationMembers.$inferSelect

/** The ref of one member, with the people of the same delegation. */
function memberRef(tx: Tx | typeof db, meeting: VisibleMeeting, member: MemberRow): DelegationMemberRef {
  const colleagues = tx
    .select({ id: delegationMembers.id, personId: delegationMembers.personId })
    .from(delegationMembers)
    .where(
      and(
        eq(delegationMembers.meetingId, member.meetingId),
        eq(delegationMembers.organizationId, member.organizationId),
        isNotNull(delegationMembers.personId),
      ),
    )
    .all()
  return delegationMemberRefs(meeting.ref, [
    ...colleagues.map((c) => ({ ...c, organizationId: member.organizationId })),
    member,
  ]).get(member.id)!
}

/** The member of this meeting, or a 404 when it is not one or the viewer may not open it. */
function visibleMember(tx: Tx | typeof db, viewer: Viewer, meeting: VisibleMeeting, memberId: string) {
  const member = tx
    .select()
    .from(delegationMembers)
    .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.meetingId, meeting.row.id)))
    .get()
  if (!member) throw notFound()
  const ref = memberRef(tx, meeting, member)
  if (!canOpenMember(viewer, ref)) throw notFound()
  return { member, ref }
}

/** The one head of a delegation. */
function assertOneHead(
  tx: Tx,
  member: { meetingId: string; organizationId: string; id?: string },
  role: DelegationRole,
) {
  if (role !== 'head') return
  const head = tx
    .select({ id: delegationMembers.id })
    .from(delegationMembers)
    .where(
      and(
        eq(delegationMembers.meetingId, member.meetingId),
        eq(delegationMembers.organizationId, member.organizationId),
        eq(delegationMembers.role, 'head'),
      ),
    )
    .all()
    .filter((h) => h.id !== member.id)
  if (head.length) throw invalid('meetings.error.oneHead', 'role')
}

const guestDetails = (input: GuestMemberInput) => ({
  name: input.name,
  title: input.title ?? null,
  institution: input.institution ?? null,
  email: input.email ?? null,
  role: input.role,
})

/** The logistics of the form, refused while they would be deleted at the next sweep anyway. */
function checkedLogistics(input: LogisticsInput, row: MeetingRow): LogisticsValues {
  const values = logisticsValues(input, row)
  if (purgeDate(row.endsAt).getTime() <= Date.now()) throw conflict('delegations.error.logisticsExpired')
  return values
}

/** Registers a member without an account into an organization's delegation, with their logistics. */
export function addGuestMember(viewer: Viewer, meetingId: string, input: NewMemberInput): string {
  return writeTx((tx) => {
    const meeting = visibleMeetingOrThrow(viewer, meetingId, tx)
    const org = tx
      .select()
      .from(organizations)
      .where(eq(organizations.code, input.organization.toUpperCase()))
      .get()
    if (!org) throw invalid('meetings.error.unknownOrganization', 'organization')
    const target = { ...meeting.ref, organizationId: org.id }
    if (!can(viewer, 'delegation.register', target)) {
      // another state's delegation, or one's own after the deadline: refused at the field, audited
      throw new DomainError(403, 'delegations.error.notYourDelegation', {
        field: 'organization',
        refusal: {
          actor: viewer,
          action: 'delegation.register',
          outcome: 'refused',
          targetType: 'meeting',
          targetId: meeting.row.id,
          details: { organization: org.code },
        },
      })
    }
    if (!meeting.ref.invitedOrganizationIds.includes(org.id)) {
      throw invalid('meetings.error.notInvited', 'organization')
    }
    assertOneHead(tx, { meetingId: meeting.row.id, organizationId: org.id }, input.role)
    const logistics = checkedLogistics(input, meeting.row)
    const member = tx
      .insert(delegationMembers)
      .values({
        meetingId: meeting.row.id,
        organizationId: org.id,
        personId: null,
        ...guestDetails(input),
        registeredById: viewer.id,
      })
      .returning({ id: delegationMembers.id })
      .get()
    putLogistics(tx, member.id, logistics, viewer.id)
    audit(
      {
        actor: viewer,
        action: 'delegation.addMember',
        targetType: 'delegation_member',
        targetId: member.id,
        // no personal data in the log: the member is named by their id
        details: { meetingId: meeting.row.id, organization: org.code, role: input.role },
      },
      tx,
    )
    return member.id
  })
}

export interface MemberPage {
  memberId: string
  hasAccount: boolean
  name: string
  title: string | null
  institution: string | null
  email: string | null
  role: DelegationRole
  organization: { code: string; name: string }
  /** details of a member without an account, and their role, may be changed */
  canEditDetails: boolean
  canViewLogistics: boolean
  canEditLogistics: boolean
  canGetLetter: boolean
  logistics: LogisticsValues | null
  /** the form's values (details and logistics, times in the meeting's zone) */
  formValues: Record<string, string>
  purgeAfter: Date
}

/** The member's page; a 404 for a member of another delegation. */
export function memberPage(
  viewer: Viewer,
  meeting: VisibleMeeting,
  memberId: string,
  lang: Lang,
): MemberPage {
  const { member, ref } = visibleMember(db, viewer, meeting, memberId)
  const institution = alias(organizations, 'institution')
  const person = member.personId
    ? db
        .select({
          name: people.name,
          title: people.title,
          email: people.email,
          instEs: institution.nameEs,
          instEn: institution.nameEn,
        })
        .from(people)
        .leftJoin(institution, eq(institution.id, people.institutionId))
        .where(eq(people.id, member.personId))
        .get()
    : undefined
  const org = db.select().from(organizations).where(eq(organizations.id, member.organizationId)).get()!
  const canViewLogistics = can(viewer, 'delegation.viewLogistics', ref)
  const logistics = canViewLogistics ? (logisticsOf([member.id]).get(member.id) ?? null) : null
  const canEditDetails = !person && can(viewer, 'delegation.register', ref)
  const formValues: Record<string, string> = {
    ...(canEditDetails
      ? {
          name: member.name ?? '',
          title: member.title ?? '',
          institution: member.institution ?? '',
          email: member.email ?? '',
          role: member.role,
        }
      : {}),
    ...logisticsFormValues(logistics, meeting.row.timeZone),
  }
  return {
    memberId: member.id,
    hasAccount: !!person,
    name: person?.name ?? member.name ?? '',
    title: person ? person.title : member.title,
    institution: person
      ? person.instEs || person.instEn
        ? localized(lang, person.instEs, person.instEn)
        : null
      : member.institution,
    email:
      canViewLogistics || can(viewer, 'person.viewContact', { organizationId: org.id })
        ? (person?.email ?? member.email)
        : null,
    role: member.role,
    organization: { code: org.code, name: localized(lang, org.nameEs, org.nameEn) },
    canEditDetails,
    canViewLogistics,
    canEditLogistics: can(viewer, 'delegation.editLogistics', ref),
    canGetLetter: can(viewer, 'delegation.invitationLetter', ref),
    logistics,
    formValues,
    purgeAfter: purgeDate(meeting.row.endsAt),
  }
}

/** Saves the member's page: the details of a member without an account (with `delegation.register`)
 * and the logistics (with `delegation.editLogistics`), together or not at all. */
export function saveMember(
  viewer: Viewer,
  meetingId: string,
  memberId: string,
  input: { details?: GuestMemberInput; logistics: LogisticsInput },
) {
  writeTx((tx) => {
    const meeting = visibleMeetingOrThrow(viewer, meetingId, tx)
    const { member, ref } = visibleMember(tx, viewer, meeting, memberId)
    const now = new Date()
    if (input.details) {
      if (member.personId) throw invalid('validation.invalid')
      assertAllowed(viewer, 'delegation.register', ref)
      assertOneHead(tx, member, input.details.role)
      tx.update(delegationMembers)
        .set({ ...guestDetails(input.details), updatedAt: now })
        .where(eq(delegationMembers.id, member.id))
        .run()
    }
    assertAllowed(viewer, 'delegation.editLogistics', ref)
    putLogistics(tx, member.id, checkedLogistics(input.logistics, meeting.row), viewer.id)
    audit(
      {
        actor: viewer,
        action: 'delegation.saveMember',
        targetType: 'delegation_member',
        targetId: member.id,
        details: { meetingId: meeting.row.id, details: !!input.details },
      },
      tx,
    )
  })
}

/** Removes a member without an account (people with an account leave through the delegation form),
 * their logistics with them. */
export function removeGuestMember(viewer: Viewer, meetingId: string, memberId: string) {
  writeTx((tx) => {
    const meeting = visibleMeetingOrThrow(viewer, meetingId, tx)
    const { member, ref } = visibleMember(tx, viewer, meeting, memberId)
    if (member.personId) throw invalid('validation.invalid')
    assertAllowed(viewer, 'delegation.register', ref)
    tx.delete(delegationLogistics).where(eq(delegationLogistics.memberId, member.id)).run()
    tx.delete(delegationMembers).where(eq(delegationMembers.id, member.id)).run()
    audit(
      {
        actor: viewer,
        action: 'delegation.removeMember',
        targetType: 'delegation_member',
        targetId: member.id,
        details: { meetingId: meeting.row.id },
      },
      tx,
    )
  })
}

/** What the invitation letter says about the member, for a viewer allowed to get it (else 404). */
export function letterMember(viewer: Viewer, meeting: VisibleMeeting, memberId: string, lang: Lang) {
  const { member, ref } = visibleMember(db, viewer, meeting, memberId)
  if (!can(viewer, 'delegation.invitationLetter', ref)) throw notFound()
  const page = memberPage(viewer, meeting, memberId, lang)
  return { ...page, memberId: member.id }
}

/** The invited organizations whose delegation the viewer may register, in the directory's order. */
export function registerableOrganizations(viewer: Viewer, meeting: VisibleMeeting, lang: Lang) {
  const ids = meeting.ref.invitedOrganizationIds.filter((id) =>
    can(viewer, 'delegation.register', { ...meeting.ref, organizationId: id }),
  )
  if (!ids.length) return []
  return db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, ids))
    .orderBy(asc(organizations.sortOrder))
    .all()
    .map((o) => ({ code: o.code, name: localized(lang, o.nameEs, o.nameEn) }))
}

/** The delegations whose badges the viewer may print (the secretariat: all; a focal point: their own),
 * with their members; null when the viewer may print none (the page does not exist for them). */
export function badgeDelegations(viewer: Viewer, meeting: VisibleMeeting, lang: Lang) {
  const all = listDelegations(viewer, meeting, lang)
  const allowed = all.filter((d) =>
    can(viewer, 'delegation.printBadges', { ...meeting.ref, organizationId: d.organization.id }),
  )
  if (!allowed.length) return null
  return allowed
    .filter((d) => d.members.length)
    .map((d) => ({
      organization: { id: d.organization.id, name: d.organization.name },
      members: d.members.map((m) => ({
        memberId: m.memberId,
        name: m.name,
        title: m.title,
        institution: m.institution,
        role: m.role,
      })),
    }))
}
