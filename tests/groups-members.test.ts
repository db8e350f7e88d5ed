// Managing a group's members: the chair and the secretariat add, change the role of and remove people
// (audited); anyone else is refused and nothing changes; a removal takes effect on the next request.
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, groupMemberships, groups } from '@db/schema'
import { isDomainError, type DomainError } from '~/modules/core/domain-error.server'
import { addGroupMember, changeGroupRole, removeGroupMember } from '~/modules/groups/members.server'
import { getPlan, listPlans } from '~/modules/plans/queries.server'
import { action as groupAction } from '~/routes/groups.$slug'
import { cookieFor, freshDemoDb, makeRequest, personByEmail, viewerFor } from './helpers/db'

function thrown(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const planGroup = () => db.select().from(groups).where(eq(groups.slug, 'pa-smuggling-plan')).get()!.id
const roleOf = (email: string) =>
  db
    .select({ role: groupMemberships.role })
    .from(groupMemberships)
    .where(
      and(eq(groupMemberships.groupId, planGroup()), eq(groupMemberships.personId, personByEmail(email).id)),
    )
    .get()?.role ?? null

beforeEach(() => {
  freshDemoDb()
})

describe('group members', () => {
  it('the chair adds a reader, makes them a drafter and removes them; the plan follows at once', () => {
    const chair = viewerFor('pa.minseg@rcm.example')
    const planId = listPlans(chair, 'es')[0].id
    expect(getPlan(viewerFor('unhcr@rcm.example'), planId, 'en')).toBeNull()
    addGroupMember(chair, planGroup(), { email: 'UNHCR@rcm.example', role: 'reader' })
    expect(getPlan(viewerFor('unhcr@rcm.example'), planId, 'en')?.sections[0].can.edit).toBe(false)
    changeGroupRole(chair, planGroup(), personByEmail('unhcr@rcm.example').id, 'drafter')
    expect(getPlan(viewerFor('unhcr@rcm.example'), planId, 'en')?.sections[0].can.edit).toBe(true)
    removeGroupMember(chair, planGroup(), personByEmail('unhcr@rcm.example').id)
    expect(getPlan(viewerFor('unhcr@rcm.example'), planId, 'en')).toBeNull()
    const entries = db.select().from(auditLog).where(eq(auditLog.action, 'group.manageMembers')).all()
    expect(entries.filter((e) => e.outcome === 'ok')).toHaveLength(3)
  })

  it('refuses drafters and outsiders (403, audited) and bad input (400), changing nothing', () => {
    const group = planGroup()
    for (const email of ['pa.snm@rcm.example', 'iom@rcm.example', 'mx.delegate@rcm.example']) {
      expect(
        thrown(() => addGroupMember(viewerFor(email), group, { email: 'unhcr@rcm.example', role: 'chair' }))
          .status,
      ).toBe(403)
      expect(
        thrown(() =>
          changeGroupRole(viewerFor(email), group, personByEmail('pa.snm@rcm.example').id, 'reader'),
        ).status,
      ).toBe(403)
    }
    expect(roleOf('unhcr@rcm.example')).toBeNull()
    expect(roleOf('pa.snm@rcm.example')).toBe('drafter')
    const secretariat = viewerFor('secretariat@rcm.example')
    expect(
      thrown(() => addGroupMember(secretariat, group, { email: 'nobody@rcm.example', role: 'reader' })).field,
    ).toBe('email')
    expect(
      thrown(() => addGroupMember(secretariat, group, { email: 'pa.snm@rcm.example', role: 'reader' })).field,
    ).toBe('email')
    expect(
      thrown(() => addGroupMember(secretariat, group, { email: 'unhcr@rcm.example', role: 'member' })).field,
    ).toBe('role')
    const refusals = db.select().from(auditLog).where(eq(auditLog.action, 'group.manageMembers')).all()
    expect(refusals.filter((e) => e.outcome === 'refused')).toHaveLength(6)
  })

  it('works through the group page form', async () => {
    const post = async (email: string, form: Record<string, string>) => {
      try {
        return (await groupAction({
          request: makeRequest('/groups/pa-smuggling-plan', { cookie: cookieFor(email), form }),
          params: { slug: 'pa-smuggling-plan' },
          context: {},
        })) as unknown
      } catch (thrown) {
        return thrown
      }
    }
    const ok = (await post('pa.minseg@rcm.example', {
      intent: 'addMember',
      email: 'unhcr@rcm.example',
      role: 'commenter',
    })) as Response
    expect(ok.status).toBe(302)
    expect(roleOf('unhcr@rcm.example')).toBe('commenter')
    const refused = (await post('pa.snm@rcm.example', {
      intent: 'remove',
      personId: personByEmail('unhcr@rcm.example').id,
    })) as {
      init: { status: number }
    }
    expect(refused.init.status).toBe(403)
    expect(roleOf('unhcr@rcm.example')).toBe('commenter')
  })
})
