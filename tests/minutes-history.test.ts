/**
 * Minutes keep every saved text (drizzle/0008_minutes_history.sql): the database records a revision on
 * each save, refuses to change or forget one, and refuses a new text without a new revision. The
 * secretariat reads the history with the words each revision added and removed; delegations do not see
 * it (drafts are the secretariat's). A stale save records nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { asc, eq, notExists } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, rawSqlite } from '@db/client'
import { agendaItems, meetings, minutes, minutesRevisions } from '@db/schema'
import * as minutesTab from '~/routes/meetings.$id.minutes'
import { freshDemoDb } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

const SECRETARIAT = 'secretariat@rcm.example'

const revisionsOf = (minutesId: string) =>
  db
    .select()
    .from(minutesRevisions)
    .where(eq(minutesRevisions.minutesId, minutesId))
    .orderBy(asc(minutesRevisions.revision))
    .all()

/** Minutes of the demo in the given status, with their meeting. */
const minutesIn = (status: 'circulated' | 'adopted') =>
  db.select().from(minutes).where(eq(minutes.status, status)).get()!

async function save(meetingId: string, agendaItemId: string, baseRevision: number, text: string) {
  return run(
    minutesTab.action,
    `/meetings/${meetingId}/minutes`,
    { as: SECRETARIAT, form: { intent: 'save', agendaItemId, baseRevision: String(baseRevision), text } },
    { id: meetingId },
  )
}

type HistoryData = {
  history: {
    itemId: string
    scope: 'all' | 'sinceCirculation'
    revisions: {
      revision: number
      author: string | null
      text: string
      changes: { value: string; added: boolean; removed: boolean }[] | null
    }[]
  } | null
  items: { item: { id: string }; can: { history: boolean } }[]
}

async function historyAs(who: string, meetingId: string, itemId: string) {
  const page = await run(
    minutesTab.loader,
    `/meetings/${meetingId}/minutes?history=${itemId}`,
    { as: who },
    {
      id: meetingId,
    },
  )
  expect(page.status).toBe(200)
  return page.data as HistoryData
}

