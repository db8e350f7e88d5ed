import type { EndpointSpec } from '~/modules/api/spec'
import {
  GroupList,
  OrganizationCodeParams,
  OrganizationDetail,
  OrganizationList,
  OrganizationsQuery,
} from './api-schemas'

/** The members area's endpoints of /api/v1 (read by openapi.server.ts). */
export const membersApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/organizations',
    summary:
      'Every organization: member and observer states (ISO codes), international organizations, civil society, the secretariat and national institutions. Public.',
    tags: ['members'],
    auth: 'optional',
    query: OrganizationsQuery,
    responses: { 200: { description: 'The organizations', schema: OrganizationList } },
  },
  {
    method: 'get',
    path: '/organizations/{code}',
    summary:
      'One organization with its institutions, Pro-Tempore Presidency years and people. People are listed only to signed-in callers; e-mail and phone only to the secretariat and the same organization.',
    tags: ['members'],
    auth: 'optional',
    params: OrganizationCodeParams,
    responses: { 200: { description: 'The organization', schema: OrganizationDetail } },
  },
  {
    method: 'get',
    path: '/groups',
    summary: 'Working groups, networks, ad hoc and drafting groups, with whether the caller belongs. Public.',
    tags: ['members'],
    auth: 'optional',
    responses: { 200: { description: 'The groups', schema: GroupList } },
  },
]
