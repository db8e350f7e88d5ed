/**
 * What a page or the API answers when the read pool is saturated or a read ran past its time limit
 * (core/read-pool.server.ts): 503 with Retry-After, in the person's language (the page's error
 * boundary shows `error.busy`; the API its JSON error). Anything else is thrown on.
 */
import type { Lang } from '~/i18n'
import { translator } from '~/i18n/catalogue.server'
import { ReadPoolBusy, ReadTimeout } from './read-pool.server'

export const BUSY_RETRY_SECONDS = 5

export function unavailableIfBusy(error: unknown, lang: Lang, { api = false } = {}): never {
  if (!(error instanceof ReadPoolBusy) && !(error instanceof ReadTimeout)) throw error
  if (error instanceof ReadTimeout) console.error(error.message)
  const message = translator(lang).t('error.busy')
  const headers = { 'Retry-After': String(BUSY_RETRY_SECONDS), 'Cache-Control': 'no-store' }
  if (api) throw Response.json({ error: { code: 'unavailable', message } }, { status: 503, headers })
  throw new Response(message, {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** Runs a loader's reads; a saturated pool becomes the 503 answer. */
export async function withReads<T>(lang: Lang, run: () => Promise<T>, options: { api?: boolean } = {}) {
  try {
    return await run()
  } catch (error) {
    unavailableIfBusy(error, lang, options)
  }
}
