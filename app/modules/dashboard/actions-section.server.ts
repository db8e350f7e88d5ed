/**
 * The dashboard's card of action items. Whoever follows up every action (can(): `action.followUpAll`)
 * sees the overall counts: overdue, due within a week, reports awaiting validation. Everyone else sees
 * the open actions their organization owns that are overdue or due within 30 days, and how many of
 * them are overdue. Visibility in SQL, as everywhere.
 */
import { sql, type SQL } from 'drizzle-orm'
import { actionItems, actionUpdates } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { involvesViewerWhere, visibleActionsWhere } from '~/modules/access/actions-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import type { ActionStatus } from '~/modules/actions/constants'
import { cachedReads } from '~/modules/core/read-cache.server'
import { toStatement } from '~/modules/core/read-pool.server'
import { localized } from '~/modules/actions/loading.server'
import {
  actionsToday,
  addDays,
  dueWithinWhere,
  openWhere,
  overdueWhere,
} from '~/modules/actions/overdue.server'

/** The card's data for the signed-in viewer. Its counts are kept per version of the actions' data and
 * per visibility bucket (core/read-cache.server), never recounted from every action per view; when the
 * data changed they are read again off the main thread. */
export async function actionsSection({ viewer, lang, now }: { viewer: Viewer; lang: Lang; now: Date }) {
  if (can(viewer, 'action.followUpAll')) {
    const count = (where: SQL) =>
      toStatement(sql`select count(*) as n from ${actionItems} where ${where}`, 'get')
    const [overdue, awaiting, dueSoon] = (await cachedReads('actions', [
      count(overdueWhere(now)),
      // at most one report awaits validation per action (unique partial index): count the reports
      toStatement(
        sql`select count(*) as n from ${actionUpdates} where ${actionUpdates.validation} = 'pending'`,
        'get',
      ),
      count(dueWithinWhere(7, now)),
    ])) as ({ n: number } | undefined)[]
    return {
      kind: 'overview' as const,
      overdue: overdue?.n ?? 0,
      awaitingValidation: awaiting?.n ?? 0,
      dueSoon: dueSoon?.n ?? 0,
    }
  }
  const today = actionsToday(now)
  // the eight first ids from the index alone, then their rows: sorting the whole rows of a state's
  // thousands of open actions to keep eight took 20 ms on the benchmark's data
  const first = sql`select ${actionItems.id} from ${actionItems}
    where ${visibleActionsWhere(viewer)} and ${openWhere()}
      and ${actionItems.dueDate} <= ${addDays(today, 30)}
      and ${involvesViewerWhere(viewer, { supporting: false })}
    order by ${actionItems.dueDate}, ${actionItems.id} limit 8`
  const [rows, overdue] = (await cachedReads('actions', [
    toStatement(
      sql`select ${actionItems.id} as id, ${actionItems.titleEs} as titleEs, ${actionItems.titleEn} as titleEn,
        ${actionItems.dueDate} as dueDate, ${actionItems.status} as status, ${actionItems.progress} as progress
        from ${actionItems} where ${actionItems.id} in (${first})
        order by ${actionItems.dueDate}, ${actionItems.id}`,
      'all',
    ),
    toStatement(
      sql`select count(*) as n from ${actionItems} where ${visibleActionsWhere(viewer)} and ${overdueWhere(now)}
        and ${involvesViewerWhere(viewer, { supporting: false })}`,
      'get',
    ),
  ])) as [
    {
      id: string
      titleEs: string | null
      titleEn: string | null
      dueDate: string
      status: ActionStatus
      progress: number
    }[],
    { n: number } | undefined,
  ]
  const mine = rows.map((r) => ({
    id: r.id,
    title: localized(lang, r.titleEs, r.titleEn),
    dueDate: r.dueDate,
    status: r.status,
    progress: r.progress,
    overdue: r.dueDate < today,
  }))
  return { kind: 'owner' as const, items: mine, overdue: overdue?.n ?? 0 }
}
