import type { LoaderFunctionArgs } from '@remix-run/node'
import { actionsCsv, exportFilename } from '~/modules/actions/exports.server'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { CSV_TYPE, exportHeaders } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'

// /actions/export.csv?<the list's filters>: the filtered list as the viewer may see it (visibility in SQL).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const { page: _page, ...filters } = ListQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  return new Response(actionsCsv(viewer, filters, lang), {
    headers: exportHeaders(CSV_TYPE, contentDisposition(exportFilename(lang, 'csv'))),
  })
}
