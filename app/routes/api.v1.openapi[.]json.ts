import { apiJson, methodNotAllowed } from '~/modules/api/http.server'
import { openApiDocument } from '~/modules/api/openapi.server'

// Public and the same for everyone, so it may be cached for a few minutes.
export async function loader() {
  return apiJson(openApiDocument(), 200, { 'Cache-Control': 'public, max-age=300' })
}

export const action = () => methodNotAllowed('GET')
