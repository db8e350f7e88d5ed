import { appOrigin } from '~/env.server'
import { audit } from '~/modules/audit/audit.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface OriginInput {
  method: string
  origin: string | null
  authorization: string | null
  /** the request's path: only the JSON API (/api/v1) accepts Bearer tokens */
  path: string
  /** scheme://host of the request itself, used only when APP_ORIGIN is unset */
  requestOrigin: string
}

/** CSRF defence: every state-changing request must carry an Origin equal to APP_ORIGIN
 * (or the server's own origin when unset). API requests authenticated by a Bearer token are
 * exempt: browsers never attach those by themselves (elsewhere a token is no login, so no exemption). */
export function checkOrigin(input: OriginInput): { ok: true } | { ok: false; message: string } {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true }
  const api = input.path === '/api/v1' || input.path.startsWith('/api/v1/')
  if (api && input.authorization && /^Bearer\s+\S+$/i.test(input.authorization)) return { ok: true }
  const expected = appOrigin() ?? input.requestOrigin
  if (!input.origin) return { ok: false, message: 'Missing Origin header.' }
  if (input.origin !== expected) return { ok: false, message: 'Cross-origin request refused.' }
  return { ok: true }
}

export function recordRefusedOrigin(info: {
  method: string
  path: string
  ip: string | null
  origin: string | null
}) {
  audit({
    action: 'request.origin',
    outcome: 'refused',
    ip: info.ip,
    details: {
      method: info.method,
      path: info.path.slice(0, 200),
      origin: info.origin?.slice(0, 200) ?? null,
    },
  })
}
