/**
 * The visibility rule of can('meeting.view') in SQL, so that lists, the decisions register, calendars
 * and the API filter in the database: a members-only meeting never reaches an observer's page.
 * tests/meetings-permissions.test.ts proves that both forms agree for every role and openness.
 */
import { eq, sql, type SQL } from 'drizzle-orm'
import { meetings } from '@db/schema'
import { isMemberSide } from './can'
import type { Viewer } from './viewer'

/** Meetings the viewer may see. Signed-out people see none (pages and API need a login). */
export function visibleMeetingsWhere(viewer: Viewer | null): SQL {
  if (!viewer) return sql`0 = 1`
  if (isMemberSide(viewer)) return sql`1 = 1`
  return eq(meetings.openness, 'open')
}

/** What the public calendar (/calendar.ics, no login) may list: meetings open to all participants. */
export function publicMeetingsWhere(): SQL {
  return eq(meetings.openness, 'open')
}
