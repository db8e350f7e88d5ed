// The script that brings the page's messages to the browser, and where the browser finds it again.
// entry.server renders the page with the language the root loader chose (or, when the root loader had
// no answer, the request's own language) and names its messages script; entry.client reads the same
// from the script element before hydrating, so that both sides render the same element.
import { createContext, useContext } from 'react'
import { DEFAULT_LANG, isLang, provideMessages, type Lang, type Messages } from './index'

declare global {
  interface Window {
    /** filled by the `/i18n/<lang>.<hash>.js` scripts */
    __messages?: Partial<Record<Lang, Messages>>
  }
}

export interface PageMessages {
  lang: Lang
  /** `/i18n/<lang>.<hash>.js` */
  src: string
}

const PageMessagesContext = createContext<PageMessages>({ lang: DEFAULT_LANG, src: '' })
export const PageMessagesProvider = PageMessagesContext.Provider
export const usePageMessages = () => useContext(PageMessagesContext)

const SCRIPT_ID = 'rcm-messages'

/** The page's messages script, before Remix's scripts (a deferred script runs before them, in order). */
export function MessagesScript({ nonce }: { nonce: string }) {
  const { lang, src } = usePageMessages()
  if (!src) return null
  return <script id={SCRIPT_ID} src={src} data-lang={lang} nonce={nonce} defer />
}

/** In the browser, before hydration: the page's messages, once its script has run. */
export async function pageMessagesInBrowser(): Promise<PageMessages> {
  const script = document.getElementById(SCRIPT_ID) as HTMLScriptElement | null
  const lang = script?.dataset.lang
  const page = { lang: isLang(lang) ? lang : DEFAULT_LANG, src: script?.getAttribute('src') ?? '' }
  if (script && !window.__messages?.[page.lang]) {
    await new Promise((resolve) => {
      script.addEventListener('load', resolve, { once: true })
      script.addEventListener('error', resolve, { once: true })
    })
  }
  provideMessages(window.__messages)
  return page
}

const loading = new Map<string, Promise<void>>()

/** Loads another language's messages (the page's language changed without a new document: a
 * sign-in, a saved preference). */
export function loadMessages(src: string): Promise<void> {
  let promise = loading.get(src)
  if (!promise) {
    promise = new Promise<void>((resolve) => {
      const script = document.createElement('script')
      script.src = src
      script.onload = script.onerror = () => {
        provideMessages(window.__messages)
        resolve()
      }
      document.head.append(script)
    })
    loading.set(src, promise)
  }
  return promise
}
