/**
 * Carry-over: the open actions of earlier meetings of the same body, listed for a meeting being prepared,
 * and the "Review of pending actions" agenda item added by the secretariat (once) through the meetings
 * module's agenda service. Also the follow-up report of a meeting.
 */
import { and, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, agendaItems } from '@db/schema'
import { addPendingActionsReview, pendingActionsForMeeting } from '~/modules/actions/carry-over.server'
import { followUpReport } from '~/modules/actions/follow-up.server'
import * as pendingPage from '~/routes/meetings_.$id.pending-actions'
import * as followUpPage from '~/routes/meetings_.$id.follow-up'
import { actionByTitle, CO, errorOf, PA_FOCAL, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { meetingByTitle } from './helpers/demo'

beforeEach(() => {
  freshDemoDb()
})

const NEXT_RCGM = 'First meeting of the Regional Consultation Group'
const titlesOf = (items: { id: string }[] | null) =>
  (items ?? []).map((i) => db.select().from(actionItems).where(eq(actionItems.id, i.id)).get()!.titleEn!)

describe('pending actions of a planned meeting', () => {
  it('lists every open action of earlier meetings of the same body, and nothing else', () => {
    const next = meetingByTitle(NEXT_RCGM)
    const titles = titlesOf(pendingActionsForMeeting(viewerFor(SECRETARIAT), next.id))
    // open actions of the earlier RCGM meetings (Panama 2023, members only; Belmopan 2024)
    for (const t of [
      'Review the final version of the Regional Action Plan',
      'Share the indicator matrix',
      'Technical support to compute the labour migration indicators',
      'Implement information exchange between the Darien',
      'Train 300 border officials',
      'Update the regional consular protection protocol',
      'Publish the 2024 national report', // awaiting validation: still open
    ]) {
      expect(
        titles.some((x) => x.startsWith(t)),
        t,
      ).toBe(true)
    }
    // cancelled, or from another body (the Vice-Ministerial Meeting), or not from a meeting: not carried
    expect(titles.some((x) => x.startsWith('Progress report on the concept note'))).toBe(false)
    expect(titles.some((x) => x.startsWith('Designate national focal points'))).toBe(false)
    expect(titles.some((x) => x.startsWith('Consolidate the institutional comments'))).toBe(false)
    expect(titles).toHaveLength(7)
  })

  it('drops an action once it is done, and lists older Vice-Ministerial commitments for a later one', () => {
    const next = meetingByTitle(NEXT_RCGM)
    const before = pendingActionsForMeeting(viewerFor(SECRETARIAT), next.id)!.length
    const train = actionByTitle('Train 300 border officials')
    db.update(actionItems).set({ status: 'done', progress: 100 }).where(eq(actionItems.id, train.id)).run()
    expect(pendingActionsForMeeting(viewerFor(SECRETARIAT), next.id)).toHaveLength(before - 1)
    const vm = meetingByTitle('XXVIII Vice-Ministerial')
    const vmTitles = titlesOf(pendingActionsForMeeting(viewerFor(SECRETARIAT), vm.id))
    expect(vmTitles).toEqual([
      'Update the working guides of the Liaison Officer Network on consular protection',
    ])
  })

  it('shows observers only what they may see, and nothing of a meeting they cannot see', () => {
    const next = meetingByTitle(NEXT_RCGM)
    const titles = titlesOf(pendingActionsForMeeting(viewerFor(CO), next.id))
    expect(titles).toHaveLength(4)
    expect(titles.some((x) => x.startsWith('Share the indicator matrix'))).toBe(false)
    const troika = meetingByTitle('Troika meeting') // members only
    expect(pendingActionsForMeeting(viewerFor(CO), troika.id)).toBeNull()
  })

  it('adds the review item to the agenda once, for the secretariat only', async () => {
    const next = meetingByTitle(NEXT_RCGM)
    const reviewItems = () =>
      db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, next.id), eq(agendaItems.titleEn, 'Review of pending actions')))
        .all()
    // Panama's focal point may read the list but not change the agenda
    const pageForPa = await run(
      pendingPage.loader,
      `/meetings/${next.id}/pending-actions`,
      { as: PA_FOCAL },
      { id: next.id },
    )
    expect((pageForPa.data as { canAddReview: boolean }).canAddReview).toBe(false)
    const refused = await run(
      pendingPage.action,
      `/meetings/${next.id}/pending-actions`,
      { as: PA_FOCAL, form: { intent: 'addReview' } },
      { id: next.id },
    )
    expect(refused.status).toBe(403)
    expect(reviewItems()).toHaveLength(0)

    const added = await run(
      pendingPage.action,
      `/meetings/${next.id}/pending-actions`,
      { as: SECRETARIAT, form: { intent: 'addReview' } },
      { id: next.id },
    )
    expect(added.status).toBe(302)
    expect(reviewItems()).toHaveLength(1)
    expect(added.location).toBe(`/meetings/${next.id}#agenda-${reviewItems()[0].id}`)
    expect(reviewItems()[0]).toMatchObject({ titleEs: 'Revisión de las acciones pendientes', parentId: null })
    // a second time: the same item
    expect(addPendingActionsReview(viewerFor(SECRETARIAT), next.id)).toEqual({
      id: reviewItems()[0].id,
      created: false,
    })
    expect(reviewItems()).toHaveLength(1)
    const after = await run(
      pendingPage.loader,
      `/meetings/${next.id}/pending-actions`,
      { as: SECRETARIAT },
      { id: next.id },
    )
    expect(after.data).toMatchObject({ reviewItemId: reviewItems()[0].id, canAddReview: false })
    // an observer cannot add it to a members-only meeting it cannot even see
    const troika = meetingByTitle('Troika meeting')
    expect(errorOf(() => addPendingActionsReview(viewerFor(CO), troika.id))).toMatchObject({ status: 404 })
  })
})

describe('the follow-up report', () => {
  it('puts each action under its decision, with its latest report, and hides what the viewer may not see', async () => {
    const vm = meetingByTitle('XXVIII Vice-Ministerial')
    const report = followUpReport(viewerFor(SECRETARIAT), vm.id, 'en')!
    const d1 = report.decisions.find((d) => d.code === 'XXVIII-VM/D.1')!
    expect(d1.actions.map((a) => a.status)).toEqual(['done'])
    expect(d1.actions[0].lastReport?.note).toMatch(/Difusión completada/)
    const d3 = report.decisions.find((d) => d.code === 'XXVIII-VM/D.3')!
    expect(d3.actions).toHaveLength(2)
    expect(report.summary).toMatchObject({ total: 6, done: 4, open: 2, cancelled: 0 })
    expect(report.summary.overdue).toBe(1)

    const membersOnly = meetingByTitle('session for Member Countries only')
    expect(followUpReport(viewerFor(CO), membersOnly.id, 'en')).toBeNull()
    expect(
      (
        await run(
          followUpPage.loader,
          `/meetings/${membersOnly.id}/follow-up`,
          { as: CO },
          { id: membersOnly.id },
        )
      ).status,
    ).toBe(404)
    // the meeting itself is hidden from IOM, although it supports one of its actions
    expect(followUpReport(viewerFor('iom@rcm.example'), membersOnly.id, 'en')).toBeNull()
    expect(followUpReport(viewerFor(PA_FOCAL), membersOnly.id, 'es')!.summary.total).toBe(3)
  })
})
