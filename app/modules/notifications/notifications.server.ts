/**
 * A person's own notifications: the header's unread count (one indexed count), /notifications (newest
 * first, by day, filtered by kind), marking read; and the preferences of /account/notifications (a
 * mode per kind, the records followed).
 */
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { db, prepared } from '@db/client'
import {
  documents,
  follows,
  groups,
  meetings,
  notificationPreferences,
  notifications,
  plans,
} from '@db/schema'
import type { Lang } from '~/i18n'
import { can } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { translator } from '~/i18n/catalogue.server'
import { getVisibleDocument } from '~/modules/documents/queries.server'
import { seesRecord } from './audience.server'
import { findVisibleMeeting } from '~/modules/meetings/meetings.server'
import { assertAllowed, notFound } from '~/modules/core/domain-error.server'
import { writeTx } from '~/modules/core/write-tx.server'
import {
  DELIVERY_MODES,
  FOLLOW_TYPES,
  NOTIFICATION_KINDS,
  PREFERENCE_KINDS,
  type DeliveryMode,
  type FollowType,
  type NotificationKind,
} from './constants'

export const NOTIFICATIONS_PAGE_SIZE = 50

/** The header's count: served by notifications_unread_idx (person_id, read_at). */
export function unreadCount(personId: string): number {
  return (
    prepared('notifications.unread', (d) =>
      d
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.personId, sql.placeholder('personId')), isNull(notifications.readAt)))
        .prepare(),
    ).get({ personId })?.n ?? 0
  )
}

export const isKind = (k: unknown): k is NotificationKind =>
  typeof k === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(k)

export interface NotificationFilters {
  kind?: NotificationKind
  unread?: boolean
  /** older than this notification (created at `at`, then by id: rows made in the same millisecond
   * are neither skipped nor repeated across pages); `id` absent: older than `at` */
  before?: { at: Date; id?: string }
  limit?: number
}

/** Rows older than the cursor, in the list's order (created_at desc, id desc). */
function olderThan(before: NotificationFilters['before']) {
  if (!before) return undefined
  if (!before.id) return lt(notifications.createdAt, before.at)
  return or(
    lt(notifications.createdAt, before.at),
    and(eq(notifications.createdAt, before.at), lt(notifications.id, before.id)),
  )
}

export function listNotifications(viewer: Viewer, lang: Lang, filters: NotificationFilters = {}) {
  assertAllowed(viewer, 'notification.list')
  const limit = filters.limit ?? NOTIFICATIONS_PAGE_SIZE
  const rows = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.personId, viewer.id),
        filters.kind ? eq(notifications.kind, filters.kind) : undefined,
        filters.unread ? isNull(notifications.readAt) : undefined,
        olderThan(filters.before),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1)
    .all()
  const more = rows.length > limit
  const { t } = translator(lang)
  const page = more ? rows.slice(0, limit) : rows
  // asked again now, in one read: a record the person can no longer see keeps its line, not its title
  // or its link
  const visible = db.transaction((tx) =>
    page.map((n) => seesRecord(tx, viewer, n.recordType, n.recordId, JSON.parse(n.params))),
  )
  const items = page.map((n, i) => {
    const p = JSON.parse(n.params) as { titleEs?: string; titleEn?: string; path?: string }
    const sees = visible[i]
    return {
      id: n.id,
      kind: n.kind,
      recordType: n.recordType,
      recordId: sees ? n.recordId : '',
      title: sees ? ((lang === 'en' ? p.titleEn : p.titleEs) ?? '') : t('notifications.hiddenRecord'),
      path: sees ? (p.path ?? '/') : '/notifications',
      createdAt: n.createdAt,
      readAt: n.readAt,
      read: n.readAt !== null,
    }
  })
  const last = items.at(-1)
  return { items, nextBefore: more && last ? { at: last.createdAt, id: last.id } : null }
}

export function markRead(viewer: Viewer, id: string) {
  writeTx((tx) => {
    assertAllowed(viewer, 'notification.list')
    const done = tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(eq(notifications.id, id), eq(notifications.personId, viewer.id), isNull(notifications.readAt)),
      )
      .run().changes
    if (!done) {
      const own = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.personId, viewer.id)))
        .get()
      // someone else's notification looks like a missing one
      if (!own) throw notFound()
    }
  })
}

/**
 * Marks several of one's own notifications read, all or nothing: an id that is not one's own (someone
 * else's, or none at all) is a 404 for the whole request and nothing changes, so a caller learns
 * nothing about other people's notifications. Already read ones stay as they were. Returns how many
 * were newly marked.
 */
export function markManyRead(viewer: Viewer, ids: string[]): number {
  return writeTx((tx) => {
    assertAllowed(viewer, 'notification.list')
    const unique = [...new Set(ids)]
    if (!unique.length) return 0
    const own = tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(inArray(notifications.id, unique), eq(notifications.personId, viewer.id)))
      .all()
    if (own.length !== unique.length) throw notFound()
    return tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          inArray(notifications.id, unique),
          eq(notifications.personId, viewer.id),
          isNull(notifications.readAt),
        ),
      )
      .run().changes
  })
}

export function markAllRead(viewer: Viewer): number {
  return writeTx((tx) => {
    assertAllowed(viewer, 'notification.list')
    return tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.personId, viewer.id), isNull(notifications.readAt)))
      .run().changes
  })
}

