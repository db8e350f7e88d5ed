// The audit log's fixed lists, without zod or server imports (client-safe; db/schema.ts builds on them).

/** ok: done; refused: not allowed; failed: an attempt that did not succeed (a wrong password, a used link). */
export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]
