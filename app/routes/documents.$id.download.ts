import type { LoaderFunctionArgs } from '@remix-run/node'
import { getViewer } from '~/modules/auth/viewer.server'
import { fileResponse } from '~/modules/documents/download.server'

// /documents/:id/download?version=N&lang=es: public documents without signing in; anything else only
// for those who may see it (404 otherwise, signed in or not). A Bearer token works too.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return fileResponse(getViewer(request), params.id ?? '', new URL(request.url), 'download')
}
