// The meeting form's schema (new and edit), in a module of its own: it is the one schema of the
// meetings area that runs in the browser (components/meeting-form.tsx), and a module that runs in the
// browser anywhere is bundled with every page that imports it (esbuild decides what a shared module
// contains once for all pages). The other schemas (./schemas) only run on the server, so the pages that
// import them for their loaders and actions do not load zod.
import { z } from 'zod'
import { MEETING_KINDS, MEETING_OPENNESS, MEETING_STATUSES } from './constants'
import { LOCAL_DATETIME, TIME_ZONES } from './time'

export const required = { message: 'validation.required' }
export const text = (max: number) =>
  z.string(required).trim().min(1, 'validation.required').max(max, 'validation.tooLong')
export const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()
export const localDateTime = z.string(required).trim().regex(LOCAL_DATETIME, 'meetings.error.dateTime')
export const codeField = z
  .string()
  .trim()
  .max(40, 'validation.invalid')
  .regex(/^[A-Za-z0-9-]+$/, 'validation.invalid')

/** Create and edit a meeting. Times are wall-clock times in the meeting's time zone. */
export const MeetingFormSchema = z
  .object({
    kind: z.enum(MEETING_KINDS, required),
    number: z
      .string()
      .trim()
      .toUpperCase()
      .max(12, 'validation.tooLong')
      .regex(/^[IVXLCDM]+$/, 'meetings.error.number')
      .optional(),
    titleEs: text(300),
    titleEn: text(300),
    themeEs: optionalText(300),
    themeEn: optionalText(300),
    startsAt: localDateTime,
    endsAt: localDateTime,
    timeZone: z.enum(TIME_ZONES, required),
    place: optionalText(300),
    onlineUrl: z
      .string()
      .trim()
      .max(500, 'validation.tooLong')
      .regex(/^https?:\/\/[^\s]+$/i, 'meetings.error.url')
      .optional(),
    host: codeField.optional(),
    group: z
      .string()
      .trim()
      .max(100)
      .regex(/^[a-z0-9-]+$/, 'validation.invalid')
      .optional(),
    openness: z.enum(MEETING_OPENNESS, required),
    status: z.enum(MEETING_STATUSES, required),
    registrationDeadline: z.string().trim().regex(LOCAL_DATETIME, 'meetings.error.dateTime').optional(),
    /** codes of the invited organizations (checkboxes) */
    invited: z.array(codeField).max(100).optional(),
  })
  .superRefine((v, ctx) => {
    // Both are wall-clock values in the same zone: their order is the order of the instants.
    if (v.endsAt < v.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'meetings.error.endBeforeStart' })
    }
    if (v.registrationDeadline && v.registrationDeadline > v.startsAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationDeadline'],
        message: 'meetings.error.deadlineAfterStart',
      })
    }
    if (!v.place && !v.onlineUrl) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'meetings.error.placeOrLink' })
    }
  })
export type MeetingFormInput = z.infer<typeof MeetingFormSchema>
