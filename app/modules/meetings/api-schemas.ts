// Response and query schemas of the meetings area's JSON API. Client-safe (no server imports): the
// handlers build these shapes, the tests check responses against them, and openapi.json is generated
// from them.
import { z } from 'zod'
import {
  ATTENDANCE_STATUSES,
  DELEGATION_ROLES,
  DECISION_STATUSES,
  MEETING_KINDS,
  MEETING_OPENNESS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  RSVP_STATUSES,
  WHEN,
} from './schemas'

const Id = z.string().describe('Opaque identifier')
const Instant = z.string().describe('ISO 8601 instant in UTC, e.g. 2023-12-05T14:00:00.000Z')
const Localized = z.object({ es: z.string().nullable(), en: z.string().nullable() })

/** Query of GET /meetings: unknown parameters are refused (a typo must not silently widen a list). */
export const MeetingsQuery = z.strictObject({
  kind: z.enum(MEETING_KINDS).optional().describe('Only meetings of this kind'),
  status: z.enum(MEETING_STATUSES).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Year the meeting starts in (UTC)'),
  when: z.enum(WHEN).optional().describe('upcoming: not yet ended (soonest first); past: ended'),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .describe('nextCursor of the previous page'),
})

export const MeetingIdParams = z.object({ id: z.string().describe('Meeting id') })

export const MeetingSummary = z.object({
  id: Id,
  kind: z.enum(MEETING_KINDS),
  number: z.string().nullable().describe('Roman numeral of the series, e.g. XXVIII'),
  title: Localized,
  startsAt: Instant,
  endsAt: Instant,
  timeZone: z.string().describe('IANA time zone the meeting is held in'),
  place: z.string().nullable(),
  online: z.boolean().describe('Has an online link (given in the meeting record)'),
  status: z.enum(MEETING_STATUSES),
  openness: z.enum(MEETING_OPENNESS).describe('members_only meetings are not visible to observers'),
  host: z.string().nullable().describe('ISO code of the host state'),
  url: z.string(),
})

export const MeetingList = z.object({
  items: z.array(MeetingSummary),
  nextCursor: z.string().nullable(),
})

export const AgendaItemOut = z.object({
  id: Id,
  number: z.string().describe('1, 2, 2.1 ...'),
  parentId: Id.nullable(),
  title: Localized,
  startsAt: Instant.nullable(),
  durationMinutes: z.number().int().nullable(),
  presenter: z.string().nullable(),
  minutesStatus: z
    .enum(MINUTES_STATUSES)
    .nullable()
    .describe('Status of the minutes of the item; null when none are visible to the caller'),
  documents: z.array(z.object({ id: Id, reference: z.string(), url: z.string() })),
})

export const DecisionOut = z.object({
  id: Id,
  code: z.string().describe('Stable reference, e.g. XXVIII-VM/D.3'),
  number: z.number().int(),
  agendaItemId: Id.nullable(),
  text: Localized,
  status: z
    .enum(DECISION_STATUSES)
    .optional()
    .describe('in_force, or withdrawn (it stays listed; its code is never given again)'),
  withdrawalReason: z.string().nullable().optional(),
  corrigenda: z
    .number()
    .int()
    .optional()
    .describe('How many corrigenda corrected its text (the text is the current one)'),
})

export const DelegationMemberOut = z.object({
  id: Id,
  name: z.string(),
  title: z.string().nullable(),
  institution: z.string().nullable(),
  role: z.enum(DELEGATION_ROLES),
  rsvp: z.enum(RSVP_STATUSES),
  attendance: z.enum(ATTENDANCE_STATUSES),
  hasAccount: z.boolean().describe('false: registered by the focal point without a portal account'),
  logistics: z
    .object({
      arrivalAt: Instant.nullable(),
      departureAt: Instant.nullable(),
      accessibility: z.string().nullable(),
      dietary: z.string().nullable(),
    })
    .nullable()
    .describe(
      "Arrival, departure and needs; only for the secretariat and the member's own delegation (null for everyone else, and when none were given)",
    ),
})

export const DelegationOut = z.object({
  organization: z.string().describe('Code of the organization'),
  members: z.array(DelegationMemberOut),
})

export const MeetingDetail = MeetingSummary.extend({
  theme: Localized,
  onlineUrl: z.string().nullable(),
  registrationDeadline: Instant.nullable(),
  ppt: z.string().nullable().describe('ISO code of the Pro-Tempore Presidency of the year'),
  group: z.string().nullable().describe('Slug of the organizing working group'),
  invitedOrganizations: z.array(z.string()).describe('Codes of the invited organizations'),
  agenda: z.array(AgendaItemOut),
  decisions: z.array(DecisionOut),
  icsUrl: z.string(),
  delegations: z.array(DelegationOut).describe('The registered delegations, heads first'),
})

export type MeetingSummaryOut = z.infer<typeof MeetingSummary>
export type MeetingDetailOut = z.infer<typeof MeetingDetail>
