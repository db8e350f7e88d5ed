// The browser has only its page's language (bundle.spec.ts checks the build): pages still hydrate and
// speak the right language after client-side navigations, and when the language changes without a new
// document (signing in as an English-speaking person from a Spanish page) the other language arrives.
import type { Page } from '@playwright/test'
import { translator } from '../../app/i18n/catalogue.server'
import { expect, test } from './fixtures'

/** Console errors and uncaught exceptions of the page (a hydration mismatch is one). */
function errorsOf(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** Marks the document, to tell a client-side navigation (the mark stays) from a new document. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { rcmMark: number }).rcmMark = 1))
const marked = (page: Page) => page.evaluate(() => (window as unknown as { rcmMark?: number }).rcmMark === 1)

for (const lang of ['es', 'en'] as const) {
  test(`a page in ${lang} hydrates and stays in ${lang} on client-side navigation`, async ({
    page,
    signIn,
  }) => {
    const { t } = translator(lang)
    const errors = errorsOf(page)
    await signIn('mx.delegate@rcm.example')
    await page.goto(`/members?lang=${lang}`)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.getByRole('heading', { level: 1, name: t('members.title') })).toBeVisible()
    // hydrated: the router is the one navigating
    await page.waitForFunction(() => '__remixRouter' in window)
    await mark(page)
    await page
      .getByRole('navigation', { name: t('nav.main') })
      .getByRole('link', { name: t('nav.meetings') })
      .click()
    await expect(page).toHaveURL(/\/meetings$/)
    await expect(page.getByRole('heading', { level: 1, name: t('meetings.title') })).toBeVisible()
    expect(await marked(page)).toBe(true)
    await expect(page).toHaveTitle(new RegExp(t('meetings.title')))
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    expect(errors).toEqual([])
  })
}

test('signing in as an English-speaking person from a Spanish page switches to English in place', async ({
  page,
}) => {
  const es = translator('es').t
  const en = translator('en').t
  const errors = errorsOf(page)
  await page.goto('/login') // no lang cookie; the browser asks for Spanish
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await page.waitForFunction(() => '__remixRouter' in window)
  await mark(page)
  await page.getByLabel(es('common.email')).fill('iom@rcm.example')
  await page.getByLabel(es('auth.password')).fill('rcm-demo-2026')
  await page.getByRole('button', { name: es('auth.submit') }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('navigation', { name: en('nav.main') })).toBeVisible()
  await expect(page.getByRole('button', { name: en('nav.signOut') })).toBeVisible()
  await expect(page).toHaveTitle(`${en('nav.dashboard')} · ${en('app.name')}`)
  expect(await marked(page)).toBe(true)
  expect(await page.evaluate(() => Object.keys(window.__messages ?? {}).sort())).toEqual(['en', 'es'])
  expect(errors).toEqual([])
})

for (const lang of ['es', 'en'] as const) {
  test(`a form's browser-side validation speaks ${lang}`, async ({ page }) => {
    const { t } = translator(lang)
    const errors = errorsOf(page)
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url())
    })
    await page.goto(`/login?lang=${lang}`)
    // the validator arrives once the page has hydrated (components/browser-validation.ts)
    await expect(page.locator('html')).toHaveAttribute('data-browser-validation', 'ready')
    await page.getByRole('button', { name: t('auth.submit') }).click()
    await expect(page.getByText(t('validation.required')).first()).toBeVisible()
    expect(posts).toEqual([]) // refused in the browser, with the messages the browser has
    expect(errors).toEqual([])
  })
}
