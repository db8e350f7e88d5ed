/**
 * The origins of action items as the viewer may see them, for many actions in one query: the meeting
 * (title, date), agenda item, decision (code and text), working group and plan section when the
 * viewer may see that origin (`visibleActionOriginWhere`), else only `{ restricted: true, type }` (the
 * kind of origin, never which one). The plan section is named by its plan's title and its computed
 * number and title. The joins
 * themselves carry the rule, so a hidden origin's names never leave the database. Every page, export
 * and API answer that names an action's origin takes it from here.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { actionItems, agendaItems, decisions, groups, meetings, planSections, plans } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionOriginWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { sectionsOf } from '~/modules/plans/loading.server'
import { numberSections } from '~/modules/plans/text'
import { localized } from './loading.server'
import type { OriginType } from './constants'
import type { OriginView } from './views'
import { select } from '~/modules/core/read-select.server'

/** The origin of an action that was not found (never shown: every listed action has a row). */
export const RESTRICTED_ORIGIN: OriginView = Object.freeze({
  restricted: true as const,
  type: 'none' as const,
})

const restricted = (type: OriginType): OriginView => ({ restricted: true, type })

/** The computed number of each section of the plans given (null for retired ones). */
function sectionNumbers(tx: Tx | typeof db, planIds: string[]): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const planId of new Set(planIds))
    for (const { section, number } of numberSections(sectionsOf(tx, planId))) out.set(section.id, number)
  return out
}

function originsQuery(viewer: Viewer, actionIds: string[], tx: Tx | typeof db) {
  const visible = visibleActionOriginWhere(viewer)
  const fields = {
    id: actionItems.id,
    visible: sql<number>`${visible}`,
    type: actionItems.originType,
    sectionId: planSections.id,
    sectionEs: planSections.titleEs,
    sectionEn: planSections.titleEn,
    planId: plans.id,
    planEs: plans.titleEs,
    planEn: plans.titleEn,
    decisionId: decisions.id,
    decisionCode: decisions.code,
    decisionEs: decisions.textEs,
    decisionEn: decisions.textEn,
    decisionProcedureId: decisions.procedureId,
    itemId: agendaItems.id,
    itemEs: agendaItems.titleEs,
    itemEn: agendaItems.titleEn,
    meetingId: meetings.id,
    meetingEs: meetings.titleEs,
    meetingEn: meetings.titleEn,
    startsAt: meetings.startsAt,
    timeZone: meetings.timeZone,
    openness: meetings.openness,
    groupSlug: groups.slug,
    groupEs: groups.nameEs,
    groupEn: groups.nameEn,
  }
  const query = tx
    .select(fields)
    .from(actionItems)
    .leftJoin(decisions, and(eq(decisions.id, actionItems.decisionId), visible))
    .leftJoin(agendaItems, and(eq(agendaItems.id, actionItems.agendaItemId), visible))
    .leftJoin(meetings, and(eq(meetings.id, actionItems.meetingId), visible))
    .leftJoin(groups, and(eq(groups.id, actionItems.groupId), visible))
    .leftJoin(planSections, and(eq(planSections.id, actionItems.planSectionId), visible))
    .leftJoin(plans, eq(plans.id, planSections.planId))
    .where(inArray(actionItems.id, actionIds))
  return { query, fields }
}

type OriginRow = ReturnType<ReturnType<typeof originsQuery>['query']['all']>[number]

const planIdsOf = (rows: OriginRow[]) => rows.flatMap((r) => (r.planId ? [r.planId] : []))

function originViews(
  rows: OriginRow[],
  lang: Lang,
  numbers: Map<string, string | null>,
): Map<string, OriginView> {
  const out = new Map<string, OriginView>()
  for (const r of rows) {
    if (!r.visible) {
      out.set(r.id, restricted(r.type))
      continue
    }
    out.set(r.id, {
      restricted: false,
      type: r.type,
      decision:
        r.decisionId && r.decisionCode
          ? {
              id: r.decisionId,
              code: r.decisionCode,
              text: localized(lang, r.decisionEs, r.decisionEn),
              procedureId: r.decisionProcedureId,
            }
          : null,
      agendaItem: r.itemId ? { id: r.itemId, title: localized(lang, r.itemEs, r.itemEn) } : null,
      meeting:
        r.meetingId && r.startsAt && r.timeZone && r.openness
          ? {
              id: r.meetingId,
              title: localized(lang, r.meetingEs, r.meetingEn),
              startsAt: r.startsAt,
              timeZone: r.timeZone,
              openness: r.openness,
            }
          : null,
      group: r.groupSlug ? { slug: r.groupSlug, name: localized(lang, r.groupEs, r.groupEn) } : null,
      planSection:
        r.sectionId && r.planId
          ? {
              id: r.sectionId,
              planId: r.planId,
              planTitle: localized(lang, r.planEs, r.planEn),
              number: numbers.get(r.sectionId) ?? null,
              title: localized(lang, r.sectionEs, r.sectionEn),
            }
          : null,
    })
  }
  return out
}

/** The origin of each action (by id); an id that is missing is missing from the map. */
export function originsOf(
  viewer: Viewer,
  actionIds: string[],
  lang: Lang,
  tx: Tx | typeof db = db,
): Map<string, OriginView> {
  if (!actionIds.length) return new Map()
  const rows = originsQuery(viewer, actionIds, tx).query.all()
  return originViews(rows, lang, sectionNumbers(tx, planIdsOf(rows)))
}

/** The same, read in the pool with other selections (core/read-select.server.ts); the plans' section
 * numbers are counted on the main thread, for the few plans the rows name. */
export function originsSelection(viewer: Viewer, actionIds: string[]) {
  const { query, fields } = originsQuery(viewer, actionIds, db)
  const selection = select(query, fields)
  return {
    ...selection,
    views: (rows: OriginRow[], lang: Lang) => originViews(rows, lang, sectionNumbers(db, planIdsOf(rows))),
  }
}

/** The origin of one action as the viewer may see it. */
export function originOf(viewer: Viewer, actionId: string, lang: Lang, tx: Tx | typeof db = db): OriginView {
  return originsOf(viewer, [actionId], lang, tx).get(actionId) ?? RESTRICTED_ORIGIN
}
