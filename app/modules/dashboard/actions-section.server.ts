/**
 * The dashboard's card of action items. Whoever follows up every action (can(): `action.followUpAll`)
 * sees the overall counts: overdue, due within a week, reports awaiting validation. Everyone else sees
 * the open actions their organization owns that are overdue or due within 30 days, and how many of
 * them are overdue. Visibility in SQL, as everywhere.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, actionUpdates } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { involvesViewerWhere, visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { localized } from '~/modules/actions/loading.server'
import {
  actionsToday,
  addDays,
  dueWithinWhere,
  openWhere,
  overdueWhere,
} from '~/modules/actions/overdue.server'

/** The card's data for the signed-in viewer. */
export function actionsSection({ viewer, lang, now }: { viewer: Viewer; lang: Lang; now: Date }) {
  if (can(viewer, 'action.followUpAll')) {
    const count = (where: SQL) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(actionItems)
        .where(where)
        .get()?.n ?? 0
    return {
      kind: 'overview' as const,
      overdue: count(overdueWhere(now)),
      // at most one report awaits validation per action (unique partial index): count the reports
      awaitingValidation:
        db
          .select({ n: sql<number>`count(*)` })
          .from(actionUpdates)
          .where(eq(actionUpdates.validation, 'pending'))
          .get()?.n ?? 0,
      dueSoon: count(dueWithinWhere(7, now)),
    }
  }
  const today = actionsToday(now)
  // the eight first ids from the index alone, then their rows: sorting the whole rows of a state's
  // thousands of open actions to keep eight took 20 ms on the benchmark's data
  const first = db
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(
      and(
        visibleActionsWhere(viewer),
        openWhere(),
        sql`${actionItems.dueDate} <= ${addDays(today, 30)}`,
        involvesViewerWhere(viewer, { supporting: false }),
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .limit(8)
  const rows = db
    .select({
      id: actionItems.id,
      titleEs: actionItems.titleEs,
      titleEn: actionItems.titleEn,
      dueDate: actionItems.dueDate,
      status: actionItems.status,
      progress: actionItems.progress,
    })
    .from(actionItems)
    .where(inArray(actionItems.id, first))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all()
  const mine = rows.map((r) => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    dueDate: r.dueDate,
    status: r.status,
    progress: r.progress,
    overdue: r.dueDate < today,
  }))
  const overdueCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(actionItems)
      .where(
        and(
          visibleActionsWhere(viewer),
          overdueWhere(now),
          involvesViewerWhere(viewer, { supporting: false }),
        ),
      )
      .get()?.n ?? 0
  return { kind: 'owner' as const, items: mine, overdue: overdueCount }
}
