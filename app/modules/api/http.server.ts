/**
 * The JSON API's conventions, the same on every endpoint: errors as
 * {"error":{"code","message","fields"}}, 401 for
 * no or expired login, 403 seen-but-refused, 404 unknown-or-hidden; lists as {items,nextCursor}.
 */
import type { z } from 'zod'
import { type Lang } from '~/i18n'
import { hasMessage, translator } from '~/i18n/catalogue.server'
import type { Viewer } from '~/modules/access/viewer'
import { audit } from '~/modules/audit/audit.server'
import { DomainError, recordRefusal } from '~/modules/core/domain-error.server'
import { resolveRequest } from '~/modules/auth/viewer.server'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
  headers?: HeadersInit,
): Response {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status, headers: { ...NO_STORE, ...headers } },
  )
}

/** 405 for a method the address does not answer, saying which ones it does. */
export const methodNotAllowed = (...allowed: ('GET' | 'POST')[]) =>
  apiError(405, 'method_not_allowed', `Use ${allowed.join(' or ')}.`, undefined, {
    Allow: allowed.join(', '),
  })

export function apiJson(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } })
}

export const notFound = () => apiError(404, 'not_found', 'Not found.')
export const forbidden = () => apiError(403, 'forbidden', 'Not allowed.')

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A read-only token may only read: any change it asks for is a 403 (RFC 6750's insufficient_scope). */
function withinScope(request: Request, viewer: Viewer): Viewer {
  if (viewer.tokenScope === 'read' && !SAFE_METHODS.has(request.method.toUpperCase())) {
    throw apiError(
      403,
      'insufficient_scope',
      'This API token may only read. Make a token that may also write at /account/tokens.',
      undefined,
      { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="write"' },
    )
  }
  return viewer
}

/** The caller, or a thrown 401 response (403 when their token may not do this). */
export function requireApiViewer(request: Request): Viewer {
  const r = resolveRequest(request)
  if (r.viewer) return withinScope(request, r.viewer)
  throw apiError(
    401,
    'unauthenticated',
    r.badBearer ? 'The API token is not valid.' : 'Sign in or send a Bearer token.',
    undefined,
    {
      'WWW-Authenticate': 'Bearer',
    },
  )
}

/** The caller when signed in, else null (for endpoints that also serve the public). */
export function optionalApiViewer(request: Request): Viewer | null {
  const r = resolveRequest(request)
  if (r.badBearer)
    throw apiError(401, 'unauthenticated', 'The API token is not valid.', undefined, {
      'WWW-Authenticate': 'Bearer',
    })
  return r.viewer ? withinScope(request, r.viewer) : null
}

/** 403 with an audit entry, for a refused action on a visible resource. */
export function refuse(viewer: Viewer, action: string, details?: Record<string, unknown>): Response {
  audit({ actor: viewer, action, outcome: 'refused', details })
  return forbidden()
}

/** A map of field messages that any key can name (`__proto__`, `constructor`...): no prototype. */
function fieldMessages(): Record<string, string[]> {
  return Object.create(null) as Record<string, string[]>
}

/**
 * A zod error's messages by field (`a.b` for nested ones, `_` for the whole body; an unknown key under
 * its own name), each message as `say` words it. Keys come from the caller, so the map has no prototype.
 */
export function zodFields(
  error: z.ZodError,
  say: (issue: z.core.$ZodIssue) => string = (issue) => issue.message,
): Record<string, string[]> {
  const fields = fieldMessages()
  for (const issue of error.issues) {
    const message = say(issue)
    if (issue.code === 'unrecognized_keys') for (const k of issue.keys) (fields[k] ??= []).push(message)
    else (fields[issue.path.join('.') || '_'] ??= []).push(message)
  }
  return fields
}

/** Turns a zod error into the API's 400 with field messages. */
export function validationError(error: z.ZodError): Response {
  return apiError(400, 'invalid', 'The request is not valid.', zodFields(error))
}

/** Parses a JSON body strictly: 400 for malformed JSON or a body that fails the schema. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!(request.headers.get('Content-Type') ?? '').toLowerCase().includes('application/json')) {
    throw apiError(415, 'unsupported_media_type', 'Send the body as application/json.')
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw apiError(400, 'invalid_json', 'The body is not valid JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw validationError(parsed.error)
  return parsed.data
}

/** Parses the query string with a strict schema: 400 with a message per parameter when it fails. A
 * parameter given twice is refused rather than silently reduced to one of its values. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams
  const raw = Object.create(null) as Record<string, string>
  const fields = fieldMessages()
  for (const key of new Set(params.keys())) {
    // `lang` is the interface language switch (handled for every GET), not an API parameter.
    if (key === 'lang') continue
    const values = params.getAll(key)
    if (values.length > 1) fields[key] = ['Give this parameter only once.']
    raw[key] = values[0]
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success && Object.keys(fields).length === 0) return parsed.data
  if (parsed.error) {
    const issues = zodFields(parsed.error, (i) =>
      i.code === 'unrecognized_keys' ? 'Unknown parameter.' : i.message,
    )
    for (const key of Object.keys(issues)) (fields[key] ??= []).push(...issues[key])
  }
  throw apiError(400, 'invalid', 'The request is not valid.', fields)
}

/** The caller's language for API messages (English for anonymous callers). */
export function apiLang(viewer: Viewer | null): Lang {
  return viewer?.language ?? 'en'
}

/**
 * The API's answer to a DomainError: its status and code, the message in the caller's language (also
 * under its field), for a conflict the current state and what was sent. Anything else is rethrown.
 */
export function apiFailure(error: unknown, lang: Lang, submitted?: Record<string, unknown>): Response {
  if (!(error instanceof DomainError)) throw error
  recordRefusal(error)
  const message = hasMessage(error.messageKey)
    ? translator(lang).t(error.messageKey, error.params)
    : error.messageKey
  const body: Record<string, unknown> = { code: error.code, message }
  if (error.field) body.fields = { [error.field]: [message] }
  if (error.current !== undefined) body.current = error.current
  if (submitted !== undefined && (error.status === 409 || error.status === 412)) body.submitted = submitted
  return apiJson({ error: body }, error.status, error.headers)
}
