// Form and query schemas of the meetings area. Client-safe: shared by the forms (conform) and the
// server. Error messages are message keys (app/i18n/messages/meetings.ts). Unknown fields are stripped
// (zod's default), never applied.
// The fixed lists live in ./constants (no zod): pages that only need a list import it from there.
import { z } from 'zod'
import {
  ATTENDANCE_STATUSES,
  DECISION_FILTERS,
  DELEGATION_ROLES,
  MEETING_KINDS,
  MEETING_STATUSES,
  WHEN,
} from './constants'
import { codeField, localDateTime, optionalText, required, text } from './meeting-form-schema'
import { LOCAL_DATETIME } from './time'

export * from './constants'
// The meeting form's schema runs in the browser too: it lives in a module of its own.
export { MeetingFormSchema, type MeetingFormInput } from './meeting-form-schema'

export const idField = z
  .string(required)
  .trim()
  .max(64, 'validation.invalid')
  .regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid')

export const AgendaItemSchema = z
  .object({
    titleEs: optionalText(500),
    titleEn: optionalText(500),
    startsAt: z.string().trim().regex(LOCAL_DATETIME, 'meetings.error.dateTime').optional(),
    durationMinutes: z.coerce
      .number({ message: 'meetings.error.duration' })
      .int('meetings.error.duration')
      .min(1, 'meetings.error.duration')
      .max(1440, 'meetings.error.duration')
      .optional(),
    presenter: optionalText(200),
    /** a top-level item: the new item becomes its sub-item */
    parentId: idField.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEs && !v.titleEn) {
      ctx.addIssue({ code: 'custom', path: ['titleEs'], message: 'meetings.error.titleOneLanguage' })
    }
  })
export type AgendaItemInput = z.infer<typeof AgendaItemSchema>

export const AgendaMoveSchema = z.object({
  itemId: idField,
  direction: z.enum(['up', 'down']),
})

/** A save of the minutes of one item, based on the revision the writer started from. */
export const MinutesSaveSchema = z.object({
  agendaItemId: idField,
  baseRevision: z.coerce.number().int().min(0),
  text: z.string().max(100_000, 'validation.tooLong').default(''),
})
export type MinutesSaveInput = z.infer<typeof MinutesSaveSchema>

export const CirculateSchema = z.object({
  commentDeadline: localDateTime,
})

export const MinutesCommentSchema = z.object({
  agendaItemId: idField,
  text: text(10_000),
})

export const ErratumSchema = z.object({
  agendaItemId: idField,
  text: text(10_000),
})

export const DecisionSchema = z
  .object({
    agendaItemId: idField.optional(),
    textEs: optionalText(10_000),
    textEn: optionalText(10_000),
    /** '1': recorded although nearly the same as a decision already recorded for the meeting */
    confirmDuplicate: z.enum(['1']).optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if (!v.textEs && !v.textEn) {
      ctx.addIssue({ code: 'custom', path: ['textEs'], message: 'meetings.error.textOneLanguage' })
    }
  })
export type DecisionInput = z.infer<typeof DecisionSchema>

const reasonField = z
  .string({ message: 'decisionsOwners.error.reasonRequired' })
  .trim()
  .min(1, 'decisionsOwners.error.reasonRequired')
  .max(2000, 'validation.tooLong')

/** A corrigendum (secretariat): the corrected text and why; the code stays. */
export const CorrigendumSchema = z
  .object({
    decisionId: idField,
    textEs: optionalText(10_000),
    textEn: optionalText(10_000),
    reason: reasonField,
    revision: z.coerce.number(required).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (!v.textEs && !v.textEn) {
      ctx.addIssue({ code: 'custom', path: ['textEs'], message: 'meetings.error.textOneLanguage' })
    }
  })
export type CorrigendumInput = z.infer<typeof CorrigendumSchema>

/** Withdrawing a decision (secretariat), with its reason: the code is never given again. */
export const WithdrawDecisionSchema = z.object({ decisionId: idField, reason: reasonField })
export type WithdrawDecisionInput = z.infer<typeof WithdrawDecisionSchema>

/** The delegation form: one role (or none) per person of the organization. */
export const DelegationSchema = z.object({
  organization: codeField,
  roles: z.record(idField, z.enum(['none', ...DELEGATION_ROLES])),
})
export type DelegationInput = z.infer<typeof DelegationSchema>

export const RsvpSchema = z.object({
  memberId: idField,
  answer: z.enum(['accepted', 'declined']),
})

export const AttendanceSchema = z.record(idField, z.enum(ATTENDANCE_STATUSES))

// ---------------------------------------------------------------------------------------------------
// Lists: every filter comes from an allowlist; a bad value is ignored (pages) or refused (API).

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
const year = z.coerce.number().int().min(1990).max(2100)

export const MeetingListQuerySchema = z.object({
  kind: z.enum(MEETING_KINDS).optional().catch(undefined),
  status: z.enum(MEETING_STATUSES).optional().catch(undefined),
  year: year.optional().catch(undefined),
  when: z.enum(WHEN).optional().catch(undefined),
  view: z.enum(['list', 'month']).optional().catch(undefined),
  month: month.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>

export const DecisionRegisterQuerySchema = z.object({
  kind: z.enum(MEETING_KINDS).optional().catch(undefined),
  year: year.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  meeting: idField.optional().catch(undefined),
  status: z.enum(DECISION_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export type DecisionRegisterQuery = z.infer<typeof DecisionRegisterQuerySchema>
