// The scripts that bring the page's messages to the browser (packs.ts), and how the browser gets more.
// entry.server renders the page with the language the root loader chose (or, when the root loader had
// no answer, the request's own language) and names the packs of its address; entry.client reads the
// same from the script elements before hydrating, so that both sides render the same elements. Before
// a page of another area (or in another language) renders, the root's clientLoader loads its packs.
import { createContext, useContext } from 'react'
import { DEFAULT_LANG, isLang, onMissingMessage, provideMessages, type Lang, type Messages } from './index'
import { PACKS, packOfKey, packsForPath, packUrl, type Pack } from './packs'

declare global {
  interface Window {
    /** filled by the `/i18n/<lang>.<pack>.<version>.js` scripts */
    __messages?: Partial<Record<Lang, Partial<Record<Pack, Messages>>>>
  }
}

export interface PageMessages {
  lang: Lang
  /** the language's catalogue version (packs' addresses) */
  version: string
  packs: Pack[]
}

const PageMessagesContext = createContext<PageMessages>({ lang: DEFAULT_LANG, version: '', packs: [] })
export const PageMessagesProvider = PageMessagesContext.Provider
export const usePageMessages = () => useContext(PageMessagesContext)

/** The page's messages scripts, before Remix's scripts (deferred scripts run before them, in order). */
export function MessagesScript({ nonce }: { nonce: string }) {
  const { lang, version, packs } = usePageMessages()
  if (!version) return null
  return (
    <>
      {packs.map((pack) => (
        <script
          key={pack}
          src={packUrl(lang, pack, version)}
          data-messages={pack}
          data-lang={lang}
          data-version={version}
          nonce={nonce}
          defer
        />
      ))}
    </>
  )
}

// ---------------------------------------------------------------------------------------------------
// In the browser

/** The language and version the browser speaks now (set before hydration, then by the root's data). */
let shown: { lang: Lang; version: string } = { lang: DEFAULT_LANG, version: '' }
const loading = new Map<string, Promise<void>>()

const packsOf = (lang: Lang) => window.__messages?.[lang] ?? {}
const hasPack = (lang: Lang, pack: Pack) => packsOf(lang)[pack] !== undefined

/** Gives the translators every pack of every language the browser holds, merged per language. */
function provideLoaded() {
  const merged: Partial<Record<Lang, Messages>> = {}
  for (const [lang, packs] of Object.entries(window.__messages ?? {}) as [Lang, Record<Pack, Messages>][]) {
    merged[lang] = Object.assign({}, ...PACKS.map((p) => packs[p] ?? {}))
  }
  provideMessages(merged)
}

function loadPack(lang: Lang, pack: Pack, version: string): Promise<void> {
  const src = packUrl(lang, pack, version)
  let promise = loading.get(src)
  if (!promise) {
    promise = new Promise<void>((resolve) => {
      const script = document.createElement('script')
      script.src = src
      script.onload = script.onerror = () => resolve()
      document.head.append(script)
    })
    loading.set(src, promise)
  }
  return promise
}

/** Loads whichever of `packs` the browser lacks in `lang`, then gives them to the translators. */
export async function ensurePacks(lang: Lang, version: string, packs: Pack[]): Promise<void> {
  const missing = packs.filter((p) => !hasPack(lang, p))
  if (!missing.length || !version) return
  await Promise.all(missing.map((p) => loadPack(lang, p, version)))
  provideLoaded()
}

/** Before a page renders (the root's clientLoader): the packs of its address, in the language the
 * browser speaks now and, once the root's data names it, in the page's own; and the pack of the notice
 * the page says once. */
export async function messagesForPage(
  pathname: string,
  root: Promise<{ lang: Lang; messages: string; notice?: { key: string } | null }>,
) {
  const packs = packsForPath(pathname)
  const now = ensurePacks(shown.lang, shown.version, packs)
  const data = await root
  const notice = data.notice ? [packOfKey(data.notice.key)] : []
  await Promise.all([now, ensurePacks(data.lang, data.messages, [...packs, ...notice])])
  shown = { lang: data.lang, version: data.messages }
  return data
}

/** In the browser, before hydration: the page's packs, once their scripts have run. */
export async function pageMessagesInBrowser(): Promise<PageMessages> {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[data-messages]')]
  const lang = scripts[0]?.dataset.lang
  const page: PageMessages = {
    lang: isLang(lang) ? lang : DEFAULT_LANG,
    version: scripts[0]?.dataset.version ?? '',
    packs: scripts.map((s) => s.dataset.messages as Pack),
  }
  await Promise.all(
    scripts
      .filter((s) => !hasPack(page.lang, s.dataset.messages as Pack))
      .map(
        (script) =>
          new Promise((resolve) => {
            script.addEventListener('load', resolve, { once: true })
            script.addEventListener('error', resolve, { once: true })
          }),
      ),
  )
  shown = { lang: page.lang, version: page.version }
  // A key none of the loaded packs has is a defect of packs.ts (the e2e suite fails on console
  // errors): it is reported, and the rest of that language is loaded so that the page says it anyway.
  onMissingMessage((missingLang, key) => {
    console.error(`message ${key} is not in the packs loaded for ${location.pathname} (i18n/packs.ts)`)
    void ensurePacks(missingLang, missingLang === shown.lang ? shown.version : '', PACKS)
  })
  provideLoaded()
  return page
}
