/**
 * The follow-up board's counts (board.server.ts) against a count made the slow, obvious way: every
 * action the viewer may open (can() through findVisibleAction), each counted once for each state or
 * organization answerable for it (a national institution answers through its state). The board counts in
 * two queries and takes back actions owned twice within one state; this test gives Panama such actions
 * (Panama and its SNM, and three of its institutions at once) so that the correction is exercised.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, actionOwners, organizations } from '@db/schema'
import { findVisibleAction } from '~/modules/actions/loading.server'
import { actionsBoard, stateCommitments } from '~/modules/actions/board.server'
import { actionsToday, isOpen } from '~/modules/actions/overdue.server'
import { CO, IOM, MX, PA_FOCAL, SECRETARIAT, actionByTitle } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'

beforeEach(() => {
  freshDemoDb()
})

const orgId = (code: string) => db.select().from(organizations).where(eq(organizations.code, code)).get()!.id

/** Adds owners to an action (as the edit form would) */
function addOwners(title: string, codes: string[]) {
  const actionId = actionByTitle(title).id
  for (const code of codes)
    db.insert(actionOwners)
      .values({ actionId, organizationId: orgId(code), kind: 'owner' })
      .onConflictDoUpdate({
        target: [actionOwners.actionId, actionOwners.organizationId],
        set: { kind: 'owner' },
      })
      .run()
  return actionId
}

type Counts = { open: number; overdue: number; done: number }

function expectedBoard(email: string, now: Date): Map<string, Counts> {
  const viewer = viewerFor(email)
  const today = actionsToday(now)
  const orgs = db.select().from(organizations).all()
  const accountableCode = new Map(
    orgs.map((o) => [o.id, orgs.find((p) => p.id === (o.parentId ?? o.id))!.code]),
  )
  const result = new Map<string, Counts>()
  for (const action of db.select().from(actionItems).all()) {
    if (!findVisibleAction(viewer, action.id)) continue
    const owners = db
      .select({ organizationId: actionOwners.organizationId })
      .from(actionOwners)
      .where(and(eq(actionOwners.actionId, action.id), eq(actionOwners.kind, 'owner')))
      .all()
    for (const code of new Set(owners.map((o) => accountableCode.get(o.organizationId)!))) {
      const c = result.get(code) ?? { open: 0, overdue: 0, done: 0 }
      if (isOpen(action.status)) c.open++
      if (isOpen(action.status) && action.dueDate < today) c.overdue++
      if (action.status === 'done') c.done++
      result.set(code, c)
    }
  }
  return result
}

describe('the follow-up board', () => {
  it('counts each visible action once per answerable organization, for every kind of viewer', () => {
    const darien = addOwners('Implement information exchange between the Darien', [
      'PA',
      'PA-SNM',
      'PA-MINSEG',
      'PA-UATIM',
    ])
    addOwners('Share the indicator matrix', ['PA-SNM', 'PA-CNCTP']) // members-only meeting
    expect(
      db
        .select()
        .from(actionOwners)
        .where(and(eq(actionOwners.actionId, darien), eq(actionOwners.kind, 'owner')))
        .all().length,
    ).toBe(4)
    const now = new Date()
    for (const email of [SECRETARIAT, PA_FOCAL, MX, CO, IOM]) {
      const expected = expectedBoard(email, now)
      expect(expected.get('PA')!.open + expected.get('PA')!.done).toBeGreaterThan(2)
      const board = actionsBoard(viewerFor(email), 'en', now)
      // every member state is listed, with or without actions
      expect(board.filter((r) => r.kind === 'member_state')).toHaveLength(11)
      for (const row of board) {
        const want = expected.get(row.code) ?? { open: 0, overdue: 0, done: 0 }
        expect({ open: row.open, overdue: row.overdue, done: row.done }, `${email} ${row.code}`).toEqual(want)
      }
      for (const code of expected.keys()) expect(board.map((r) => r.code)).toContain(code)
      // a state's page shows the same totals as its row
      const pa = board.find((r) => r.code === 'PA')!
      expect(stateCommitments(viewerFor(email), 'PA', 'en', now)!.counts).toEqual({
        open: pa.open,
        overdue: pa.overdue,
        done: pa.done,
      })
    }
  })

  it('an observer does not count an action from a members-only meeting it is not involved in', () => {
    const observer = actionsBoard(viewerFor(CO), 'en')
    const member = actionsBoard(viewerFor(MX), 'en')
    const total = (rows: typeof member) => rows.reduce((t, r) => t + r.open + r.done, 0)
    expect(total(observer)).toBeLessThan(total(member))
  })

  it("an institution's page counts only its own actions; a state's counts its institutions' too", () => {
    addOwners('Implement information exchange between the Darien', ['PA', 'PA-SNM'])
    const viewer = viewerFor(SECRETARIAT)
    const snm = stateCommitments(viewer, 'PA-SNM', 'en')!
    const pa = stateCommitments(viewer, 'PA', 'en')!
    const snmOwned = db
      .select({ id: actionOwners.actionId })
      .from(actionOwners)
      .innerJoin(actionItems, eq(actionItems.id, actionOwners.actionId))
      .where(
        and(
          eq(actionOwners.organizationId, orgId('PA-SNM')),
          eq(actionOwners.kind, 'owner'),
          inArray(actionItems.status, ['not_started', 'in_progress', 'blocked']),
        ),
      )
      .all()
    expect(snm.counts.open).toBe(snmOwned.length)
    expect(pa.counts.open).toBeGreaterThan(snm.counts.open)
  })
})
