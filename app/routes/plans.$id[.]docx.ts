import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireViewer } from '~/modules/auth/viewer.server'
import { childJobUnavailable } from '~/modules/core/child-jobs.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { exportHeaders } from '~/modules/core/table-export.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { outputLang, planContent } from '~/modules/plans/word-content.server'
import { DOCX_TYPE, docxFilename, planDocx } from '~/modules/plans/word-export.server'

// /plans/:id.docx?lang=es|en&stage=<a stage of its history>: the whole plan as a Word file, as it
// stands or as it stood when that stage began. The route's name is more specific than plans.$id, so it
// is matched first. Members of the plan's group and the secretariat; anyone else gets a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const search = new URL(request.url).searchParams
  const lang = outputLang(search, resolveLang(request, viewer))
  const content = planContent(viewer, params.id ?? '', { lang, stage: search.get('stage') })
  if (!content) throw notFoundResponse()
  const now = new Date()
  try {
    const body = await planDocx(content, now)
    return new Response(new Uint8Array(body), {
      headers: {
        ...exportHeaders(DOCX_TYPE, contentDisposition(docxFilename(content, now))),
        'Content-Security-Policy': 'sandbox',
      },
    })
  } catch (error) {
    return childJobUnavailable(error, lang)
  }
}
