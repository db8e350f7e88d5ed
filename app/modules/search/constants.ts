// Client-safe: what /search and GET /api/v1/search?type= find, in the order the page lists them.
export const SEARCH_TYPES = ['document', 'meeting', 'decision', 'action', 'plan', 'person'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const isSearchType = (v: unknown): v is SearchType =>
  typeof v === 'string' && (SEARCH_TYPES as readonly string[]).includes(v)

/** Counts above this are shown as "1000+": counting every match of a common word costs too much. */
export const COUNT_CAP = 1000
/** The years a search can be narrowed to. */
export const MIN_YEAR = 1990
export const MAX_YEAR = 2100
