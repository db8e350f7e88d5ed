// The notifications' fixed lists (client-safe; db/schema.ts builds on them).

export const NOTIFICATION_KINDS = [
  'document_new',
  'document_version',
  'meeting_created',
  'meeting_changed',
  'meeting_cancelled',
  'minutes_circulated',
  'minutes_adopted',
  'action_assigned',
  'action_validated',
  'action_returned',
  'round_opened',
  'section_comment',
  'comment_reply',
  // the scheduled check's events (timed.server.ts) and a new translation
  'document_translation',
  'document_embargo_lifted',
  'meeting_registration_near',
  'action_due_soon',
  'action_overdue',
  'round_deadline_near',
  // a written procedure, told to the focal points (and named delegates) of the states concerned
  'procedure_launched',
  'procedure_deadline_near',
  'procedure_closed',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** What a notification points at (its link). */
export const NOTIFICATION_RECORD_TYPES = ['document', 'meeting', 'action', 'plan', 'procedure'] as const
export type NotificationRecordType = (typeof NOTIFICATION_RECORD_TYPES)[number]

/** Kinds whose mail is a notice of their own service (a written procedure's formal notice, always
 * mailed through the outbox with its deadline and text): their notifications are shown in the portal
 * only, never mailed again, and they have no delivery choice. */
export const PORTAL_ONLY_KINDS: readonly NotificationKind[] = [
  'procedure_launched',
  'procedure_deadline_near',
  'procedure_closed',
]
export const PREFERENCE_KINDS = NOTIFICATION_KINDS.filter((k) => !PORTAL_ONLY_KINDS.includes(k))

/** immediately: a mail per event; digest: one mail a day grouping everything; off: the portal only. */
export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]

export const FOLLOW_TYPES = ['meeting', 'group', 'plan', 'document'] as const
export type FollowType = (typeof FOLLOW_TYPES)[number]
