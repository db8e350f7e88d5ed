/**
 * A save after the session ended keeps what the person typed: no session expiry may lose a text.
 *
 * When a form is sent to a page without a valid session (it expired while the person was writing
 * minutes, a progress note, a comment...), redirecting to the sign-in page would drop the form's body.
 * Instead the action answers 401 with the form's own fields, and the error page (root.tsx,
 * `SessionEnded`) shows them in a form that sends them again to the same address once the person has
 * signed in (in another tab, so that this page and its text stay). Only same-origin, URL-encoded forms of
 * a reasonable size are kept: file uploads cannot be replayed and go to the sign-in page as before.
 */
import { KEPT_FORM_MARK } from './kept-form'
import { resolveLang } from '~/modules/i18n/lang.server'
import { checkOrigin } from './origin.server'

const MAX_KEPT_BYTES = 256 * 1024

export function keptFormResponse(request: Request): Response | null {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase()) || !request.body) return null
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null
  const length = Number(request.headers.get('Content-Length') ?? '0')
  if (length > MAX_KEPT_BYTES) return null
  const url = new URL(request.url)
  const origin = checkOrigin({
    method: request.method,
    origin: request.headers.get('Origin'),
    authorization: null,
    path: url.pathname,
    requestOrigin: url.origin,
  })
  if (!origin.ok) return null
  url.searchParams.delete('_data') // Remix's data requests (JavaScript on): the page's own address
  return new Response(
    keptBody(
      `${KEPT_FORM_MARK}\n${resolveLang(request, null)}\n${url.pathname}${url.search}\n`,
      request.body,
    ),
    {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  )
}

/** Fields never kept or shown again: passwords, second-factor codes, tokens. */
const SECRET_FIELD = /password|secret|token|otp/i

/** The head, then the form's fields without secrets. The body is read up to MAX_KEPT_BYTES only (a
 * longer one is cut there), when Remix reads this answer. */
function keptBody(head: string, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const reader = body.getReader()
      const parts: Uint8Array[] = []
      let size = 0
      while (size < MAX_KEPT_BYTES) {
        const { done, value } = await reader.read()
        if (done) break
        parts.push(value)
        size += value.byteLength
      }
      await reader.cancel().catch(() => {})
      const text = Buffer.concat(parts).subarray(0, MAX_KEPT_BYTES).toString('utf8')
      const fields = new URLSearchParams()
      for (const [name, value] of new URLSearchParams(text))
        if (!SECRET_FIELD.test(name)) fields.append(name, value)
      controller.enqueue(new TextEncoder().encode(head + fields.toString()))
      controller.close()
    },
  })
}
