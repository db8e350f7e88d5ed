import { test } from './fixtures'

// The fixtures' own guard: a page that writes console.error fails its test (test.fail() expects that).
test('a console.error in the page fails the test', async ({ page }) => {
  test.fail()
  await page.goto('/healthz')
  await page.evaluate(() => console.error('broken on purpose'))
})

test('an uncaught error in the page fails the test', async ({ page }) => {
  test.fail()
  await page.goto('/healthz')
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('thrown on purpose')
    }),
  )
  await page.waitForTimeout(100)
})

test('a page answered 404 on purpose does not', async ({ page }) => {
  await page.goto('/no-such-page')
})
