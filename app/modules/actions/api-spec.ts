import { z } from 'zod'
import type { EndpointSpec } from '~/modules/api/spec'
import {
  ActionIdParams,
  ActionList,
  ActionRecord,
  ActionsQuery,
  ConflictOut,
  UpdateBody,
  UpdateOut,
} from './api-schemas'

const Forbidden = z.object({ error: z.object({ code: z.literal('forbidden'), message: z.string() }) })

/** The action items' endpoints of /api/v1 (read by openapi.server.ts). */
export const actionsApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/actions',
    summary:
      'Action items the caller may see (actions from members-only meetings are hidden from observers unless their organization owns or supports them), soonest due first, 50 per page. `assignee=PA&overdue=1` lists the open actions of Panama (and its national institutions) whose due day has passed.',
    tags: ['actions'],
    query: ActionsQuery,
    responses: { 200: { description: 'A page of action items', schema: ActionList } },
  },
  {
    method: 'get',
    path: '/actions/{id}',
    summary:
      'One action item with its owners, supporting organizations and the full history of updates (evidence documents the caller may see). 404 when it does not exist or is not visible to the caller.',
    tags: ['actions'],
    params: ActionIdParams,
    responses: { 200: { description: 'The action item', schema: ActionRecord } },
  },
  {
    method: 'post',
    path: '/actions/{id}/updates',
    summary:
      "Report progress: status (not_started, in_progress, blocked, done), progress 0-100, note, evidence (ids of library documents you can see), and optionally the revision you read. Only people of an owner organization (a member state's people also for its national institutions) and the secretariat. A report of done by an owner waits for the secretariat's validation.",
    tags: ['actions'],
    params: ActionIdParams,
    body: { contentType: 'application/json', schema: UpdateBody },
    responses: {
      201: { description: 'The update, added to the history', schema: UpdateOut },
      403: { description: 'Not a person of an owner organization', schema: Forbidden },
      409: {
        description:
          'The revision is stale, the action is cancelled or done, or a report awaits validation: the current state and what you sent',
        schema: ConflictOut,
      },
    },
  },
]
