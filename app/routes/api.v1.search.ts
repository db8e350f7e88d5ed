import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiJson, methodNotAllowed, optionalApiViewer } from '~/modules/api/http.server'
import { decodeCursor, encodeCursor } from '~/modules/documents/api.server'
import { searchDocuments } from '~/modules/search/search.server'

const LIMIT = 20

// GET /api/v1/search?q=: ranked documents the caller may see, with a snippet whose matches are listed
// in `highlights` (plain text, no markup).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const params = new URL(request.url).searchParams
  const q = (params.get('q') ?? '').slice(0, 200)
  const offset = decodeCursor(params.get('cursor'))
  const { items, hasMore } = searchDocuments(viewer, q, { limit: LIMIT, offset })
  return apiJson({
    items: items.map((h) => ({
      id: h.id,
      reference: h.reference,
      title: h.titleEs ?? h.titleEn,
      titleEs: h.titleEs,
      titleEn: h.titleEn,
      kind: h.kind,
      documentDate: h.documentDate,
      visibility: h.visibility,
      organization: h.organizationCode,
      group: h.groupSlug,
      snippet: h.snippet,
      highlights: h.parts.filter((p) => p.match).map((p) => p.text),
      url: `/documents/${h.id}`,
    })),
    nextCursor: hasMore ? encodeCursor(offset + LIMIT) : null,
  })
}

export const action = () => methodNotAllowed('GET')
