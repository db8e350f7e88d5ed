/**
 * The decisions register: decisions numbered per meeting with a stable code built from the meeting's
 * number and kind (XXVIII-VM/D.3), linked to an agenda item; listed per meeting and across meetings at
 * /meetings/decisions (visibility of the meeting applied in SQL). Action items refer to decisions by id.
 */
import { and, asc, desc, eq, max, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { db } from '@db/client'
import { agendaItems, decisions, meetings, writtenProcedures } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import { visibleProceduresWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { listAgenda } from './agenda.server'
import { assertAllowed, conflict, invalid } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { localized, visibleMeetingOrThrow } from './meetings.server'
import type { DecisionInput, DecisionRegisterQuery, MeetingKind } from './schemas'
import { decisionCode } from './codes'
import { corrigendaOf, nearDuplicateOf, type CorrigendumView } from './decision-changes.server'
import type { DecisionStatus } from './constants'

export interface DecisionView {
  id: string
  number: number
  code: string
  text: string
  textEs: string | null
  textEn: string | null
  agendaItem: { id: string; number: string; title: string } | null
  createdAt: Date
  status: DecisionStatus
  withdrawal: { reason: string; at: Date } | null
  /** grows with each corrigendum: a corrigendum form carries the one its author saw */
  revision: number
  corrigenda: CorrigendumView[]
}

/** The decisions of one meeting, in order, with the agenda item each belongs to. */
export function listMeetingDecisions(meetingId: string, lang: Lang): DecisionView[] {
  const agenda = new Map(listAgenda(meetingId, lang).map((a) => [a.id, a]))
  const rows = db
    .select()
    .from(decisions)
    .where(eq(decisions.meetingId, meetingId))
    .orderBy(asc(decisions.number))
    .all()
  const corrigenda = corrigendaOf(
    rows.map((d) => d.id),
    lang,
  )
  return rows.map((d) => {
    const item = d.agendaItemId ? agenda.get(d.agendaItemId) : undefined
    return {
      id: d.id,
      number: d.number,
      code: d.code,
      text: localized(lang, d.textEs, d.textEn),
      textEs: d.textEs,
      textEn: d.textEn,
      agendaItem: item ? { id: item.id, number: item.number, title: item.title } : null,
      createdAt: d.createdAt,
      status: d.status,
      withdrawal:
        d.status === 'withdrawn' && d.withdrawnAt
          ? { reason: d.withdrawalReason ?? '', at: d.withdrawnAt }
          : null,
      revision: d.revision,
      corrigenda: corrigenda.get(d.id) ?? [],
    }
  })
}

/** Records the meeting's next decision (secretariat). */
export function recordDecision(viewer: Viewer, meetingId: string, input: DecisionInput) {
  return writeTx((tx) => {
    const { row: meeting, ref } = visibleMeetingOrThrow(viewer, meetingId, tx)
    assertAllowed(viewer, 'decision.record', ref)
    if (input.agendaItemId) {
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meeting.id)))
        .get()
      if (!item) throw invalid('meetings.error.unknownItem', 'agendaItemId')
    }
    // nearly the same as one already recorded: asked to confirm (the text kept), never recorded twice
    // by a double submission or a retyped paste
    if (!input.confirmDuplicate) {
      const same = nearDuplicateOf(tx, meeting.id, input)
      if (same) {
        throw conflict('decisionsOwners.error.nearDuplicate', {
          field: 'textEs',
          params: { code: same },
          current: { duplicateOf: same },
        })
      }
    }
    const number =
      (tx
        .select({ n: max(decisions.number) })
        .from(decisions)
        .where(eq(decisions.meetingId, meeting.id))
        .get()?.n ?? 0) + 1
    const code = decisionCode(meeting, number)
    if (tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.code, code)).get()) {
      // two unnumbered meetings of one kind on the same day
      throw conflict('meetings.error.codeTaken')
    }
    const created = tx
      .insert(decisions)
      .values({
        meetingId: meeting.id,
        agendaItemId: input.agendaItemId ?? null,
        number,
        code,
        textEs: input.textEs || null,
        textEn: input.textEn || null,
        createdById: viewer.id,
      })
      .returning({ id: decisions.id, code: decisions.code, number: decisions.number })
      .get()
    audit(
      {
        actor: viewer,
        action: 'decision.record',
        targetType: 'decision',
        targetId: created.id,
        details: { meetingId: meeting.id, code },
      },
      tx,
    )
    return created
  })
}

export const REGISTER_PAGE_SIZE = 50

