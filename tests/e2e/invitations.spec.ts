import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

// The whole life of an account, without JavaScript (plain forms) and with it: Panama's focal point invites
// a colleague into Panama, the colleague opens the one-time link, sets a password and is signed in; the
// link then no longer works.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`invitations with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('a focal point invites a colleague who then signs in', async ({ page, signIn, browser }) => {
      const email = `pa.new${javaScriptEnabled ? 'js' : 'nojs'}@rcm.example`
      await signIn('pa.focal@rcm.example')
      await page.goto('/members/PA?lang=en')
      await page.getByRole('link', { name: 'Invite someone' }).click()
      await expect(page).toHaveURL(/\/invite\?org=PA/)
      await page.getByLabel('Full name').fill('Marisol Pinzón')
      await page.getByRole('textbox', { name: 'E-mail' }).fill(email)
      await page.getByRole('button', { name: 'Send the invitation' }).click()
      const link = (await page.locator('.token-box').innerText()).trim()
      expect(link).toMatch(/^http:\/\/localhost:\d+\/invitation\/[a-z0-9]+$/)

      // The invited person, in a browser of their own.
      const other = await browser.newContext({ javaScriptEnabled })
      const invitee = await other.newPage()
      await invitee.goto(link)
      await expect(invitee.getByRole('heading', { level: 1 })).toBeVisible()
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(invitee) // axe runs as a script in the page
      await invitee.getByLabel(/^(New password|Nueva contraseña)$/).fill('a long enough passphrase')
      await invitee
        .getByLabel(/^(Repeat the new password|Repita la nueva contraseña)$/)
        .fill('a long enough passphrase')
      await invitee
        .getByRole('button')
        .filter({ hasText: /password|contraseña/i })
        .click()
      await expect(invitee).toHaveURL(/\/$/)
      await expect(invitee.getByRole('banner')).toContainText('Marisol Pinzón')

      // Used once: the same link is refused.
      const again = await invitee.goto(link)
      expect(again?.status()).toBe(410)
      await other.close()
    })
  })
}

test('a Mexican delegate cannot invite into Panama', async ({ page, signIn }) => {
  await signIn('mx.delegate@rcm.example')
  const response = await page.goto('/invite?org=PA')
  expect(response?.status()).toBe(403)
})

test('error pages speak the person’s language', async ({ page }) => {
  let response = await page.goto('/members/XX?lang=es')
  expect(response?.status()).toBe(404)
  await expect(page.getByText('Esta página no existe')).toBeVisible()
  response = await page.goto('/members/XX?lang=en')
  expect(response?.status()).toBe(404)
  await expect(page.getByText('This page does not exist')).toBeVisible()
})
