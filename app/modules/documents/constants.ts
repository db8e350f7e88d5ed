// The document library's fixed lists, without zod: safe and light for client components.

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
export const ORIGINAL_LANGUAGES = ['es', 'en'] as const

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