export interface RegisterEntry {
  id: string
  code: string
  number: number
  text: string
  textEs: string | null
  textEn: string | null
  /** the meeting that adopted it, or null for a decision adopted by written procedure */
  meeting: {
    id: string
    kind: MeetingKind
    number: string | null
    title: string
    startsAt: Date
    timeZone: string
  } | null
  /** the written procedure that adopted it (between meetings), with the day it closed */
  procedure: { id: string; number: number; subject: string; adoptedAt: Date } | null
  agendaItemId: string | null
  status: DecisionStatus
  withdrawalReason: string | null
  corrigenda: number
}

/** Decisions across the meetings the viewer may see, and those adopted by the written procedures the
 * viewer may see (between meetings), newest first (a meeting's date, a procedure's closing), with the
 * filters (the kind and meeting filters are a meeting's: they leave procedures' decisions out). */
export function listDecisionRegister(
  viewer: Viewer,
  query: DecisionRegisterQuery,
  { lang = 'es' as Lang, limit = REGISTER_PAGE_SIZE, offset = 0 } = {},
): { items: RegisterEntry[]; hasMore: boolean } {
  const visible = or(
    and(sql`${decisions.meetingId} is not null`, visibleMeetingsWhere(viewer)),
    and(sql`${decisions.procedureId} is not null`, visibleProceduresWhere(viewer)),
  )!
  const where: SQL[] = [visible]
  const at = sql`coalesce(${meetings.startsAt}, ${writtenProcedures.closedAt})`
  if (query.kind) where.push(eq(meetings.kind, query.kind))
  if (query.meeting) where.push(eq(meetings.id, query.meeting))
  if (query.status === 'corrected') where.push(sql`${decisions.revision} > 1`)
  else if (query.status) where.push(eq(decisions.status, query.status))
  if (query.year) {
    where.push(sql`${at} >= ${Date.UTC(query.year, 0, 1)}`, sql`${at} < ${Date.UTC(query.year + 1, 0, 1)}`)
  }
  if (query.q) {
    // LIKE with the wildcards of the query escaped
    const p = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const matches = (column: AnyColumn) => sql`${column} like ${p} escape '\\'`
    where.push(or(matches(decisions.textEs), matches(decisions.textEn), matches(decisions.code))!)
  }
  const rows = db
    .select({
      id: decisions.id,
      code: decisions.code,
      number: decisions.number,
      textEs: decisions.textEs,
      textEn: decisions.textEn,
      agendaItemId: decisions.agendaItemId,
      status: decisions.status,
      withdrawalReason: decisions.withdrawalReason,
      revision: decisions.revision,
      meetingId: meetings.id,
      kind: meetings.kind,
      meetingNumber: meetings.number,
      titleEs: meetings.titleEs,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      procedureId: writtenProcedures.id,
      procedureNumber: writtenProcedures.number,
      subjectEs: writtenProcedures.subjectEs,
      subjectEn: writtenProcedures.subjectEn,
      closedAt: writtenProcedures.closedAt,
    })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(writtenProcedures, eq(writtenProcedures.id, decisions.procedureId))
    .where(and(...where))
    .orderBy(desc(at), asc(decisions.number))
    .limit(limit + 1)
    .offset(offset)
    .all()
  return {
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      code: r.code,
      number: r.number,
      text: localized(lang, r.textEs, r.textEn),
      textEs: r.textEs,
      textEn: r.textEn,
      agendaItemId: r.agendaItemId,
      status: r.status,
      withdrawalReason: r.withdrawalReason,
      corrigenda: r.revision - 1,
      meeting:
        r.meetingId && r.kind && r.titleEs !== undefined && r.startsAt && r.timeZone
          ? {
              id: r.meetingId,
              kind: r.kind,
              number: r.meetingNumber,
              title: localized(lang, r.titleEs, r.titleEn),
              startsAt: r.startsAt,
              timeZone: r.timeZone,
            }
          : null,
      procedure:
        r.procedureId && r.procedureNumber && r.closedAt
          ? {
              id: r.procedureId,
              number: r.procedureNumber,
              subject: localized(lang, r.subjectEs, r.subjectEn),
              adoptedAt: r.closedAt,
            }
          : null,
    })),
    hasMore: rows.length > limit,
  }
}

/** The meetings with decisions the viewer may see, newest first: the register's meeting filter. */
export function listRegisterMeetings(viewer: Viewer, lang: Lang, limit = 300) {
  return db
    .selectDistinct({
      id: meetings.id,
      titleEs: meetings.titleEs,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
    })
    .from(meetings)
    .innerJoin(decisions, eq(decisions.meetingId, meetings.id))
    .where(visibleMeetingsWhere(viewer))
    .orderBy(desc(meetings.startsAt))
    .limit(limit)
    .all()
    .map((m) => ({
      value: m.id,
      label: `${m.startsAt.toISOString().slice(0, 10)} · ${localized(lang, m.titleEs, m.titleEn)}`,
    }))
}
