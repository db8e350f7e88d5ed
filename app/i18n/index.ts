/**
 * Translating, on the server and in the browser. The messages come from wherever this side of the page
 * has them: the server has the whole catalogue (catalogue.server.ts, provided by entry.server), the
 * browser only the language of its page (the `/i18n/<lang>.<hash>.js` script the layout loads before
 * hydration, provided by entry.client; another language is loaded when the page's language changes).
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

export function makeTranslator(lang: Lang, messages: Partial<Record<MessageKey, Message>>): Translator {
  return {
    lang,
    t: (key, params) => format(lang, messages[key] ?? key, params),
    date: (value, style, timeZone) => formatDate(lang, value, style, timeZone),
    number: (n, opts) => formatNumber(lang, n, opts),
  }
}

const loaded: Partial<Record<Lang, Messages>> = {}
const listeners = new Set<() => void>()

/** Adds languages' messages (the server: all of them, once; the browser: each as its script arrives). */
export function provideMessages(messages: Partial<Record<Lang, Messages>> | undefined) {
  if (!messages) return
  let changed = false
  for (const [lang, m] of Object.entries(messages) as [Lang, Messages][]) {
    if (m && loaded[lang] !== m) {
      loaded[lang] = m
      changed = true
    }
  }
  if (changed) for (const listener of listeners) listener()
}

export function messagesLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined
}

/** Calls `listener` whenever a language's messages arrive (for useSyncExternalStore). */
export function subscribeToMessages(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The translator of a language. In the browser, while another language's messages are still on their
 * way, it speaks the language the page has (for the moment the new ones take to arrive). */
export function translator(lang: Lang): Translator {
  const messages = loaded[lang] ?? Object.values(loaded)[0] ?? {}
  return makeTranslator(lang, messages)
}

/** Whether a string is a message key (a form error may be a key or a text of its own). */
export function hasMessage(key: string): key is MessageKey {
  const messages = Object.values(loaded)[0]
  return messages !== undefined && key in messages
}
