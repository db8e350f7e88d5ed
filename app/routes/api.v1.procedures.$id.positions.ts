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
import { PositionBody } from '~/modules/procedures/api-schemas'
import { positionFields } from '~/modules/procedures/api.server'
import { PositionSchema } from '~/modules/procedures/forms.server'
import { takePosition } from '~/modules/procedures/procedures.server'

export const loader = () => methodNotAllowed('POST')

// POST /api/v1/procedures/:id/positions {position: agree|object|amend, reason, state?}: 201 with the
// position; 400 with field messages (a reason is required to object or amend); 403 not the state's focal
// point or named delegate, another state, an observer or organization, or after the deadline; 404 hidden.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const body = await parseJsonBody(request, z.unknown())
  const strict = PositionBody.safeParse(body)
  const parsed = strict.success ? PositionSchema.safeParse(strict.data) : strict
  if (!parsed.success)
    return apiError(400, 'invalid', 'The request is not valid.', positionFields(parsed.error, lang))
  const id = params.id ?? ''
  try {
    const saved = takePosition(viewer, id, parsed.data as z.infer<typeof PositionSchema>)
    return apiJson(
      {
        id,
        state: parsed.data.state ?? viewer.organizationCode,
        position: saved.position,
        version: saved.version,
      },
      201,
      { Location: `/api/v1/procedures/${id}` },
    )
  } catch (error) {
    return apiFailure(error, lang)
  }
}
