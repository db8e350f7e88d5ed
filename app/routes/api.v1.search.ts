import type { LoaderFunctionArgs } from '@remix-run/node'
import {
  apiError,
  apiJson,
  apiLang,
  methodNotAllowed,
  optionalApiViewer,
  parseQuery,
} from '~/modules/api/http.server'
import { SearchQuerySchema } from '~/modules/search/api-schemas'
import { apiSearchItem } from '~/modules/search/api.server'
import {
  decodePosition,
  encodePosition,
  searchableTypes,
  searchAcross,
  typeQuery,
} from '~/modules/search/records.server'
import { withReads } from '~/modules/core/read-busy.server'

const LIMIT = 20

// GET /api/v1/search?q=&type=&year=&cursor=: ranked hits of every type the caller may see (documents,
// meetings and their agenda items, decisions, actions, plans and their sections, people), each with a
// snippet whose matches are listed in `highlights` (plain text, no markup). Without `type`, the types
// follow one another (documents first); the cursor names the type and the offset in it.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const query = parseQuery(request, SearchQuerySchema)
  const from = decodePosition(query.cursor)
  if (query.cursor && (!from || (query.type && from.type !== query.type))) {
    throw apiError(400, 'invalid', 'The request is not valid.', { cursor: ['Unknown cursor.'] })
  }
  const q = typeQuery({
    viewer,
    q: (query.q ?? '').slice(0, 200),
    year: query.year,
    lang: apiLang(viewer),
  })
  if (!q) return apiJson({ items: [], nextCursor: null })
  const types = query.type ? [query.type] : searchableTypes(viewer)
  const { items, next } = await withReads(
    q.lang ?? 'en',
    () => searchAcross(q, { types, from, limit: LIMIT }),
    {
      api: true,
    },
  )
  return apiJson({ items: items.map(apiSearchItem), nextCursor: next ? encodePosition(next) : null })
}

export const action = () => methodNotAllowed('GET')
