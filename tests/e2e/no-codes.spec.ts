// Names, never codes (issue 14): no page shows a person an organization's internal code (`SECRETARIAT`,
// `PA-MIRE`), a record's raw id, a message key (`auth.signIn`) or an event's kind (`action.due_soon`),
// in either language, the admin pages (audit log, outbox) and notifications included. What a person reads:
// the text, the title and the labels (page-sweep.ts), not addresses (a mail's links in the outbox) or form
// values, nor the audit log's details on demand, which give the technical names as such (data-technical).
import { expect, queryValue, test } from './fixtures'
import { catalogue } from '../../app/i18n/catalogue.server'
import { NOTIFICATION_KINDS } from '../../app/modules/notifications/constants'
import { PAGES, pageText, recordPages } from './page-sweep'

const MORE_PAGES = [
  '/notifications',
  '/account/notifications',
  '/members/PA',
  '/members/IOM',
  '/actions/board/PA',
  '/procedures',
  '/plans',
]

/** Codes still shown, each with its page and why (to do), so that any other, and these anywhere else,
 * fail. None left: a plan's brackets and a person's search line name the organization. */
const KNOWN: { page: RegExp; code: string; why: string }[] = []
const known = (path: string, code: string) => KNOWN.some((k) => k.page.test(path) && k.code === code)

const rows = (sql: string): string[] => (queryValue<string | null>(sql) ?? '').split('\n').filter(Boolean)

/** Where `code` stands in `text` as a word of its own (not part of a longer name or key), with the words
 * around it; null when it does not. */
function standsIn(text: string, code: string): string | null {
  const escaped = code.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const m = new RegExp(`(?<![\\w.-])${escaped}(?![\\w-]|\\.\\w)`).exec(text)
  return m ? text.slice(Math.max(0, m.index - 40), m.index + code.length + 20) : null
}

function codes(): { code: string; what: string }[] {
  // organization codes that are not also an acronym people know (IOM is both): ES-RCM is shown, SECRETARIAT not
  const orgs = rows(
    "select group_concat(code || char(9) || coalesce(acronym, ''), char(10)) from organizations",
  )
    .map((r) => r.split('\t'))
    .filter(([code, acronym]) => code.length > 2 && !acronym.split(/\s*\/\s*/).includes(code))
    .map(([code]) => ({ code, what: 'organization code' }))
  const ids = rows(
    `select group_concat(id, char(10)) from (select id from meetings union all select id from documents
      union all select id from action_items union all select id from plans)`,
  ).map((code) => ({ code, what: 'record id' }))
  // the stored kinds (audit actions, mails such as action.due_soon, events) and every notification kind
  const kinds = [
    ...new Set([
      ...NOTIFICATION_KINDS,
      ...rows(
        `select group_concat(k, char(10)) from (select distinct action as k from audit_log union
      select distinct kind from mail_outbox union select distinct kind from notification_events)`,
      ),
    ]),
  ]
    .filter((k) => /[._]/.test(k))
    .map((code) => ({ code, what: 'event kind' }))
  const keys = Object.keys(catalogue.en).map((code) => ({ code, what: 'message key' }))
  return [...orgs, ...ids, ...kinds, ...keys]
}

for (const lang of ['es', 'en'] as const) {
  test(`no page in ${lang === 'es' ? 'Spanish' : 'English'} shows a code`, async ({ page, signIn }) => {
    test.setTimeout(180_000)
    await signIn('secretariat@rcm.example')
    const all = codes()
    expect(all.some((c) => c.code === 'SECRETARIAT')).toBe(true)
    expect(all.some((c) => c.code === 'action_assigned')).toBe(true)
    const found: string[] = []
    for (const path of [...PAGES, ...MORE_PAGES, ...recordPages()]) {
      const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
      expect(response?.status(), path).toBe(200)
      const text = (await pageText(page, { technical: false })).replace(/https?:\/\/\S+/g, ' ')
      for (const { code, what } of all) {
        const where = standsIn(text, code)
        if (where && !known(path, code)) found.push(`${path}: ${what} ${code} in “${where}”`)
      }
    }
    expect(found).toEqual([])
  })
}
