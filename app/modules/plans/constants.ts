// The plans area's fixed lists, without zod or server imports (client-safe; db/schema.ts builds its
// enums and CHECK constraints from them, can.ts and the pages use the same arrays).

/** A plan's life, in order: a mandate, a drafting group at work, comment rounds of the institutions,
 * validation workshops (civil society, international organizations), a consolidated final draft, its
 * approval (decree, board), its publication. */
export const PLAN_STAGES = [
  'mandate',
  'drafting',
  'institutional_consultation',
  'validation_workshop',
  'consolidated_draft',
  'approved',
  'published',
] as const
export type PlanStage = (typeof PLAN_STAGES)[number]

/** Stages at which the text still changes; an approved or published plan is locked. */
export const EDITABLE_STAGES: readonly PlanStage[] = [
  'mandate',
  'drafting',
  'institutional_consultation',
  'validation_workshop',
  'consolidated_draft',
]

/** The levels of a plan's tree: chapters, strategic objectives, lines of action, activities. */
export const SECTION_KINDS = ['chapter', 'objective', 'line', 'activity'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

/** Where the negotiation of a section stands. */
export const SECTION_STATUSES = ['draft', 'in_consultation', 'agreed_ad_referendum', 'agreed'] as const
export type SectionStatus = (typeof SECTION_STATUSES)[number]

/** The languages a section is written in (the interface languages). */
export const SECTION_LANGS = ['es', 'en'] as const
export type SectionLang = (typeof SECTION_LANGS)[number]

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

/** Longest section text accepted (characters). */
export const MAX_SECTION_TEXT = 100_000

/** What the drafters did with a comment of a consultation round (the comment matrix's "action taken"). */
export const ROUND_OUTCOMES = ['incorporated', 'partially_incorporated', 'not_incorporated', 'noted'] as const
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number]

/** An institution's part in a line of action or an activity of the implementation matrix. */
export const RESPONSIBLE_ROLES = ['lead', 'support'] as const
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number]

/** Longest DOCX accepted for a plan import (bytes), and most sections an import may create. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_SECTIONS = 500
/** What the zip entries of an imported DOCX may inflate to in all (declared or counted while inflating). */
export const MAX_IMPORT_INFLATED_BYTES = 100 * 1024 * 1024
