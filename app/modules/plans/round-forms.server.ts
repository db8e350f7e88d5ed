// The consultation rounds' forms, parsed on the server only (a .server module: zod stays out of the
// browser). Messages are keys of app/i18n/messages/plan-rounds.ts.
import { z } from 'zod'
import { ROUND_OUTCOMES } from './constants'

export const MAX_ROUND_NOTE = 2_000
export const MAX_ROUND_QUOTE = 2_000
export const MAX_ROUND_COMMENT = 10_000
export const MAX_ROUND_RESPONSE = 10_000
export const MAX_ROUND_ORGANIZATIONS = 40

const ID = /^[A-Za-z0-9_-]{1,64}$/
const id = z.string().trim().regex(ID, 'planRounds.error.unknownSection')
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export const OpenRoundSchema = z
  .object({
    note: z.string().trim().max(MAX_ROUND_NOTE, 'validation.tooLong').optional(),
    /** a `datetime-local` value in the chair's time zone */
    deadline: z
      .string({ error: 'planRounds.error.deadlineRequired' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'planRounds.error.deadlineFormat'),
    scope: z.enum(['whole', 'sections'], { error: 'planRounds.error.scope' }),
    sections: z.preprocess(asList, z.array(id).max(500)),
    organizations: z.preprocess(
      asList,
      z
        .array(z.string().trim().toUpperCase())
        .min(1, 'planRounds.error.noOrganizations')
        .max(MAX_ROUND_ORGANIZATIONS, 'planRounds.error.tooManyOrganizations')
        .refine(
          (codes) => codes.every((c) => c.length <= 40 && /^[A-Z0-9-]+$/.test(c)),
          'planRounds.error.unknownOrganization',
        ),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'sections' && !v.sections.length)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'planRounds.error.noSections' })
  })
export type OpenRoundInput = z.infer<typeof OpenRoundSchema>

export const CommentSchema = z.object({
  section: id,
  /** the consulted organization written for (code); empty: the one the person writes for */
  organization: z.string().trim().toUpperCase().max(40).optional(),
  quote: z.string().trim().max(MAX_ROUND_QUOTE, 'validation.tooLong').optional(),
  body: z
    .string({ error: 'planRounds.error.bodyRequired' })
    .trim()
    .min(1, 'planRounds.error.bodyRequired')
    .max(MAX_ROUND_COMMENT, 'validation.tooLong'),
})
export type CommentInput = z.infer<typeof CommentSchema>

export const EditCommentSchema = z.object({
  comment: z.string().trim().regex(ID, 'error.404'),
  quote: z.string().trim().max(MAX_ROUND_QUOTE, 'validation.tooLong').optional(),
  body: z
    .string({ error: 'planRounds.error.bodyRequired' })
    .trim()
    .min(1, 'planRounds.error.bodyRequired')
    .max(MAX_ROUND_COMMENT, 'validation.tooLong'),
})
export type EditCommentInput = z.infer<typeof EditCommentSchema>

export const WithdrawSchema = z.object({ comment: z.string().trim().regex(ID, 'error.404') })

export const SubmitSchema = z.object({
  organization: z.string().trim().toUpperCase().max(40),
  /** the focal point has seen what is submitted */
  confirm: z.enum(['1'], { error: 'planRounds.error.confirm' }),
})

export const RespondSchema = z.object({
  comment: z.string().trim().regex(ID, 'error.404'),
  response: z
    .string({ error: 'planRounds.error.responseRequired' })
    .trim()
    .min(1, 'planRounds.error.responseRequired')
    .max(MAX_ROUND_RESPONSE, 'validation.tooLong'),
  outcome: z.enum(ROUND_OUTCOMES, { error: 'planRounds.error.outcome' }),
})
export type RespondInput = z.infer<typeof RespondSchema>

/** The comment matrix's filters (?round=&organization=&outcome=); anything else is ignored. */
export const MatrixFiltersSchema = z.object({
  round: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  organization: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  outcome: z
    .enum([...ROUND_OUTCOMES, 'unanswered'])
    .optional()
    .catch(undefined),
})
export type MatrixFilters = z.infer<typeof MatrixFiltersSchema>
