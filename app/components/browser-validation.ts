// Browser-side validation without zod in a page's first load. conform validates in the browser with a
// zod schema (`onValidate`); zod and the schema are about 56 KB compressed, and every page's first load
// is kept within 120 KB. So the validator is imported once the page has hydrated: until it arrives (a
// moment after the page is interactive), the form is validated on the server only, exactly as without
// JavaScript, with the same messages at the same fields.
import type { Submission } from '@conform-to/react'
import { useEffect, useRef, useState } from 'react'
import type { input, output, ZodType } from 'zod'

type Validate<Schema extends ZodType> = (context: {
  formData: FormData
}) => Submission<input<Schema>, string[], output<Schema>>

/**
 * `onValidate` for conform's `useForm`, from a schema imported on demand:
 *
 *   const onValidate = useBrowserValidation(() => import('~/modules/auth/schemas').then((m) => m.LoginSchema))
 *
 * Once a validator has arrived, `<html data-browser-validation="ready">` says so (tests wait for it).
 */
export function useBrowserValidation<Schema extends ZodType>(
  schema: () => Promise<Schema>,
): Validate<Schema> | undefined {
  const load = useRef(schema)
  const [validate, setValidate] = useState<Validate<Schema>>()
  useEffect(() => {
    let live = true
    void Promise.all([load.current(), import('@conform-to/zod/v4')]).then(([s, conformZod]) => {
      if (!live) return
      setValidate(
        () =>
          ({ formData }: { formData: FormData }) =>
            conformZod.parseWithZod(formData, { schema: s }),
      )
      document.documentElement.dataset.browserValidation = 'ready'
    })
    return () => {
      live = false
    }
  }, [])
  return validate
}
