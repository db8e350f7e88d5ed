import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'

import { CSV_TYPE, exportHeaders } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { decisionsCsv, decisionsFilename } from '~/modules/meetings/decisions-export.server'
import { DecisionRegisterQuerySchema } from '~/modules/meetings/forms.server'

// /meetings/decisions/export.csv?<the register's filters>: every matching decision the viewer may see
// (visibility of the meeting in SQL), withdrawn ones said so.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const { page: _page, ...query } = DecisionRegisterQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  return new Response(decisionsCsv(viewer, query, lang), {
    headers: exportHeaders(CSV_TYPE, contentDisposition(decisionsFilename(lang, 'csv'))),
  })
}
