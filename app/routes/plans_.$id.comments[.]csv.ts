import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { exportHeaders, CSV_TYPE } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { commentMatrixCsv, matrixFilename } from '~/modules/plans/comment-exports.server'
import { MatrixFiltersSchema } from '~/modules/plans/round-forms.server'

// /plans/:id/comments.csv?round=&organization=&outcome=: the comment matrix as the page shows it; the
// 404 page for a plan the viewer may not see.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const filters = MatrixFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const body = commentMatrixCsv(viewer, params.id ?? '', lang, filters)
  if (body === null) throw notFoundResponse()
  return new Response(body, {
    headers: exportHeaders(CSV_TYPE, contentDisposition(matrixFilename(lang, 'csv'))),
  })
}
