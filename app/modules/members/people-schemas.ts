// Schemas of people administration and invitations. Client-safe: shared by the forms (conform) and the
// server. Error messages are message keys (app/i18n). Unknown fields (status, passwordHash, ...) are
// stripped by zod's default object parsing: they never reach a service.
import { z } from 'zod'
import { AUDIT_OUTCOMES } from '~/modules/audit/constants'
import { INVITE_ROLES, PEOPLE_SORTS, PERSON_STATUSES } from './constants'

// The fixed lists live in ./constants (no zod): pages that only need a list import it from there.
export * from './constants'

// The invitation form's schema runs in the browser too (invite.tsx): it lives in a module of its own.
export { InviteSchema, type InviteInput } from './invite-schema'

export const PERSON_ACTIONS = ['disable', 'enable', 'endSessions', 'resend'] as const
export type PersonAction = (typeof PERSON_ACTIONS)[number]

/** The per-row buttons of /admin/people. */
export const PersonActionSchema = z.object({
  intent: z.enum(PERSON_ACTIONS),
  personId: z.string().trim().min(1).max(40),
})

// ---- list filters (GET forms): anything unknown or malformed falls back to "no filter" ----

const optionalParam = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined))

export const PeopleFiltersSchema = z.object({
  q: optionalParam(200),
  org: optionalParam(40).transform((v) => v?.toUpperCase()),
  role: z.enum(INVITE_ROLES).optional().catch(undefined),
  status: z.enum(PERSON_STATUSES).optional().catch(undefined),
  sort: z.enum(PEOPLE_SORTS).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
export type PeopleFilters = z.infer<typeof PeopleFiltersSchema>

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  .optional()
  .catch(undefined)

export const AuditFiltersSchema = z.object({
  actor: optionalParam(254),
  action: optionalParam(100),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  from: isoDay,
  to: isoDay,
  before: z.coerce.number().int().positive().optional().catch(undefined),
})
export type AuditFilterParams = z.infer<typeof AuditFiltersSchema>

/** A query string's parameters as a plain object (the first value of each name). */
export function searchParamsObject(url: URL | string): Record<string, string> {
  const u = typeof url === 'string' ? new URL(url) : url
  const out: Record<string, string> = {}
  for (const [k, v] of u.searchParams) if (!(k in out)) out[k] = v
  return out
}
