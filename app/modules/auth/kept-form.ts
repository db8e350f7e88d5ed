// The form kept by kept-form.server.ts, as the error page reads it (server and browser).
import { isLang, type Lang } from '~/i18n/core'

/** First line of the 401 body; then the person's language (the error page is rendered without the root
 * loader's data), the address the form was sent to, and the URL-encoded fields, a line each. */
export const KEPT_FORM_MARK = 'rcm-kept-form'

export interface KeptForm {
  lang: Lang
  /** where the form was sent: a path on this site */
  action: string
  fields: [string, string][]
}

/** The kept form in a 401's data, or null for any other error. Runs in the browser too. */
export function parseKeptForm(data: unknown): KeptForm | null {
  if (typeof data !== 'string' || !data.startsWith(`${KEPT_FORM_MARK}\n`)) return null
  const [, lang, action, ...rest] = data.split('\n')
  if (!isLang(lang)) return null
  // a path on this site only (the same rule as redirectTo)
  if (!action || !action.startsWith('/') || action.startsWith('//') || action.includes('\\')) return null
  const fields = [...new URLSearchParams(rest.join('\n')).entries()]
  return { lang, action, fields }
}
