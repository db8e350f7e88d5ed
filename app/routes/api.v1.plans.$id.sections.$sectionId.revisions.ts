import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, notFound, requireApiViewer } from '~/modules/api/http.server'
import { revisionsForApi } from '~/modules/plans/api.server'

// Every revision of a section, newest first; 404 for a hidden plan or a missing section.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const items = revisionsForApi(viewer, params.id ?? '', params.sectionId ?? '')
  return items ? apiJson({ items, nextCursor: null }) : notFound()
}

export const action = () => apiError(405, 'method_not_allowed', 'Use GET.', undefined, { Allow: 'GET' })
