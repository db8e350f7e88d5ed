import { z } from 'zod'
import type { EndpointSpec } from '~/modules/api/spec'
import {
  CommentBody,
  CommentCreated,
  CommentList,
  CommentsQuery,
  PlanIdParams,
  PlanList,
  PlanRecord,
  RevisionList,
  SectionParams,
  SectionPutBody,
  SectionSaved,
  StaleOut,
} from './api-schemas'

const Forbidden = z.object({ error: z.object({ code: z.literal('forbidden'), message: z.string() }) })
const Required = z.object({
  error: z.object({ code: z.literal('precondition_required'), message: z.string() }),
})

/** The plans' endpoints of /api/v1 (read by openapi.server.ts). */
export const plansApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/plans',
    summary:
      "The plans of the caller's groups (every plan for the secretariat), most recently changed first.",
    tags: ['plans'],
    responses: { 200: { description: 'The plans', schema: PlanList } },
  },
  {
    method: 'get',
    path: '/plans/{id}',
    summary:
      'One plan with its sections in reading order, each with its id, computed number, status, and its current revision and text (Markdown) in the original language, plus both languages. Sends an ETag (If-None-Match answers 304). 404 when the plan does not exist or the caller is not a member of its group.',
    tags: ['plans'],
    params: PlanIdParams,
    headers: [{ name: 'If-None-Match', required: false, description: 'The ETag of a previous answer' }],
    responses: { 200: { description: 'The plan', schema: PlanRecord }, 304: { description: 'Unchanged' } },
  },
  {
    method: 'put',
    path: '/plans/{id}/sections/{sectionId}',
    summary:
      "Save a new text of a section, naming the revision it was written from in If-Match. Drafters and the chair of the plan's group, while the plan is not approved or published (an agreed section: the chair only). A stale revision is refused with the current text and revision: nothing is merged by the API.",
    tags: ['plans'],
    params: SectionParams,
    headers: [
      {
        name: 'If-Match',
        required: true,
        description: 'The section\'s revision the text starts from, e.g. "3"',
      },
    ],
    body: { contentType: 'application/json', schema: SectionPutBody },
    responses: {
      200: { description: 'The new revision', schema: SectionSaved },
      403: {
        description: 'A reader or commenter, a locked plan, an agreed or retired section',
        schema: Forbidden,
      },
      412: {
        description: 'The revision is stale: the current text and revision, your text and their difference',
        schema: StaleOut,
      },
      428: { description: 'If-Match is missing', schema: Required },
    },
  },
  {
    method: 'get',
    path: '/plans/{id}/sections/{sectionId}/revisions',
    summary:
      'Every saved text of a section (both languages), newest first, with its author, note and base revision.',
    tags: ['plans'],
    params: SectionParams,
    responses: { 200: { description: 'The revisions', schema: RevisionList } },
  },
  {
    method: 'get',
    path: '/plans/{id}/comments',
    summary: 'The comment threads of a plan (on a section or a quoted passage of it) with their replies.',
    tags: ['plans'],
    params: PlanIdParams,
    query: CommentsQuery,
    responses: { 200: { description: 'The threads', schema: CommentList } },
  },
  {
    method: 'post',
    path: '/plans/{id}/comments',
    summary:
      'Open a thread on a section (optionally quoting a passage) or reply to one (`parent`). Commenters, drafters and the chair, until the plan is approved.',
    tags: ['plans'],
    params: PlanIdParams,
    body: { contentType: 'application/json', schema: CommentBody },
    responses: {
      201: { description: 'The comment and its thread', schema: CommentCreated },
      403: { description: 'A reader, or a locked plan', schema: Forbidden },
    },
  },
]
