// The confirmation step of destructive acts (core/confirm.server.ts): the first post asks and changes
// nothing, the confirmed post acts and says so once (core/notice.server.ts), Undo works, is
// permission-checked and audited, and is refused once the record moved on.
import { and, eq, inArray } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import {
  actionItems,
  agendaItems,
  auditLog,
  decisions,
  documents,
  groupMemberships,
  groups,
  meetings,
  people,
  planRounds,
  plans,
} from '@db/schema'
import { takeNotice } from '~/modules/core/notice.server'
import * as actionPage from '~/routes/actions.$id'
import * as peoplePage from '~/routes/admin.people'
import * as groupPage from '~/routes/groups.$slug'
import * as agendaTab from '~/routes/meetings.$id._index'
import * as docPage from '~/routes/documents.$id'
import * as decisionsTab from '~/routes/meetings.$id.decisions'
import * as roundPage from '~/routes/plans_.$id.rounds.$number'
import * as editMeeting from '~/routes/meetings.$id.edit'
import * as newMeeting from '~/routes/meetings.new'
import { loader as docList } from '~/routes/documents._index'
import { loader as apiDoc } from '~/routes/api.v1.documents.$id'
import { loader as download } from '~/routes/documents.$id.download'
import { loader as root } from '~/root'
import { actionByTitle, MX, reload, SECRETARIAT } from './actions-fixtures'
import { freshDemoDb, personByEmail } from './helpers/db'
import { meetingByNumber } from './helpers/demo'
import { run, type Answer } from './helpers/route'

/** The notice a redirect set, as the next page's root loader reads it. */
function noticeOf(answer: Answer) {
  const cookie = answer.headers.get('Set-Cookie') ?? ''
  const value = /rcm_notice=([^;]*)/.exec(cookie)?.[1]
  expect(value, 'a notice cookie').toBeTruthy()
  return takeNotice(new Request('http://localhost:3000/', { headers: { Cookie: `rcm_notice=${value}` } }))
    .notice!
}
const audits = (targetId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action)))
    .all()

beforeEach(() => {
  freshDemoDb()
})

describe('deleting a document', () => {
  const aDocument = () =>
    db.select().from(documents).where(eq(documents.visibility, 'public')).limit(1).get()!

  it('asks first, deletes when confirmed, hides it everywhere, and Undo restores it', async () => {
    const doc = aDocument()
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(docPage.action, `/documents/${doc.id}`, { as, form }, { id: doc.id })
    const asked = await post({ intent: 'delete', confirmKey: 'delete-document' })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: 'delete-document' } })
    expect(db.select().from(documents).where(eq(documents.id, doc.id)).get()!.deletedAt).toBeNull()
    expect(audits(doc.id, 'document.delete')).toHaveLength(0)

    const done = await post({ intent: 'delete', confirmed: 'yes' })
    expect(done.status).toBe(302)
    expect(done.location).toBe('/documents')
    const notice = noticeOf(done)
    expect(notice.key).toBe('confirm.done.documentDeleted')
    expect(notice.undo).toEqual({ action: `/documents/${doc.id}`, fields: { intent: 'restore' } })
    expect(db.select().from(documents).where(eq(documents.id, doc.id)).get()!.deletedAt).not.toBeNull()
    // out of the list, the API and downloads for everyone but the secretariat
    const list = await run<{ items: { id: string }[] }>(docList, '/documents', { as: MX })
    expect(list.data.items.map((d) => d.id)).not.toContain(doc.id)
    expect((await run(apiDoc, `/api/v1/documents/${doc.id}`, { as: MX }, { id: doc.id })).status).toBe(404)
    expect((await run(download, `/documents/${doc.id}/download`, { as: MX }, { id: doc.id })).status).toBe(
      404,
    )
    expect((await run(docPage.loader, `/documents/${doc.id}`, {}, { id: doc.id })).status).toBe(404)

    // Undo: refused for someone who may not restore (404: they cannot see it), then done and audited
    expect((await post(notice.undo!.fields, MX)).status).toBe(404)
    const undone = await post(notice.undo!.fields)
    expect(undone.status).toBe(302)
    expect(noticeOf(undone).key).toBe('confirm.done.documentRestored')
    expect(db.select().from(documents).where(eq(documents.id, doc.id)).get()!.deletedAt).toBeNull()
    expect(audits(doc.id, 'document.restore')).toHaveLength(1)
    // no longer possible: the document is not deleted any more
    expect((await post(notice.undo!.fields)).status).toBe(403)
  })

  it('the root loader shows a notice once and clears it', async () => {
    const doc = aDocument()
    const done = await run(
      docPage.action,
      `/documents/${doc.id}`,
      {
        as: SECRETARIAT,
        form: { intent: 'delete', confirmed: 'yes' },
      },
      { id: doc.id },
    )
    const cookie = /rcm_notice=[^;]*/.exec(done.headers.get('Set-Cookie')!)![0]
    const page = await run<{ notice: { key: string } | null }>(root, '/documents', { cookie })
    expect(page.data.notice?.key).toBe('confirm.done.documentDeleted')
    expect(page.headers.get('Set-Cookie')).toMatch(/rcm_notice=; .*Max-Age=0/)
    const again = await run<{ notice: unknown }>(root, '/documents', {})
    expect(again.data.notice).toBeNull()
    // a forged notice naming no message shows nothing
    const forged = await run<{ notice: unknown }>(root, '/', {
      cookie: `rcm_notice=${Buffer.from(JSON.stringify({ key: 'x<script>' })).toString('base64url')}`,
    })
    expect(forged.data.notice).toBeNull()
  })
})

