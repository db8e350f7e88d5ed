import { expect, queryValue, test } from './fixtures'

// Every main page fits a 360 px phone (issue 14): nothing wider than the screen; wide tables scroll in
// their own box. As the secretariat (who sees every control), in Spanish (the longer words).
const PAGES = [
  '/',
  '/account',
  '/admin/people',
  '/admin/audit',
  '/admin/outbox',
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
]

test.use({ viewport: { width: 360, height: 740 } })

test('every main page fits a 360 px phone', async ({ page, signIn }) => {
  test.setTimeout(120_000)
  await signIn('secretariat@rcm.example')
  const meeting = queryValue("select id from meetings where number = 'XXVIII'")
  const documentId = queryValue("select id from documents where reference like 'RCM/2023/DECL/%' limit 1")
  const action = queryValue('select id from action_items limit 1')
  const plan = queryValue("select id from plans where stage = 'institutional_consultation'")
  const extra = [
    `/meetings/${meeting}`,
    `/meetings/${meeting}/participants`,
    `/meetings/${meeting}/minutes`,
    `/meetings/${meeting}/decisions`,
    `/meetings/${meeting}/documents`,
    `/documents/${documentId}`,
    `/actions/${action}`,
    `/plans/${plan}`,
    `/plans/${plan}/matrix`,
    `/plans/${plan}/rounds`,
    `/plans/${plan}/rounds/2`,
    `/plans/${plan}/comments`,
  ]
  const wide: string[] = []
  for (const path of [...PAGES, ...extra]) {
    const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=es`)
    expect(response?.status(), path).toBe(200)
    const overflow = await page.evaluate(() => {
      const over = document.documentElement.scrollWidth - window.innerWidth
      if (over <= 0) return null
      // the outermost elements that reach past the screen, to name in the failure
      const culprits = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(
          (e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1,
        )
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
      return `${over}px (${culprits.join(', ')})`
    })
    if (overflow) wide.push(`${path}: ${overflow}`)
  }
  expect(wide).toEqual([])
})

test('on a phone the navigation folds into a menu that opens without JavaScript', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL,
    viewport: { width: 360, height: 740 },
  })
  const page = await context.newPage()
  await page.goto('/?lang=es')
  const nav = page.getByRole('navigation', { name: 'Navegación principal' })
  await expect(nav.getByRole('link', { name: 'Documentos' })).toBeHidden()
  await nav.getByText('Menú').click()
  await nav.getByRole('link', { name: 'Documentos' }).click()
  await expect(page).toHaveURL(/\/documents/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // on a wide screen the links stand in a row, and the menu is not there
  await page.setViewportSize({ width: 1024, height: 740 })
  await expect(nav.getByRole('link', { name: 'Documentos' })).toBeVisible()
  await expect(nav.getByText('Menú')).toBeHidden()
  await context.close()
})
