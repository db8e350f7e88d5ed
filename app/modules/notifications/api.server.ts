/**
 * The notifications' JSON API: the caller's own notifications (the list service of /notifications, so
 * both show the same rows), newest first, 50 a page with a keyset cursor (created at, then id), and
 * marking read. Nothing here reaches anyone else's notifications: every query is scoped to the caller.
 */
import type { z } from 'zod'
import type { MessageKey } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { apiError, apiLang } from '~/modules/api/http.server'
import type { MarkReadBody, NotificationList, NotificationsQuery } from './api-schemas'
import { listNotifications, markAllRead, markManyRead, unreadCount } from './notifications.server'

/** Opaque cursor: the last item's creation time (ms) and id. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`n:${at.getTime()}:${id}`).toString('base64url')
}

/** The cursor's position, or a thrown 400: a list must never restart silently (a script would loop). */
export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const m = /^n:(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!m)
    throw apiError(400, 'invalid', 'The request is not valid.', {
      cursor: ['Not a cursor this list gave.'],
    })
  return { at: new Date(Number(m[1])), id: m[2] }
}

export function listNotificationsForApi(
  viewer: Viewer,
  query: z.infer<typeof NotificationsQuery>,
): z.infer<typeof NotificationList> {
  const lang = apiLang(viewer)
  const { t } = translator(lang)
  const { items, nextBefore } = listNotifications(viewer, lang, {
    kind: query.kind,
    unread: query.unread === '1' || query.unread === 'true',
    before: decodeCursor(query.cursor),
  })
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      recordType: n.recordType,
      recordId: n.recordId,
      title: n.title,
      text: t(`notifications.text.${n.kind}` as MessageKey, { title: n.title }),
      url: n.path,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt ? n.readAt.toISOString() : null,
    })),
    nextCursor: nextBefore ? encodeCursor(nextBefore.at, nextBefore.id) : null,
    unread: unreadCount(viewer.id),
  }
}

/** Marks the given ids (all or nothing: 404 when one is not the caller's) or all unread ones. */
export function markReadForApi(viewer: Viewer, body: z.infer<typeof MarkReadBody>) {
  const marked = 'all' in body ? markAllRead(viewer) : markManyRead(viewer, body.ids)
  return { marked, unread: unreadCount(viewer.id) }
}
