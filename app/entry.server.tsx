import { PassThrough, pipeline } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './components/nonce'
import { isLang, provideMessages } from './i18n'
import { allMessages, messagesVersion } from './i18n/catalogue.server'
import { packOfKey, packsForPath } from './i18n/packs'
import { PageMessagesProvider } from './i18n/page-messages'
import { coalesceTicks } from './modules/core/coalesce.server'
import { stripNulBytes } from './modules/core/strip-nul.server'
import { resolveLang } from './modules/i18n/lang.server'

// Called by server.mjs (they travel in the server build): start-up, CSRF origin check, CSP.
export { scheduleDispatch, startup, shutdown } from './modules/startup.server'
export { checkOrigin, recordRefusedOrigin } from './modules/auth/origin.server'
export { contentSecurityPolicy } from './modules/security/csp.server'

// The server renders with the whole catalogue; the browser gets its page's language only.
provideMessages(allMessages)

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  const bot = isbot(request.headers.get('user-agent') || '')
  // the root loader's language; without its data (it failed), the request's own
  const root = remixContext.staticHandlerContext.loaderData?.root as
    | { lang?: unknown; notice?: { key: string } | null }
    | undefined
  const lang = isLang(root?.lang) ? root.lang : resolveLang(request, null)
  // the packs of the page's address, and the one of the notice it says once (i18n/packs.ts)
  const packs = packsForPath(new URL(request.url).pathname)
  const notice = root?.notice ? packOfKey(root.notice.key) : null
  const page = {
    lang,
    version: messagesVersion(lang),
    packs: notice && !packs.includes(notice) ? [...packs, notice] : packs,
  }
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <PageMessagesProvider value={page}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </PageMessagesProvider>
      </NonceProvider>,
      {
        nonce,
        [bot ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          // drops the NUL bytes React 18 leaves at its 2 KB chunk boundaries (strip-nul.server.ts), and
          // passes what is written in one turn on as one chunk: one compressed flush, not one per 2 KB
          // (coalesce.server.ts)
          const clean = pipeline(body, stripNulBytes(), coalesceTicks(), () => {})
          const stream = createReadableStreamFromReadable(clean)
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // an unknown address (a browser asking for /favicon.ico) is a 404 page, not a server error
  const status = (error as { status?: unknown } | null)?.status
  if (typeof status === 'number' && status < 500) return
  console.error(error)
}
