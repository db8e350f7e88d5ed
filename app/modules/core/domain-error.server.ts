/**
 * The one way a module refuses: a DomainError carries the HTTP status, the i18n key of the message, the
 * form field it belongs to (if any), the refusal to record in the audit log, and, for a conflict, the
 * current state to show beside what the person typed. Pages turn it into a form reply or a 404
 * (`formFailure`), the API into its JSON error (`apiFailure`); writes run in `writeTx`, which records a
 * refusal after the rollback that would otherwise take the audit entry with it.
 */
import { can, type Action, type Actions } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { audit, type AuditEntry } from '~/modules/audit/audit.server'

export type DomainStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 429 | 503

const CODES: Record<DomainStatus, string> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  412: 'precondition_failed',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  428: 'precondition_required',
  429: 'rate_limited',
  503: 'unavailable',
}

export interface DomainErrorOptions {
  /** machine-readable code for the API; defaults from the status */
  code?: string
  /** the form field the message belongs to; none: a message for the whole form */
  field?: string
  /** a refused act, recorded in the audit log once (after any rollback) */
  refusal?: AuditEntry
  /** for a conflict: the record as it stands now, shown beside what the person typed */
  current?: unknown
  /** values the message interpolates, e.g. { max: 100 } */
  params?: Record<string, string | number>
  /** extra response headers (Retry-After...) */
  headers?: Record<string, string>
}

export class DomainError extends Error {
  readonly code: string
  readonly field?: string
  readonly refusal?: AuditEntry
  readonly current?: unknown
  readonly params?: Record<string, string | number>
  readonly headers?: Record<string, string>
  /** set once the refusal is in the audit log, so that it is recorded exactly once */
  refusalRecorded = false

  constructor(
    readonly status: DomainStatus,
    readonly messageKey: string,
    options: DomainErrorOptions = {},
  ) {
    super(messageKey)
    this.name = 'DomainError'
    this.code = options.code ?? CODES[status]
    this.field = options.field
    this.refusal = options.refusal
    this.current = options.current
    this.params = options.params
    this.headers = options.headers
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError

/** Unknown, or not visible to the viewer: the two look the same. */
export const notFound = () => new DomainError(404, 'error.404')

/** Bad input, at a field or for the whole form. */
export const invalid = (messageKey: string, field?: string, params?: Record<string, string | number>) =>
  new DomainError(400, messageKey, { field, params })

/** A change that no longer applies to the record as it stands (stale revision, wrong state). */
export const conflict = (messageKey: string, options: Omit<DomainErrorOptions, 'refusal'> = {}) =>
  new DomainError(409, messageKey, options)

/** 403 for a seen resource, with the refusal to record. */
export function refused(
  viewer: Pick<Viewer, 'id' | 'email' | 'organizationId'>,
  action: string,
  details?: Record<string, unknown>,
  messageKey = 'error.403',
  target?: { type: string; id: string },
) {
  return new DomainError(403, messageKey, {
    refusal: {
      actor: viewer,
      action,
      outcome: 'refused',
      targetType: target?.type,
      targetId: target?.id,
      details,
    },
  })
}

/** Asks can(); when it says no, throws a 403 DomainError whose refusal is audited (by writeTx after the
 * rollback, or by the route helper when there was no transaction). */
export function assertAllowed<A extends Action>(
  viewer: Viewer,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
): void {
  if (can(viewer, action, ...resource)) return
  throw refused(viewer, action, resource[0] ? { resource: resource[0] } : undefined)
}

/** Records a DomainError's refusal in the audit log, once. Safe to call on anything. */
export function recordRefusal(error: unknown) {
  if (!(error instanceof DomainError) || !error.refusal || error.refusalRecorded) return
  audit(error.refusal)
  error.refusalRecorded = true
}
