/**
 * Server side of the one confirmation step for destructive or final acts (components/confirm.tsx).
 * The act's form posts its fields; without `confirmed=yes` the action answers `askConfirmation(form)`:
 * the page again with the confirmation panel (what will happen, to which record, Confirm and Cancel) and
 * nothing changed. The panel's Confirm, or the browser's <dialog> when JavaScript runs, posts the same
 * fields with `confirmed=yes`, and only then does the action act. The flag is enough: the Origin check
 * of server.mjs already refuses cross-site posts, so a token would add nothing a forger could not copy.
 */
import { data } from '@remix-run/node'
import { NO_STORE } from './form-reply.server'

export const CONFIRM_FIELD = 'confirmed'
export const CONFIRM_KEY_FIELD = 'confirmKey'

export interface ConfirmationAsk {
  intent: string
  /** no form result: nothing was checked or refused yet */
  result: undefined
  conflict: null
  confirmation: {
    /** which confirmable form on the page asked (components/confirm.tsx `confirmKey`) */
    key: string
    /** the fields the act posted, posted again by the panel's Confirm */
    fields: [string, string][]
  }
}

export const isConfirmed = (form: FormData) => form.get(CONFIRM_FIELD) === 'yes'

/** The first post of a destructive act: the confirmation panel, 200, nothing changed. `key` names the
 * panel when the form is not a ConfirmForm (which posts its own `confirmKey`). */
export function askConfirmation(form: FormData, key?: string) {
  const fields: [string, string][] = []
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && name !== CONFIRM_FIELD) fields.push([name, value.slice(0, 20_000)])
  }
  const body: ConfirmationAsk = {
    intent: String(form.get('intent') ?? ''),
    result: undefined,
    conflict: null,
    confirmation: {
      key: key ?? String(form.get(CONFIRM_KEY_FIELD) ?? '').slice(0, 200),
      // bounded, yet room for a whole form (a meeting's details and every invited organization)
      fields: fields.slice(0, 300),
    },
  }
  return data(body, { headers: NO_STORE })
}
