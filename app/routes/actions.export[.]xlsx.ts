import type { LoaderFunctionArgs } from '@remix-run/node'
import { actionsXlsx, exportFilename } from '~/modules/actions/exports.server'
import { ListQuerySchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { childJobUnavailable } from '~/modules/core/child-jobs.server'
import { exportHeaders, XLSX_TYPE } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'

// /actions/export.xlsx?<the list's filters>: the same rows as the CSV export, as a spreadsheet.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const { page: _page, ...filters } = ListQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  try {
    const body = await actionsXlsx(viewer, filters, lang)
    return new Response(new Uint8Array(body), {
      headers: exportHeaders(XLSX_TYPE, contentDisposition(exportFilename(lang, 'xlsx'))),
    })
  } catch (error) {
    return childJobUnavailable(error, lang)
  }
}
