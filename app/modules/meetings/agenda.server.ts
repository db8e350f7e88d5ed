/**
 * The agenda of a meeting: ordered items with one level of sub-items, their times, presenters and the
 * documents attached to each. Reordering swaps an item with its neighbour, so that plain "move up" and
 * "move down" buttons (POST forms) do it without JavaScript.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, type SQL } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { agendaItems, decisions, documents, minutes } from '@db/schema'
import type { Lang } from '~/i18n/core'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { listDocuments } from '~/modules/documents/queries.server'
import { assertAllowed, conflict, invalid, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { localized, visibleMeetingOrThrow } from './meetings.server'
import type { AgendaItemInput } from './schemas'
import type { AgendaEntry, AttachedDocument } from './views'
import { zonedToUtc } from './time'
import { assertItemWithinMeeting, type MeetingDates } from './agenda-dates.server'

export type AgendaItemRow = typeof agendaItems.$inferSelect

/** The items in agenda order (each item followed by its sub-items), numbered. */
export function listAgenda(meetingId: string, lang: Lang, tx: Tx | typeof db = db): AgendaEntry[] {
  const rows = tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))
    .all()
  const top = rows.filter((r) => !r.parentId)
  const out: AgendaEntry[] = []
  const entry = (r: AgendaItemRow, number: string, depth: 0 | 1, i: number, n: number): AgendaEntry => ({
    id: r.id,
    parentId: r.parentId,
    number,
    depth,
    title: localized(lang, r.titleEs, r.titleEn),
    titleEs: r.titleEs,
    titleEn: r.titleEn,
    startsAt: r.startsAt,
    durationMinutes: r.durationMinutes,
    presenter: r.presenter,
    first: i === 0,
    last: i === n - 1,
  })
  top.forEach((t, i) => {
    out.push(entry(t, String(i + 1), 0, i, top.length))
    const subs = rows.filter((r) => r.parentId === t.id)
    subs.forEach((s, j) => out.push(entry(s, `${i + 1}.${j + 1}`, 1, j, subs.length)))
  })
  return out
}

/** The documents of a meeting the viewer may see (the library's own list, with its visibility rule),
 * grouped by agenda item; `null` holds those attached to the meeting as a whole. */
export function meetingDocuments(viewer: Viewer, meetingId: string, lang: Lang) {
  const { items } = listDocuments(viewer, { meeting: meetingId, sort: 'date_asc' }, { lang, limit: 500 })
  const itemOf = new Map<string, string | null>()
  if (items.length) {
    for (const d of db
      .select({ id: documents.id, agendaItemId: documents.agendaItemId })
      .from(documents)
      .where(
        inArray(
          documents.id,
          items.map((i) => i.id),
        ),
      )
      .all()) {
      itemOf.set(d.id, d.agendaItemId)
    }
  }
  const byItem = new Map<string | null, AttachedDocument[]>()
  for (const d of items) {
    const key = itemOf.get(d.id) ?? null
    const list = byItem.get(key) ?? []
    list.push({
      id: d.id,
      reference: d.reference,
      title: localized(lang, d.titleEs, d.titleEn),
      kind: d.kind,
      languages: d.languages,
    })
    byItem.set(key, list)
  }
  return { all: items, byItem }
}

function itemOfMeeting(tx: Tx, meetingId: string, itemId: string): AgendaItemRow {
  const row = tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .get()
  if (!row) throw notFound()
  return row
}

const siblingsOf = (meetingId: string, parentId: string | null): SQL =>
  and(
    eq(agendaItems.meetingId, meetingId),
    parentId ? eq(agendaItems.parentId, parentId) : isNull(agendaItems.parentId),
  )!

function itemValues(input: AgendaItemInput, meeting: MeetingDates) {
  let startsAt: Date | null = null
  if (input.startsAt) {
    startsAt = zonedToUtc(input.startsAt, meeting.timeZone)
    if (!startsAt) throw invalid('meetings.error.dateTime', 'startsAt')
  }
  // on one of the meeting's days (decision 0029)
  assertItemWithinMeeting(meeting, startsAt, input.durationMinutes ?? null)
  return {
    titleEs: input.titleEs || null,
    titleEn: input.titleEn || null,
    startsAt,
    durationMinutes: input.durationMinutes ?? null,
    presenter: input.presenter || null,
  }
}

