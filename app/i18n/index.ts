import {
  format,
  formatDate,
  formatNumber,
  type DateStyle,
  type Lang,
  type Message,
  type Params,
} from './core'
import { common } from './messages/common'
import { auth } from './messages/auth'
import { account } from './messages/account'
import { admin } from './messages/admin'
import { members } from './messages/members'
import { dashboard } from './messages/dashboard'
import { documents } from './messages/documents'
import { search } from './messages/search'
import { groups } from './messages/groups'
import { meetings } from './messages/meetings'
import { actions } from './messages/actions'
import { plans } from './messages/plans'

export * from './core'

// Each area of the interface keeps its messages in its own file; they are merged here.
const catalogue = {
  en: {
    ...common.en,
    ...auth.en,
    ...account.en,
    ...admin.en,
    ...members.en,
    ...dashboard.en,
    ...documents.en,
    ...search.en,
    ...groups.en,
    ...meetings.en,
    ...actions.en,
    ...plans.en,
  },
  es: {
    ...common.es,
    ...auth.es,
    ...account.es,
    ...admin.es,
    ...members.es,
    ...dashboard.es,
    ...documents.es,
    ...search.es,
    ...groups.es,
    ...meetings.es,
    ...actions.es,
    ...plans.es,
  },
}

export type MessageKey = keyof typeof catalogue.en

export interface Translator {
  lang: Lang
  t: (key: MessageKey, params?: Params) => string
  date: (value: Date | string | number | null | undefined, style?: DateStyle, timeZone?: string) => string
  number: (n: number, opts?: Intl.NumberFormatOptions) => string
}

export function translator(lang: Lang): Translator {
  const messages = catalogue[lang] as Record<MessageKey, Message>
  return {
    lang,
    t: (key, params) => format(lang, messages[key] ?? key, params),
    date: (value, style, timeZone) => formatDate(lang, value, style, timeZone),
    number: (n, opts) => formatNumber(lang, n, opts),
  }
}

export function hasMessage(key: string): key is MessageKey {
  return key in catalogue.en
}
