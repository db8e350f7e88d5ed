/**
 * A typed message catalogue: every key exists in both languages (the type checker refuses a missing
 * translation), with interpolation ({name}), plurals (Intl.PluralRules: a Plural message, or inline forms
 * for a message with several counts) and dates/numbers per language
 * (Intl). Lighter than i18next for two languages and all server-rendered.
 */
/** The interface languages (also a person's language, db/schema.ts people.language). */
export const LANGS = ['es', 'en'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'es'

export type Plural = { zero?: string; one: string; other: string }
export type Message = string | Plural

/** A text kept in both languages, in the person's language (the other one when it has none). */
export const localized = (lang: Lang, es: string | null | undefined, en: string | null | undefined) =>
  (lang === 'es' ? (es ?? en) : (en ?? es)) ?? ''

export function isLang(v: unknown): v is Lang {
  return v === 'es' || v === 'en'
}

const pluralRules: Record<Lang, Intl.PluralRules> = {
  es: new Intl.PluralRules('es'),
  en: new Intl.PluralRules('en'),
}

export type Params = Record<string, string | number | null | undefined>

export function format(lang: Lang, message: Message, params?: Params): string {
  let text: string
  if (typeof message === 'string') text = message
  else {
    const count = Number(params?.count ?? 0)
    if (count === 0 && message.zero) text = message.zero
    else text = pluralRules[lang].select(count) === 'one' ? message.one : message.other
  }
  if (!params) return text
  if (text.includes(', plural,')) text = inlinePlurals(lang, text, params)
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k]
    if (v === undefined || v === null) return m
    return typeof v === 'number' ? formatNumber(lang, v) : v
  })
}

/** A message with several counts says each one right inline: `{done, plural, one {# cumplida} other {#
 * cumplidas}}` (a subset of ICU's syntax: the forms zero, one and other; `#` is the number). */
const INLINE_PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|other)\s*\{[^{}]*\})+)\s*\}/g
const INLINE_FORM = /(zero|one|other)\s*\{([^{}]*)\}/g

function inlinePlurals(lang: Lang, text: string, params: Params): string {
  return text.replace(INLINE_PLURAL, (_, name: string, body: string) => {
    const count = Number(params[name] ?? 0)
    const forms: Record<string, string> = {}
    for (const [, form, value] of body.matchAll(INLINE_FORM)) forms[form] = value
    const chosen =
      count === 0 && forms.zero !== undefined
        ? forms.zero
        : pluralRules[lang].select(count) === 'one'
          ? forms.one
          : forms.other
    return (chosen ?? forms.other ?? '').replace(/#/g, formatNumber(lang, count))
  })
}

const locales: Record<Lang, string> = { es: 'es', en: 'en-GB' }

// Intl formatters are costly to create and V8 keeps their memory: one per (language, options), reused.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatNumber(lang: Lang, n: number, opts?: Intl.NumberFormatOptions) {
  const key = `${lang}|${opts ? JSON.stringify(opts) : ''}`
  let f = numberFormats.get(key)
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locales[lang], opts)))
  return f.format(n)
}

export type DateStyle = 'date' | 'datetime' | 'long' | 'time' | 'month' | 'weekday' | 'weekdayShort'
const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
  datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  month: { year: 'numeric', month: 'long' },
  weekday: { weekday: 'long' },
  weekdayShort: { weekday: 'short' },
}

/** Dates are shown in the given time zone (UTC unless told), so server and browser render the same. */
export function formatDate(
  lang: Lang,
  value: Date | string | number | null | undefined,
  style: DateStyle = 'date',
  timeZone = 'UTC',
) {
  if (value === null || value === undefined || value === '') return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  const key = `${lang}|${style}|${timeZone}`
  let f = dateFormats.get(key)
  if (!f)
    dateFormats.set(key, (f = new Intl.DateTimeFormat(locales[lang], { ...dateOptions[style], timeZone })))
  return f.format(d)
}

/** An area's messages: the type checker refuses a key present in one language and missing in the other. */
export function defineMessages<K extends string>(m: {
  en: Record<K, Message>
  es: Record<NoInfer<K>, Message>
}) {
  return m
}
