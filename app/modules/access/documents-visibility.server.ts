/**
 * The visibility rule of can('document.view') in SQL, so that lists, search and the API filter in the
 * database and a forgotten check cannot leak a row. tests/documents-visibility.test.ts proves that
 * both forms agree on every role x visibility x embargo combination.
 */
import { and, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { documents } from '@db/schema'
import { isMemberSide } from './can'
import type { Viewer } from './viewer'

// `+column` keeps SQLite from choosing the visibility index: for everyone but the secretariat most rows
// are visible, and walking the date index of the page's sort order is far cheaper (see tests/bench).
const level = (v: (typeof documents.visibility.enumValues)[number]) => sql`+${documents.visibility} = ${v}`

export function visibleDocumentsWhere(
  viewer: Viewer | null,
  now: Date | number = Date.now(),
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): SQL {
  if (viewer?.role === 'secretariat') return includeDeleted ? sql`1 = 1` : isNull(documents.deletedAt)
  const at = new Date(now)
  const levels: SQL[] = [level('public')]
  if (viewer) {
    levels.push(level('participants'))
    if (isMemberSide(viewer)) levels.push(level('members'))
    if (viewer.groupIds.length) {
      levels.push(and(level('group'), inArray(documents.groupId, viewer.groupIds))!)
    }
  }
  const released = or(isNull(documents.embargoUntil), lte(documents.embargoUntil, at))!
  return and(
    isNull(documents.deletedAt),
    or(...levels),
    viewer ? or(released, eq(documents.ownerOrganizationId, viewer.organizationId)) : released,
  )!
}
