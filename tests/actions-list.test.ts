/**
 * The list of action items (/actions, the API, exports): every sort of the allowlist gives its order,
 * pages follow one another without gaps or repeats, and the rows of a page carry their origin and
 * owners. The list reads a page's ids first and then their rows (actions.server.ts listActions), so the
 * order of the page must survive that second read.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { listActions, type ListedAction } from '~/modules/actions/actions.server'
import { SORTS } from '~/modules/actions/schemas'
import { SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'

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
    expect(items.some((a) => a.origin.decisionCode)).toBe(true)
    expect(items.some((a) => a.origin.meetingTitle)).toBe(true)
  })
})
