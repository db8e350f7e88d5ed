/**
 * The origins of action items as the viewer may see them, for many actions in one query: the meeting
 * (title, date), agenda item, decision (code and text), working group and plan section when the
 * viewer may see that origin (`visibleActionOriginWhere`), else only `{ restricted: true }`. The joins
 * themselves carry the rule, so a hidden origin's names never leave the database. Every page, export
 * and API answer that names an action's origin takes it from here.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { db, type Tx } from '@db/client'
import { actionItems, agendaItems, decisions, groups, meetings } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { visibleActionOriginWhere } from '~/modules/access/origins-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { localized } from './loading.server'
import type { OriginView } from './views'

export const RESTRICTED_ORIGIN: OriginView = Object.freeze({ restricted: true as const })

/** The origin of each action (by id); an id that is missing is missing from the map. */
export function originsOf(
  viewer: Viewer,
  actionIds: string[],
  lang: Lang,
  tx: Tx | typeof db = db,
): Map<string, OriginView> {
  const out = new Map<string, OriginView>()
  if (!actionIds.length) return out
  const visible = visibleActionOriginWhere(viewer)
  const rows = tx
    .select({
      id: actionItems.id,
      visible: sql<number>`${visible}`,
      type: actionItems.originType,
      planSection: sql<string | null>`case when ${visible} then ${actionItems.planSectionId} end`,
      decisionId: decisions.id,
      decisionCode: decisions.code,
      decisionEs: decisions.textEs,
      decisionEn: decisions.textEn,
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
    })
    .from(actionItems)
    .leftJoin(decisions, and(eq(decisions.id, actionItems.decisionId), visible))
    .leftJoin(agendaItems, and(eq(agendaItems.id, actionItems.agendaItemId), visible))
    .leftJoin(meetings, and(eq(meetings.id, actionItems.meetingId), visible))
    .leftJoin(groups, and(eq(groups.id, actionItems.groupId), visible))
    .where(inArray(actionItems.id, actionIds))
    .all()
  for (const r of rows) {
    if (!r.visible) {
      out.set(r.id, RESTRICTED_ORIGIN)
      continue
    }
    out.set(r.id, {
      restricted: false,
      type: r.type,
      decision:
        r.decisionId && r.decisionCode
          ? { id: r.decisionId, code: r.decisionCode, text: localized(lang, r.decisionEs, r.decisionEn) }
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
      planSection: r.planSection,
    })
  }
  return out
}

/** The origin of one action as the viewer may see it. */
export function originOf(viewer: Viewer, actionId: string, lang: Lang, tx: Tx | typeof db = db): OriginView {
  return originsOf(viewer, [actionId], lang, tx).get(actionId) ?? RESTRICTED_ORIGIN
}