describe('the history of minutes', () => {
  it('records every save, newest first with the words added and removed', async () => {
    const row = minutesIn('circulated')
    // the demo: a first draft, then the full text
    expect(revisionsOf(row.id).map((r) => r.revision)).toEqual([1, 2])
    expect(revisionsOf(row.id)[1].text).toBe(row.text)

    const third = `${row.text}\n\nAñadido por la Secretaría tras los comentarios.`
    expect((await save(row.meetingId, row.agendaItemId, 2, third)).status).toBe(302)
    const fourth = third.replace('Añadido', 'Agregado')
    expect((await save(row.meetingId, row.agendaItemId, 3, fourth)).status).toBe(302)
    const saved = revisionsOf(row.id)
    expect(saved.map((r) => [r.revision, r.text])).toEqual([
      [1, saved[0].text],
      [2, row.text],
      [3, third],
      [4, fourth],
    ])
    expect(saved[3].savedById).toBeTruthy()

    const data = await historyAs(SECRETARIAT, row.meetingId, row.agendaItemId)
    expect(data.history!.itemId).toBe(row.agendaItemId)
    const revisions = data.history!.revisions
    expect(revisions.map((r) => r.revision)).toEqual([4, 3, 2, 1])
    expect(revisions[0].author).toBeTruthy()
    const changed = (r: (typeof revisions)[number]) => ({
      added: r.changes!.filter((c) => c.added).map((c) => c.value.trim()),
      removed: r.changes!.filter((c) => c.removed).map((c) => c.value.trim()),
    })
    expect(changed(revisions[0])).toEqual({ added: ['Agregado'], removed: ['Añadido'] })
    expect(changed(revisions[1]).removed).toEqual([])
    expect(changed(revisions[1]).added.join(' ')).toContain('tras los comentarios.')
    // put back together, each revision's changes give the text before and after it
    const before = (r: (typeof revisions)[number]) => r.changes!.filter((c) => !c.added).map((c) => c.value)
    const after = (r: (typeof revisions)[number]) => r.changes!.filter((c) => !c.removed).map((c) => c.value)
    expect(before(revisions[0]).join('')).toBe(third)
    expect(after(revisions[0]).join('')).toBe(fourth)
    // the oldest recorded revision has nothing before it
    expect(revisions[3].changes).toBeNull()
  })

  it('a stale save records nothing and the writer keeps their text', async () => {
    const row = minutesIn('circulated')
    const count = revisionsOf(row.id).length
    const stale = await save(row.meetingId, row.agendaItemId, row.revision - 1, 'Mi versión')
    expect(stale.status).toBe(409)
    expect(JSON.stringify(stale.data)).toContain('Mi versión')
    expect(revisionsOf(row.id)).toHaveLength(count)
  })

  it('shows the secretariat every version, the delegations those since circulation, drafts to nobody else', async () => {
    const row = minutesIn('circulated')
    const delegations = ['pa.focal@rcm.example', 'mx.delegate@rcm.example']
    for (const who of delegations) {
      const data = await historyAs(who, row.meetingId, row.agendaItemId)
      // the text as circulated (revision 2), never the first draft before it
      expect(data.history!.scope, who).toBe('sinceCirculation')
      expect(data.history!.revisions.map((r) => r.revision)).toEqual([2])
      expect(data.history!.revisions[0].changes).toBeNull()
      expect(data.items.find((i) => i.item.id === row.agendaItemId)!.can.history).toBe(true)
    }
    const all = await historyAs(SECRETARIAT, row.meetingId, row.agendaItemId)
    expect(all.history!.scope).toBe('all')
    expect(all.history!.revisions.map((r) => r.revision)).toEqual([2, 1])

    // the secretariat revises the circulated text: the delegations see what changed
    expect((await save(row.meetingId, row.agendaItemId, 2, `${row.text} Revisado.`)).status).toBe(302)
    const after = await historyAs('pa.focal@rcm.example', row.meetingId, row.agendaItemId)
    expect(after.history!.revisions.map((r) => r.revision)).toEqual([3, 2])
    expect(after.history!.revisions[0].changes!.filter((c) => c.added).map((c) => c.value.trim())).toEqual([
      'Revisado.',
    ])

    // a draft (minutes of an item that had none) has no history for a delegation
    const item = db
      .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
      .from(agendaItems)
      .where(notExists(db.select().from(minutes).where(eq(minutes.agendaItemId, agendaItems.id))))
      .get()!
    expect((await save(item.meetingId, item.id, 0, 'Borrador de la Secretaría')).status).toBe(302)
    expect((await historyAs(SECRETARIAT, item.meetingId, item.id)).history!.revisions).toHaveLength(1)
    for (const who of delegations) {
      const data = await historyAs(who, item.meetingId, item.id)
      expect(data.history, who).toBeNull()
      expect(data.items.find((i) => i.item.id === item.id)!.can.history).toBe(false)
    }
    // an item of another meeting: no history
    const other = minutesIn('adopted')
    expect((await historyAs(SECRETARIAT, row.meetingId, other.agendaItemId)).history).toBeNull()
  })

  it('keeps the history of a members-only meeting from observers (the meeting is not there for them)', async () => {
    const hidden = db
      .select({ meetingId: minutes.meetingId, agendaItemId: minutes.agendaItemId })
      .from(minutes)
      .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
      .where(eq(meetings.openness, 'members_only'))
      .get()!
    const page = await run(
      minutesTab.loader,
      `/meetings/${hidden.meetingId}/minutes?history=${hidden.agendaItemId}`,
      { as: 'co.observer@rcm.example' },
      { id: hidden.meetingId },
    )
    expect(page.status).toBe(404)
  })

  it('the database refuses to change or delete a recorded text, or to change minutes without a revision', () => {
    const row = minutesIn('adopted')
    expect(() =>
      db.update(minutesRevisions).set({ text: 'x' }).where(eq(minutesRevisions.minutesId, row.id)).run(),
    ).toThrow(/append-only/)
    expect(() => db.delete(minutesRevisions).where(eq(minutesRevisions.minutesId, row.id)).run()).toThrow(
      /append-only/,
    )
    expect(() => db.update(minutes).set({ text: 'Reescrita' }).where(eq(minutes.id, row.id)).run()).toThrow(
      /new revision/,
    )
    // changing only the status (circulating, adopting) records nothing
    const count = revisionsOf(row.id).length
    db.update(minutes).set({ status: 'adopted' }).where(eq(minutes.id, row.id)).run()
    expect(revisionsOf(row.id)).toHaveLength(count)
  })

  it('the migration recorded the minutes written before it as their first revision', () => {
    // Undo what the migration made on this copy, keep one minutes row without history, and run the
    // migration's own SQL again.
    const sqlite = rawSqlite()
    const file = path.resolve('drizzle/0008_minutes_history.sql')
    const statements = fs
      .readFileSync(file, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean)
    for (const trigger of [
      'minutes_revision_on_insert',
      'minutes_revision_on_update',
      'minutes_text_needs_revision',
      'minutes_revisions_no_update',
      'minutes_revisions_no_delete',
    ])
      sqlite.exec(`drop trigger ${trigger}`)
    sqlite.exec('delete from minutes_revisions')
    for (const statement of statements) sqlite.exec(statement)
    const rows = db.select().from(minutes).all()
    const recorded = db
      .select({
        minutesId: minutesRevisions.minutesId,
        revision: minutesRevisions.revision,
        text: minutesRevisions.text,
      })
      .from(minutesRevisions)
      .all()
    expect(recorded).toHaveLength(rows.length)
    for (const r of rows)
      expect(recorded).toContainEqual({ minutesId: r.id, revision: r.revision, text: r.text })
  })
})
