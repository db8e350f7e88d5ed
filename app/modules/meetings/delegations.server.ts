/**
 * Invited organizations and their delegations: the focal point of an invited organization registers
 * its delegation (head, alternates, advisers) before the deadline, each delegate answers (RSVP), and the
 * secretariat records attendance on the day. Names are shown to signed-in viewers of the meeting; e-mail
 * addresses only to the secretariat, the person's own organization and the meeting's own delegates.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '@db/client'
import { delegationMembers, organizations, people } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type DelegationMemberRef, type MeetingRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { logisticsOf } from './logistics.server'
import { localized, visibleMeetingOrThrow, type VisibleMeeting } from './meetings.server'
import type { AttendanceStatus, DelegationInput, DelegationRole, RsvpStatus } from './schemas'
import type { DelegationView } from './views'

const ROLE_ORDER: Record<DelegationRole, number> = { head: 0, alternate: 1, adviser: 2 }

/** Every invited organization with its delegation, in the directory's order. A member without an
 * account shows the name, title and institution the focal point typed. Logistics only where the viewer
 * may see them (`delegation.viewLogistics`): never another delegation's. */
export function listDelegations(viewer: Viewer, meeting: VisibleMeeting, lang: Lang): DelegationView[] {
  const { row, ref } = meeting
  const institution = alias(organizations, 'institution')
  const members = db
    .select({
      memberId: delegationMembers.id,
      organizationId: delegationMembers.organizationId,
      personId: delegationMembers.personId,
      personName: people.name,
      personTitle: people.title,
      personEmail: people.email,
      guestName: delegationMembers.name,
      guestTitle: delegationMembers.title,
      guestInstitution: delegationMembers.institution,
      guestEmail: delegationMembers.email,
      instEs: institution.nameEs,
      instEn: institution.nameEn,
      role: delegationMembers.role,
      rsvp: delegationMembers.rsvp,
      attendance: delegationMembers.attendance,
    })
    .from(delegationMembers)
    .leftJoin(people, eq(people.id, delegationMembers.personId))
    .leftJoin(institution, eq(institution.id, people.institutionId))
    .where(eq(delegationMembers.meetingId, row.id))
    .all()
    .map((m) => ({
      ...m,
      name: m.personName ?? m.guestName ?? '',
      title: m.personId ? m.personTitle : m.guestTitle,
      email: m.personId ? m.personEmail : m.guestEmail,
      institution: m.personId
        ? m.instEs || m.instEn
          ? localized(lang, m.instEs, m.instEn)
          : null
        : m.guestInstitution,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang))
  const orgIds = [...new Set([...ref.invitedOrganizationIds, ...members.map((m) => m.organizationId)])]
  const orgs = orgIds.length
    ? db
        .select()
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
        .orderBy(asc(organizations.sortOrder))
        .all()
    : []
  // Delegates of this meeting may reach one another.
  const viewerIsDelegate = members.some((m) => m.personId === viewer.id)
  const refs = delegationMemberRefs(
    ref,
    members.map((m) => ({ id: m.memberId, organizationId: m.organizationId, personId: m.personId })),
  )
  const visibleLogistics = members
    .filter((m) => can(viewer, 'delegation.viewLogistics', refs.get(m.memberId)!))
    .map((m) => m.memberId)
  const logistics = logisticsOf(visibleLogistics)
  return orgs.map((o) => {
    const seeContact = viewerIsDelegate || can(viewer, 'person.viewContact', { organizationId: o.id })
    const target = { ...ref, organizationId: o.id }
    const canRegister = can(viewer, 'delegation.register', target)
    return {
      organization: { id: o.id, code: o.code, kind: o.kind, name: localized(lang, o.nameEs, o.nameEn) },
      invited: ref.invitedOrganizationIds.includes(o.id),
      canRegister,
      members: members
        .filter((m) => m.organizationId === o.id)
        .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
        .map((m) => {
          const mref = refs.get(m.memberId)!
          return {
            memberId: m.memberId,
            personId: m.personId,
            name: m.name,
            title: m.title,
            institution: m.institution,
            role: m.role,
            rsvp: m.rsvp,
            attendance: m.attendance,
            email: seeContact ? m.email : null,
            canRespond: can(viewer, 'delegation.respond', mref),
            logistics: logistics.get(m.memberId) ?? null,
            canOpen: canOpenMember(viewer, mref),
          }
        }),
    }
  })
}

/** Each member's ref for the rules, with the people (with an account) of the same delegation. */
export function delegationMemberRefs(
  ref: MeetingRef,
  members: { id: string; organizationId: string; personId: string | null }[],
): Map<string, DelegationMemberRef> {
  const peopleByOrg = new Map<string, string[]>()
  for (const m of members) {
    if (!m.personId) continue
    peopleByOrg.set(m.organizationId, [...(peopleByOrg.get(m.organizationId) ?? []), m.personId])
  }
  return new Map(
    members.map((m) => [
      m.id,
      {
        ...ref,
        organizationId: m.organizationId,
        personId: m.personId,
        delegatePersonIds: peopleByOrg.get(m.organizationId) ?? [],
      },
    ]),
  )
}

/** A member's page is for those who see their logistics, get their letter or register their
 * delegation; for everyone else it does not exist. */
export function canOpenMember(viewer: Viewer, r: DelegationMemberRef): boolean {
  return (
    can(viewer, 'delegation.viewLogistics', r) ||
    can(viewer, 'delegation.invitationLetter', r) ||
    can(viewer, 'delegation.register', r)
  )
}

/** The registration form of one organization: its active people and the role each has now. */
export function delegationForm(
  viewer: Viewer,
  meeting: VisibleMeeting,
  organizationCode: string,
  lang: Lang,
) {
  const org = db
    .select()
    .from(organizations)
    .where(eq(organizations.code, organizationCode.toUpperCase()))
    .get()
  if (!org || !can(viewer, 'delegation.register', { ...meeting.ref, organizationId: org.id })) return null
  const current = new Map(
    db
      .select({ personId: delegationMembers.personId, role: delegationMembers.role })
      .from(delegationMembers)
      .where(
        and(
          eq(delegationMembers.meetingId, meeting.row.id),
          eq(delegationMembers.organizationId, org.id),
          isNotNull(delegationMembers.personId),
        ),
      )
      .all()
      .map((m) => [m.personId, m.role]),
  )
  const persons = db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.organizationId, org.id), eq(people.status, 'active')))
    .orderBy(asc(people.name))
    .all()
  return {
    organization: { code: org.code, name: localized(lang, org.nameEs, org.nameEn) },
    people: persons.map((p) => ({ ...p, role: current.get(p.id) ?? ('none' as const) })),
  }
}

