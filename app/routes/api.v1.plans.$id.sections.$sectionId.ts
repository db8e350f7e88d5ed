import type { ActionFunctionArgs } from '@remix-run/node'
import {
  apiError,
  apiFailure,
  apiJson,
  apiLang,
  notFound,
  parseJsonBody,
  requireApiViewer,
} from '~/modules/api/http.server'
import { translator } from '~/i18n'
import { ifMatchRevision } from '~/modules/plans/api.server'
import { SectionPutBody } from '~/modules/plans/api-schemas'
import { visiblePlan } from '~/modules/plans/loading.server'
import { saveSection } from '~/modules/plans/writing.server'

export const loader = () => apiError(405, 'method_not_allowed', 'Use PUT.', undefined, { Allow: 'PUT' })

// PUT /api/v1/plans/:id/sections/:sectionId {text, lang?, note?} with If-Match: "<revision>": 200 with
// the new revision; 412 when the revision is stale (with the current text and revision, and what was
// sent); 428 without If-Match; 403 for readers, commenters and locked plans; 404 for outsiders.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PUT') {
    return apiError(405, 'method_not_allowed', 'Use PUT.', undefined, { Allow: 'PUT' })
  }
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const planId = params.id ?? ''
  if (!visiblePlan(viewer, planId)) return notFound()
  const base = ifMatchRevision(request)
  if (base === null) {
    return apiError(428, 'precondition_required', translator(lang).t('plans.error.noRevision'))
  }
  const body = await parseJsonBody(request, SectionPutBody)
  try {
    const saved = saveSection(viewer, planId, params.sectionId ?? '', {
      text: body.text,
      lang: body.lang,
      note: body.note,
      baseRevision: Number.isNaN(base) ? -1 : base,
      mode: 'strict',
    })
    return apiJson(
      {
        id: saved.sectionId,
        lang: saved.lang,
        revision: saved.revision,
        text: saved.text,
        unchanged: saved.unchanged,
      },
      200,
      { ETag: `"${saved.revision}"` },
    )
  } catch (error) {
    return apiFailure(error, lang, body)
  }
}
