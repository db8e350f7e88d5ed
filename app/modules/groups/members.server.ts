/**
 * Managing a group's members: the chair of the group and the secretariat add people, change their role
 * (chair, drafter, commenter, reader) and remove them, each change in the audit log. Memberships are
 * read on every request, so a removal takes effect on the person's very next request.
 */
import { and, eq } from 'drizzle-orm'
import type { Tx } from '@db/client'
import { groupMemberships, groups, people } from '@db/schema'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { assertAllowed, conflict, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { GROUP_ROLES, type GroupRole } from './constants'

function groupOrThrow(tx: Tx, groupId: string) {
  const g = tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId)).get()
  if (!g) throw notFound()
  return g
}

function checkRole(role: string): asserts role is GroupRole {
  if (!(GROUP_ROLES as readonly string[]).includes(role)) throw invalid('groups.error.role', 'role')
}

export function addGroupMember(viewer: Viewer, groupId: string, input: { email: string; role: string }) {
  return writeTx((tx) => {
    const group = groupOrThrow(tx, groupId)
    assertAllowed(viewer, 'group.manageMembers', { groupId: group.id })
    checkRole(input.role)
    const person = tx
      .select({ id: people.id, status: people.status })
      .from(people)
      .where(eq(people.email, input.email.trim().toLowerCase()))
      .get()
    if (!person || person.status !== 'active') throw invalid('groups.error.noPerson', 'email')
    const existing = tx
      .select()
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, group.id), eq(groupMemberships.personId, person.id)))
      .get()
    if (existing) throw invalid('groups.error.already', 'email')
    tx.insert(groupMemberships).values({ groupId: group.id, personId: person.id, role: input.role }).run()
    audit(
      {
        actor: viewer,
        action: 'group.manageMembers',
        targetType: 'group',
        targetId: group.id,
        details: { added: person.id, role: input.role },
      },
      tx,
    )
  })
}

export function changeGroupRole(viewer: Viewer, groupId: string, personId: string, role: string) {
  return writeTx((tx) => {
    const group = groupOrThrow(tx, groupId)
    assertAllowed(viewer, 'group.manageMembers', { groupId: group.id })
    checkRole(role)
    const done = tx
      .update(groupMemberships)
      .set({ role })
      .where(and(eq(groupMemberships.groupId, group.id), eq(groupMemberships.personId, personId)))
      .run()
    if (done.changes === 0) throw conflict('groups.error.notMember')
    audit(
      {
        actor: viewer,
        action: 'group.manageMembers',
        targetType: 'group',
        targetId: group.id,
        details: { person: personId, role },
      },
      tx,
    )
  })
}

export function removeGroupMember(viewer: Viewer, groupId: string, personId: string) {
  return writeTx((tx) => {
    const group = groupOrThrow(tx, groupId)
    assertAllowed(viewer, 'group.manageMembers', { groupId: group.id })
    // who it was, for the notice and its Undo (adding the same person back with the same role)
    const removed = tx
      .select({ name: people.name, email: people.email, role: groupMemberships.role })
      .from(groupMemberships)
      .innerJoin(people, eq(people.id, groupMemberships.personId))
      .where(and(eq(groupMemberships.groupId, group.id), eq(groupMemberships.personId, personId)))
      .get()
    const done = tx
      .delete(groupMemberships)
      .where(and(eq(groupMemberships.groupId, group.id), eq(groupMemberships.personId, personId)))
      .run()
    if (done.changes === 0) throw conflict('groups.error.notMember')
    audit(
      {
        actor: viewer,
        action: 'group.manageMembers',
        targetType: 'group',
        targetId: group.id,
        details: { removed: personId },
      },
      tx,
    )
    return removed!
  })
}
