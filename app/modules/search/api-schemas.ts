import { z } from 'zod'
import { MAX_YEAR, MIN_YEAR, SEARCH_TYPES } from './constants'

/** GET /api/v1/search: strict, so that a misspelt parameter is a 400 rather than ignored. `q` may be
 * long or hostile: only its first 200 characters are read, and only as words (toFtsQuery). */
export const SearchQuerySchema = z.strictObject({
  q: z
    .string()
    .max(20_000)
    .optional()
    .meta({ description: 'Words to find (accents ignored); at most 12 are used' }),
  type: z.enum(SEARCH_TYPES).optional().meta({ description: 'Only hits of this type' }),
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional().meta({
    description:
      "Only records of this year (a document's date, a meeting's start, an action's due day, a plan's creation); people have none",
  }),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
})
