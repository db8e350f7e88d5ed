/**
 * Calendars: the public one (/calendar.ics: meetings open to all participants, no people, no online
 * links), one meeting (/meetings/:id.ics, as the viewer may see it) and the personal feed
 * (/calendar/feed/<token>.ics) with a separate, revocable token that is stored hashed and shows what its
 * owner may see, checked again on every request.
 */
import { and, asc, eq, isNull } from 'drizzle-orm'
import { db } from '@db/client'
import { publicOrigin } from '~/env.server'
import { calendarFeedTokens, meetings } from '@db/schema'
import { type Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { zoneLabel } from '~/i18n/zones'
import { publicMeetingsWhere, visibleMeetingsWhere } from '~/modules/access/meetings-visibility.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { generateToken, hashToken } from '~/modules/auth/tokens.server'
import { loadViewer } from '~/modules/auth/viewer.server'
import { buildCalendar, type CalendarEvent } from './ical.server'
import { assertAllowed } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import { findVisibleMeeting, localized, type MeetingRow } from './meetings.server'

const STATUS: Record<MeetingRow['status'], CalendarEvent['status']> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  cancelled: 'CANCELLED',
}

/** One meeting as a VEVENT. The online link only goes to signed-in viewers of the meeting. */
export function meetingEvent(
  row: MeetingRow,
  { origin, lang, withLink }: { origin: string; lang: Lang; withLink: boolean },
): CalendarEvent {
  const tr = translator(lang)
  const { t } = tr
  const url = `${origin}/meetings/${row.id}`
  const title = localized(lang, row.titleEs, row.titleEn)
  const theme = localized(lang, row.themeEs, row.themeEn)
  const lines = [
    theme,
    t('meetings.ics.timeZone', { zone: zoneLabel(tr, row.timeZone, row.startsAt) }),
    withLink && row.onlineUrl ? t('meetings.ics.online', { url: row.onlineUrl }) : '',
    url,
  ].filter(Boolean)
  return {
    uid: `${row.id}@${new URL(origin).hostname}`,
    title,
    start: row.startsAt,
    end: row.endsAt,
    description: lines.join('\n'),
    location: row.place ?? (row.onlineUrl ? t('meetings.online') : undefined),
    url,
    status: STATUS[row.status],
    categories: [t(`meetings.kind.${row.kind}`)],
  }
}

/** /calendar.ics: every meeting open to all participants, for anyone. */
export function publicCalendar(origin: string, lang: Lang): string {
  const rows = db.select().from(meetings).where(publicMeetingsWhere()).orderBy(asc(meetings.startsAt)).all()
  return buildCalendar(
    rows.map((r) => meetingEvent(r, { origin, lang, withLink: false })),
    { name: translator(lang).t('meetings.ics.publicName') },
  )
}

/** Every meeting the person may see. */
export function personalCalendar(viewer: Viewer, origin: string, lang: Lang): string {
  const rows = db
    .select()
    .from(meetings)
    .where(visibleMeetingsWhere(viewer))
    .orderBy(asc(meetings.startsAt))
    .all()
  return buildCalendar(
    rows.map((r) => meetingEvent(r, { origin, lang, withLink: true })),
    { name: translator(lang).t('meetings.ics.personalName', { name: viewer.name }) },
  )
}

/** One meeting: as the signed-in viewer may see it, or, for the public, only when it is open to all.
 * Null when hidden or missing. */
export function meetingCalendar(
  viewer: Viewer | null,
  id: string,
  origin: string,
  lang: Lang,
): string | null {
  let row: MeetingRow | undefined
  if (viewer) row = findVisibleMeeting(viewer, id)?.row
  else if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    row = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, id), publicMeetingsWhere()))
      .get()
  }
  if (!row) return null
  return buildCalendar([meetingEvent(row, { origin, lang, withLink: viewer !== null })], {
    name: localized(lang, row.titleEs, row.titleEn),
  })
}

// ---------------------------------------------------------------------------------------------------
// Personal feed tokens

const FEED_PREFIX = 'cal_'

/** A new feed link (the token is shown once); the previous one stops working. */
export function createFeedToken(viewer: Viewer): { token: string } {
  return writeTx((tx) => {
    assertAllowed(viewer, 'calendarFeed.manage')
    const now = new Date()
    tx.update(calendarFeedTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeedTokens.personId, viewer.id), isNull(calendarFeedTokens.revokedAt)))
      .run()
    const token = FEED_PREFIX + generateToken()
    const row = tx
      .insert(calendarFeedTokens)
      .values({ personId: viewer.id, tokenHash: hashToken(token) })
      .returning({ id: calendarFeedTokens.id })
      .get()
    audit({ actor: viewer, action: 'calendarFeed.create', targetType: 'calendar_feed', targetId: row.id }, tx)
    return { token }
  })
}

export function revokeFeedTokens(viewer: Viewer): number {
  return writeTx((tx) => {
    assertAllowed(viewer, 'calendarFeed.manage')
    const r = tx
      .update(calendarFeedTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeedTokens.personId, viewer.id), isNull(calendarFeedTokens.revokedAt)))
      .run()
    audit({ actor: viewer, action: 'calendarFeed.revoke', details: { revoked: r.changes } }, tx)
    return r.changes
  })
}

/** The person's live feed, if any (never the token itself: only its hash is stored). */
export function feedStatus(viewer: Viewer) {
  const row = db
    .select({ createdAt: calendarFeedTokens.createdAt, lastUsedAt: calendarFeedTokens.lastUsedAt })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.personId, viewer.id), isNull(calendarFeedTokens.revokedAt)))
    .get()
  return row ?? null
}

/** The owner of a live feed token, as they are now (a disabled person's feed stops). */
export function viewerForFeedToken(token: string, now = Date.now()): Viewer | null {
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) return null
  const row = db
    .select()
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.tokenHash, hashToken(token)))
    .get()
  if (!row || row.revokedAt) return null
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    db.update(calendarFeedTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(calendarFeedTokens.id, row.id))
      .run()
  }
  return loadViewer(row.personId, 'token', null)
}

/** The HTTP answer for a calendar: text/calendar; public calendars may be cached briefly. */
export function calendarResponse(
  body: string,
  { filename, isPublic }: { filename: string; isPublic: boolean },
) {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
    },
  })
}

/** The origin links in calendars point at: the public origin, never the Host header (the answers of
 * the public calendar are cached). */
export function originFor(): string {
  return publicOrigin()
}
