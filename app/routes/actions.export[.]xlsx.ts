import type { LoaderFunctionArgs } from '@remix-run/node'
import { actionsXlsx, exportFilename, XLSX_TYPE } from '~/modules/actions/exports.server'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'

// /actions/export.xlsx?<the list's filters>: the same rows as the CSV export, as a spreadsheet.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const { page: _page, ...filters } = ListQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  const body = await actionsXlsx(viewer, filters, lang)
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDisposition(exportFilename(lang, 'xlsx')),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
