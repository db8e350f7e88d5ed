import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

const PASSWORD = 'rcm-demo-2026'
const ACCOUNTS = [
  { email: 'secretariat@rcm.example', name: 'Lucía Fernández Mora' },
  { email: 'pa.focal@rcm.example', name: 'Ana Isabel Quintero' },
  { email: 'pa.snm@rcm.example', name: 'Rogelio Batista Núñez' },
  { email: 'mx.delegate@rcm.example', name: 'Mariana Ortega Salinas' },
  { email: 'co.observer@rcm.example', name: 'Andrés Felipe Rojas' },
  { email: 'iom@rcm.example', name: 'Sarah Whitfield' },
  { email: 'unhcr@rcm.example', name: 'Jean-Marc Dubois' },
]

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-in with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    for (const account of ACCOUNTS) {
      test(`${account.email} signs in and out`, async ({ page }) => {
        await page.goto('/login?lang=en')
        await page.getByLabel('E-mail').fill(account.email)
        await page.getByLabel('Password').fill(PASSWORD)
        await page.getByRole('button', { name: 'Sign in' }).click()
        await expect(page).toHaveURL(/\/$/)
        await expect(page.getByRole('banner')).toContainText(account.name)
        await page.getByRole('button', { name: 'Sign out' }).click()
        await expect(page).toHaveURL(/\/login$/)
        await expect(page.getByRole('banner')).not.toContainText(account.name)
      })
    }

    test('a wrong password is refused at the form, keeping the e-mail', async ({ page }) => {
      await page.goto('/login?lang=es')
      await page.getByLabel('Correo electrónico').fill('mx.delegate@rcm.example')
      await page.getByLabel('Contraseña').fill('not-the-password')
      await page.getByRole('button', { name: 'Entrar' }).click()
      await expect(page.getByRole('alert')).toContainText('no son correctos')
      await expect(page.getByLabel('Correo electrónico')).toHaveValue('mx.delegate@rcm.example')
      // The server never sends the password back (without JavaScript the page is re-rendered from it).
      if (!javaScriptEnabled) await expect(page.getByLabel('Contraseña')).toHaveValue('')
    })

    test('a signed-out visit to a private page comes back after sign-in', async ({ page }) => {
      await page.goto('/account?lang=en')
      await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/)
      await page.getByLabel('E-mail').fill('iom@rcm.example')
      await page.getByLabel('Password').fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page).toHaveURL(/\/account/)
    })

    test('the language switch changes the interface and is remembered', async ({ page, signIn }) => {
      await signIn('mx.delegate@rcm.example')
      await page.goto('/members?lang=es')
      await expect(page.getByRole('heading', { name: /Países Miembros/i })).toBeVisible()
      await page.getByRole('link', { name: 'View in English' }).click()
      await expect(page.getByRole('heading', { name: /Member Countries/i })).toBeVisible()
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Dashboard' })
        .click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    })
  })
}

test.describe('members', () => {
  test('a member state delegate sees the member states and Panama', async ({ page, signIn }) => {
    await signIn('mx.delegate@rcm.example')
    await page.goto('/members?lang=en')
    for (const name of [
      'Belize',
      'Canada',
      'Costa Rica',
      'El Salvador',
      'United States',
      'Guatemala',
      'Honduras',
      'Mexico',
      'Nicaragua',
      'Panama',
      'Dominican Republic',
    ]) {
      await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible()
    }
    await page.getByRole('link', { name: 'Panama', exact: true }).first().click()
    await expect(page).toHaveURL(/\/members\/PA/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Panama')
    await expect(page.getByText('Ana Isabel Quintero')).toBeVisible()
  })
})

test.describe('accessibility (axe)', () => {
  test('login page', async ({ page }) => {
    await page.goto('/login')
    await expectNoSeriousA11yViolations(page)
  })
  test('dashboard', async ({ page, signIn }) => {
    await signIn('pa.focal@rcm.example')
    await page.goto('/')
    await expectNoSeriousA11yViolations(page)
  })
  test('members page', async ({ page, signIn }) => {
    await signIn('pa.focal@rcm.example')
    await page.goto('/members')
    await expectNoSeriousA11yViolations(page)
  })
  test('an organization page', async ({ page, signIn }) => {
    await signIn('secretariat@rcm.example')
    await page.goto('/members/PA?lang=en')
    await expectNoSeriousA11yViolations(page)
  })
})

test('a non-secretariat person gets 403 at /admin/people', async ({ page, signIn }) => {
  await signIn('mx.delegate@rcm.example')
  const response = await page.goto('/admin/people')
  expect(response?.status()).toBe(403)
})

test('scripts run under the CSP (no violations reported)', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  await page.goto('/login?lang=en')
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
})
