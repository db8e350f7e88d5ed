/**
 * The list of action items (/actions, the API, exports): every sort of the allowlist gives its order,
 * pages follow one another without gaps or repeats, and the rows of a page carry their origin and
 * owners. The list reads a page's ids first and then their rows (actions.server.ts listActions), so the
 * order of the page must survive that second read.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, decisions, meetings } from '@db/schema'
import { listActions, type ListedAction } from '~/modules/actions/lists.server'
import { SORTS } from '~/modules/actions/schemas'
import { CO, SECRETARIAT } from './actions-fixtures'
import * as listPage from '~/routes/actions._index'
import * as apiList from '~/routes/api.v1.actions'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

const PRIORITY = { high: 0, medium: 1, low: 2 } as const

/** Compares two listed actions as the sort promises (ties broken by id, as the SQL does). */
const compare: Record<(typeof SORTS)[number], (a: ListedAction, b: ListedAction) => number> = {
  due_asc: (a, b) => a.dueDate.localeCompare(b.dueDate),
  due_desc: (a, b) => b.dueDate.localeCompare(a.dueDate),
  priority: (a, b) => PRIORITY[a.priority] - PRIORITY[b.priority] || a.dueDate.localeCompare(b.dueDate),
  progress: (a, b) => a.progress - b.progress || a.dueDate.localeCompare(b.dueDate),
  updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime(),
  title: (a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase(), 'en'),
}

describe('the list of action items', () => {
  it('sorts by every allowlisted order and pages without gaps or repeats', () => {
    const viewer = viewerFor(SECRETARIAT)
    const now = new Date()
    for (const sort of SORTS) {
      const all = listActions(viewer, { sort }, { lang: 'en', now, limit: 1000 }).items
      expect(all.length, sort).toBeGreaterThan(15)
      for (let i = 1; i < all.length; i++) {
        const c = compare[sort](all[i - 1], all[i])
        // a tie keeps the id order
        expect(c < 0 || (c === 0 && all[i - 1].id < all[i].id) || sort === 'title', `${sort} at ${i}`).toBe(
          true,
        )
        if (sort === 'title') expect(c, `${sort} at ${i}`).toBeLessThanOrEqual(0)
      }
      const paged: string[] = []
      for (let offset = 0; ; offset += 7) {
        const page = listActions(viewer, { sort }, { lang: 'en', now, limit: 7, offset })
        paged.push(...page.items.map((a) => a.id))
        expect(page.hasMore, sort).toBe(offset + 7 < all.length)
        if (!page.hasMore) break
      }
      expect(paged, sort).toEqual(all.map((a) => a.id))
    }
  })

  it('gives each row its owners and origin', () => {
    const items = listActions(viewerFor(SECRETARIAT), {}, { lang: 'en', limit: 1000 }).items
    expect(items.every((a) => a.owners.length > 0)).toBe(true)
    expect(items.some((a) => !a.origin.restricted && a.origin.decision?.code)).toBe(true)
    expect(items.some((a) => !a.origin.restricted && a.origin.meeting?.title)).toBe(true)
    expect(items.some((a) => a.origin.restricted)).toBe(false)
  })

  it('filters by the decision the actions follow from, on the page and in the API', async () => {
    const [top] = db
      .select({ decisionId: actionItems.decisionId, n: sql<number>`count(*)` })
      .from(actionItems)
      .where(isNotNull(actionItems.decisionId))
      .groupBy(actionItems.decisionId)
      .orderBy(sql`count(*) desc`)
      .limit(1)
      .all()
    const decision = db.select().from(decisions).where(eq(decisions.id, top.decisionId!)).get()!
    expect(top.n).toBeGreaterThan(0)
    const page = await run(listPage.loader, `/actions?decision=${decision.id}`, { as: SECRETARIAT })
    const data = page.data as {
      items: ListedAction[]
      decision: { code: string } | null
      filters: { decision?: string }
    }
    expect(data.filters.decision).toBe(decision.id)
    expect(data.decision!.code).toBe(decision.code)
    expect(data.items).toHaveLength(top.n)
    expect(data.items.every((a) => !a.origin.restricted && a.origin.decision?.code === decision.code)).toBe(
      true,
    )
    const api = await run(apiList.loader, `/api/v1/actions?decision=${decision.id}`, { as: SECRETARIAT })
    expect(api.status).toBe(200)
    expect((api.data as { items: { id: string }[] }).items.map((a) => a.id).sort()).toEqual(
      data.items.map((a) => a.id).sort(),
    )
    // an unknown decision: nothing, and no code to show
    const none = await run(listPage.loader, '/actions?decision=nosuchdecision00', { as: SECRETARIAT })
    expect((none.data as typeof data).items).toEqual([])
    expect((none.data as typeof data).decision).toBeNull()
  })

  it("an observer filtering by a members-only meeting's decision learns neither its code nor its actions", async () => {
    const hidden = db
      .select({ id: decisions.id })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .innerJoin(actionItems, eq(actionItems.decisionId, decisions.id))
      .where(and(eq(meetings.openness, 'members_only')))
      .get()!
    expect(hidden).toBeTruthy()
    const page = await run(listPage.loader, `/actions?decision=${hidden.id}`, { as: CO })
    const data = page.data as { items: ListedAction[]; decision: { code: string } | null }
    expect(data.decision).toBeNull()
    expect(data.items).toEqual([])
  })
})
