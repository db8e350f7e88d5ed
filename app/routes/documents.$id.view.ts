import type { LoaderFunctionArgs } from '@remix-run/node'
import { getViewer } from '~/modules/auth/viewer.server'
import { fileResponse } from '~/modules/documents/download.server'

// /documents/:id/view?version=N&lang=es: a PDF shown inline, for the viewer on the document's page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return fileResponse(getViewer(request), params.id ?? '', new URL(request.url), 'view')
}
