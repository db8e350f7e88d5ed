// The meetings area's fixed lists, without zod or server imports: safe and light for client components,
// and the one definition db/schema.ts builds its enums and CHECK constraints from.

import type { OrganizationKind } from '~/modules/members/constants'

export const MEETING_KINDS = [
  'vice_ministerial',
  'rcgm',
  'working_group',
  'workshop',
  'troika',
  'other',
] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MEETING_STATUSES = ['planned', 'confirmed', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
/** `members_only` meetings do not exist for observers (404 everywhere). */
export const MEETING_OPENNESS = ['open', 'members_only'] as const
export type MeetingOpenness = (typeof MEETING_OPENNESS)[number]
export const DELEGATION_ROLES = ['head', 'alternate', 'adviser'] as const
export type DelegationRole = (typeof DELEGATION_ROLES)[number]
export const RSVP_STATUSES = ['pending', 'accepted', 'declined'] as const
export type RsvpStatus = (typeof RSVP_STATUSES)[number]
export const ATTENDANCE_STATUSES = ['not_recorded', 'present', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]
export const MINUTES_STATUSES = ['draft', 'circulated', 'adopted'] as const
/** A decision stays in the register when withdrawn: its code is never given again. */
export const DECISION_STATUSES = ['in_force', 'withdrawn'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]
/** The register's status filter: the statuses, and decisions corrected by a corrigendum. */
export const DECISION_FILTERS = [...DECISION_STATUSES, 'corrected'] as const
export type MinutesStatus = (typeof MINUTES_STATUSES)[number]

/** The kinds of organization a meeting invites (the secretariat organizes; national institutions come
 * with their member state), in the order of the meeting form. */
export const INVITABLE_KINDS = [
  'member_state',
  'observer_state',
  'international_organization',
  'civil_society',
] as const satisfies readonly OrganizationKind[]

/** The meetings list's time filter. */
export const WHEN = ['upcoming', 'past'] as const
