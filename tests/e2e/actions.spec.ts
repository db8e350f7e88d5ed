import type { Browser, Page } from '@playwright/test'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

async function as(
  browser: Browser,
  email: string,
  javaScriptEnabled: boolean,
  baseURL: string,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return context.newPage()
}

// An action's whole life in the browser: the secretariat creates it from a decision of the XXVIII
// Vice-Ministerial Meeting, Panama's focal point reports it done with an evidence document (an owner's
// done waits for validation), the secretariat validates it and the action is done.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`action items with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('from a decision to a validated action', async ({ browser, baseURL }) => {
      const decision = queryValue("select id from decisions where code = 'XXVIII-VM/D.1'")
      const tag = `${javaScriptEnabled ? 'JS' : 'HTML'}-${Date.now() % 100000}`
      const secretariat = await as(browser, 'secretariat@rcm.example', javaScriptEnabled, baseURL!)
      await secretariat.goto(`/actions/new?decision=${decision}&lang=en`)
      await expect(secretariat.getByLabel('Title in English')).not.toHaveValue('')
      await secretariat.getByLabel('Title in English').fill(`Disseminate the Declaration ${tag}`)
      await secretariat.getByLabel('Owner organizations').selectOption(['PA'])
      await secretariat.getByLabel('Due date').fill('2027-06-30')
      await secretariat.getByRole('button', { name: 'Create the action item' }).click()
      await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(
        `Disseminate the Declaration ${tag}`,
      )
      await expect(secretariat.getByRole('link', { name: 'XXVIII-VM/D.1' })).toBeVisible()
      const actionUrl = secretariat.url().replace(/\?.*$/, '')

      const panama = await as(browser, 'pa.focal@rcm.example', javaScriptEnabled, baseURL!)
      await panama.goto(`${actionUrl}?lang=en`)
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(panama)
      await panama.getByLabel('Status').selectOption('done')
      await panama.getByLabel('Progress (%)').fill('100')
      await panama
        .getByLabel('Note')
        .fill('Publicada en el sitio de la Cancillería y circulada a las embajadas.')
      await panama.getByLabel('Evidence documents from the library').selectOption({ index: 0 })
      await panama.getByRole('button', { name: 'Send the report' }).click()
      await expect(panama.getByText('Publicada en el sitio de la Cancillería')).toBeVisible()

      // A Mexican delegate may read it but has no report form.
      const mexico = await as(browser, 'mx.delegate@rcm.example', javaScriptEnabled, baseURL!)
      await mexico.goto(`${actionUrl}?lang=en`)
      await expect(mexico.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(mexico.getByRole('button', { name: 'Send the report' })).toHaveCount(0)

      await secretariat.goto(`${actionUrl}?lang=en`)
      await secretariat.getByRole('button', { name: 'Validate: the action is done' }).click()
      await expect(secretariat.getByText('Done').first()).toBeVisible()
      await expect(secretariat.getByRole('button', { name: 'Validate: the action is done' })).toHaveCount(0)

      for (const page of [secretariat, panama, mexico]) await page.context().close()
    })
  })
}

test('the secretariat’s board shows the member states and draws the numbers', async ({ page, signIn }) => {
  await signIn('secretariat@rcm.example')
  await page.goto('/actions/board?lang=en')
  await expect(page.getByRole('img').first()).toBeVisible()
  await expect(page.getByRole('table').first()).toContainText('Panama')
  await expectNoSeriousA11yViolations(page)
})

test('the overdue filter and the CSV export work without JavaScript', async ({ browser, baseURL }) => {
  const page = await as(browser, 'pa.focal@rcm.example', false, baseURL!)
  await page.goto('/actions?overdue=1&lang=en')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const csv = await page.request.get('/actions/export.csv?overdue=1')
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toMatch(/text\/csv/)
  await page.context().close()
})
