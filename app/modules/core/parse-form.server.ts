/**
 * Reads a posted form with its zod schema, on the server only. A page whose forms are not validated in
 * the browser (no conform `onValidate`) parses them with this rather than with `parseWithZod` in the
 * route module: the route module is also the page's browser bundle, and `@conform-to/zod` imported there
 * sends conform's parser and all of zod to the browser for nothing.
 */
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(formData, { schema })
}
