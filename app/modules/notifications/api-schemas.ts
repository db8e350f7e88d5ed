// Query, body and response schemas of the notifications' JSON API. Client-safe (no server imports): the
// handlers build these shapes, the tests check answers against them, openapi.json is generated from them.
import { z } from 'zod'
import { NOTIFICATION_KINDS, NOTIFICATION_RECORD_TYPES } from './constants'

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

/** GET /notifications: unknown parameters are refused (a typo must not silently change the list). */
export const NotificationsQuery = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS).optional().describe('Only notifications of this kind'),
  unread: z.enum(['1', '0', 'true', 'false']).optional().describe('1: only the unread ones'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
})

/** POST /notifications/read: either some of one's own notifications by id, or all of them. */
export const MarkReadBody = z.union([
  z.strictObject({
    ids: z.array(Id).min(1).max(100).describe("Ids of the caller's own notifications (at most 100)"),
  }),
  z.strictObject({ all: z.literal(true).describe("Every one of the caller's unread notifications") }),
])

export const NotificationItem = z.object({
  id: z.string().describe('Opaque identifier'),
  kind: z.enum(NOTIFICATION_KINDS),
  recordType: z.enum(NOTIFICATION_RECORD_TYPES).describe('What the notification is about'),
  recordId: z.string(),
  title: z.string().describe("The record's title in the caller's language"),
  text: z.string().describe("The notification in the caller's language, e.g. New document: ..."),
  url: z.string().describe("Path of the record's page on the portal, e.g. /documents/abc"),
  createdAt: z.string().describe('ISO 8601 instant in UTC'),
  readAt: z.string().nullable().describe('ISO 8601 instant in UTC, null while unread'),
})

export const NotificationList = z.object({
  items: z.array(NotificationItem),
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe("How many of the caller's notifications are unread (all kinds)"),
})

export const MarkReadResult = z.object({
  marked: z.number().int().describe('How many were unread and are now read'),
  unread: z.number().int().describe('How many of the caller’s notifications are still unread'),
})
