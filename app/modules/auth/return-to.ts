// Where a page sends the person back after a detour (the upload page, opened from an action's report
// form): a path on this site only, never another origin, never `//host`, `/\host` or a scheme, nor
// anything that normalises into one. Client-safe: the upload page's script uses it too.
const BASE = 'http://return-to.invalid'

/** The path to go back to, or null when it is not a same-origin relative path. */
export function safeReturnTo(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 500) return null
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null
  try {
    const u = new URL(raw, BASE)
    if (u.origin !== BASE) return null
    const path = u.pathname + u.search + u.hash
    return path.startsWith('//') ? null : path
  } catch {
    return null
  }
}

/** The return path with one more query parameter (before any #fragment). */
export function withParam(path: string, name: string, value: string): string {
  const u = new URL(path, BASE)
  u.searchParams.append(name, value)
  return u.pathname + u.search + u.hash
}
