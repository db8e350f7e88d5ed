// One language's messages for the browser: `/i18n/<lang>.<hash>.js`, loaded by the layout before
// hydration. The hash is that of the messages, so the file is cached for good; an older hash (a page
// rendered before a deploy) gets today's messages, but not cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang } from '~/i18n/core'
import { messagesScript } from '~/i18n/catalogue.server'

export function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2})\.([0-9a-f]{12})\.js$/.exec(params.file ?? '')
  const lang = match?.[1]
  if (!match || !isLang(lang)) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  const script = messagesScript(lang)
  return new Response(script.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control':
        match[2] === script.hash
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
    },
  })
}
