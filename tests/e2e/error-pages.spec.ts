import { expect, queryValue, test } from './fixtures'

// A page that fails shows its error inside the layout, in the person's language, with the navigation
// still there (each route's ErrorBoundary; tests/error-boundaries.test.ts checks every module has one).
const MISSING = [
  '/groups/no-such-group',
  '/members/XX',
  '/meetings/no-such-meeting',
  '/documents/no-such-document',
]
const LANGS = [
  {
    lang: 'en',
    nav: 'Main navigation',
    tabs: 'Sections of the meeting',
    text: 'This page does not exist, or you cannot see it.',
  },
  {
    lang: 'es',
    nav: 'Navegación principal',
    tabs: 'Secciones de la reunión',
    text: 'Esta página no existe o no tiene acceso a ella.',
  },
]

for (const { lang, nav, tabs, text } of LANGS) {
  test(`a missing record answers 404 inside the layout (${lang})`, async ({ page, signIn }) => {
    await signIn('co.observer@rcm.example')
    for (const path of MISSING) {
      const response = await page.goto(`${path}?lang=${lang}`)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Error 404')
      await expect(page.getByText(text), path).toBeVisible()
      await expect(page.getByRole('navigation', { name: nav }), path).toBeVisible()
    }
  })

  test(`an unknown address answers 404 with the signed-in header, in the person's language (${lang})`, async ({
    page,
    signIn,
  }) => {
    await signIn('co.observer@rcm.example')
    const response = await page.goto(`/no/such/address?lang=${lang}`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.getByText(text)).toBeVisible()
    await expect(page.getByRole('navigation', { name: nav })).toBeVisible()
    await expect(
      page.getByRole('button', { name: lang === 'es' ? 'Cerrar sesión' : 'Sign out' }),
    ).toBeVisible()
    await expect(page).toHaveTitle(lang === 'es' ? 'Error 404 · Portal CRM' : 'Error 404 · RCM Portal')
  })

  test(`a refused tab of a meeting keeps the meeting's header and tabs (${lang})`, async ({
    page,
    signIn,
  }) => {
    await signIn('co.observer@rcm.example')
    const meeting = queryValue("select id from meetings where number = 'XXVIII'")
    const response = await page.goto(`/meetings/${meeting}/edit?lang=${lang}`)
    expect(response?.status()).toBeGreaterThanOrEqual(400)
    // the error is the tab's own: the meeting's page around it stays
    await expect(page.getByRole('heading', { name: /^XXVIII/ })).toBeVisible()
    await expect(page.locator('#error-title')).toHaveText(/^Error 40\d$/)
    await expect(page.getByRole('navigation', { name: tabs })).toBeVisible()
    await expect(page.getByRole('navigation', { name: nav })).toBeVisible()
  })
}
