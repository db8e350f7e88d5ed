import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { meetingZipResponse } from '~/modules/meetings/documents-zip.server'

// /meetings/:id/documents.zip: every document of the meeting the viewer may see, by agenda item.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  return meetingZipResponse(viewer, params.id ?? '', resolveLang(request, viewer))
}
