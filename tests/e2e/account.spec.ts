import type { Browser, Page } from '@playwright/test'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, test } from './fixtures'

async function as(browser: Browser, email: string, javaScriptEnabled: boolean, baseURL: string) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return { context, page: await context.newPage() }
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections of my account' })

// One's own account, one page per form, reached through its sub-navigation: with plain forms and links
// (JavaScript off) and with JavaScript.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`my account with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('each section is a page of its own', async ({ browser, baseURL }) => {
      const { context, page } = await as(browser, 'mx.delegate@rcm.example', javaScriptEnabled, baseURL!)
      await page.goto('/account?lang=en')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')
      await expect(sections(page).getByRole('link', { name: 'Profile and language' })).toHaveAttribute(
        'aria-current',
        'page',
      )
      await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible()

      // the profile saves, and says so
      await page.getByLabel('Title or position').fill(`Asesor ${javaScriptEnabled ? 'JS' : 'HTML'}`)
      await page.getByRole('button', { name: 'Save profile' }).click()
      await expect(page.getByRole('status')).toHaveText('Your profile was saved.')

      // a personal token: shown once, then revoked on the same page
      await sections(page).getByRole('link', { name: 'API tokens' }).click()
      await expect(page).toHaveURL(/\/account\/tokens$/)
      await expect(page).toHaveTitle(/^Personal API tokens · My account/)
      const name = `Script ${javaScriptEnabled ? 'JS' : 'HTML'}`
      await page.getByLabel('Token name').fill(name)
      await page.getByRole('button', { name: 'Create token' }).click()
      await expect(page.getByRole('status')).toContainText('rcm_')
      await page.getByRole('button', { name: `Revoke the token "${name}"` }).click()
      // revoking asks first (components/confirm.tsx): a dialog with JavaScript, the server's panel without
      const asked = (title: string) =>
        page.getByRole(javaScriptEnabled ? 'dialog' : 'alertdialog', { name: title })
      await asked(`Revoke the token «${name}»?`).getByRole('button', { name: 'Revoke', exact: true }).click()
      await expect(page.getByRole('status')).toHaveText(
        `Token «${name}» revoked: programs that used it are refused from now on.`,
      )
      await expect(page).toHaveURL(/\/account\/tokens$/)
      // said once: a reload does not repeat it
      await page.reload()
      await expect(page.getByRole('status')).toHaveCount(0)

      // another browser's session ends from the sessions page; this one stays
      const other = await as(browser, 'mx.delegate@rcm.example', javaScriptEnabled, baseURL!)
      await other.page.goto('/account?lang=en')
      await sections(page).getByRole('link', { name: 'Sessions' }).click()
      await page.getByRole('button', { name: 'End all other sessions' }).click()
      await asked('End every other session?').getByRole('button', { name: 'End all other sessions' }).click()
      await expect(page.getByRole('status')).toContainText('other session')
      await expect(page.getByRole('button', { name: 'End all other sessions' })).toHaveCount(0)
      await other.page.goto('/account/password?lang=en')
      await expect(other.page).toHaveURL(/\/login\?redirectTo=/)

      // a wrong current password is refused at its field
      await page.goto('/account/password?lang=en')
      await page.getByLabel('Current password').fill('not my password')
      await page.getByLabel('New password', { exact: true }).fill('a long new passphrase')
      await page.getByLabel('Repeat the new password').fill('a long new passphrase')
      await page.getByRole('button', { name: 'Change password' }).click()
      await expect(page.getByText('The current password is not correct.')).toBeVisible()

      // the second factor's set-up shows a key to scan, and can be cancelled
      await sections(page).getByRole('link', { name: 'Second factor' }).click()
      await page.getByRole('link', { name: 'Set up a second factor' }).click()
      await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
      await expect(page.getByLabel('Code from the app')).toBeVisible()
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(page, '/account/second-factor?totp=setup')
      await page.getByRole('link', { name: 'Cancel' }).click()
      await expect(page.getByRole('link', { name: 'Set up a second factor' })).toBeVisible()
      await context.close()
      await other.context.close()
    })
  })
}

test('a form sent to /account as the one-page account sent it reaches its page', async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn('co.observer@rcm.example')
  const answer = await page.request.post('/account?lang=en', {
    form: { intent: 'create-token', name: 'From an old tab' },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  })
  expect(answer.status()).toBe(200)
  await page.goto('/account/tokens?lang=en')
  await expect(page.getByRole('cell', { name: 'From an old tab', exact: true })).toBeVisible()
})
