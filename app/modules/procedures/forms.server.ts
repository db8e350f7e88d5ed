// The written procedure's forms and API bodies, parsed on the server only (a .server module: zod stays
// out of the browser). Messages are keys of app/i18n/messages/procedures.ts.
import { z } from 'zod'
import { PROCEDURE_POSITIONS, PROCEDURE_TEXT_KINDS, PROCEDURE_VISIBILITIES } from './constants'

export const MAX_SUBJECT = 300
export const MAX_TEXT = 100_000
export const MAX_REASON = 10_000

const ID = /^[A-Za-z0-9_-]{1,64}$/
const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v])
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
/** a `datetime-local` value in San José's time (the secretariat's seat) */
const localDeadline = z
  .string({ error: 'procedures.error.deadlineRequired' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'procedures.error.deadlineFormat')

export const LaunchSchema = z
  .object({
    subjectEs: z.preprocess(
      blankToUndefined,
      z.string().trim().max(MAX_SUBJECT, 'validation.tooLong').optional(),
    ),
    subjectEn: z.preprocess(
      blankToUndefined,
      z.string().trim().max(MAX_SUBJECT, 'validation.tooLong').optional(),
    ),
    textKind: z.enum(PROCEDURE_TEXT_KINDS, { error: 'procedures.error.textKind' }),
    plan: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(ID, 'procedures.error.unknownText').optional(),
    ),
    document: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(ID, 'procedures.error.unknownText').optional(),
    ),
    version: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: 'procedures.error.unknownText' }).int().min(1).max(100_000).optional(),
    ),
    textEs: z.preprocess(blankToUndefined, z.string().max(MAX_TEXT, 'validation.tooLong').optional()),
    textEn: z.preprocess(blankToUndefined, z.string().max(MAX_TEXT, 'validation.tooLong').optional()),
    /** ISO codes of the member states concerned; none: all of them */
    states: z.preprocess(
      asList,
      z
        .array(
          z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z]{2}$/, 'procedures.error.unknownState'),
        )
        .max(20, 'procedures.error.unknownState'),
    ),
    deadline: localDeadline,
    visibility: z.enum(PROCEDURE_VISIBILITIES, { error: 'procedures.error.visibility' }).default('members'),
    previous: z.preprocess(blankToUndefined, z.string().trim().regex(ID, 'error.404').optional()),
  })
  .strip()
  .superRefine((v, ctx) => {
    if (!v.subjectEs && !v.subjectEn)
      ctx.addIssue({ code: 'custom', path: ['subjectEs'], message: 'procedures.error.subjectRequired' })
    if (v.textKind === 'plan' && !v.plan)
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'procedures.error.unknownText' })
    if (v.textKind === 'document_version' && !v.document)
      ctx.addIssue({ code: 'custom', path: ['document'], message: 'procedures.error.unknownText' })
    if (v.textKind === 'decision_text' && !v.textEs?.trim() && !v.textEn?.trim())
      ctx.addIssue({ code: 'custom', path: ['textEs'], message: 'procedures.error.textRequired' })
  })
export type LaunchInput = z.infer<typeof LaunchSchema>

export const PositionSchema = z
  .object({
    position: z.enum(PROCEDURE_POSITIONS, { error: 'procedures.error.position' }),
    reason: z.string().trim().max(MAX_REASON, 'validation.tooLong').optional(),
    /** the state the position is for (ISO code); none: the person's own */
    state: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'procedures.error.unknownState')
        .optional(),
    ),
  })
  .strip()
  .superRefine((v, ctx) => {
    if (v.position !== 'agree' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message:
          v.position === 'object' ? 'procedures.error.reasonRequired' : 'procedures.error.amendmentRequired',
      })
  })
export type PositionInput = z.infer<typeof PositionSchema>

export const ExtendSchema = z
  .object({
    deadline: localDeadline,
    reason: z
      .string({ error: 'procedures.error.extensionReasonRequired' })
      .trim()
      .min(1, 'procedures.error.extensionReasonRequired')
      .max(MAX_REASON, 'validation.tooLong'),
  })
  .strip()
export type ExtendInput = z.infer<typeof ExtendSchema>

export const DelegateSchema = z
  .object({
    person: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(ID, 'procedures.error.unknownPerson').optional(),
    ),
  })
  .strip()
export type DelegateInput = z.infer<typeof DelegateSchema>
