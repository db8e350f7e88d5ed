/**
 * Reminders as notification events: due soon (7 days) and overdue, to each owner's focal person or else
 * its focal points (a national institution without any: its state's), in each person's language, at
 * most one per action and kind per week, never for done or cancelled actions, by the person's
 * preferences (one mechanism: no separate reminder mail); the scheduled check runs them.
 */
import { eq, like, or } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionReminders, mailOutbox, notifications } from '@db/schema'
import { createAction } from '~/modules/actions/writing.server'
import { actionsToday, addDays } from '~/modules/actions/overdue.server'
import { runReminders as fireReminders } from '~/modules/actions/reminders.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { savePreferences, preferencesOf } from '~/modules/notifications/notifications.server'
import { checkTimedNotifications } from '~/modules/startup.server'
import { actionByTitle, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'

beforeEach(() => {
  freshDemoDb()
})

const DAY = 24 * 3600 * 1000
/** fires the reminders, then dispatches them as the server does right after */
function runReminders(now: Date) {
  const result = fireReminders(now)
  while (dispatchNotifications({ limit: 500 }) > 0);
  return result
}
const SUBJECTS = ['Acción vencida:%', 'Acción por vencer:%', 'Overdue action:%', 'Action due soon:%']
const actionMails = () =>
  db
    .select()
    .from(mailOutbox)
    .where(or(...SUBJECTS.map((s) => like(mailOutbox.subject, s))))
    .all()
const mailsTo = (email: string) => actionMails().filter((m) => m.to === email)

describe('reminders', () => {
  it('reminds the owners of what is due within 7 days or overdue, once', () => {
    const now = new Date()
    const result = runReminders(now)
    // demo data: due in 5 and 6 days; overdue: five open actions (see db/seed/actions.ts)
    expect(result).toMatchObject({ dueSoon: 2, overdue: 5 })
    expect(result.recipients).toBe(actionMails().length)
    expect(actionMails().every((m) => m.kind === 'notification')).toBe(true)

    // the focal person named for the owner, in their language
    const snm = mailsTo('pa.snm@rcm.example')
    expect(snm.map((m) => m.subject.split(':')[0]).sort()).toEqual(['Acción por vencer', 'Acción vencida'])
    const overdue = snm.find((m) => m.subject.startsWith('Acción vencida'))!
    expect(overdue.subject).toBe(
      `Acción vencida: ${actionByTitle('Implement information exchange between the Darien').titleEs}`,
    )
    expect(overdue.text).toContain(`/actions/${actionByTitle('Implement information exchange').id}`)
    // a national institution without focal person or focal points: its state's focal points
    expect(mailsTo('mx.focal@rcm.example').map((m) => m.subject)).toEqual([
      `Acción vencida: ${actionByTitle('Review the final version').titleEs}`,
    ])
    // done, cancelled, and far-off actions are left alone
    const reminded = db.select().from(actionReminders).all()
    for (const title of ['Disseminate the Declaration', 'Progress report on the concept note', 'Train 300']) {
      expect(reminded.map((r) => r.actionId)).not.toContain(actionByTitle(title).id)
    }
    expect(reminded.every((r) => r.recipients >= 1)).toBe(true)

    // a second run the same day sends nothing
    expect(runReminders(new Date(now.getTime() + 3600_000))).toEqual({
      dueSoon: 0,
      overdue: 0,
      recipients: 0,
    })
  })

  it('sends at most one reminder per action and kind per week', () => {
    const now = new Date()
    runReminders(now)
    const matrix = actionByTitle('Share the indicator matrix') // overdue, Panama
    const count = () =>
      db.select().from(actionReminders).where(eq(actionReminders.actionId, matrix.id)).all().length
    expect(count()).toBe(1)
    // six days later: still within the week
    runReminders(new Date(now.getTime() + 6 * DAY))
    expect(count()).toBe(1)
    // eight days later: a new week, a new reminder
    runReminders(new Date(now.getTime() + 8 * DAY))
    expect(count()).toBe(2)
    expect(mailsTo('pa.focal@rcm.example').filter((m) => m.subject.includes(matrix.titleEs!))).toHaveLength(2)

    // an action that was due soon and is now overdue gets the overdue reminder (another kind)
    const format = actionByTitle('Circulate a common reporting format') // due in 5 days
    const kinds = () =>
      db
        .select()
        .from(actionReminders)
        .where(eq(actionReminders.actionId, format.id))
        .all()
        .map((r) => r.kind)
    expect(kinds()).toEqual(['due_soon', 'overdue'])
  })

  it('writes in each person’s language and falls back to the organization’s focal points', () => {
    // Belize's people read English; no focal person is named: its focal point hears about it
    const { id } = createAction(viewerFor(SECRETARIAT), {
      titleEs: 'Informe sobre la frontera con Guatemala',
      titleEn: 'Report on the border with Guatemala',
      originType: 'none',
      owners: ['BZ'],
      dueDate: addDays(actionsToday(), 3),
      priority: 'medium',
    })
    runReminders(new Date())
    const mails = mailsTo('bz.focal@rcm.example')
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('Action due soon: Report on the border with Guatemala')
    expect(mails[0].html).toContain('Report on the border with Guatemala')
    expect(mails[0].text).toContain(`/actions/${id}`)
    expect(personByEmail('bz.focal@rcm.example').language).toBe('en')
  })

  it('follows the person’s preferences: off leaves it in the portal only, digest waits for the summary', () => {
    const snm = viewerFor('pa.snm@rcm.example')
    savePreferences(snm, { ...preferencesOf(snm.id), action_overdue: 'off', action_due_soon: 'digest' })
    runReminders(new Date())
    // no mail at once for either kind, and no separate reminder mail either
    expect(mailsTo('pa.snm@rcm.example')).toHaveLength(0)
    const kinds = db
      .select()
      .from(notifications)
      .where(eq(notifications.personId, snm.id))
      .all()
      .filter((n) => n.kind.startsWith('action_'))
      .map((n) => [n.kind, n.mailedAt === null])
    // overdue: told in the portal, never mailed; due soon: kept for the digest
    expect(kinds).toContainEqual(['action_overdue', false])
    expect(kinds).toContainEqual(['action_due_soon', true])
  })

  it('runs from the scheduled check (start-up and timer), once', () => {
    checkTimedNotifications()
    while (dispatchNotifications({ limit: 500 }) > 0);
    expect(actionMails().length).toBeGreaterThan(0)
    const before = actionMails().length
    checkTimedNotifications()
    while (dispatchNotifications({ limit: 500 }) > 0);
    expect(actionMails()).toHaveLength(before)
  })
})
