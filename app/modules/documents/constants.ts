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

/** Text extraction of a file; `none`: not extracted (a kind without text such as images and sheets, or
 * a file over the extraction limit). */
export const TEXT_STATUSES = ['pending', 'done', 'failed', 'none'] as const
export type TextStatus = (typeof TEXT_STATUSES)[number]

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
