/**
 * When an action is overdue: the due date is a day; "today" is the day in America/Costa_Rica (UTC-6, no
 * daylight saving), computed in one function; an action is overdue only once its due day has ended
 * there, never on the due day itself, and never when done or cancelled. The SQL filter agrees.
 */
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems } from '@db/schema'
import { listActions } from '~/modules/actions/lists.server'
import {
  ACTIONS_TIME_ZONE,
  actionsToday,
  addDays,
  isDueSoon,
  isOverdue,
  overdueWhere,
} from '~/modules/actions/overdue.server'
import { actionByTitle, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'

const utc = (s: string) => new Date(s)

describe('today, for the follow-up of actions', () => {
  it('is the day in Costa Rica, six hours behind UTC', () => {
    expect(ACTIONS_TIME_ZONE).toBe('America/Costa_Rica')
    // midnight UTC is still the previous evening in San José
    expect(actionsToday(utc('2025-03-15T00:00:00Z'))).toBe('2025-03-14')
    expect(actionsToday(utc('2025-03-15T05:59:59.999Z'))).toBe('2025-03-14')
    // local midnight is 06:00 UTC
    expect(actionsToday(utc('2025-03-15T06:00:00Z'))).toBe('2025-03-15')
    expect(actionsToday(utc('2025-03-15T23:59:59Z'))).toBe('2025-03-15')
  })

  it('does not move with daylight saving elsewhere (Costa Rica has none)', () => {
    // while the United States and Mexico City's neighbours shift, San José stays at UTC-6
    expect(actionsToday(utc('2025-07-01T05:59:00Z'))).toBe('2025-06-30')
    expect(actionsToday(utc('2025-07-01T06:00:00Z'))).toBe('2025-07-01')
    expect(actionsToday(utc('2025-11-02T05:59:00Z'))).toBe('2025-11-01')
    expect(actionsToday(utc('2025-11-02T06:00:00Z'))).toBe('2025-11-02')
  })

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(addDays('2025-03-10', 0)).toBe('2025-03-10')
  })
})

describe('overdue', () => {
  it('is not overdue on its due day, in Costa Rica, even when it is already the next day in UTC', () => {
    const due = '2025-03-14'
    // 2025-03-15 03:00 UTC is 2025-03-14 21:00 in San José: still the due day
    expect(isOverdue(due, 'in_progress', utc('2025-03-15T03:00:00Z'))).toBe(false)
    expect(isOverdue(due, 'in_progress', utc('2025-03-15T05:59:59Z'))).toBe(false)
    // the due day has ended in San José
    expect(isOverdue(due, 'in_progress', utc('2025-03-15T06:00:00Z'))).toBe(true)
    // the morning of the due day
    expect(isOverdue(due, 'not_started', utc('2025-03-14T12:00:00Z'))).toBe(false)
    // the day before the due day, late evening UTC (afternoon in San José)
    expect(isOverdue(due, 'blocked', utc('2025-03-13T23:30:00Z'))).toBe(false)
  })

  it('never applies to done or cancelled actions', () => {
    const later = utc('2030-01-01T12:00:00Z')
    expect(isOverdue('2025-03-14', 'done', later)).toBe(false)
    expect(isOverdue('2025-03-14', 'cancelled', later)).toBe(false)
    expect(isOverdue('2025-03-14', 'blocked', later)).toBe(true)
  })

  it('due soon: within 7 days from today, the due day included, not once overdue', () => {
    const now = utc('2025-03-15T12:00:00Z') // 2025-03-15 in San José
    expect(isDueSoon('2025-03-15', 'in_progress', now)).toBe(true)
    expect(isDueSoon('2025-03-22', 'in_progress', now)).toBe(true)
    expect(isDueSoon('2025-03-23', 'in_progress', now)).toBe(false)
    expect(isDueSoon('2025-03-14', 'in_progress', now)).toBe(false)
    expect(isDueSoon('2025-03-16', 'done', now)).toBe(false)
  })
})

describe('the SQL filter and the list', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('agrees with isOverdue for every demo action, at several instants', () => {
    const rows = db.select().from(actionItems).all()
    for (const at of [
      new Date(),
      utc('2024-06-01T05:59:00Z'),
      utc('2024-06-01T06:00:00Z'),
      utc('2031-01-01T00:00:00Z'),
    ]) {
      const bySql = db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(overdueWhere(at))
        .all()
        .map((r) => r.id)
        .sort()
      const byRule = rows
        .filter((r) => isOverdue(r.dueDate, r.status, at))
        .map((r) => r.id)
        .sort()
      expect(bySql, at.toISOString()).toEqual(byRule)
    }
  })

  it('lists an action as overdue from local midnight after its due day, not before', () => {
    const a = actionByTitle('Train 300 border officials') // open, owned by Panama
    db.update(actionItems).set({ dueDate: '2030-05-10' }).where(eq(actionItems.id, a.id)).run()
    const viewer = viewerFor(SECRETARIAT)
    const overdueIds = (now: Date) =>
      listActions(viewer, { overdue: '1' }, { now, limit: 500 }).items.map((i) => i.id)
    expect(overdueIds(utc('2030-05-10T18:00:00Z'))).not.toContain(a.id) // the due day
    expect(overdueIds(utc('2030-05-11T05:59:00Z'))).not.toContain(a.id) // still the due day in San José
    expect(overdueIds(utc('2030-05-11T06:00:00Z'))).toContain(a.id)
    const item = listActions(
      viewer,
      { owner: 'PA' },
      { now: utc('2030-05-11T06:00:00Z'), limit: 500 },
    ).items.find((i) => i.id === a.id)
    expect(item?.overdue).toBe(true)
    // due within 7 days, as seen on 2030-05-04 in San José
    const dueSoon = listActions(viewer, { due: '7' }, { now: utc('2030-05-04T12:00:00Z'), limit: 500 }).items
    expect(dueSoon.map((i) => i.id)).toContain(a.id)
  })
})
