/**
 * Minutes per agenda item and their adoption cycle: draft (the secretariat writes) -> circulated with a
 * comment deadline (invited delegations comment on each item) -> adopted and locked (corrections are
 * recorded errata). Every save names the revision it was based on; a save from an older revision is
 * refused with a conflict that carries the current text, so the writer's text is never lost.
 */
import { diffWords } from 'diff'
import { and, asc, desc, eq, gte, inArray, lte, max } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import {
  agendaItems,
  minutes,
  minutesComments,
  minutesErrata,
  minutesRevisions,
  organizations,
  people,
} from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can, type MeetingRef, type MinutesRef } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { listAgenda } from './agenda.server'
import { renderMarkdown } from '~/modules/text/markdown.server'
import { assertAllowed, conflict, invalid, notFound, refused } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { notify } from '~/modules/notifications/notify.server'
import { localized, visibleMeetingOrThrow, type VisibleMeeting } from './meetings.server'
import type { MinutesSaveInput } from './schemas'
import type { HistoryScope, MinutesConflictState, MinutesHistoryView, MinutesItemView } from './views'

export type MinutesRow = typeof minutes.$inferSelect

export function minutesRef(
  ref: MeetingRef,
  row: Pick<MinutesRow, 'status' | 'commentDeadline'> | null | undefined,
): MinutesRef {
  return { ...ref, minutesStatus: row?.status ?? 'draft', commentDeadline: row?.commentDeadline ?? null }
}

/** The minutes tab: every agenda item with its minutes as the viewer may see them. */
export function minutesPage(viewer: Viewer, meeting: VisibleMeeting, lang: Lang) {
  const agenda = listAgenda(meeting.row.id, lang)
  const rows = db.select().from(minutes).where(eq(minutes.meetingId, meeting.row.id)).all()
  const byItem = new Map(rows.map((r) => [r.agendaItemId, r]))
  const ids = rows.map((r) => r.id)
  const comments = ids.length
    ? db
        .select({
          id: minutesComments.id,
          minutesId: minutesComments.minutesId,
          author: people.name,
          orgEs: organizations.nameEs,
          orgEn: organizations.nameEn,
          revision: minutesComments.revision,
          text: minutesComments.text,
          createdAt: minutesComments.createdAt,
        })
        .from(minutesComments)
        .innerJoin(people, eq(people.id, minutesComments.personId))
        .innerJoin(organizations, eq(organizations.id, minutesComments.organizationId))
        .where(inArray(minutesComments.minutesId, ids))
        .orderBy(asc(minutesComments.createdAt))
        .all()
    : []
  const errata = ids.length
    ? db
        .select({
          id: minutesErrata.id,
          minutesId: minutesErrata.minutesId,
          author: people.name,
          text: minutesErrata.text,
          createdAt: minutesErrata.createdAt,
        })
        .from(minutesErrata)
        .innerJoin(people, eq(people.id, minutesErrata.personId))
        .where(inArray(minutesErrata.minutesId, ids))
        .orderBy(asc(minutesErrata.createdAt))
        .all()
    : []
  const items: MinutesItemView[] = agenda.map((item) => {
    const row = byItem.get(item.id)
    const ref = minutesRef(meeting.ref, row)
    const visible = can(viewer, 'minutes.view', ref)
    return {
      item,
      minutes: visible
        ? {
            status: ref.minutesStatus,
            revision: row?.revision ?? 0,
            text: row?.text ?? '',
            html: row?.text ? renderMarkdown(row.text) : '',
            commentDeadline: row?.commentDeadline ?? null,
            circulatedAt: row?.circulatedAt ?? null,
            adoptedAt: row?.adoptedAt ?? null,
            updatedAt: row?.updatedAt ?? null,
          }
        : null,
      comments:
        visible && row
          ? comments
              .filter((c) => c.minutesId === row.id)
              .map((c) => ({
                id: c.id,
                author: c.author,
                organization: localized(lang, c.orgEs, c.orgEn),
                revision: c.revision,
                html: renderMarkdown(c.text),
                createdAt: c.createdAt,
              }))
          : [],
      errata:
        visible && row
          ? errata
              .filter((e) => e.minutesId === row.id)
              .map((e) => ({
                id: e.id,
                author: e.author,
                html: renderMarkdown(e.text),
                createdAt: e.createdAt,
              }))
          : [],
      can: {
        write: can(viewer, 'minutes.write', ref),
        comment: can(viewer, 'minutes.comment', ref),
        addErratum: can(viewer, 'minutes.addErratum', ref),
        history: historyScope(viewer, ref, row) !== null,
      },
    }
  })
  const drafts = rows.filter((r) => r.status === 'draft' && r.text.trim() !== '')
  const circulated = rows.filter((r) => r.status === 'circulated')
  return {
    items,
    counts: {
      draft: rows.filter((r) => r.status === 'draft').length,
      circulated: circulated.length,
      adopted: rows.filter((r) => r.status === 'adopted').length,
    },
    commentDeadline: circulated[0]?.commentDeadline ?? null,
    can: {
      circulate: drafts.length > 0 && can(viewer, 'minutes.circulate', minutesRef(meeting.ref, drafts[0])),
      adopt: circulated.length > 0 && can(viewer, 'minutes.adopt', minutesRef(meeting.ref, circulated[0])),
    },
  }
}

