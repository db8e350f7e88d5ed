/**
 * Demo data of plan word: the agreed work plan of the RCM's Border Management working group, approved,
 * is published in the document library by the group's chair through the real service (a Word file built
 * by the job, stored, its text extracted for search), open to every participant. Runs after the demo's
 * transaction: building the file is asynchronous.
 */
import { and, eq } from 'drizzle-orm'
import { loadViewer } from '../../app/modules/auth/viewer.server'
import { publishPlan } from '../../app/modules/plans/publish.server'
import { db } from '../client'
import { groupMemberships, groups, plans } from '../schema'

const DAY = 86_400_000

export async function seedDemoPlanWord() {
  const plan = db
    .select({ id: plans.id, groupId: plans.groupId })
    .from(plans)
    .innerJoin(groups, eq(groups.id, plans.groupId))
    .where(and(eq(groups.slug, 'border-management'), eq(plans.stage, 'approved')))
    .get()
  if (!plan) return
  const chair = db
    .select({ id: groupMemberships.personId })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, plan.groupId), eq(groupMemberships.role, 'chair')))
    .get()
  const viewer = chair ? loadViewer(chair.id, 'session', null) : null
  if (!viewer) throw new Error('demo plan word: the border management group has no chair')
  // approved 90 days ago (db/seed/plans.ts), published a few days later
  await publishPlan(viewer, plan.id, { visibility: 'participants' }, new Date(Date.now() - 85 * DAY))
}
