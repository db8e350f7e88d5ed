// The pages the sweeps of issue 14 open (language leaks, codes shown to people), and what a person reads
// on one of them.
import type { Page } from '@playwright/test'
import { queryValue } from './fixtures'

export const PAGES = [
  '/',
  '/account',
  '/account/password',
  '/account/sessions',
  '/account/tokens',
  '/account/second-factor',
  '/admin/people',
  '/admin/audit',
  '/admin/outbox',
  '/invite',
  '/groups',
  '/groups/pa-smuggling-plan',
  '/documents',
  '/documents/new',
  '/search?q=migrantes',
  '/meetings',
  '/meetings?view=month&month=2023-12',
  '/meetings/new',
  '/meetings/decisions',
  '/actions',
  '/actions/new',
  '/actions/board',
  '/plans',
  '/members',
  '/help',
  '/help/delegate',
  '/privacy',
  '/accessibility',
]

/** One page per kind of record, from the demo data (a meeting's tabs, a document, an action, a plan). */
export function recordPages(): string[] {
  const meeting = queryValue("select id from meetings where number = 'XXVIII'")
  const document = queryValue("select id from documents where reference like 'RCM/2023/DECL/%' limit 1")
  const action = queryValue('select id from action_items limit 1')
  const plan = queryValue('select id from plans limit 1')
  return [
    `/meetings/${meeting}`,
    `/meetings/${meeting}/participants`,
    `/meetings/${meeting}/minutes`,
    `/meetings/${meeting}/decisions`,
    `/documents/${document}`,
    `/actions/${action}`,
    `/plans/${plan}`,
  ]
}

/** What a person reads or hears in the page's language (not what a form field holds to be edited, such
 * as a record's English text on a page in Spanish): the text, the title, labels and alternative
 * texts, leaving out parts marked as another language (`lang`, WCAG "language of parts"): a title
 * that exists only in the other language, say. */
export function pageText(page: Page, { technical = true } = {}): Promise<string> {
  return page.evaluate((technical) => {
    const pageLang = document.documentElement.lang
    const ownLanguage = (el: Element | null) =>
      (el?.closest('[lang]')?.getAttribute('lang') ?? pageLang) === pageLang
    const texts: string[] = [document.title]
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || !ownLanguage(parent) || parent.closest('script,style,template,textarea')) continue
      if (!technical && parent.closest('[data-technical]')) continue
      texts.push(n.textContent ?? '')
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[alt],[placeholder]'))
      if (ownLanguage(el))
        for (const a of ['aria-label', 'title', 'alt', 'placeholder']) texts.push(el.getAttribute(a) ?? '')
    return texts.join(' ').replace(/\s+/g, ' ')
  }, technical)
}
