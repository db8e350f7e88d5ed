import type { EndpointSpec } from '~/modules/api/spec'

/** The members area's endpoints of /api/v1 (read by openapi.server.ts). */
export const membersApi: EndpointSpec[] = []
