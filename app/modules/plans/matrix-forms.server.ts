// The implementation matrix's forms, parsed on the server only (a .server module: zod stays out of the
// browser). Messages are keys of app/i18n/messages/plan-matrix.ts.
import { z } from 'zod'

export const MAX_INDICATOR = 2_000
export const MAX_RESPONSIBLES = 20

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day (2026-02-30 is not). */
export function isRealDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

const indicator = z.string().trim().max(MAX_INDICATOR, 'validation.tooLong').optional()
/** empty: no day */
const day = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isRealDay(v), 'planMatrix.error.day')
const orgCode = z.string().trim().toUpperCase()
// checked as a whole, so that the message stands at the field (the list), not at one of its items
const orgCodes = z
  .array(orgCode)
  .max(MAX_RESPONSIBLES, 'planMatrix.error.tooManyOrganizations')
  .refine(
    (codes) => codes.every((c) => c.length <= 40 && /^[A-Z0-9-]+$/.test(c)),
    'planMatrix.error.unknownOrganization',
  )
  .optional()

export const MatrixFieldsSchema = z
  .object({
    indicatorEs: indicator,
    indicatorEn: indicator,
    startDate: day,
    endDate: day,
    /** organization codes */
    lead: orgCodes,
    support: orgCodes,
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && isRealDay(v.startDate) && isRealDay(v.endDate) && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'planMatrix.error.endBeforeStart' })
    if ((v.support ?? []).some((c) => (v.lead ?? []).includes(c)))
      ctx.addIssue({ code: 'custom', path: ['support'], message: 'planMatrix.error.leadAndSupport' })
  })
export type MatrixFieldsInput = z.infer<typeof MatrixFieldsSchema>

/** Turning a section into an action item; `confirm` once the person has seen that it already has some. */
export const ConvertSchema = z.object({
  confirm: z.enum(['1']).optional(),
})
