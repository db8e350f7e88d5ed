// The forms of delegation members (decision 0028): a member without a portal account (a Vice-Minister
// registered by the focal point with name, title, institution and an optional e-mail) and the logistics
// the secretariat needs (travel dates in the meeting's time zone, accessibility and dietary needs).
// Client-safe; the routes read them through delegation-forms.server.ts. Messages are keys of
// app/i18n/messages/delegations.ts (or the shared validation.* keys).
import { z } from 'zod'
import { DELEGATION_ROLES } from './constants'
import { codeField, optionalText, required, text } from './meeting-form-schema'
import { LOCAL_DATETIME } from './time'

/** Arrival no earlier than this many days before the meeting starts, departure no later than this many
 * days after it ends: a date further away is a typo (a wrong year, a wrong month). The messages
 * delegations.error.arrivalOutside and departureOutside name the number (tests/delegations.test.ts). */
export const LOGISTICS_WINDOW_DAYS = 14

const optionalLocal = z.string().trim().regex(LOCAL_DATETIME, 'meetings.error.dateTime').optional()

const logisticsShape = {
  arrivalAt: optionalLocal,
  departureAt: optionalLocal,
  accessibility: optionalText(1000),
  dietary: optionalText(500),
}

const guestShape = {
  name: text(200),
  title: optionalText(200),
  institution: optionalText(300),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'validation.tooLong')
    .pipe(z.email({ message: 'validation.email' }))
    .optional(),
  role: z.enum(DELEGATION_ROLES, required),
}

/** Both are wall-clock values in the meeting's zone: their order is the order of the instants. */
function datesInOrder(v: { arrivalAt?: string; departureAt?: string }, ctx: z.RefinementCtx) {
  if (v.arrivalAt && v.departureAt && v.departureAt < v.arrivalAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['departureAt'],
      message: 'delegations.error.departureBeforeArrival',
    })
  }
}

/** Registering a member without an account into an organization's delegation. */
export const NewMemberSchema = z
  .object({ organization: codeField, ...guestShape, ...logisticsShape })
  .superRefine(datesInOrder)
export type NewMemberInput = z.infer<typeof NewMemberSchema>

/** A member without an account: their details and logistics. */
export const GuestMemberSchema = z.object({ ...guestShape, ...logisticsShape }).superRefine(datesInOrder)
export type GuestMemberInput = z.infer<typeof GuestMemberSchema>

/** Logistics alone (a member with an account, or details one may no longer change). */
export const LogisticsSchema = z.object(logisticsShape).superRefine(datesInOrder)
export type LogisticsInput = z.infer<typeof LogisticsSchema>

/** The letter's language, chosen on the member page (not the interface language). */
export const LetterQuerySchema = z.object({ language: z.enum(['es', 'en']).catch('es') })
