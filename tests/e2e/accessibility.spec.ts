import { expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// axe over the main pages of every area, as the secretariat (who sees every control) and in both languages.
const PAGES = [
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
]

for (const lang of ['es', 'en']) {
  test(`the main pages have no serious accessibility violations (${lang})`, async ({ page, signIn }) => {
    test.setTimeout(120_000)
    await signIn('secretariat@rcm.example')
    const meeting = queryValue("select id from meetings where number = 'XXVIII'")
    const document = queryValue("select id from documents where reference like 'RCM/2023/DECL/%' limit 1")
    const action = queryValue('select id from action_items limit 1')
    const extra = [
      `/meetings/${meeting}`,
      `/meetings/${meeting}/participants`,
      `/meetings/${meeting}/minutes`,
      `/meetings/${meeting}/decisions`,
      `/documents/${document}`,
      `/actions/${action}`,
    ]
    for (const path of [...PAGES, ...extra]) {
      const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
      // an error page would pass axe too: the sweep is over the pages themselves
      expect(response?.status(), path).toBe(200)
      await expectNoSeriousA11yViolations(page, path)
    }
  })
}
