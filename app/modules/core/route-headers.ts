import type { HeadersFunction } from '@remix-run/node'

/** Headers a loader or action sets that must reach the browser on a full page answer too. */
const KEPT = ['Retry-After', 'Cache-Control'] as const

/**
 * A route's `headers` export for pages whose actions answer with headers of their own (429 with
 * `Retry-After`): without one, Remix answers a page request with the parent's headers only and drops them.
 * Usage: `export { keepHeaders as headers } from '~/modules/core/route-headers'`.
 */
export const keepHeaders: HeadersFunction = ({
  actionHeaders,
  loaderHeaders,
  errorHeaders,
  parentHeaders,
}) => {
  const headers = new Headers(parentHeaders)
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    for (const name of KEPT) {
      const value = source?.get(name)
      if (value) headers.set(name, value)
    }
  }
  return headers
}