/** Sets the delegation of one organization: each listed person gets the role, or leaves it (`none`).
 * People not listed keep their place. */
export function registerDelegation(viewer: Viewer, meetingId: string, input: DelegationInput) {
  return writeTx((tx) => {
    const { row, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const org = tx
      .select()
      .from(organizations)
      .where(eq(organizations.code, input.organization.toUpperCase()))
      .get()
    if (!org) throw invalid('meetings.error.unknownOrganization', 'organization')
    // Checked before anything else about the organization: a delegate trying another state's delegation
    // is refused (403) whatever they sent.
    assertAllowed(viewer, 'delegation.register', { ...ref, organizationId: org.id })
    if (!ref.invitedOrganizationIds.includes(org.id)) {
      throw invalid('meetings.error.notInvited', 'organization')
    }
    const personIds = Object.keys(input.roles)
    const known = personIds.length
      ? tx
          .select({ id: people.id })
          .from(people)
          .where(
            and(
              inArray(people.id, personIds),
              eq(people.organizationId, org.id),
              eq(people.status, 'active'),
            ),
          )
          .all()
      : []
    if (known.length !== personIds.length) throw invalid('meetings.error.notInOrganization')
    const existing = tx
      .select()
      .from(delegationMembers)
      .where(and(eq(delegationMembers.meetingId, row.id), eq(delegationMembers.organizationId, org.id)))
      .all()
    // members without an account keep their place: keyed by their own id, never by a person
    const finalRoles = new Map(
      existing.map((m) => [m.personId ?? `member:${m.id}`, m.role as DelegationRole | 'none']),
    )
    for (const [personId, role] of Object.entries(input.roles)) finalRoles.set(personId, role)
    if ([...finalRoles.values()].filter((r) => r === 'head').length > 1) {
      throw invalid('meetings.error.oneHead')
    }
    const now = new Date()
    for (const [personId, role] of Object.entries(input.roles)) {
      const had = existing.find((m) => m.personId === personId)
      if (role === 'none') {
        if (had) tx.delete(delegationMembers).where(eq(delegationMembers.id, had.id)).run()
      } else if (had) {
        if (had.role !== role) {
          tx.update(delegationMembers)
            .set({ role, updatedAt: now })
            .where(eq(delegationMembers.id, had.id))
            .run()
        }
      } else {
        tx.insert(delegationMembers)
          .values({ meetingId: row.id, organizationId: org.id, personId, role, registeredById: viewer.id })
          .run()
      }
    }
    const size = [...finalRoles.values()].filter((r) => r !== 'none').length
    audit(
      {
        actor: viewer,
        action: 'delegation.register',
        targetType: 'meeting',
        targetId: row.id,
        details: { organization: org.code, size },
      },
      tx,
    )
    return { organization: org.code, size }
  })
}

/** A delegate's answer to the invitation (or their focal point's, or the secretariat's). */
export function respondToInvitation(viewer: Viewer, meetingId: string, memberId: string, answer: RsvpStatus) {
  writeTx((tx) => {
    const { row, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const member = tx
      .select()
      .from(delegationMembers)
      .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.meetingId, row.id)))
      .get()
    if (!member) throw notFound()
    assertAllowed(viewer, 'delegation.respond', {
      ...ref,
      organizationId: member.organizationId,
      personId: member.personId,
    })
    tx.update(delegationMembers)
      .set({ rsvp: answer, updatedAt: new Date() })
      .where(eq(delegationMembers.id, member.id))
      .run()
    audit(
      {
        actor: viewer,
        action: 'delegation.respond',
        targetType: 'delegation_member',
        targetId: member.id,
        details: { meetingId: row.id, answer },
      },
      tx,
    )
  })
}

/** Attendance on the day, for any number of delegates at once. */
export function recordAttendance(
  viewer: Viewer,
  meetingId: string,
  values: Record<string, AttendanceStatus>,
) {
  return writeTx((tx) => {
    const { row, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.recordAttendance', ref)
    let changed = 0
    const now = new Date()
    for (const [memberId, attendance] of Object.entries(values)) {
      const r = tx
        .update(delegationMembers)
        .set({ attendance, updatedAt: now })
        .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.meetingId, row.id)))
        .run()
      changed += r.changes
    }
    audit(
      {
        actor: viewer,
        action: 'meeting.recordAttendance',
        targetType: 'meeting',
        targetId: row.id,
        details: { changed },
      },
      tx,
    )
    return changed
  })
}
