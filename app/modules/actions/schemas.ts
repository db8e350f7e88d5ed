// Form, query and API body schemas of the action items. Client-safe: shared by the forms (conform), the
// pages and the server. Error messages are message keys (app/i18n/messages/actions.ts). Unknown form
// fields are stripped (zod's default), never applied; API bodies are strict.
// The fixed lists live in ./constants (no zod): pages that only need a list import it from there.
import { z } from 'zod'
import {
  ACTION_PRIORITIES,
  DUE_WINDOWS,
  ORIGIN_TYPES,
  REPORT_STATUSES,
  SORTS,
  STATUS_FILTERS,
} from './constants'
import { uniqueTags } from '~/modules/documents/schemas'

export * from './constants'

const required = { message: 'validation.required' }
export const idField = z
  .string(required)
  .trim()
  .max(64, 'validation.invalid')
  .regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid')
export const orgCodeField = z
  .string(required)
  .trim()
  .toUpperCase()
  .max(40, 'validation.invalid')
  .regex(/^[A-Z0-9-]+$/, 'validation.invalid')
const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(100, 'validation.invalid')
  .regex(/^[a-z0-9-]+$/, 'validation.invalid')
const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional()
export const DAY = /^\d{4}-\d{2}-\d{2}$/
const dayField = z.string(required).trim().regex(DAY, 'actions.error.dueDate')

const progressMessage = { message: 'actions.error.progress' }
/** A whole percentage, 0 to 100. */
const progressNumber = z
  .number(progressMessage)
  .int(progressMessage)
  .min(0, progressMessage)
  .max(100, progressMessage)

/** The filters of the list, from allowlists: anything else is dropped. */
export const ListQuerySchema = z.object({
  owner: orgCodeField.optional().catch(undefined),
  meeting: idField.optional().catch(undefined),
  decision: idField.optional().catch(undefined),
  group: slugField.optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  due: z.enum(DUE_WINDOWS).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export type ListQuery = z.infer<typeof ListQuerySchema>

/** The follow-up board's filters (allowlists: anything else is dropped). */
export const BoardQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  meeting: idField.optional().catch(undefined),
  group: slugField.optional().catch(undefined),
})
export type BoardQuery = z.infer<typeof BoardQuerySchema>
export type ListFilters = Omit<ListQuery, 'page'>

/** A progress report from the page. `revision` is the action's revision the person saw. */
export const UpdateFormSchema = z.object({
  status: z.enum(REPORT_STATUSES, required),
  progress: z.coerce.number(progressMessage).pipe(progressNumber),
  note: optionalText(4000),
  /** ids of library documents */
  evidence: z.array(idField).max(20, 'actions.error.tooManyDocuments').optional(),
  /** or a document's reference, e.g. RCM/2024/REP/003 */
  evidenceReference: z
    .string()
    .trim()
    .max(40, 'validation.invalid')
    .regex(/^[A-Za-z0-9/._-]+$/, 'validation.invalid')
    .optional(),
  revision: z.coerce.number(required).int().min(1),
  /** the owner organization reported for (its code); none: the viewer's own (or, for the secretariat,
   * the whole action) */
  owner: orgCodeField.optional(),
})
export type UpdateFormInput = z.infer<typeof UpdateFormSchema>

/** POST /api/v1/actions/:id/updates. `revision` is optional: when given, a stale one answers 409. */
export const UpdateApiSchema = z
  .object({
    status: z.enum(REPORT_STATUSES, { message: 'actions.error.status' }),
    progress: progressNumber,
    note: z.string().trim().max(4000, 'validation.tooLong').optional(),
    evidence: z.array(z.string().max(64)).max(20, 'actions.error.tooManyDocuments').optional(),
    revision: z.number().int().min(1).optional(),
    /** the owner organization reported for (its code); none: the caller's own */
    owner: orgCodeField.optional(),
  })
  .strict()
export type UpdateApiInput = z.infer<typeof UpdateApiSchema>

/** What both the form and the API hand to postUpdate. */
export interface UpdateInput {
  status: (typeof REPORT_STATUSES)[number]
  progress: number
  note?: string
  evidence?: string[]
  evidenceReference?: string
  revision?: number
  owner?: string
}

/** Create (and edit, with `revision`) an action item: secretariat. */
export const ActionFormSchema = z
  .object({
    titleEs: optionalText(300),
    titleEn: optionalText(300),
    descriptionEs: optionalText(4000),
    descriptionEn: optionalText(4000),
    originType: z.enum(ORIGIN_TYPES, required),
    /** a decision's code (XXVIII-VM/D.3) or id */
    decision: z.string().trim().max(64, 'validation.invalid').optional(),
    agendaItem: idField.optional(),
    group: slugField.optional(),
    planSection: z
      .string()
      .trim()
      .max(64, 'validation.invalid')
      .regex(/^[A-Za-z0-9_.-]+$/, 'validation.invalid')
      .optional(),
    owners: z.array(orgCodeField, required).min(1, 'actions.error.ownersRequired').max(20),
    supporting: z.array(orgCodeField).max(20).optional(),
    /** person ids: at most one per owner, from the owner's own people */
    focalPeople: z.array(idField).max(20).optional(),
    dueDate: dayField,
    priority: z.enum(ACTION_PRIORITIES, required),
    /** comma-separated */
    tags: optionalText(300),
    revision: z.coerce.number().int().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEs && !v.titleEn) {
      ctx.addIssue({ code: 'custom', path: ['titleEs'], message: 'actions.error.titleOneLanguage' })
    }
    const need = {
      decision: 'decision',
      agenda_item: 'agendaItem',
      group: 'group',
      plan_section: 'planSection',
    }
    const field = need[v.originType as keyof typeof need] as keyof typeof v | undefined
    if (field && !v[field])
      ctx.addIssue({ code: 'custom', path: [field], message: 'actions.error.originRequired' })
    if ((v.supporting ?? []).some((s) => v.owners.includes(s))) {
      ctx.addIssue({ code: 'custom', path: ['supporting'], message: 'actions.error.ownerAndSupporting' })
    }
  })
export type ActionFormInput = z.infer<typeof ActionFormSchema>

export const CancelFormSchema = z.object({
  reason: z.string(required).trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
  revision: z.coerce.number(required).int().min(1),
})

/** The undo of a cancellation: the revision the cancellation left. */
export const ReopenFormSchema = z.object({ revision: z.coerce.number(required).int().min(1) })

export const ValidationFormSchema = z
  .object({
    intent: z.enum(['validate', 'return'], required),
    updateId: idField,
    comment: optionalText(2000),
    revision: z.coerce.number(required).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'return' && !v.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'actions.error.returnComment' })
    }
  })
export type ValidationInput = z.infer<typeof ValidationFormSchema>

/** Tags from the comma-separated field: trimmed, in the case they were typed, unique whatever their case,
 * at most 10 of 40 characters. */
export function parseTags(raw: string | undefined): string[] {
  return uniqueTags((raw ?? '').split(',').map((t) => t.trim().slice(0, 40))).slice(0, 10)
}
