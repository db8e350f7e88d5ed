import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'
import { importAsJson } from '~/modules/plans/import-http.server'

// POST /plans/import.json[?plan=<id>]: the Word import of /plans and /plans/:id/import sent by the
// page's script, so that the upload can show its progress; the same checks and answers as the pages'
// actions, as JSON (201 with the summary).
export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  return importAsJson(request, viewer, new URL(request.url).searchParams.get('plan'))
}

export function loader(_: LoaderFunctionArgs) {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}
