import type { EndpointSpec } from '~/modules/api/spec'
import { MeetingDetail, MeetingIdParams, MeetingList, MeetingsQuery } from './api-schemas'

/** The meetings area's endpoints of /api/v1 (read by openapi.server.ts). */
export const meetingsApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/meetings',
    summary:
      'Meetings the caller may see (members-only meetings are not listed for observer states, international organizations or civil society), newest first, 100 per page.',
    tags: ['meetings'],
    query: MeetingsQuery,
    responses: { 200: { description: 'A page of meetings', schema: MeetingList } },
  },
  {
    method: 'get',
    path: '/meetings/{id}',
    summary:
      "One meeting with its agenda (items and sub-items, the documents the caller may see), its numbered decisions and its delegations (members' logistics only for the secretariat and their own delegation). 404 when it does not exist or is not visible to the caller.",
    tags: ['meetings'],
    params: MeetingIdParams,
    responses: { 200: { description: 'The meeting', schema: MeetingDetail } },
  },
]