describe('cancelling an action', () => {
  it('checks the reason, asks, cancels when confirmed; Undo reopens it, refused when moved on', async () => {
    const a = actionByTitle('Train 300 border officials')
    const before = reload(a.id)
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(actionPage.action, `/actions/${a.id}`, { as, form }, { id: a.id })
    const cancel = { intent: 'cancel', reason: 'Sustituida.', revision: String(before.revision) }

    // an empty reason is answered at its field, before any question
    const empty = await post({ ...cancel, reason: '' })
    expect(empty.status).toBe(400)
    expect(empty.data).not.toHaveProperty('confirmation')

    const asked = await post({ ...cancel, confirmKey: 'cancel-action' })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: 'cancel-action' } })
    expect(reload(a.id)).toEqual(before)

    // another state's delegate is refused even when confirming
    expect((await post({ ...cancel, confirmed: 'yes' }, MX)).status).toBe(403)
    expect(reload(a.id).status).toBe(before.status)

    const done = await post({ ...cancel, confirmed: 'yes' })
    expect(done.status).toBe(302)
    const notice = noticeOf(done)
    expect(notice.key).toBe('confirm.done.actionCancelled')
    expect(notice.params?.title).toBeTruthy()
    expect(reload(a.id).status).toBe('cancelled')

    // Undo is the secretariat's only
    expect((await post(notice.undo!.fields, MX)).status).toBe(403)
    const undone = await post(notice.undo!.fields)
    expect(undone.status).toBe(302)
    expect(noticeOf(undone).key).toBe('confirm.done.actionReopened')
    expect(reload(a.id).status).toBe(before.status)
    expect(audits(a.id, 'action.reopen')).toHaveLength(1)

    // cancelled again, then edited: the old notice's Undo no longer applies
    const again = await post({ ...cancel, revision: String(reload(a.id).revision), confirmed: 'yes' })
    const stale = noticeOf(again).undo!.fields
    db.update(actionItems)
      .set({ revision: reload(a.id).revision + 1 })
      .where(eq(actionItems.id, a.id))
      .run()
    const refused = await post(stale)
    expect(refused.status).toBe(409)
    expect(reload(a.id).status).toBe('cancelled')
  })
})

describe('removing an agenda item', () => {
  it('asks first, removes when confirmed and says which item', async () => {
    const m = db
      .select()
      .from(meetings)
      .where(inArray(meetings.status, ['planned', 'confirmed']))
      .limit(1)
      .get()!
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(agendaTab.action, `/meetings/${m.id}`, { as, form }, { id: m.id })
    expect((await post({ intent: 'add', titleEs: 'Punto de prueba', titleEn: 'Test item' })).status).toBe(302)
    const item = db.select().from(agendaItems).where(eq(agendaItems.titleEn, 'Test item')).get()!
    const asked = await post({ intent: 'delete', itemId: item.id, confirmKey: `delete-${item.id}` })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: `delete-${item.id}` } })
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()).toBeTruthy()
    // a delegate may not, confirmed or not
    expect((await post({ intent: 'delete', itemId: item.id, confirmed: 'yes' }, MX)).status).toBe(403)
    const done = await post({ intent: 'delete', itemId: item.id, confirmed: 'yes' })
    expect(done.status).toBe(302)
    expect(noticeOf(done)).toMatchObject({
      key: 'confirm.done.agendaItemRemoved',
      params: { title: expect.stringMatching(/^(Test item|Punto de prueba)$/) },
    })
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()).toBeUndefined()
  })
})

