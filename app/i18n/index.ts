/**
 * Translating, on the server and in the browser. The messages come from wherever this side of the page
 * has them: the server has the whole catalogue (catalogue.server.ts, provided by entry.server), the
 * browser only the language of its page, in packs (packs.ts: the layout's scripts before hydration,
 * provided by entry.client; more before a page of another area or language renders).
 */
import {
  format,
  formatDate,
  formatNumber,
  type DateStyle,
  type Lang,
  type Message,
  type Params,
} from './core'

export * from './core'
import { looksLikeKey } from './packs'
// Only the type: the catalogue itself never reaches the browser bundle.
export type { MessageKey } from './catalogue.server'
import type { MessageKey } from './catalogue.server'

export type Messages = Record<string, Message>

export interface Translator {
  lang: Lang
  t: (key: MessageKey, params?: Params) => string
  date: (value: Date | string | number | null | undefined, style?: DateStyle, timeZone?: string) => string
  number: (n: number, opts?: Intl.NumberFormatOptions) => string
}

export function makeTranslator(
  lang: Lang,
  messages: Partial<Record<MessageKey, Message>>,
  onMissing?: (key: string) => void,
): Translator {
  return {
    lang,
    t: (key, params) => {
      const message = messages[key]
      if (message === undefined) onMissing?.(key)
      return format(lang, message ?? key, params)
    },
    date: (value, style, timeZone) => formatDate(lang, value, style, timeZone),
    number: (n, opts) => formatNumber(lang, n, opts),
  }
}

const loaded: Partial<Record<Lang, Messages>> = {}
const listeners = new Set<() => void>()
let generation = 0
/** Where a key missing from the loaded messages is reported (the browser: page-messages.tsx). */
let missing: ((lang: Lang, key: string) => void) | undefined

/** Adds languages' messages (the server: all of them, once; the browser: its packs, merged, as they
 * arrive). */
export function provideMessages(messages: Partial<Record<Lang, Messages>> | undefined) {
  if (!messages) return
  let changed = false
  for (const [lang, m] of Object.entries(messages) as [Lang, Messages][]) {
    if (m && loaded[lang] !== m) {
      loaded[lang] = m
      changed = true
    }
  }
  if (changed) {
    generation++
    for (const listener of listeners) listener()
  }
}

/** Called with a key the loaded messages lack (the browser loads the rest of that language). */
export function onMissingMessage(report: (lang: Lang, key: string) => void) {
  missing = report
}

/** Changes whenever messages arrive (the snapshot of useSyncExternalStore). */
export function messagesGeneration(): number {
  return generation
}

/** Calls `listener` whenever messages arrive (for useSyncExternalStore). */
export function subscribeToMessages(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The translator of a language. In the browser, while another language's messages are still on their
 * way, it speaks the language the page has (for the moment the new ones take to arrive). */
export function translator(lang: Lang): Translator {
  const own = loaded[lang]
  const messages = own ?? Object.values(loaded)[0] ?? {}
  return makeTranslator(lang, messages, own && missing ? (key) => missing?.(lang, key) : undefined)
}

/** Whether a string is a message key (a form error may be a key or a text of its own). The browser
 * holds only some packs: a text shaped like a key of the catalogue counts as one. */
export function hasMessage(key: string): key is MessageKey {
  const messages = Object.values(loaded)[0]
  return (messages !== undefined && key in messages) || (missing !== undefined && looksLikeKey(key))
}
