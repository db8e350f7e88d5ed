import { z } from 'zod'
import { authApi } from '~/modules/auth/api-spec'
import { membersApi } from '~/modules/members/api-spec'
import { documentsApi } from '~/modules/documents/api-spec'
import { meetingsApi } from '~/modules/meetings/api-spec'
import { actionsApi } from '~/modules/actions/api-spec'
import { plansApi } from '~/modules/plans/api-spec'
import { searchApi } from '~/modules/search/api-spec'
import { proceduresApi } from '~/modules/procedures/api-spec'
import { notificationsApi } from '~/modules/notifications/api-spec'
import type { EndpointSpec } from './spec'

// Every area lists its endpoints in its own api-spec.ts; the document is generated from those lists.
const AREAS: EndpointSpec[][] = [
  authApi,
  membersApi,
  documentsApi,
  meetingsApi,
  actionsApi,
  plansApi,
  searchApi,
  proceduresApi,
  notificationsApi,
]

const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
})

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })

function parameters(spec: EndpointSpec) {
  const out: unknown[] = []
  for (const [where, obj] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!obj) continue
    for (const [name, schema] of Object.entries(obj.shape)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
        schema: json(schema as z.ZodType),
      })
    }
  }
  for (const h of spec.headers ?? [])
    out.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string' },
    })
  return out
}

let cached: unknown = null

export function openApiDocument() {
  if (cached) return cached
  const paths: Record<string, Record<string, unknown>> = {}
  for (const spec of AREAS.flat()) {
    const responses: Record<string, unknown> = {}
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = r.schema
        ? { description: r.description, content: { 'application/json': { schema: json(r.schema) } } }
        : { description: r.description }
    }
    for (const [status, description] of [
      ['400', 'Invalid request (field messages in error.fields)'],
      ['401', 'No or expired login'],
      ['404', 'Unknown, or not visible to you'],
    ] as const) {
      responses[status] ??= { description, content: { 'application/json': { schema: json(ErrorSchema) } } }
    }
    ;(paths[spec.path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: spec.tags,
      security:
        spec.auth === 'optional' ? [{}, { bearer: [] }, { cookie: [] }] : [{ bearer: [] }, { cookie: [] }],
      parameters: parameters(spec),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { [spec.body.contentType]: { schema: json(spec.body.schema) } },
            },
          }
        : {}),
      responses,
    }
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'RCM Portal API',
      version: '1',
      description:
        'JSON API of the Regional Conference on Migration portal. Authenticate with a personal API token (Authorization: Bearer) from /account/tokens, or the session cookie (then every non-GET request needs an Origin equal to the portal origin).',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'rcm_session' },
      },
      schemas: { Error: json(ErrorSchema) },
    },
    paths,
  }
  return cached
}