describe('disabling an account', () => {
  it('asks first, disables when confirmed, and Undo enables it again (refused when already active)', async () => {
    const target = personByEmail('mx.delegate@rcm.example')
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run<{ notice?: { key: string; undo?: { personId: string } } }>(peoplePage.action, '/admin/people', {
        as,
        form,
      })
    const asked = await post({ intent: 'disable', personId: target.id, confirmKey: `disable-${target.id}` })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: `disable-${target.id}` } })
    expect(personByEmail('mx.delegate@rcm.example').status).toBe(target.status)
    const done = await post({ intent: 'disable', personId: target.id, confirmed: 'yes' })
    expect(done.data.notice).toMatchObject({ key: 'admin.people.disabled', undo: { personId: target.id } })
    expect(personByEmail('mx.delegate@rcm.example').status).toBe('disabled')
    // the undo, as its button posts it: only an administrator
    expect((await post({ intent: 'enable', personId: target.id }, 'pa.focal@rcm.example')).status).toBe(403)
    const undone = await post({ intent: 'enable', personId: target.id })
    expect(undone.data.notice?.key).toMatch(/^admin\.people\.enabled/)
    expect(db.select().from(people).where(eq(people.id, target.id)).get()!.status).not.toBe('disabled')
    expect(audits(target.id, 'person.enable')).toHaveLength(1)
    // no longer possible: the account is active again
    expect((await post({ intent: 'enable', personId: target.id })).status).toBe(409)
  })
})

describe('removing a group member', () => {
  it('asks first, removes when confirmed; Undo adds them back with their role, once', async () => {
    const m = db
      .select({
        groupId: groupMemberships.groupId,
        personId: groupMemberships.personId,
        role: groupMemberships.role,
        slug: groups.slug,
      })
      .from(groupMemberships)
      .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
      .limit(1)
      .get()!
    const membership = () =>
      db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, m.groupId), eq(groupMemberships.personId, m.personId)))
        .get()
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(groupPage.action, `/groups/${m.slug}`, { as, form }, { slug: m.slug })
    const asked = await post({ intent: 'remove', personId: m.personId, confirmKey: `remove-${m.personId}` })
    expect(asked.data).toMatchObject({ confirmation: { key: `remove-${m.personId}` } })
    expect(membership()).toBeTruthy()
    // someone who may not manage the group is refused, not asked
    expect((await post({ intent: 'remove', personId: m.personId }, MX)).status).toBe(403)
    const done = await post({ intent: 'remove', personId: m.personId, confirmed: 'yes' })
    expect(done.status).toBe(302)
    const notice = noticeOf(done)
    expect(notice.key).toBe('confirm.done.memberRemoved')
    expect(membership()).toBeUndefined()
    expect((await post(notice.undo!.fields, MX)).status).toBe(403)
    const undone = await post(notice.undo!.fields)
    expect(noticeOf(undone).key).toBe('confirm.done.memberReadded')
    expect(membership()?.role).toBe(m.role)
    // twice: they are a member again, nothing to undo
    expect((await post(notice.undo!.fields)).status).toBe(400)
  })
})

