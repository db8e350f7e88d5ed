// The plan page's forms, parsed on the server only (a .server module: zod stays out of the browser).
import { z } from 'zod'
import { MAX_SECTION_TEXT, PLAN_STAGES, SECTION_KINDS, SECTION_LANGS, SECTION_STATUSES } from './constants'

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'validation.invalid')

export const SectionSaveSchema = z.object({
  sectionId: id,
  lang: z.enum(SECTION_LANGS),
  baseRevision: z.coerce.number().int().min(0),
  text: z.string().max(MAX_SECTION_TEXT, 'validation.tooLong').default(''),
  note: z.string().max(500, 'validation.tooLong').optional(),
})

export const CommentFormSchema = z.object({
  sectionId: id,
  body: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(10_000, 'validation.tooLong'),
  quote: z.string().max(2_000, 'validation.tooLong').optional(),
  parentId: id.optional(),
})

export const ResolveSchema = z.object({ commentId: id })

export const SuggestSchema = z.object({
  sectionId: id,
  baseRevision: z.coerce.number().int().min(0),
  quote: z.string().max(2_000, 'validation.tooLong').optional(),
  replacement: z
    .string({ error: 'validation.required' })
    .min(1, 'validation.required')
    .max(MAX_SECTION_TEXT, 'validation.tooLong'),
  note: z.string().max(500, 'validation.tooLong').optional(),
})

export const DecideSchema = z.object({
  suggestionId: id,
  decision: z.enum(['accept', 'reject']),
  reason: z.string().max(2_000, 'validation.tooLong').optional(),
})

export const StageSchema = z.object({
  stage: z.enum(PLAN_STAGES, { error: 'plans.error.stage' }),
  note: z.string().max(500, 'validation.tooLong').optional(),
})

export const AddSectionSchema = z.object({
  kind: z.enum(SECTION_KINDS, { error: 'plans.error.kind' }),
  parentId: id.optional(),
  titleEs: z.string().max(300, 'validation.tooLong').optional(),
  titleEn: z.string().max(300, 'validation.tooLong').optional(),
  text: z.string().max(MAX_SECTION_TEXT, 'validation.tooLong').optional(),
})

/** move (up, down), reparent (parentId; none: top level), retire, restore, status */
export const SectionToolSchema = z.object({
  sectionId: id,
  direction: z.enum(['up', 'down']).optional(),
  parentId: id.optional(),
  status: z.enum(SECTION_STATUSES, { error: 'plans.error.status' }).optional(),
})