const HISTORY_LIMIT = 50

export function historyScope(
  viewer: Viewer,
  ref: MinutesRef,
  row: MinutesRow | undefined,
): HistoryScope | null {
  if (!row) return null
  if (can(viewer, 'minutes.history', ref)) return 'all'
  if (can(viewer, 'minutes.circulatedHistory', ref)) return 'sinceCirculation'
  return null
}

/**
 * The history of one item's minutes, newest first (the database records every saved text: see
 * minutes_revisions), as far as the viewer's scope goes. Null when there are no minutes for the item or
 * the viewer may see no part of their history.
 */
export function minutesHistory(
  viewer: Viewer,
  meeting: VisibleMeeting,
  agendaItemId: string,
): MinutesHistoryView | null {
  const row = db
    .select()
    .from(minutes)
    .where(and(eq(minutes.meetingId, meeting.row.id), eq(minutes.agendaItemId, agendaItemId)))
    .get()
  const scope = historyScope(viewer, minutesRef(meeting.ref, row), row)
  if (!row || !scope) return null
  // the text as circulated is the last one saved before circulation
  const floor =
    scope === 'all' || !row.circulatedAt
      ? 0
      : (db
          .select({ revision: max(minutesRevisions.revision) })
          .from(minutesRevisions)
          .where(and(eq(minutesRevisions.minutesId, row.id), lte(minutesRevisions.savedAt, row.circulatedAt)))
          .get()?.revision ?? 0)
  const saved = db
    .select({
      revision: minutesRevisions.revision,
      text: minutesRevisions.text,
      savedAt: minutesRevisions.savedAt,
      author: people.name,
    })
    .from(minutesRevisions)
    .leftJoin(people, eq(people.id, minutesRevisions.savedById))
    .where(and(eq(minutesRevisions.minutesId, row.id), gte(minutesRevisions.revision, floor)))
    .orderBy(desc(minutesRevisions.revision))
    .limit(HISTORY_LIMIT + 1)
    .all()
  const revisions = saved.slice(0, HISTORY_LIMIT).map((r, i) => {
    const before = saved[i + 1]
    return {
      revision: r.revision,
      author: r.author,
      savedAt: r.savedAt,
      text: r.text,
      changes: before
        ? diffWords(before.text, r.text).map((c) => ({
            value: c.value,
            added: !!c.added,
            removed: !!c.removed,
          }))
        : null,
    }
  })
  return { scope, revisions, truncated: saved.length > HISTORY_LIMIT }
}

function itemOf(tx: Tx, meetingId: string, itemId: string) {
  const item = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .get()
  if (!item) throw notFound()
  return item
}

/** A 403 with its own message (locked, deadline passed...), recorded in the audit log. */
function refuse(viewer: Viewer, action: string, messageKey: string, details: Record<string, unknown>): never {
  throw refused(viewer, action, details, messageKey)
}

