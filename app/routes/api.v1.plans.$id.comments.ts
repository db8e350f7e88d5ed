import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import {
  apiError,
  apiFailure,
  apiJson,
  apiLang,
  notFound,
  parseJsonBody,
  parseQuery,
  requireApiViewer,
} from '~/modules/api/http.server'
import { CommentBody, CommentsQuery } from '~/modules/plans/api-schemas'
import { commentsForApi } from '~/modules/plans/api.server'
import { addComment } from '~/modules/plans/comments.server'
import { visiblePlan } from '~/modules/plans/loading.server'

// GET: the plan's comment threads with their replies (?section= for one section); 404 when hidden.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  const query = parseQuery(request, CommentsQuery)
  const items = commentsForApi(viewer, params.id ?? '', query.section)
  return items ? apiJson({ items, nextCursor: null }) : notFound()
}

// POST {section, body, quote?, lang?, parent?}: 201 with the comment; 403 for readers; 404 when hidden.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return apiError(405, 'method_not_allowed', 'Use POST.', undefined, { Allow: 'GET, POST' })
  }
  const viewer = requireApiViewer(request)
  const planId = params.id ?? ''
  if (!visiblePlan(viewer, planId)) return notFound()
  const body = await parseJsonBody(request, CommentBody)
  try {
    const id = addComment(viewer, planId, {
      sectionId: body.section,
      body: body.body,
      quote: body.quote,
      lang: body.lang,
      parentId: body.parent,
    })
    const thread = commentsForApi(viewer, planId, body.section)?.find(
      (t) => t.id === id || t.replies.some((r) => r.id === id),
    )
    return apiJson({ id, thread: thread?.id ?? id }, 201, { Location: `/api/v1/plans/${planId}/comments` })
  } catch (error) {
    return apiFailure(error, apiLang(viewer), body)
  }
}
