// A page's <title> in the person's language (the root loader's), from the page's own loader data:
//   export const meta = pageTitle<typeof loader>((t, data) => `${data?.title} · ${t('app.name')}`)
import type { MetaArgs, MetaFunction } from '@remix-run/node'
import type { RootData } from '~/root'
import { translator, type Translator } from './index'

export function pageTitle<Loader = unknown>(
  title: (t: Translator['t'], data: MetaArgs<Loader>['data']) => string,
): MetaFunction<Loader> {
  return ({ data, matches }) => {
    const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
    return [{ title: title(translator(root?.lang ?? 'es').t, data) }]
  }
}
