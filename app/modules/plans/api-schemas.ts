// Response and body schemas of the plans' JSON API. Client-safe (no server imports): the handlers build
// these shapes, the tests check responses against them, and openapi.json is generated from them.
import { z } from 'zod'
import { MAX_SECTION_TEXT, PLAN_STAGES, SECTION_KINDS, SECTION_LANGS, SECTION_STATUSES } from './constants'

const Id = z.string().describe('Opaque identifier')
const Instant = z.string().describe('ISO 8601 instant in UTC')
const Localized = z.object({ es: z.string().nullable(), en: z.string().nullable() })
const Brackets = z.object({
  total: z.number().int().describe('Open brackets ([ORG: wording])'),
  byOrganization: z.record(z.string(), z.number().int()).describe('Open brackets by organization code'),
})

export const PlanIdParams = z.object({ id: z.string().describe('Plan id') })
export const SectionParams = z.object({
  id: z.string().describe('Plan id'),
  sectionId: z.string().describe('Section id'),
})

export const PlanSummary = z.object({
  id: Id,
  title: Localized,
  stage: z.enum(PLAN_STAGES),
  group: z.object({ id: Id, slug: z.string() }),
  sections: z.number().int().describe('Sections that are not retired'),
  updatedAt: Instant,
  url: z.string(),
})
export const PlanList = z.object({ items: z.array(PlanSummary), nextCursor: z.string().nullable() })

const TextOut = z.object({
  revision: z.number().int(),
  text: z.string().describe('Markdown'),
  outdated: z.boolean().describe('A translation made from an older revision of the original'),
})

export const SectionOut = z.object({
  id: Id,
  parentId: Id.nullable(),
  number: z.string().nullable().describe('Computed (1, 1.2, 1.2.3); null for retired sections'),
  kind: z.enum(SECTION_KINDS),
  title: Localized,
  status: z.enum(SECTION_STATUSES),
  retired: z.boolean(),
  leadDrafter: z.object({ id: Id, name: z.string() }).nullable(),
  lang: z.enum(SECTION_LANGS).describe("The plan's original language, which `revision` and `text` are in"),
  revision: z.number().int().describe('Send it back as If-Match: "<revision>" to save; 0: no text yet'),
  text: z.string().describe('Markdown, in the original language'),
  texts: z.object({ es: TextOut.nullable(), en: TextOut.nullable() }),
  brackets: Brackets,
  openComments: z.number().int(),
  pendingSuggestions: z.number().int(),
})

export const PlanRecord = PlanSummary.omit({ sections: true }).extend({
  originalLanguage: z.enum(SECTION_LANGS),
  history: z.array(
    z.object({
      fromStage: z.enum(PLAN_STAGES).nullable(),
      stage: z.enum(PLAN_STAGES),
      by: z.string().nullable(),
      note: z.string(),
      at: Instant,
    }),
  ),
  brackets: Brackets,
  openComments: z.number().int(),
  pendingSuggestions: z.number().int(),
  sections: z.array(SectionOut).describe('In reading order'),
})

export const SectionPutBody = z.strictObject({
  text: z.string().max(MAX_SECTION_TEXT).describe('The whole new text (Markdown)'),
  lang: z.enum(SECTION_LANGS).optional().describe("Default: the plan's original language"),
  note: z.string().max(500).optional().describe('What changed, shown in the history'),
})

export const SectionSaved = z.object({
  id: Id.describe('Section id'),
  lang: z.enum(SECTION_LANGS),
  revision: z.number().int().describe('The new revision (the current one when the text was unchanged)'),
  text: z.string(),
  unchanged: z.boolean(),
})

export const StaleOut = z.object({
  error: z.object({
    code: z.literal('precondition_failed'),
    message: z.string(),
    current: z.object({
      sectionId: Id,
      lang: z.enum(SECTION_LANGS),
      revision: z.number().int(),
      text: z.string(),
      yours: z.string(),
      diff: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
    }),
    submitted: z.unknown().optional(),
  }),
})

export const RevisionOut = z.object({
  revision: z.number().int(),
  lang: z.enum(SECTION_LANGS),
  text: z.string(),
  note: z.string(),
  author: z.object({ id: Id, name: z.string() }).nullable(),
  organization: z.string().nullable().describe('Organization code of the author when writing'),
  baseRevision: z.number().int().nullable().describe('The revision the author started from'),
  merged: z.boolean().describe('Started from an older revision and merged with the changes since'),
  translatesRevision: z.number().int().nullable(),
  suggestion: Id.nullable().describe('The accepted suggestion it comes from'),
  createdAt: Instant,
})
export const RevisionList = z.object({ items: z.array(RevisionOut), nextCursor: z.string().nullable() })

const CommentCore = z.object({
  id: Id,
  section: Id,
  lang: z.enum(SECTION_LANGS),
  revision: z.number().int().nullable().describe('The revision that was read'),
  body: z.string(),
  author: z.object({ id: Id, name: z.string(), organization: z.string() }),
  createdAt: Instant,
})
export const ThreadOut = CommentCore.extend({
  quote: z.string().nullable().describe('The passage commented on'),
  resolved: z.boolean(),
  resolvedAt: Instant.nullable(),
  replies: z.array(CommentCore),
})
export const CommentList = z.object({ items: z.array(ThreadOut), nextCursor: z.string().nullable() })
export const CommentsQuery = z.strictObject({
  section: z.string().max(64).optional().describe('Only the threads of this section'),
})
export const CommentBody = z.strictObject({
  section: z.string().min(1).max(64).describe('Section id'),
  body: z.string().min(1).max(10_000),
  quote: z.string().max(2_000).optional().describe('The passage commented on'),
  lang: z.enum(SECTION_LANGS).optional(),
  parent: z.string().max(64).optional().describe('Reply to this thread'),
})
export const CommentCreated = z.object({ id: Id, thread: Id })