/** Saves the minutes of one item from the revision the writer started with (0 for none yet). */
export function saveMinutes(
  viewer: Viewer,
  meetingId: string,
  input: MinutesSaveInput,
): { revision: number } {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const item = itemOf(tx, meeting.id, input.agendaItemId)
    const row = tx.select().from(minutes).where(eq(minutes.agendaItemId, item.id)).get()
    const mref = minutesRef(ref, row)
    if (row?.status === 'adopted' && can(viewer, 'minutes.addErratum', mref)) {
      // the secretariat, on adopted minutes: locked, corrections go to an erratum
      refuse(viewer, 'minutes.write', 'meetings.minutes.error.locked', { meetingId, agendaItemId: item.id })
    }
    assertAllowed(viewer, 'minutes.write', mref)
    // an empty text is no revision of the minutes (it would only bury the last real one)
    if (input.text.trim() === '') throw invalid('meetingsRun.minutes.error.empty', 'text')
    const current = row?.revision ?? 0
    if (input.baseRevision !== current) {
      const state: MinutesConflictState = {
        agendaItemId: item.id,
        text: row?.text ?? '',
        revision: current,
        status: mref.minutesStatus,
        yours: input.text,
      }
      throw conflict('meetings.minutes.conflict', { current: state })
    }
    const now = new Date()
    let revision: number
    if (!row) {
      revision = 1
      tx.insert(minutes)
        .values({
          meetingId: meeting.id,
          agendaItemId: item.id,
          text: input.text,
          revision,
          updatedById: viewer.id,
        })
        .run()
    } else {
      revision = row.revision + 1
      tx.update(minutes)
        .set({ text: input.text, revision, updatedById: viewer.id, updatedAt: now })
        .where(and(eq(minutes.id, row.id), eq(minutes.revision, row.revision)))
        .run()
    }
    audit(
      {
        actor: viewer,
        action: 'minutes.write',
        targetType: 'agenda_item',
        targetId: item.id,
        details: { meetingId: meeting.id, revision },
      },
      tx,
    )
    return { revision }
  })
}

/** Sends every draft with text to the delegations for comment until the deadline. */
export function circulateMinutes(viewer: Viewer, meetingId: string, commentDeadline: Date, now = new Date()) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const drafts = tx
      .select()
      .from(minutes)
      .where(and(eq(minutes.meetingId, meeting.id), eq(minutes.status, 'draft')))
      .all()
      .filter((r) => r.text.trim() !== '')
    assertAllowed(viewer, 'minutes.circulate', minutesRef(ref, drafts[0] ?? null))
    if (!drafts.length) throw invalid('meetings.minutes.error.nothingToCirculate')
    if (commentDeadline.getTime() <= now.getTime()) {
      throw invalid('meetings.minutes.error.deadlinePast', 'commentDeadline')
    }
    tx.update(minutes)
      .set({ status: 'circulated', commentDeadline, circulatedAt: now, updatedAt: now })
      .where(
        inArray(
          minutes.id,
          drafts.map((d) => d.id),
        ),
      )
      .run()
    notify(tx, {
      kind: 'minutes_circulated',
      recordType: 'meeting',
      recordId: meeting.id,
      actorId: viewer.id,
      params: { path: 'minutes' },
    })
    audit(
      {
        actor: viewer,
        action: 'minutes.circulate',
        targetType: 'meeting',
        targetId: meeting.id,
        details: { items: drafts.length, commentDeadline: commentDeadline.toISOString() },
      },
      tx,
    )
    return { items: drafts.length }
  })
}

/** What the secretariat is told before adopting: whether the comment deadline has passed, and the
 * comments that no later revision answered (made on the text as it still stands). */
