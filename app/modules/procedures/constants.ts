// The written (silence) procedure's fixed lists, client-safe (db/schema.ts builds its enums and CHECK
// constraints from them; can.ts and the pages use the same arrays).

/** What is circulated: a plan at its consolidated-draft stage, one version of a library document, or a
 * draft decision written in the procedure itself (Spanish and English). */
export const PROCEDURE_TEXT_KINDS = ['plan', 'document_version', 'decision_text'] as const
export type ProcedureTextKind = (typeof PROCEDURE_TEXT_KINDS)[number]

export const PROCEDURE_STATUSES = ['open', 'closed'] as const
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number]

/** Silence unbroken at the deadline: adopted; broken (an objection or an amendment): not adopted. */
export const PROCEDURE_OUTCOMES = ['adopted', 'not_adopted'] as const
export type ProcedureOutcome = (typeof PROCEDURE_OUTCOMES)[number]

/** A state's position: explicit agreement, or breaking silence by an objection or an amendment. */
export const PROCEDURE_POSITIONS = ['agree', 'object', 'amend'] as const
export type ProcedurePosition = (typeof PROCEDURE_POSITIONS)[number]

/** Who may see the procedure besides the states concerned and the secretariat. */
export const PROCEDURE_VISIBILITIES = ['participants', 'members'] as const
export type ProcedureVisibility = (typeof PROCEDURE_VISIBILITIES)[number]

export const breaksSilence = (p: ProcedurePosition) => p !== 'agree'

/** The reminder goes this long before the deadline. */
export const REMINDER_BEFORE_MS = 2 * 24 * 60 * 60 * 1000

/** The list's filters (the page's select and the API's `status`); anything else reads as `open`. */
export const PROCEDURE_FILTERS = ['open', 'closed', 'adopted', 'not_adopted', 'all'] as const
export type ProcedureFilter = (typeof PROCEDURE_FILTERS)[number]
export const readFilter = (v: string | null): ProcedureFilter =>
  (PROCEDURE_FILTERS as readonly string[]).includes(v ?? '') ? (v as ProcedureFilter) : 'open'
