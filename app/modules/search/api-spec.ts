import { z } from 'zod'
import type { EndpointSpec } from '~/modules/api/spec'
import { ACTION_STATUSES } from '~/modules/actions/constants'
import { DOCUMENT_KINDS, VISIBILITIES } from '~/modules/documents/schemas'
import { PLAN_STAGES } from '~/modules/plans/constants'
import { SearchQuerySchema } from './api-schemas'
import type { SEARCH_TYPES } from './constants'

const Named = z.object({
  id: z.string(),
  title: z.string().nullable(),
  titleEs: z.string().nullable(),
  titleEn: z.string().nullable(),
})
const Found = z.object({
  snippet: z.string().meta({ description: 'Plain text around the matched words' }),
  highlights: z.array(z.string()).meta({ description: 'The matched words of the snippet' }),
  url: z.string().meta({ description: 'The page that shows the hit' }),
})
const Common = (type: (typeof SEARCH_TYPES)[number]) => Named.extend({ type: z.literal(type) })

// One item per hit; `type` says which of these shapes it is.
const Item = z.union([
  Common('document')
    .extend({
      reference: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      documentDate: z.string().nullable(),
      visibility: z.enum(VISIBILITIES),
      organization: z.string(),
      group: z.string().nullable(),
    })
    .extend(Found.shape),
  Common('meeting')
    .extend({
      date: z.string().nullable().meta({ description: "The meeting's first day (YYYY-MM-DD)" }),
      agendaItem: Named.nullable().meta({ description: 'The agenda item that matched, if it was one' }),
    })
    .extend(Found.shape),
  Common('decision')
    .extend({
      code: z.string().meta({ example: 'XXVIII-VM/D.3' }),
      meeting: Named.nullable().meta({
        description: 'The meeting that adopted it (null: by written procedure)',
      }),
      procedure: Named.nullable().meta({
        description: 'The written procedure that adopted it between meetings (its subject as title)',
      }),
      date: z.string().nullable(),
    })
    .extend(Found.shape),
  Common('action')
    .extend({ status: z.enum(ACTION_STATUSES), dueDate: z.string() })
    .extend(Found.shape),
  Common('plan')
    .extend({
      stage: z.enum(PLAN_STAGES),
      section: Named.nullable().meta({ description: 'The section whose title or current text matched' }),
    })
    .extend(Found.shape),
  Common('person')
    .extend({
      organization: z.string().meta({ description: 'Code of their organization (or national institution)' }),
      organizationName: z.object({ es: z.string(), en: z.string() }),
    })
    .extend(Found.shape),
])

export const searchApi: EndpointSpec[] = [
  {
    method: 'get',
    path: '/search',
    summary:
      'Full-text search, accents ignored ("trafico" finds "tráfico"), ranked: documents (titles, references, tags, the text of the files), meetings (titles, theme, place) and their agenda items (`type` meeting with `agendaItem`), decisions (code, text), action items (title, description), plans (titles) and their sections (title, current text in both languages; `type` plan with `section`), and for signed-in callers people (name, organization; never contact details). Only what the caller may see: the public finds public documents only. Without `type`, the types follow one another in this order.',
    tags: ['search'],
    auth: 'optional',
    query: SearchQuerySchema,
    responses: {
      200: {
        description: 'Ranked results',
        schema: z.object({ items: z.array(Item), nextCursor: z.string().nullable() }),
      },
      400: { description: 'An unknown or repeated parameter, a bad type, year or cursor' },
    },
  },
]
