/**
 * The whole message catalogue, both languages: server-only. The server renders with it (entry.server
 * provides it to `translator`), server modules translate with it (e-mails, exports, API errors), and the
 * browser gets only its page's language, in cacheable packs (packs.ts, `packScript`, served by
 * routes/i18n.$file.ts). Client code imports `MessageKey` from `~/i18n` as a type only.
 */
import { createHash } from 'node:crypto'
import { makeTranslator, type Lang, type Message, type Messages, type Translator } from './index'
import { packOfKey, packUrl, type Pack } from './packs'
import { common } from './messages/common'
import { auth } from './messages/auth'
import { account } from './messages/account'
import { admin } from './messages/admin'
import { members } from './messages/members'
import { dashboard } from './messages/dashboard'
import { documents } from './messages/documents'
import { search } from './messages/search'
import { searchTypes } from './messages/search-types'
import { procedures } from './messages/procedures'
import { groups } from './messages/groups'
import { meetings } from './messages/meetings'
import { actions } from './messages/actions'
import { plans } from './messages/plans'
import { planMatrix } from './messages/plan-matrix'
import { planWord } from './messages/plan-word'
import { followUp } from './messages/follow-up'
import { planRounds } from './messages/plan-rounds'
import { meetingsRun } from './messages/meetings-run'
import { delegations } from './messages/delegations'
import { help } from './messages/help'
import { auditActs } from './messages/audit-acts'
import { decisionsOwners } from './messages/decisions-owners'
import { notifications } from './messages/notifications'
import { confirm } from './messages/confirm'
import { zones } from './messages/zones'
import { notificationEvents } from './messages/notification-events'

// Each area of the interface keeps its messages in its own file; they are merged here.
export const catalogue = {
  en: {
    ...common.en,
    ...auth.en,
    ...account.en,
    ...admin.en,
    ...members.en,
    ...dashboard.en,
    ...documents.en,
    ...search.en,
    ...searchTypes.en,
    ...procedures.en,
    ...groups.en,
    ...meetings.en,
    ...actions.en,
    ...plans.en,
    ...planMatrix.en,
    ...planWord.en,
    ...followUp.en,
    ...planRounds.en,
    ...meetingsRun.en,
    ...delegations.en,
    ...help.en,
    ...auditActs.en,
    ...decisionsOwners.en,
    ...notifications.en,
    ...confirm.en,
    ...zones.en,
    ...notificationEvents.en,
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
    ...searchTypes.es,
    ...procedures.es,
    ...groups.es,
    ...meetings.es,
    ...actions.es,
    ...plans.es,
    ...planMatrix.es,
    ...planWord.es,
    ...followUp.es,
    ...planRounds.es,
    ...meetingsRun.es,
    ...delegations.es,
    ...help.es,
    ...auditActs.es,
    ...decisionsOwners.es,
    ...notifications.es,
    ...confirm.es,
    ...zones.es,
    ...notificationEvents.es,
  },
}

export type MessageKey = keyof typeof catalogue.en

/** A translator over the whole catalogue, for server modules (no page, no browser involved). */
export function translator(lang: Lang): Translator {
  return makeTranslator(lang, catalogue[lang] as Record<MessageKey, Message>)
}

export function hasMessage(key: string): key is MessageKey {
  return key in catalogue.en
}

/** Every language's messages, as `provideMessages` takes them. */
export const allMessages: Record<Lang, Messages> = catalogue

/** A language's catalogue version: the hash of all its messages, in the packs' addresses, so that a
 * pack is cached for good and a deploy that changes any message names new files. */
const versions = new Map<Lang, string>()
export function messagesVersion(lang: Lang): string {
  let version = versions.get(lang)
  if (!version) {
    version = createHash('sha256').update(JSON.stringify(catalogue[lang])).digest('hex').slice(0, 12)
    versions.set(lang, version)
  }
  return version
}

export interface PackScript {
  lang: Lang
  pack: Pack
  /** `/i18n/<lang>.<pack>.<version>.js` */
  url: string
  /** the script: adds this pack's messages to `self.__messages[lang][pack]` */
  body: string
  /** the keys it holds */
  messages: Messages
}

const scripts = new Map<string, PackScript>()

/** The browser's copy of one pack of one language's messages (packs.ts; built once per process). */
export function packScript(lang: Lang, pack: Pack): PackScript {
  const id = `${lang}.${pack}`
  let script = scripts.get(id)
  if (!script) {
    const messages: Messages = {}
    for (const [key, message] of Object.entries(catalogue[lang])) {
      if (packOfKey(key) === pack) messages[key] = message
    }
    const body =
      `!function(m){(m[${JSON.stringify(lang)}]=m[${JSON.stringify(lang)}]||{})[${JSON.stringify(pack)}]=` +
      `${JSON.stringify(messages)}}(self.__messages=self.__messages||{});\n`
    script = { lang, pack, url: packUrl(lang, pack, messagesVersion(lang)), body, messages }
    scripts.set(id, script)
  }
  return script
}
