import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import {
  apiError,
  apiFailure,
  apiJson,
  apiLang,
  methodNotAllowed,
  parseJsonBody,
  requireApiViewer,
} from '~/modules/api/http.server'
import { UpdateBody } from '~/modules/actions/api-schemas'
import { createdUpdate, validationFields } from '~/modules/actions/api.server'
import { postUpdate } from '~/modules/actions/reports.server'

export const loader = () => methodNotAllowed('POST')

// POST /api/v1/actions/:id/updates {status, progress, note, evidence?, revision?}: 201 with the update;
// 400 with field messages; 403 not a person of an owner organization; 404 hidden; 409 stale or closed
// (with the current state and what was sent).
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return methodNotAllowed('POST')
  }
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const body = await parseJsonBody(request, z.unknown())
  const parsed = UpdateBody.safeParse(body)
  if (!parsed.success) {
    return apiError(400, 'invalid', 'The request is not valid.', validationFields(parsed.error, lang))
  }
  const id = params.id ?? ''
  try {
    const created = postUpdate(viewer, id, parsed.data)
    return apiJson(createdUpdate(viewer, id, created.id), 201, { Location: `/api/v1/actions/${id}` })
  } catch (error) {
    return apiFailure(error, lang, parsed.data)
  }
}
