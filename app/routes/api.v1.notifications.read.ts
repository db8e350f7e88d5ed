import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { translator } from '~/i18n/catalogue.server'
import {
  apiError,
  apiFailure,
  apiJson,
  apiLang,
  methodNotAllowed,
  parseJsonBody,
  requireApiViewer,
} from '~/modules/api/http.server'
import { MarkReadBody } from '~/modules/notifications/api-schemas'
import { markReadForApi } from '~/modules/notifications/api.server'

export const loader = () => methodNotAllowed('POST')

// POST /api/v1/notifications/read {"ids": [...]} or {"all": true}: 200 {marked, unread}; 400 for any
// other body; 404 (and nothing marked) when an id is not one of the caller's own notifications; 401
// signed out; 403 a read-only token.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const body = await parseJsonBody(request, z.unknown())
  const parsed = MarkReadBody.safeParse(body)
  if (!parsed.success)
    return apiError(400, 'invalid', 'The request is not valid.', {
      ids: [translator(lang).t('notifications.api.ids')],
    })
  try {
    return apiJson(markReadForApi(viewer, parsed.data))
  } catch (error) {
    return apiFailure(error, lang)
  }
}
