/**
 * Reading a posted form with its zod schema on the server, and the page's answer when it does not pass.
 * Importing the parser from a `.server` module keeps conform's parser and zod out of the browser bundle
 * of a page whose forms are not validated in the browser (the classic compiler replaces this module
 * with an empty one there); a page that validates in the browser too (conform's `onValidate`) imports
 * `parseWithZod` from '@conform-to/zod/v4' itself.
 */
import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { NO_STORE, type FormFailure } from './form-reply.server'

export { parseWithZod }

/** The submission of a form read with its schema. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(formData, { schema })
}

/** 400 with the schema's messages at their fields (and any others given), what was typed kept: the
 * same answer as `formFailure` gives a refusal, for a form that did not pass its schema. */
export function invalidForm<I extends string | null = null>(
  submission: Submission<unknown>,
  intent: I = null as I,
  fieldErrors: Record<string, string[]> = {},
) {
  return data<FormFailure<I>>(
    { intent, result: submission.reply({ fieldErrors }), conflict: null },
    { status: 400, headers: NO_STORE },
  )
}
