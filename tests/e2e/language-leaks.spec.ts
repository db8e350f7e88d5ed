// One language at a time (issue 14): no page in Spanish holds the English message of a key whose
// Spanish message differs (and the reverse). Over the main pages of the accessibility and phone sweeps,
// as the secretariat (who sees every control). Short messages (under 12 characters) and messages the
// same in both languages are skipped: they are words both languages share.
import type { Page } from '@playwright/test'
import { catalogue } from '../../app/i18n/catalogue.server'
import { expect, queryValue, test } from './fixtures'

const PAGES = [
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

type Lang = 'es' | 'en'

/** The texts of one language that would be out of place in the other: each message's literal parts
 * (the words around its {placeholders}), plural forms included. */
function foreignTexts(foreign: Lang): string[] {
  const own: Lang = foreign === 'es' ? 'en' : 'es'
  const texts = new Set<string>()
  const ownAll = new Set<string>()
  const flat = (m: unknown) => (typeof m === 'string' ? [m] : Object.values(m as object).map(String))
  for (const m of Object.values(catalogue[own])) for (const s of flat(m)) ownAll.add(s)
  for (const [key, message] of Object.entries(catalogue[foreign])) {
    const ownMessage = (catalogue[own] as Record<string, unknown>)[key]
    const ownForms = new Set(flat(ownMessage))
    for (const form of flat(message)) {
      if (ownForms.has(form)) continue
      for (const part of form.split(/\{\w+\}/)) {
        const text = part.trim()
        // short texts and texts the other language also uses somewhere are shared words
        if (text.length < 12 || ownAll.has(text) || [...ownAll].some((o) => o.includes(text))) continue
        texts.add(text)
      }
    }
  }
  return [...texts]
}

async function pageText(page: Page): Promise<string> {
  // what a person reads or hears: the text, the title, labels and alternative texts
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    )
    return [document.title, document.body.innerText, ...attrs].join('\n').replace(/\s+/g, ' ')
  })
}

for (const lang of ['es', 'en'] as const) {
  test(`no page in ${lang === 'es' ? 'Spanish' : 'English'} holds the other language's messages`, async ({
    page,
    signIn,
  }) => {
    test.setTimeout(180_000)
    await signIn('secretariat@rcm.example')
    const foreign = foreignTexts(lang === 'es' ? 'en' : 'es')
    expect(foreign.length).toBeGreaterThan(500)
    const meeting = queryValue("select id from meetings where number = 'XXVIII'")
    const document = queryValue("select id from documents where reference like 'RCM/2023/DECL/%' limit 1")
    const action = queryValue('select id from action_items limit 1')
    const plan = queryValue('select id from plans limit 1')
    const extra = [
      `/meetings/${meeting}`,
      `/meetings/${meeting}/participants`,
      `/meetings/${meeting}/minutes`,
      `/meetings/${meeting}/decisions`,
      `/documents/${document}`,
      `/actions/${action}`,
      `/plans/${plan}`,
    ]
    const leaks: string[] = []
    for (const path of [...PAGES, ...extra]) {
      const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
      expect(response?.status(), path).toBe(200)
      const text = await pageText(page)
      for (const f of foreign) if (text.includes(f)) leaks.push(`${path}: “${f}”`)
    }
    expect(leaks).toEqual([])
  })
}
