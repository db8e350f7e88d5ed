import { useRouteLoaderData } from '@remix-run/react'
import { useMemo, useSyncExternalStore } from 'react'
import { messagesGeneration, subscribeToMessages, translator, type Lang, type Translator } from './index'
import { usePageMessages } from './page-messages'

/** The translator for the language the root loader chose (the page's own when it had no answer). Its
 * messages are in the browser before the page renders (page-messages.tsx); the component renders again
 * whenever more arrive. */
export function useT(): Translator {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  const page = usePageMessages()
  const lang = data?.lang ?? page.lang
  const generation = useSyncExternalStore(subscribeToMessages, messagesGeneration, messagesGeneration)
  return useMemo(() => translator(lang), [lang, generation])
}
