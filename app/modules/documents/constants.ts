// The document library's fixed lists, without zod or server imports: safe and light for client
// components, and the one definition db/schema.ts builds its enums and CHECK constraints from.

export const DOCUMENT_KINDS = [
  'declaration',
  'decision',
  'conclusions_recommendations',
  'report',
  'work_plan',
  'guideline',
  'concept_note',
  'minutes',
  'presentation',
  'study',
  'other',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const VISIBILITIES = ['public', 'participants', 'members', 'group', 'secretariat'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** Languages of files; a document's original is in one of the two working languages. */
export const FILE_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const
export type FileLanguage = (typeof FILE_LANGUAGES)[number]
export const ORIGINAL_LANGUAGES = ['es', 'en'] as const satisfies readonly FileLanguage[]

/** Text extraction of a file; `none`: a kind without text (images, sheets); `failed`: not extracted,
 * for the reason in TEXT_FAILURES. */
export const TEXT_STATUSES = ['pending', 'done', 'failed', 'none'] as const
export type TextStatus = (typeof TEXT_STATUSES)[number]

/** Why a file's text was not (or only partly) extracted; shown on the document's page. A failed file is
 * never extracted again by the start-up resume. `interrupted`: the server stopped during its extraction
 * (set before it starts, so a file that takes the server down is not tried again); `text_truncated`:
 * extracted (`done`) but only up to EXTRACT_MAX_TEXT_CHARS characters are searchable. */
export const TEXT_FAILURES = [
  'too_large',
  'inflated_too_large',
  'timeout',
  'memory',
  'unreadable',
  'interrupted',
  'text_truncated',
] as const
export type TextFailure = (typeof TEXT_FAILURES)[number]

export const SORTS = ['date_desc', 'date_asc', 'recent', 'title', 'reference'] as const
export type Sort = (typeof SORTS)[number]

export const NEW_DOCUMENT_FIELDS = [
  'title',
  'titleTranslation',
  'kind',
  'language',
  'visibility',
  'group',
  'meeting',
  'agendaItem',
  'description',
  'documentDate',
  'embargoUntil',
  'tags',
] as const