describe('withdrawing a decision', () => {
  it('checks the reason, asks the secretariat, withdraws only when confirmed and says which', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const d = db
      .select()
      .from(decisions)
      .where(and(eq(decisions.meetingId, m.id), eq(decisions.status, 'in_force')))
      .limit(1)
      .get()!
    const status = () => db.select().from(decisions).where(eq(decisions.id, d.id)).get()!.status
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(
        decisionsTab.action,
        `/meetings/${m.id}/decisions`,
        { as, form: { intent: 'withdraw', ...form } },
        {
          id: m.id,
        },
      )
    // no reason: the field says so before anything is asked
    expect((await post({ decisionId: d.id, reason: ' ' })).status).toBe(400)
    // no confirmation: asked, nothing changed, nothing audited
    const key = `withdraw-decision-${d.id}`
    const asked = await post({ decisionId: d.id, reason: 'Duplicada', confirmKey: key })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key } })
    expect(status()).toBe('in_force')
    expect(audits(d.id, 'decision.withdraw')).toHaveLength(0)
    // a delegate is refused, not asked
    expect((await post({ decisionId: d.id, reason: 'Duplicada' }, MX)).status).toBe(403)
    expect(status()).toBe('in_force')
    const done = await post({ decisionId: d.id, reason: 'Duplicada', confirmed: 'yes' })
    expect(done.status).toBe(302)
    expect(noticeOf(done)).toMatchObject({ key: 'decisionsOwners.withdrawnDone', params: { code: d.code } })
    expect(status()).toBe('withdrawn')
  })
})

describe('closing a consultation round early', () => {
  it('asks the chair, closes only when confirmed and says which round; others are refused', async () => {
    const plan = db
      .select()
      .from(plans)
      .all()
      .find((p) => p.titleEs?.startsWith('Plan Nacional'))!
    const round = () =>
      db
        .select()
        .from(planRounds)
        .where(and(eq(planRounds.planId, plan.id), eq(planRounds.number, 2)))
        .get()!
    expect(round().closedAt).toBeNull()
    const post = (form: Record<string, string>, as = 'pa.minseg@rcm.example') =>
      run(
        roundPage.action,
        `/plans/${plan.id}/rounds/2`,
        { as, form: { intent: 'close', ...form } },
        {
          id: plan.id,
          number: '2',
        },
      )
    const asked = await post({ confirmKey: 'close-round' })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: 'close-round' } })
    expect(round().closedAt).toBeNull()
    // a drafter who is not the chair is refused, not asked
    expect((await post({}, 'pa.snm@rcm.example')).status).toBe(403)
    expect(round().closedAt).toBeNull()
    const done = await post({ confirmed: 'yes' })
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/plans/${plan.id}/rounds/2`)
    expect(noticeOf(done)).toMatchObject({ key: 'confirm.done.roundClosed', params: { number: 2 } })
    expect(round().closedAt).not.toBeNull()
  })
})

describe('cancelling a meeting', () => {
  const fields = {
    kind: 'rcgm',
    titleEs: 'Reunión extraordinaria del GRCM',
    titleEn: 'Extraordinary RCGM meeting',
    timeZone: 'America/Panama',
    startsAt: '2030-05-20T09:00',
    endsAt: '2030-05-21T13:00',
    registrationDeadline: '2030-05-01T23:59',
    place: 'Ciudad de Panamá',
    host: 'PA',
    openness: 'open',
    status: 'confirmed',
    invited: 'PA',
  }

  it('asks when the status becomes cancelled, changes nothing until confirmed, then says so', async () => {
    const created = await run(newMeeting.action, '/meetings/new', { as: SECRETARIAT, form: fields })
    expect(created.status).toBe(302)
    const id = created.location!.split('/').pop()!
    const status = () => db.select().from(meetings).where(eq(meetings.id, id)).get()!.status
    const post = (form: Record<string, string>, as = SECRETARIAT) =>
      run(editMeeting.action, `/meetings/${id}/edit`, { as, form }, { id })
    // other edits are not asked about
    const renamed = await post({ ...fields, place: 'Ciudad de Panamá, Panamá' })
    expect(renamed.status).toBe(302)
    const asked = await post({ ...fields, status: 'cancelled', place: 'Otro lugar' })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ confirmation: { key: 'cancel-meeting' } })
    expect(status()).toBe('confirmed')
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.place).toBe(
      'Ciudad de Panamá, Panamá',
    )
    // a delegate is refused, not asked
    expect((await post({ ...fields, status: 'cancelled' }, MX)).status).toBeGreaterThanOrEqual(403)
    expect(status()).toBe('confirmed')
    const done = await post({ ...fields, status: 'cancelled', place: 'Otro lugar', confirmed: 'yes' })
    expect(done.status).toBe(302)
    expect(noticeOf(done)).toMatchObject({
      key: 'confirm.done.meetingCancelled',
      params: { title: 'Reunión extraordinaria del GRCM' },
    })
    expect(status()).toBe('cancelled')
    // the panel re-posts the whole form: the other change went with it
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.place).toBe('Otro lugar')
  })
})
