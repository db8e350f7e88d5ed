/**
 * A package loaded at its first use instead of with the server's build: for packages that few
 * requests need (the meeting ZIP, the calendar file, the 2FA QR code) or that only the primary of a
 * cluster uses (the SMTP client). Every serving process imports the whole build at start-up, so each
 * package loaded there costs every start (docs/decisions/0040-cluster.md, "Start-up"), and its memory
 * in every process, whether used or not.
 *
 * CommonJS packages only (a synchronous `require`, so that the callers stay synchronous); the types
 * come from the package as usual (`typeof import('name')`).
 */
import { createRequire } from 'node:module'

const nodeRequire = createRequire(import.meta.url)

export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= nodeRequire(name) as T)
}
