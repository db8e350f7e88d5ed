/**
 * The plans list counts each plan's live sections (a retired one is not counted), against a count made
 * the obvious way; the dashboard's short list leaves the count out.
 */
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { planSections } from '@db/schema'
import { listPlans } from '~/modules/plans/queries.server'
import { SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'

beforeEach(() => {
  freshDemoDb()
})

const liveSections = (planId: string) =>
  db
    .select()
    .from(planSections)
    .where(and(eq(planSections.planId, planId), eq(planSections.retired, false)))
    .all().length

describe('listPlans', () => {
  it('counts the live sections of every plan', () => {
    const plans = listPlans(viewerFor(SECRETARIAT), 'es')
    expect(plans.length).toBeGreaterThan(0)
    expect(plans.some((p) => p.sections > 0)).toBe(true)
    for (const p of plans) expect(p.sections).toBe(liveSections(p.id))
  })

  it('leaves a retired section out of the count', () => {
    const [plan] = listPlans(viewerFor(SECRETARIAT), 'es').filter((p) => p.sections > 1)
    expect(plan).toBeDefined()
    const section = db.select().from(planSections).where(eq(planSections.planId, plan!.id)).get()!
    db.update(planSections).set({ retired: true }).where(eq(planSections.id, section.id)).run()
    const after = listPlans(viewerFor(SECRETARIAT), 'es').find((p) => p.id === plan!.id)!
    expect(after.sections).toBe(plan!.sections - 1)
  })

  it('gives 0 for every plan when asked without counts, and the same plans in the same order', () => {
    const viewer = viewerFor(SECRETARIAT)
    const counted = listPlans(viewer, 'en')
    const short = listPlans(viewer, 'en', { sections: false })
    expect(short.map((p) => p.id)).toEqual(counted.map((p) => p.id))
    expect(short.every((p) => p.sections === 0)).toBe(true)
  })
})
