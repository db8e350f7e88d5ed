/**
 * Who sees and who reports on action items, on the demo data: the SQL visibility agrees with can() for
 * every demo account and every demo action; an observer never reaches an action from a members-only
 * meeting (list, page, API, export) unless its organization owns or supports it; a delegate of another
 * state (Mexico) cannot report on an action owned only by Panama, and nothing is written; supporting
 * organizations see but do not report.
 */
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, auditLog } from '@db/schema'
import { visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import { listActions } from '~/modules/actions/lists.server'
import { findVisibleAction } from '~/modules/actions/loading.server'
import { postUpdate } from '~/modules/actions/reports.server'
import * as apiList from '~/routes/api.v1.actions'
import * as apiOne from '~/routes/api.v1.actions.$id'
import * as apiUpdates from '~/routes/api.v1.actions.$id.updates'
import * as page from '~/routes/actions.$id'
import * as listPage from '~/routes/actions._index'
import * as csv from '~/routes/actions.export[.]csv'
import {
  CO,
  IOM,
  MX,
  PA_FOCAL,
  PA_SNM,
  SECRETARIAT,
  UNHCR,
  actionByTitle,
  errorOf,
  reload,
  updatesOf,
} from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

const ACCOUNTS = [
  SECRETARIAT,
  PA_FOCAL,
  PA_SNM,
  MX,
  CO,
  IOM,
  UNHCR,
  'rrocm.focal@rcm.example',
  'hn.focal@rcm.example',
]
const MEMBERS_ONLY_PA = 'Share the indicator matrix' // members-only RCGM, owned by Panama
const MEMBERS_ONLY_MX = 'Review the final version of the Regional Action Plan' // owned by Mexico's INM, Panama supports
const MEMBERS_ONLY_IOM = 'Technical support to compute the labour migration indicators' // Costa Rica owns, IOM supports
const PANAMA_ONLY = 'Implement information exchange between the Darien' // owned by Panama's SNM only

describe('visibility of action items', () => {
  it('the SQL rule and can() agree for every demo account and every demo action', () => {
    const all = db.select({ id: actionItems.id }).from(actionItems).all()
    expect(all.length).toBeGreaterThan(15)
    for (const email of ACCOUNTS) {
      const viewer = viewerFor(email)
      const bySql = db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(visibleActionsWhere(viewer))
        .all()
        .map((r) => r.id)
        .sort()
      const byRule = all
        .filter((a) => findVisibleAction(viewer, a.id))
        .map((a) => a.id)
        .sort()
      expect(bySql, email).toEqual(byRule)
    }
  })

  it('hides actions of members-only meetings from observers, unless they own or support them', () => {
    const sees = (email: string, title: string) =>
      !!findVisibleAction(viewerFor(email), actionByTitle(title).id)
    for (const email of [SECRETARIAT, PA_FOCAL, MX, 'hn.focal@rcm.example']) {
      expect(sees(email, MEMBERS_ONLY_PA), email).toBe(true)
      expect(sees(email, MEMBERS_ONLY_MX), email).toBe(true)
    }
    for (const email of [CO, IOM, UNHCR, 'rrocm.focal@rcm.example']) {
      expect(sees(email, MEMBERS_ONLY_PA), email).toBe(false)
      expect(sees(email, MEMBERS_ONLY_MX), email).toBe(false)
      // an action of an open meeting is visible to every participant
      expect(sees(email, PANAMA_ONLY), email).toBe(true)
    }
    // IOM supports this one: it sees it; Colombia does not
    expect(sees(IOM, MEMBERS_ONLY_IOM)).toBe(true)
    expect(sees(CO, MEMBERS_ONLY_IOM)).toBe(false)
  })

  it('answers 404 to an observer in the list, the page, the API and the export, like a missing action', async () => {
    const hidden = actionByTitle(MEMBERS_ONLY_PA)
    const list = await run(listPage.loader, '/actions?owner=PA', { as: CO })
    expect(list.status).toBe(200)
    const ids = (list.data as { items: { id: string }[] }).items.map((i) => i.id)
    expect(ids).not.toContain(hidden.id)
    expect(ids.length).toBeGreaterThan(0)

    expect((await run(page.loader, `/actions/${hidden.id}`, { as: CO }, { id: hidden.id })).status).toBe(404)
    expect((await run(page.loader, '/actions/nonexistent', { as: CO }, { id: 'nonexistent' })).status).toBe(
      404,
    )
    // the member state sees it
    expect((await run(page.loader, `/actions/${hidden.id}`, { as: MX }, { id: hidden.id })).status).toBe(200)

    const api = await run(apiOne.loader, `/api/v1/actions/${hidden.id}`, { as: CO }, { id: hidden.id })
    expect(api.status).toBe(404)
    expect(api.data).toEqual({ error: { code: 'not_found', message: 'Not found.' } })
    const apiPage = await run(apiList.loader, '/api/v1/actions?assignee=PA', { as: CO })
    expect((apiPage.data as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(hidden.id)
    const post = await run(
      apiUpdates.action,
      `/api/v1/actions/${hidden.id}/updates`,
      { as: CO, json: { status: 'in_progress', progress: 10, note: 'x' } },
      { id: hidden.id },
    )
    expect(post.status).toBe(404)

    const exported = await run(csv.loader, '/actions/export.csv?lang=en', { as: CO })
    expect(exported.body).not.toContain(hidden.titleEs!)
    expect(exported.body).not.toContain(hidden.titleEn!)
    expect(exported.body).toContain(actionByTitle(PANAMA_ONLY).titleEn!)
  })

  it('signed-out people get nothing: the page sends them to sign in, the API answers 401', async () => {
    const a = actionByTitle(PANAMA_ONLY)
    const pageAnswer = await run(page.loader, `/actions/${a.id}`, {}, { id: a.id })
    expect(pageAnswer.status).toBe(302)
    expect(pageAnswer.location).toMatch(/^\/login/)
    expect((await run(apiOne.loader, `/api/v1/actions/${a.id}`, {}, { id: a.id })).status).toBe(401)
    expect(findVisibleAction(null, a.id)).toBeNull()
  })
})

describe('who reports progress', () => {
  it('refuses a delegate of Mexico on an action owned only by Panama (403), writes nothing, audits it', async () => {
    const target = actionByTitle(PANAMA_ONLY)
    const before = { row: reload(target.id), updates: updatesOf(target.id).length }
    // the service
    expect(
      errorOf(() =>
        postUpdate(viewerFor(MX), target.id, { status: 'in_progress', progress: 50, note: 'not ours' }),
      ),
    ).toMatchObject({ status: 403 })
    // the API
    const api = await run(
      apiUpdates.action,
      `/api/v1/actions/${target.id}/updates`,
      { as: MX, json: { status: 'in_progress', progress: 50, note: 'not ours' } },
      { id: target.id },
    )
    expect(api.status).toBe(403)
    // the page's form post
    const form = await run(
      page.action,
      `/actions/${target.id}`,
      {
        as: MX,
        form: {
          intent: 'update',
          status: 'in_progress',
          progress: '50',
          note: 'not ours',
          revision: String(before.row.revision),
        },
      },
      { id: target.id },
    )
    expect(form.status).toBe(403)
    expect(updatesOf(target.id)).toHaveLength(before.updates)
    expect(reload(target.id)).toEqual(before.row)
    const refusals = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'action.update'), eq(auditLog.outcome, 'refused')))
      .all()
    expect(refusals.length).toBe(3)
  })

  it("lets Panama's people report on Panama's actions, its institutions' included, and the secretariat on any", () => {
    const snmOwned = actionByTitle(PANAMA_ONLY)
    const paOwned = actionByTitle('Train 300 border officials')
    expect(postUpdate(viewerFor(PA_FOCAL), snmOwned.id, { status: 'in_progress', progress: 45 }).status).toBe(
      'in_progress',
    )
    expect(postUpdate(viewerFor(PA_SNM), paOwned.id, { status: 'in_progress', progress: 5 }).progress).toBe(5)
    expect(postUpdate(viewerFor(SECRETARIAT), snmOwned.id, { status: 'blocked', progress: 45 }).status).toBe(
      'blocked',
    )
  })

  it('refuses supporting organizations: they see the action but the owner reports', async () => {
    const a = actionByTitle('Train 300 border officials') // Panama owns, IOM supports
    expect(findVisibleAction(viewerFor(IOM), a.id)).not.toBeNull()
    const answer = await run(
      apiUpdates.action,
      `/api/v1/actions/${a.id}/updates`,
      { as: IOM, json: { status: 'in_progress', progress: 10, note: 'support' } },
      { id: a.id },
    )
    expect(answer.status).toBe(403)
    const pageData = await run(page.loader, `/actions/${a.id}`, { as: IOM }, { id: a.id })
    expect(
      (pageData.data as { details: { permissions: { update: boolean } } }).details.permissions.update,
    ).toBe(false)
    // Panama supports Mexico's review of the plan but does not report on it
    const supported = actionByTitle('Review the final version')
    expect(
      errorOf(() => postUpdate(viewerFor(PA_FOCAL), supported.id, { status: 'in_progress', progress: 40 })),
    ).toMatchObject({ status: 403 })
  })

  it('lists an organization’s actions with assignee, its institutions included, and overdue as a subset', async () => {
    const all = await run(apiList.loader, '/api/v1/actions?assignee=PA', { as: SECRETARIAT })
    const overdue = await run(apiList.loader, '/api/v1/actions?assignee=PA&overdue=1', { as: SECRETARIAT })
    const ids = (all.data as { items: { id: string }[] }).items.map((i) => i.id)
    const overdueItems = (overdue.data as { items: { id: string; overdue: boolean }[] }).items
    expect(ids).toContain(actionByTitle(PANAMA_ONLY).id) // owned by PA-SNM
    expect(ids).not.toContain(actionByTitle('Review the final version').id) // Panama only supports it
    expect(overdueItems.length).toBeGreaterThan(0)
    for (const o of overdueItems) {
      expect(ids).toContain(o.id)
      expect(o.overdue).toBe(true)
    }
    const mine = listActions(viewerFor(PA_FOCAL), { owner: 'PA', overdue: '1' }).items
    expect(mine.map((m) => m.id).sort()).toEqual(overdueItems.map((o) => o.id).sort())
  })
})
