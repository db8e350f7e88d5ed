import type { EndpointSpec } from '~/modules/api/spec'
import { Me } from './api-schemas'

/** The auth area's endpoints of /api/v1 (read by openapi.server.ts). */
export const authApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/me',
    summary: 'The caller: person, organization, institution and group memberships.',
    tags: ['auth'],
    auth: 'required',
    responses: { 200: { description: 'The signed-in person', schema: Me } },
  },
]
