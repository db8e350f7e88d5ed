import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiFailure, apiJson, apiLang, methodNotAllowed, requireApiViewer } from '~/modules/api/http.server'
import { getMeetingForApi } from '~/modules/meetings/api.server'

// A members-only meeting answers 404 to an observer, exactly like a meeting that does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireApiViewer(request)
  try {
    return apiJson(getMeetingForApi(viewer, params.id ?? ''))
  } catch (error) {
    return apiFailure(error, apiLang(viewer))
  }
}

export const action = () => methodNotAllowed('GET')
