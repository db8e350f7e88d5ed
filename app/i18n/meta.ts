// Page titles in the person's language: route `meta` functions run without a loader of their own
// language, so they read it from the root route's data (Spanish until it has loaded).
//   export const meta = titleMeta('meetings.title')
//   export const meta = pageTitle<typeof loader>((t, data) => `${data?.title} · ${t('app.name')}`)
// Every route module's title ends with the portal's name in the person's language ("<page> · RCM
// Portal", "<página> · Portal CRM"); tests/page-titles.test.ts keeps every route on these two.
import type { MetaArgs, MetaFunction } from '@remix-run/node'
import type { RootData } from '~/root'
import { translator, type MessageKey, type Translator } from './index'

type Matches = Parameters<MetaFunction>[0]['matches']

/** The root route's data (the language, the viewer), for a meta function. */
export function metaRoot(matches: Matches) {
  return matches.find((m) => m.id === 'root')?.data as RootData | undefined
}

/** The translator of the page's language, for a meta function. */
export function metaTranslator(matches: Matches) {
  return translator(metaRoot(matches)?.lang ?? 'es')
}

/** `meta` of a page whose title is made from the page's own loader data. */
export function pageTitle<Loader = unknown>(
  title: (t: Translator['t'], data: MetaArgs<Loader>['data'], root: RootData | undefined) => string,
): MetaFunction<Loader> {
  return ({ data, matches }) => [{ title: title(metaTranslator(matches).t, data, metaRoot(matches)) }]
}

/** `meta` of a page titled by messages: "<title> · <section>… · <name of the portal>". */
export function titleMeta(...keys: [MessageKey, ...MessageKey[]]): MetaFunction {
  return pageTitle((t) => [...keys.map((key) => t(key)), t('app.name')].join(' · '))
}
