/**
 * What the dashboard shows of meetings: the upcoming meetings that concern the viewer and, for a focal
 * point, the meetings still waiting for their organization's delegation. Visibility applied in SQL.
 */
import { and, asc, eq, gte, inArray, ne, notExists, or, sql } from 'drizzle-orm'
import { db } from '@db/client'
import { delegationMembers, meetingInvitations, meetings, organizations } from '@db/schema'
import type { Lang } from '~/i18n/core'
import { can } from '~/modules/access/can'
import { visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { listColumns, listedMeetingRows, toListed, type ListedMeeting } from './meetings.server'

/** Upcoming meetings that concern the viewer: their organization is invited or their group organizes
 * it; every one for those who follow all meetings. Soonest first. */
export function upcomingMeetingsFor(
  viewer: Viewer,
  lang: Lang,
  now = new Date(),
  limit = 5,
): ListedMeeting[] {
  const concerns = can(viewer, 'meeting.followAll')
    ? undefined
    : or(
        sql`exists (select 1 from ${meetingInvitations} where ${meetingInvitations.meetingId} = ${meetings.id}
            and ${meetingInvitations.organizationId} = ${viewer.organizationId})`,
        viewer.groupIds.length ? inArray(meetings.groupId, viewer.groupIds) : undefined,
      )
  return listedMeetingRows(viewer, gte(meetings.endsAt, now), ne(meetings.status, 'cancelled'), concerns)
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all()
    .map((r) => toListed(r, lang))
}

/** For those who register their own organization's delegations: meetings their organization is invited
 * to, registration still open, and no delegation registered yet. Null for everyone else. */
export function registrationsDueFor(viewer: Viewer, lang: Lang, now = new Date()) {
  if (!can(viewer, 'delegation.registerOwn')) return null
  return db
    .select({ ...listColumns, registrationDeadline: meetings.registrationDeadline })
    .from(meetings)
    .innerJoin(
      meetingInvitations,
      and(
        eq(meetingInvitations.meetingId, meetings.id),
        eq(meetingInvitations.organizationId, viewer.organizationId),
      ),
    )
    .leftJoin(organizations, eq(organizations.id, meetings.hostOrganizationId))
    .where(
      and(
        visibleMeetingsWhere(viewer),
        inArray(meetings.status, ['planned', 'confirmed']),
        gte(meetings.startsAt, now),
        or(sql`${meetings.registrationDeadline} is null`, gte(meetings.registrationDeadline, now)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(delegationMembers)
            .where(
              and(
                eq(delegationMembers.meetingId, meetings.id),
                eq(delegationMembers.organizationId, viewer.organizationId),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((r) => ({ ...toListed(r, lang), registrationDeadline: r.registrationDeadline }))
}
