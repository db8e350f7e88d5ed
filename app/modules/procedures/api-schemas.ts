// The written procedures' API shapes (zod), shared by the handlers and the OpenAPI document.
import { z } from 'zod'
import {
  PROCEDURE_OUTCOMES,
  PROCEDURE_POSITIONS,
  PROCEDURE_STATUSES,
  PROCEDURE_TEXT_KINDS,
} from './constants'

export const ProcedureIdParams = z.object({ id: z.string() })
export const ProcedureListQuery = z
  .object({ status: z.enum(['open', 'closed', 'adopted', 'not_adopted', 'all']).optional() })
  .strict()

/** POST /procedures/{id}/positions: unknown fields are refused. */
export const PositionBody = z
  .object({
    position: z.enum(PROCEDURE_POSITIONS, { error: 'procedures.error.position' }),
    reason: z.string().max(10_000, 'validation.tooLong').optional(),
    /** the state (ISO code) the position is for; default the caller's own */
    state: z.string().max(2).optional(),
  })
  .strict()

const Counts = z.object({ agree: z.number(), object: z.number(), amend: z.number() })
export const ProcedureSummary = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  textKind: z.enum(PROCEDURE_TEXT_KINDS),
  status: z.enum(PROCEDURE_STATUSES),
  open: z.boolean(),
  outcome: z.enum(PROCEDURE_OUTCOMES).nullable(),
  decisionCode: z.string().nullable(),
  deadline: z.string().describe('UTC, ISO 8601'),
  closedAt: z.string().nullable(),
  states: z.number(),
  positions: Counts,
})
export const ProcedureList = z.object({ items: z.array(ProcedureSummary), nextCursor: z.null() })
const StatePosition = z.object({
  state: z.string(),
  name: z.string(),
  position: z.enum(PROCEDURE_POSITIONS).nullable(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  history: z.array(
    z.object({
      version: z.number(),
      position: z.enum(PROCEDURE_POSITIONS),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
    }),
  ),
})
export const ProcedureRecord = ProcedureSummary.omit({ positions: true, states: true }).extend({
  text: z.string().nullable().describe("The frozen text (Markdown) in the caller's language, else the other"),
  textLang: z.enum(['es', 'en']).nullable(),
  plan: z.object({ id: z.string(), title: z.string() }).nullable(),
  document: z.object({ id: z.string(), title: z.string(), version: z.number() }).nullable(),
  originalDeadline: z.string(),
  extendedAt: z.string().nullable(),
  extensionReason: z.string().nullable(),
  launchedAt: z.string(),
  previousId: z.string().nullable(),
  positions: z.array(StatePosition).nullable().describe('Member states and the secretariat only'),
  brokenBy: z.array(
    z.object({ state: z.string(), position: z.enum(PROCEDURE_POSITIONS), reason: z.string() }),
  ),
})
export const PositionCreated = z.object({
  id: z.string().describe('The procedure'),
  state: z.string(),
  position: z.enum(PROCEDURE_POSITIONS),
  version: z.number(),
})
