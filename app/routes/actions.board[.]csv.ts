import type { LoaderFunctionArgs } from '@remix-run/node'
import { boardFilename, boardCsv } from '~/modules/actions/board-exports.server'
import { BoardQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'

import { assertAllowedPage } from '~/modules/core/form-reply.server'
import { exportHeaders, CSV_TYPE } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'

// /actions/board.csv?year=&meeting=&group=: the follow-up board as the viewer sees it, filtered as the page.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  assertAllowedPage(viewer, 'action.board')
  const filters = BoardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return new Response(boardCsv(viewer, lang, filters), {
    headers: exportHeaders(CSV_TYPE, contentDisposition(boardFilename(lang, 'csv'))),
  })
}