// ---- preferences ----

export function preferencesOf(personId: string): Record<NotificationKind, DeliveryMode> {
  const rows = db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.personId, personId))
    .all()
  const byKind = new Map(rows.map((r) => [r.kind, r.mode]))
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, byKind.get(k) ?? 'immediate'])) as Record<
    NotificationKind,
    DeliveryMode
  >
}

export const isMode = (m: unknown): m is DeliveryMode =>
  typeof m === 'string' && (DELIVERY_MODES as readonly string[]).includes(m)

/** Saves every kind's mode at once (the form sends them all); an unknown value refuses the whole form. */
export function savePreferences(viewer: Viewer, modes: Record<NotificationKind, DeliveryMode>) {
  writeTx((tx) => {
    assertAllowed(viewer, 'notification.preferences')
    tx.delete(notificationPreferences).where(eq(notificationPreferences.personId, viewer.id)).run()
    for (const kind of PREFERENCE_KINDS) {
      if (modes[kind] === 'immediate') continue
      tx.insert(notificationPreferences).values({ personId: viewer.id, kind, mode: modes[kind] }).run()
    }
  })
}

export const isFollowType = (t: unknown): t is FollowType =>
  typeof t === 'string' && (FOLLOW_TYPES as readonly string[]).includes(t)

/** Only what the person may open (the pages' own lookups). */
function mayFollow(viewer: Viewer, type: FollowType, id: string): boolean {
  switch (type) {
    case 'document':
      return !!getVisibleDocument(viewer, id)
    case 'meeting':
      return !!findVisibleMeeting(viewer, id)
    case 'group':
      return !!db.select({ id: groups.id }).from(groups).where(eq(groups.id, id)).get()
    case 'plan': {
      const plan = db.select().from(plans).where(eq(plans.id, id)).get()
      return !!plan && can(viewer, 'plan.view', { groupId: plan.groupId, stage: plan.stage })
    }
  }
}

/** Whether the person follows the record (for the follow button of its page). */
export function isFollowing(viewer: Viewer, recordType: FollowType, recordId: string): boolean {
  return !!db
    .select({ id: follows.recordId })
    .from(follows)
    .where(
      and(
        eq(follows.personId, viewer.id),
        eq(follows.recordType, recordType),
        eq(follows.recordId, recordId),
      ),
    )
    .get()
}

/** What a record page's follow button needs: whether the person follows it, and the way back to the
 * page it is on (the button posts to /account/notifications, which redirects there). */
export function followState(viewer: Viewer, recordType: FollowType, recordId: string, request: Request) {
  const url = new URL(request.url)
  return { following: isFollowing(viewer, recordType, recordId), back: `${url.pathname}${url.search}` }
}

export function follow(viewer: Viewer, recordType: FollowType, recordId: string) {
  writeTx((tx) => {
    assertAllowed(viewer, 'notification.preferences')
    if (!mayFollow(viewer, recordType, recordId)) throw notFound()
    tx.insert(follows).values({ personId: viewer.id, recordType, recordId }).onConflictDoNothing().run()
  })
}

export function unfollow(viewer: Viewer, recordType: FollowType, recordId: string) {
  writeTx((tx) => {
    assertAllowed(viewer, 'notification.preferences')
    tx.delete(follows)
      .where(
        and(
          eq(follows.personId, viewer.id),
          eq(follows.recordType, recordType),
          eq(follows.recordId, recordId),
        ),
      )
      .run()
  })
}

/** What the person follows, with names (a record gone or no longer visible keeps only its kind). */
export function followsOf(viewer: Viewer, lang: Lang) {
  const rows = db.select().from(follows).where(eq(follows.personId, viewer.id)).all()
  const ids = (t: FollowType) => rows.filter((r) => r.recordType === t).map((r) => r.recordId)
  const pick = (es: string | null, en: string | null) => (lang === 'en' ? (en ?? es) : (es ?? en)) ?? ''
  const names = new Map<string, string>()
  const put = (t: FollowType, id: string, name: string) => names.set(`${t}:${id}`, name)
  if (ids('meeting').length)
    for (const m of db
      .select()
      .from(meetings)
      .where(inArray(meetings.id, ids('meeting')))
      .all())
      put('meeting', m.id, pick(m.titleEs, m.titleEn))
  if (ids('group').length)
    for (const g of db
      .select()
      .from(groups)
      .where(inArray(groups.id, ids('group')))
      .all())
      put('group', g.id, pick(g.nameEs, g.nameEn))
  if (ids('plan').length)
    for (const p of db
      .select()
      .from(plans)
      .where(inArray(plans.id, ids('plan')))
      .all())
      put('plan', p.id, pick(p.titleEs, p.titleEn))
  if (ids('document').length)
    for (const d of db
      .select()
      .from(documents)
      .where(inArray(documents.id, ids('document')))
      .all())
      put('document', d.id, pick(d.titleEs, d.titleEn))
  return rows.map((r) => ({
    recordType: r.recordType,
    recordId: r.recordId,
    // a record no longer visible keeps only its kind (its name is not shown)
    name: mayFollow(viewer, r.recordType, r.recordId)
      ? (names.get(`${r.recordType}:${r.recordId}`) ?? '')
      : '',
  }))
}
