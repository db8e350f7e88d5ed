import type { LoaderFunctionArgs } from '@remix-run/node'
import { actionsCsv, CSV_TYPE, exportFilename } from '~/modules/actions/exports.server'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
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
    headers: {
      'Content-Type': CSV_TYPE,
      'Content-Disposition': contentDisposition(exportFilename(lang, 'csv')),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
