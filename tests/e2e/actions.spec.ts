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
  // one chart, stacked by status, with its legend; no state named by its code
  await expect(page.locator('.stacked-bar-chart')).toHaveCount(1)
  await expect(page.locator('.stacked-bar-legend li')).toHaveText(['Open, overdue', 'Open, on time', 'Done'])
  await expect(page.locator('.stacked-bar-label').first()).not.toContainText('(')
  await expectNoSeriousA11yViolations(page)
})

test('the board narrows by year and meeting without JavaScript, fits a phone and downloads as shown', async ({
  browser,
  baseURL,
}) => {
  const page = await as(browser, 'secretariat@rcm.example', false, baseURL!)
  await page.setViewportSize({ width: 360, height: 800 })
  await page.goto('/actions/board?lang=en')
  const panamaOpen = async () =>
    Number(
      await page
        .getByRole('row', { name: /^Panama/ })
        .first()
        .getByRole('cell')
        .first()
        .innerText(),
    )
  const allOpen = await panamaOpen()
  const year = await page.getByLabel('Due in').locator('option').nth(1).getAttribute('value')
  await page.getByLabel('Due in').selectOption(year!)
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(new RegExp(`year=${year}`))
  await expect(page.getByText(`Narrowed to: Due in ${year}.`)).toBeVisible()
  expect(await panamaOpen()).toBeLessThanOrEqual(allOpen)
  // the page is no wider than the phone: the chart scales down, its labels are not cut
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('.stacked-bar-chart svg.chart text')].some((t) => {
      const svg = t.closest('svg')!.getBoundingClientRect()
      const box = t.getBoundingClientRect()
      return box.right > svg.right + 1 || box.left < svg.left - 1
    }),
  )
  expect(clipped).toBe(false)
  const csv = await page.request.get(
    await page
      .getByRole('link', { name: 'CSV' })
      .getAttribute('href')
      .then((h) => h!),
  )
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain('Panama,Member Country,')
  await page.getByRole('link', { name: 'Show everything' }).click()
  await expect(page).toHaveURL(/\/actions\/board$/)
  await page.context().close()
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