export function adoptionReview(meeting: VisibleMeeting, now = Date.now()) {
  const circulated = db
    .select()
    .from(minutes)
    .where(and(eq(minutes.meetingId, meeting.row.id), eq(minutes.status, 'circulated')))
    .all()
  const deadline = circulated.reduce<Date | null>(
    (d, r) => (r.commentDeadline && (!d || r.commentDeadline > d) ? r.commentDeadline : d),
    null,
  )
  const comments = circulated.length
    ? db
        .select({ minutesId: minutesComments.minutesId, revision: minutesComments.revision })
        .from(minutesComments)
        .where(
          inArray(
            minutesComments.minutesId,
            circulated.map((r) => r.id),
          ),
        )
        .all()
    : []
  const revisionOf = new Map(circulated.map((r) => [r.id, r.revision]))
  return {
    items: circulated.length,
    deadline,
    deadlinePending: !!deadline && deadline.getTime() > now,
    unanswered: comments.filter((c) => c.revision >= (revisionOf.get(c.minutesId) ?? 0)).length,
  }
}

/** Adopts every circulated item: from now on they are locked. */
export function adoptMinutes(viewer: Viewer, meetingId: string, now = new Date()) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const circulated = tx
      .select()
      .from(minutes)
      .where(and(eq(minutes.meetingId, meeting.id), eq(minutes.status, 'circulated')))
      .all()
    assertAllowed(viewer, 'minutes.adopt', minutesRef(ref, circulated[0] ?? null))
    if (!circulated.length) throw invalid('meetings.minutes.error.nothingToAdopt')
    tx.update(minutes)
      .set({ status: 'adopted', adoptedAt: now, updatedAt: now })
      .where(
        inArray(
          minutes.id,
          circulated.map((d) => d.id),
        ),
      )
      .run()
    notify(tx, {
      kind: 'minutes_adopted',
      recordType: 'meeting',
      recordId: meeting.id,
      actorId: viewer.id,
      params: { path: 'minutes' },
    })
    audit(
      {
        actor: viewer,
        action: 'minutes.adopt',
        targetType: 'meeting',
        targetId: meeting.id,
        details: { items: circulated.length },
      },
      tx,
    )
    return { items: circulated.length }
  })
}

/** A delegation's comment on circulated minutes, before the deadline. */
export function commentOnMinutes(
  viewer: Viewer,
  meetingId: string,
  input: { agendaItemId: string; text: string },
  now = Date.now(),
) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const item = itemOf(tx, meeting.id, input.agendaItemId)
    const row = tx.select().from(minutes).where(eq(minutes.agendaItemId, item.id)).get()
    const mref = minutesRef(ref, row)
    if (!row || !can(viewer, 'minutes.view', mref)) throw notFound()
    const details = { meetingId: meeting.id, agendaItemId: item.id }
    if (row.status === 'circulated' && row.commentDeadline && row.commentDeadline.getTime() <= now) {
      refuse(viewer, 'minutes.comment', 'meetings.minutes.error.deadlinePassed', details)
    }
    if (row.status !== 'circulated')
      refuse(viewer, 'minutes.comment', 'meetings.minutes.error.notCirculated', details)
    assertAllowed(viewer, 'minutes.comment', mref)
    const created = tx
      .insert(minutesComments)
      .values({
        minutesId: row.id,
        personId: viewer.id,
        organizationId: viewer.organizationId,
        revision: row.revision,
        text: input.text,
      })
      .returning({ id: minutesComments.id })
      .get()
    audit({ actor: viewer, action: 'minutes.comment', targetType: 'minutes', targetId: row.id, details }, tx)
    return created
  })
}

/** A recorded correction to adopted minutes (the adopted text itself never changes). */
export function addErratum(viewer: Viewer, meetingId: string, input: { agendaItemId: string; text: string }) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    const item = itemOf(tx, meeting.id, input.agendaItemId)
    const row = tx.select().from(minutes).where(eq(minutes.agendaItemId, item.id)).get()
    assertAllowed(viewer, 'minutes.addErratum', minutesRef(ref, row))
    const created = tx
      .insert(minutesErrata)
      .values({ minutesId: row!.id, text: input.text, personId: viewer.id })
      .returning({ id: minutesErrata.id })
      .get()
    audit(
      {
        actor: viewer,
        action: 'minutes.addErratum',
        targetType: 'minutes',
        targetId: row!.id,
        details: { meetingId: meeting.id, agendaItemId: item.id },
      },
      tx,
    )
    return created
  })
}
