// Query, body and response schemas of the action items' JSON API. Client-safe (no server imports): the
// handlers build these shapes, the tests check responses against them, and openapi.json is generated
// from them.
import { z } from 'zod'
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  DUE_WINDOWS,
  ORIGIN_TYPES,
  SORTS,
  STATUS_FILTERS,
  UpdateApiSchema,
  VALIDATIONS,
} from './schemas'

const Id = z.string().describe('Opaque identifier')
const Instant = z.string().describe('ISO 8601 instant in UTC')
const Day = z.string().describe('Calendar day YYYY-MM-DD')
const Localized = z.object({ es: z.string().nullable(), en: z.string().nullable() })

/** Query of GET /actions: unknown parameters are refused (a typo must not silently widen a list). */
export const ActionsQuery = z.strictObject({
  assignee: z
    .string()
    .trim()
    .toUpperCase()
    .max(40)
    .regex(/^[A-Z0-9-]+$/, 'An organization code such as PA or IOM')
    .optional()
    .describe(
      'Owner organization code (ISO code or acronym); a member state includes its national institutions',
    ),
  status: z
    .enum(STATUS_FILTERS)
    .optional()
    .describe('A status, or `open` (not started, in progress, blocked), or `awaiting_validation`'),
  overdue: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .describe('1: only open actions whose due day is before today (America/Costa_Rica)'),
  meeting: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('Meeting id of the origin'),
  decision: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('Decision id of the origin: the actions that follow from one decision'),
  group: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .describe('Working group slug'),
  due: z.enum(DUE_WINDOWS).optional().describe('Open and due within the next N days'),
  sort: z.enum(SORTS).optional().describe('Default due_asc'),
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
})

export const ActionIdParams = z.object({ id: z.string().describe('Action item id') })

const OwnerOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string().describe('Organization kind'),
  state: z.string().nullable().describe('Member state of a national institution'),
  focalPerson: z.string().nullable(),
})

const OriginFull = z.object({
  restricted: z.literal(false),
  type: z.enum(ORIGIN_TYPES),
  decision: z.string().nullable().describe('Decision code, e.g. XXVIII-VM/D.3'),
  decisionText: z.string().nullable().describe("The decision's text in the caller's language"),
  meeting: Id.nullable(),
  meetingTitle: z.string().nullable(),
  meetingDate: Instant.nullable().describe('When the meeting started'),
  agendaItem: z.string().nullable().describe("The agenda item's title"),
  group: z.string().nullable().describe('Working group slug'),
  groupName: z.string().nullable(),
  planSection: z.string().nullable().describe("The plan section's id"),
  plan: Id.nullable().describe("The plan section's plan"),
  planTitle: z.string().nullable().describe("The plan's title in the caller's language"),
  planSectionNumber: z.string().nullable().describe("The section's number in the plan, e.g. 3.1.1"),
  planSectionTitle: z.string().nullable().describe("The section's title in the caller's language"),
})

const OriginRestricted = z
  .object({ restricted: z.literal(true), type: z.enum(ORIGIN_TYPES) })
  .describe(
    'The origin (meeting, decision, plan section) is hidden from you: only its kind is said, never which one',
  )

const OriginOut = z
  .discriminatedUnion('restricted', [OriginFull, OriginRestricted])
  .describe('Where the action comes from, as you may see it')

export const ActionSummary = z.object({
  id: Id,
  title: Localized,
  status: z.enum(ACTION_STATUSES),
  priority: z.enum(ACTION_PRIORITIES),
  progress: z.number().int().min(0).max(100),
  dueDate: Day,
  overdue: z.boolean(),
  awaitingValidation: z.boolean().describe("An owner's report of done waits for the secretariat"),
  owners: z.array(z.string()).describe('Owner organization codes'),
  supporting: z.array(z.string()).describe('Supporting organization codes'),
  origin: OriginOut,
  revision: z.number().int().describe('Send it back with an update to detect concurrent changes'),
  updatedAt: Instant,
  url: z.string(),
})

export const ActionList = z.object({ items: z.array(ActionSummary), nextCursor: z.string().nullable() })

export const UpdateOut = z.object({
  id: Id,
  actionId: Id,
  status: z.enum(ACTION_STATUSES),
  progress: z.number().int(),
  note: z.string(),
  revision: z.number().int().describe("The action's revision after this update"),
  validation: z.enum(VALIDATIONS).nullable().describe('For a report of done: pending, validated or returned'),
  validationComment: z.string().nullable(),
  validatedAt: Instant.nullable(),
  evidence: z.array(z.object({ id: Id, reference: z.string(), url: z.string() })),
  author: z.object({ name: z.string(), organization: z.string() }),
  owner: z
    .string()
    .nullable()
    .optional()
    .describe('Code of the owner organization the report is for; null: the whole action (the secretariat)'),
  createdAt: Instant,
})

export const ActionRecord = ActionSummary.omit({ owners: true, supporting: true }).extend({
  description: Localized,
  tags: z.array(z.string()),
  owners: z.array(OwnerOut),
  supporting: z.array(OwnerOut),
  createdAt: Instant,
  completedAt: Instant.nullable(),
  updates: z.array(UpdateOut).describe('The full history, newest first'),
  ownerProgress: z
    .array(
      z.object({
        owner: z.string().describe('Owner organization code'),
        status: z.enum(ACTION_STATUSES).nullable().describe("Its latest report's status; null: none yet"),
        progress: z.number().int().min(0).max(100),
        validation: z.enum(VALIDATIONS).nullable(),
        reportedAt: Instant.nullable(),
      }),
    )
    .optional()
    .describe("Each owner's part (each owner reports its own); `progress` above is their mean"),
})

export const UpdateBody = UpdateApiSchema

export const ConflictOut = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    current: z
      .object({
        revision: z.number().int(),
        status: z.enum(ACTION_STATUSES),
        progress: z.number().int(),
        dueDate: Day,
        updatedAt: Instant,
        lastUpdate: z
          .object({
            note: z.string(),
            status: z.enum(ACTION_STATUSES),
            progress: z.number().int(),
            author: z.string(),
            organization: z.string(),
            createdAt: Instant,
          })
          .nullable(),
      })
      .nullable(),
    submitted: z.record(z.string(), z.unknown()).describe('What you sent, kept so that nothing is lost'),
  }),
})

export type ActionSummaryOut = z.infer<typeof ActionSummary>
export type ActionRecordOut = z.infer<typeof ActionRecord>
export type UpdateOutput = z.infer<typeof UpdateOut>
export type OriginOutput = z.infer<typeof OriginOut>
