import type { EndpointSpec } from '~/modules/api/spec'
import { MarkReadBody, MarkReadResult, NotificationList, NotificationsQuery } from './api-schemas'

/** The notifications' endpoints of /api/v1 (read by openapi.server.ts). */
export const notificationsApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/notifications',
    summary:
      "The caller's own notifications, newest first, 50 a page (nextCursor for the next), with how many are unread. Filters: kind, unread=1.",
    tags: ['notifications'],
    query: NotificationsQuery,
    responses: { 200: { description: 'A page of notifications', schema: NotificationList } },
  },
  {
    method: 'post',
    path: '/notifications/read',
    summary:
      'Mark some of the caller\'s own notifications read ({"ids": [...]}, at most 100) or all of them ({"all": true}). All or nothing: an id that is not one of the caller\'s own notifications is a 404 and nothing is marked.',
    tags: ['notifications'],
    body: { contentType: 'application/json', schema: MarkReadBody },
    responses: {
      200: { description: 'How many were marked, and how many are still unread', schema: MarkReadResult },
      400: { description: 'Neither ids nor all, or both, or an id that is not one' },
      403: { description: 'A read-only API token' },
      404: { description: "An id that is not one of the caller's notifications (nothing marked)" },
    },
  },
]
