// Page titles in the person's language: route `meta` functions run without a loader of their own
// language, so they read it from the root route's data (Spanish until it has loaded).
import type { MetaFunction } from '@remix-run/node'
import type { RootData } from '~/root'
import { translator, type MessageKey } from './index'

type Matches = Parameters<MetaFunction>[0]['matches']

/** The translator of the page's language, for a meta function. */
export function metaTranslator(matches: Matches) {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  return translator(root?.lang ?? 'es')
}

/** `meta` of a page titled by one message: "<title> · <name of the portal>". */
export function titleMeta(key: MessageKey): MetaFunction {
  return ({ matches }) => {
    const { t } = metaTranslator(matches)
    return [{ title: `${t(key)} · ${t('app.name')}` }]
  }
}
