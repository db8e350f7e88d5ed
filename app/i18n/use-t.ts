import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { DEFAULT_LANG, translator, type Lang, type Translator } from './index'

/** The translator for the language the root loader chose. */
export function useT(): Translator {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  const lang = data?.lang ?? DEFAULT_LANG
  return useMemo(() => translator(lang), [lang])
}
