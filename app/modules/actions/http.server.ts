/**
 * What the action pages share: turning an ActionError into the page's answer (the form again with the
 * field or form message and what was typed: 400, 403, 409 with the current state), or the 404 page.
 */
import { data } from '@remix-run/node'
import type { Submission } from '@conform-to/react'
import { ActionError } from './actions.server'

export const NO_STORE = { 'Cache-Control': 'private, no-store' }

export function actionFailure(error: unknown, submission: Submission<unknown>, intent?: string) {
  if (!(error instanceof ActionError)) throw error
  if (error.status === 404) throw new Response(null, { status: 404, headers: NO_STORE })
  const result = submission.reply(
    error.field ? { fieldErrors: { [error.field]: [error.messageKey] } } : { formErrors: [error.messageKey] },
  )
  return data(
    { intent: intent ?? null, result, conflict: error.current ?? null },
    { status: error.status, headers: NO_STORE },
  )
}
