import type { EndpointSpec } from '~/modules/api/spec'
import {
  PositionBody,
  PositionCreated,
  ProcedureIdParams,
  ProcedureList,
  ProcedureListQuery,
  ProcedureRecord,
} from './api-schemas'

/** The written procedures' endpoints of /api/v1 (read by openapi.server.ts). */
export const proceduresApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/procedures',
    summary:
      'Written (silence) procedures the caller may see, newest first: member states and the secretariat see all, observers and organizations those open to participants.',
    tags: ['procedures'],
    query: ProcedureListQuery,
    responses: { 200: { description: 'The procedures', schema: ProcedureList } },
  },
  {
    method: 'get',
    path: '/procedures/{id}',
    summary:
      "One procedure: the frozen text, the deadline (UTC; a moment in San José's time), the outcome and decision code, who broke silence and why; each state's position and its history for member states and the secretariat. 404 when hidden or missing.",
    tags: ['procedures'],
    params: ProcedureIdParams,
    responses: { 200: { description: 'The procedure', schema: ProcedureRecord } },
  },
  {
    method: 'post',
    path: '/procedures/{id}/positions',
    summary:
      "Record the position of the caller's state (its focal point or the delegate the focal point named) until the deadline: agree, object (with a reason) or amend (with the wording). Replaces the current position; earlier ones stay in the history.",
    tags: ['procedures'],
    params: ProcedureIdParams,
    body: { contentType: 'application/json', schema: PositionBody },
    responses: {
      201: { description: 'The position recorded', schema: PositionCreated },
      400: { description: 'Invalid (field messages)' },
      403: {
        description: 'Not allowed: another state, not the focal point or named delegate, after the deadline',
      },
      404: { description: 'Hidden or missing' },
    },
  },
]