export function addAgendaItem(viewer: Viewer, meetingId: string, input: AgendaItemInput): { id: string } {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.manageAgenda', ref)
    let parentId: string | null = null
    if (input.parentId) {
      const parent = tx
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.parentId), eq(agendaItems.meetingId, meeting.id)))
        .get()
      // one level of sub-items: a sub-item cannot have its own
      if (!parent || parent.parentId) throw invalid('meetings.error.parent', 'parentId')
      parentId = parent.id
    }
    const last = tx
      .select({ position: agendaItems.position })
      .from(agendaItems)
      .where(siblingsOf(meeting.id, parentId))
      .orderBy(desc(agendaItems.position))
      .get()
    const row = tx
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        parentId,
        position: (last?.position ?? 0) + 1,
        ...itemValues(input, meeting),
      })
      .returning({ id: agendaItems.id })
      .get()
    audit(
      {
        actor: viewer,
        action: 'agenda.add',
        targetType: 'agenda_item',
        targetId: row.id,
        details: { meetingId: meeting.id, parentId },
      },
      tx,
    )
    return { id: row.id }
  })
}

export function updateAgendaItem(viewer: Viewer, meetingId: string, itemId: string, input: AgendaItemInput) {
  writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.manageAgenda', ref)
    const item = itemOfMeeting(tx, meeting.id, itemId)
    tx.update(agendaItems).set(itemValues(input, meeting)).where(eq(agendaItems.id, item.id)).run()
    audit(
      {
        actor: viewer,
        action: 'agenda.edit',
        targetType: 'agenda_item',
        targetId: item.id,
        details: { meetingId },
      },
      tx,
    )
  })
}

/** Swaps the item with its previous (up) or next (down) sibling; at either end nothing changes. */
export function moveAgendaItem(viewer: Viewer, meetingId: string, itemId: string, direction: 'up' | 'down') {
  writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.manageAgenda', ref)
    const item = itemOfMeeting(tx, meeting.id, itemId)
    const neighbour = tx
      .select()
      .from(agendaItems)
      .where(
        and(
          siblingsOf(meeting.id, item.parentId),
          ne(agendaItems.id, item.id),
          direction === 'up'
            ? lt(agendaItems.position, item.position)
            : gt(agendaItems.position, item.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(agendaItems.position) : asc(agendaItems.position))
      .get()
    if (!neighbour) return
    tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, item.id)).run()
    tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, neighbour.id)).run()
    audit(
      {
        actor: viewer,
        action: 'agenda.move',
        targetType: 'agenda_item',
        targetId: item.id,
        details: { meetingId, direction },
      },
      tx,
    )
  })
}

/** Removes an item that nothing hangs on yet: no sub-items, minutes, decisions or documents (409). */
/** Removes an item nothing hangs on; answers its title (in the viewer's language) for the
 * notice that says what was removed. */
export function deleteAgendaItem(viewer: Viewer, meetingId: string, itemId: string) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'meeting.manageAgenda', ref)
    const item = itemOfMeeting(tx, meeting.id, itemId)
    const inUse =
      tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.parentId, item.id)).get() ??
      tx.select({ id: minutes.id }).from(minutes).where(eq(minutes.agendaItemId, item.id)).get() ??
      tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.agendaItemId, item.id)).get() ??
      tx.select({ id: documents.id }).from(documents).where(eq(documents.agendaItemId, item.id)).get()
    if (inUse) throw conflict('meetings.error.itemInUse')
    tx.delete(agendaItems).where(eq(agendaItems.id, item.id)).run()
    audit(
      {
        actor: viewer,
        action: 'agenda.delete',
        targetType: 'agenda_item',
        targetId: item.id,
        details: { meetingId },
      },
      tx,
    )
    return { title: localized(viewer.language, item.titleEs, item.titleEn) }
  })
}
