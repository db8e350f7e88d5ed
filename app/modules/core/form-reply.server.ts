/**
 * Route side of the one way to refuse: turns a DomainError into what a page answers. A 404 becomes the
 * error page (hidden and missing look the same); anything else becomes the form again with the message
 * at its field (or for the whole form), what the person typed, the status, and for a conflict the
 * current state. Any other error is rethrown for the route's error boundary.
 */
import { data } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import type { Action, Actions } from '~/modules/access/can'
import type { Viewer } from '~/modules/access/viewer'
import { assertAllowed, DomainError, recordRefusal } from './domain-error.server'

export const NO_STORE = { 'Cache-Control': 'private, no-store' }

/** The 404 page, not cached. */
export const notFoundResponse = () => new Response(null, { status: 404, headers: NO_STORE })

interface Replyable {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult
}

/** The form's result for a DomainError: its message at its field, or for the whole form. */
export function errorResult(error: DomainError, submission: Replyable | null): SubmissionResult {
  const options = error.field
    ? { fieldErrors: { [error.field]: [error.messageKey] } }
    : { formErrors: [error.messageKey] }
  if (submission) return submission.reply(options)
  return {
    status: 'error',
    error: error.field ? { [error.field]: [error.messageKey] } : { '': [error.messageKey] },
  }
}

export interface FormFailure<I extends string | null> {
  intent: I
  result: SubmissionResult
  /** for a 409/412: the record as it stands now */
  conflict: unknown
}

/**
 * `catch (error) { return formFailure(error, submission, 'save') }`: the page's answer to a refusal.
 * Throws the 404 page for a 404 and rethrows anything that is not a DomainError.
 */
export function formFailure<I extends string | null = null>(
  error: unknown,
  submission: Replyable | null,
  intent: I = null as I,
) {
  if (!(error instanceof DomainError)) throw error
  recordRefusal(error)
  if (error.status === 404) throw notFoundResponse()
  const body: FormFailure<I> = {
    intent,
    result: errorResult(error, submission),
    conflict: error.current ?? null,
  }
  return data(body, { status: error.status, headers: { ...NO_STORE, ...error.headers } })
}

/** For loaders: a DomainError becomes its status page (404 hides, 403 says so); others are rethrown. */
export function pageFailure(error: unknown): never {
  if (!(error instanceof DomainError)) throw error
  recordRefusal(error)
  if (error.status === 404) throw notFoundResponse()
  throw new Response(null, { status: error.status, headers: { ...NO_STORE, ...error.headers } })
}

/** `assertAllowed` for a page's loader or action: a refusal becomes the 403 page, audited. */
export function assertAllowedPage<A extends Action>(
  viewer: Viewer,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
): void {
  try {
    assertAllowed(viewer, action, ...resource)
  } catch (error) {
    pageFailure(error)
  }
}
