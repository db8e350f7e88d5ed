import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'
import { childJobUnavailable } from '~/modules/core/child-jobs.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { exportHeaders, XLSX_TYPE } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { commentMatrixXlsx, matrixFilename } from '~/modules/plans/comment-exports.server'
import { MatrixFiltersSchema } from '~/modules/plans/round-forms.server'

// /plans/:id/comments.xlsx?round=&organization=&outcome=: the comment matrix as a spreadsheet, built in a
// child process; 503 when it cannot be built now, the 404 page for a plan the viewer may not see.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const filters = MatrixFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  let body: Buffer | null
  try {
    body = await commentMatrixXlsx(viewer, params.id ?? '', lang, filters)
  } catch (error) {
    return childJobUnavailable(error, lang)
  }
  if (body === null) throw notFoundResponse()
  return new Response(new Uint8Array(body), {
    headers: exportHeaders(XLSX_TYPE, contentDisposition(matrixFilename(lang, 'xlsx'))),
  })
}
