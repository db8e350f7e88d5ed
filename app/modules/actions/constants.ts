// The action items' fixed lists, without zod or server imports: safe and light for client components,
// and the one definition db/schema.ts builds its enums and CHECK constraints from.

export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'done', 'cancelled'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
/** Statuses of an action still to be done: these can be overdue. */
export const OPEN_STATUSES = [
  'not_started',
  'in_progress',
  'blocked',
] as const satisfies readonly ActionStatus[]
/** What a report may say (cancelling is the secretariat's own step, with a reason). */
export const REPORT_STATUSES = [
  'not_started',
  'in_progress',
  'blocked',
  'done',
] as const satisfies readonly ActionStatus[]
export const ACTION_PRIORITIES = ['low', 'medium', 'high'] as const
export type ActionPriority = (typeof ACTION_PRIORITIES)[number]
/** Where an action comes from. */
export const ORIGIN_TYPES = ['decision', 'agenda_item', 'group', 'plan_section', 'none'] as const
export type OriginType = (typeof ORIGIN_TYPES)[number]
/** The secretariat's answer to a report of `done`. */
export const VALIDATIONS = ['pending', 'validated', 'returned'] as const
export type Validation = (typeof VALIDATIONS)[number]
/** owner: answerable for the action (reports on it); supporting: helps, sees it, does not report. */
export const OWNER_KINDS = ['owner', 'supporting'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]
/** Reminders by e-mail, at most one per action and kind a week. */
export const REMINDER_KINDS = ['due_soon', 'overdue'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Filters of /actions (and its exports): `open` and `awaiting_validation` besides the statuses. */
export const STATUS_FILTERS = [...ACTION_STATUSES, 'open', 'awaiting_validation'] as const
export const SORTS = ['due_asc', 'due_desc', 'priority', 'progress', 'updated', 'title'] as const
export type Sort = (typeof SORTS)[number]
/** Due within the next N days */
export const DUE_WINDOWS = ['7', '30', '90'] as const
