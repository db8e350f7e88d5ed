// One pack of one language's messages for the browser (i18n/packs.ts): `/i18n/<lang>.<pack>.<version>.js`,
// loaded by the layout before hydration and before a page of another area renders. The version is the
// hash of the language's messages, so the file is cached for good; an older version (a page rendered
// before a deploy) gets today's messages, but not cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isLang } from '~/i18n/core'
import { messagesVersion, packScript } from '~/i18n/catalogue.server'
import { PACKS, type Pack } from '~/i18n/packs'

const isPack = (value: string | undefined): value is Pack => PACKS.includes(value as Pack)

export function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2})\.([A-Za-z]+)\.([0-9a-f]{12})\.js$/.exec(params.file ?? '')
  const [, lang, pack, version] = match ?? []
  if (!match || !isLang(lang) || !isPack(pack)) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  return new Response(packScript(lang, pack).body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control':
        version === messagesVersion(lang)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
    },
  })
}
