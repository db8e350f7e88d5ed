import { useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { messagesLoaded, subscribeToMessages, translator, type Lang, type Translator } from './index'
import { loadMessages, usePageMessages } from './page-messages'

/** The translator for the language the root loader chose (the page's own when it had no answer). If
 * that language's messages are not in the browser yet (it changed on a client-side navigation), they
 * are loaded and the component renders again when they arrive. */
export function useT(): Translator {
  const data = useRouteLoaderData('root') as { lang?: Lang; messages?: string } | undefined
  const page = usePageMessages()
  const lang = data?.lang ?? page.lang
  const src = data?.messages
  const isLoaded = () => messagesLoaded(lang)
  const loaded = useSyncExternalStore(subscribeToMessages, isLoaded, isLoaded)
  useEffect(() => {
    if (!loaded && src) void loadMessages(src)
  }, [loaded, src])
  return useMemo(() => translator(lang), [lang, loaded])
}
