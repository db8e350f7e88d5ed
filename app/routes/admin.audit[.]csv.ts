import type { LoaderFunctionArgs } from '@remix-run/node'
import { auditCsv, auditFiltersOf } from '~/modules/audit/in-words.server'
import { requireViewer } from '~/modules/auth/viewer.server'
import { assertAllowedPage } from '~/modules/core/form-reply.server'
import { CSV_TYPE, exportHeaders } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { AuditFiltersSchema, searchParamsObject } from '~/modules/members/people-schemas'

// /admin/audit.csv?<the page's filters>: the filtered log in the reader's language (secretariat only).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertAllowedPage(viewer, 'audit.read')
  const lang = resolveLang(request, viewer)
  const { before: _before, ...filters } = AuditFiltersSchema.parse(searchParamsObject(request.url))
  const name = lang === 'es' ? 'registro-auditoria.csv' : 'audit-log.csv'
  return new Response(auditCsv(auditFiltersOf(filters), lang), {
    headers: exportHeaders(CSV_TYPE, contentDisposition(name)),
  })
}
