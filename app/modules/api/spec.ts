import type { z } from 'zod'

/** One endpoint of /api/v1, described by the same zod schemas the handlers use. */
export interface EndpointSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI path relative to /api/v1, e.g. `/organizations/{code}` */
  path: string
  summary: string
  tags: string[]
  /** `public` endpoints answer without a login (filtered to what the public may see) */
  auth?: 'required' | 'optional'
  params?: z.ZodObject
  query?: z.ZodObject
  body?: { contentType: 'application/json' | 'multipart/form-data'; schema: z.ZodType }
  headers?: { name: string; required: boolean; description: string }[]
  responses: Record<number, { description: string; schema?: z.ZodType }>
}
