// The links of a filtered list: plain links that change the query string, so that they work without
// JavaScript.

/** The current query string with some parameters changed (null removes one). */
export function withParams(search: string, changes: Record<string, string | null>) {
  const params = new URLSearchParams(search)
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k)
    else params.set(k, v)
  }
  const s = params.toString()
  return s ? `?${s}` : '?'
}
