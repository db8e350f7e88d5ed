import { createSessionCookie, expect, queryValue, test } from './fixtures'
import type { Browser, Page } from '@playwright/test'

// Adoption by written procedure end to end, closed by the server's own timer (PROCEDURE_CHECK_SECONDS=2
// in playwright.config.ts): the secretariat launches a procedure due a few seconds later, Mexico agrees,
// Guatemala objects, and it closes not adopted (JavaScript off); a second closes adopted and its decision
// appears in /meetings/decisions (JavaScript on).

/** A moment `seconds` from now as a datetime-local value (with seconds) in San José's time. */
function seatLocal(seconds: number) {
  const d = new Date(Date.now() + seconds * 1000 - 6 * 3600 * 1000) // Costa Rica: UTC-6, no DST
  return d.toISOString().slice(0, 19)
}

async function as(browser: Browser, baseURL: string, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return context.newPage()
}

async function launch(browser: Browser, baseURL: string, js: boolean, subject: string, seconds: number) {
  const page = await as(browser, baseURL, 'secretariat@rcm.example', js)
  await page.goto('/procedures/new?lang=en')
  await page.getByLabel('Subject (English)').fill(subject)
  await page.getByLabel('Draft decision (English)').fill(`The Conference adopts: ${subject}.`)
  await page.getByRole('checkbox', { name: 'Mexico' }).check()
  await page.getByRole('checkbox', { name: 'Guatemala' }).check()
  // a deadline in the past is refused at the field, what was typed kept
  await page.getByLabel(/^Deadline · Costa Rica time/).fill(seatLocal(-3600))
  await page.getByRole('button', { name: 'Launch' }).click()
  await expect(page.getByText('The deadline must be in the future.')).toBeVisible()
  await expect(page.getByLabel('Subject (English)')).toHaveValue(subject)
  await page.getByLabel(/^Deadline · Costa Rica time/).fill(seatLocal(seconds))
  await page.getByRole('button', { name: 'Launch' }).click()
  await expect(page.getByText('The written procedure was launched')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
  return { page, id: new URL(page.url()).pathname.split('/').pop()! }
}

async function takePosition(
  browser: Browser,
  baseURL: string,
  js: boolean,
  email: string,
  id: string,
  position: 'Agrees' | 'Objects',
  reason = '',
) {
  const page = await as(browser, baseURL, email, js)
  await page.goto(`/procedures/${id}?lang=en`)
  await page.getByRole('radio', { name: position }).check()
  if (reason) await page.getByLabel('Reason of the objection, or the amendment proposed').fill(reason)
  await page.getByRole('button', { name: 'Record the position' }).click()
  await expect(page.getByText('The position of your state was recorded.')).toBeVisible()
  await page.context().close()
}

async function waitForOutcome(page: Page, id: string, text: string | RegExp) {
  await expect(async () => {
    await page.goto(`/procedures/${id}?lang=en`)
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 90_000, intervals: [2000] })
}

test('launched, Mexico agrees, Guatemala objects: closed not adopted by the server, JavaScript off', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000)
  const subject = `E2E guidelines ${Date.now()}`
  const { page, id } = await launch(browser, baseURL!, false, subject, 45)
  await expect(page.getByText(/left$/)).toBeVisible()
  await takePosition(browser, baseURL!, false, 'mx.focal@rcm.example', id, 'Agrees')
  // an objection without its reason is refused at the field
  const gt = await as(browser, baseURL!, 'gt.focal@rcm.example', false)
  await gt.goto(`/procedures/${id}?lang=en`)
  await gt.getByRole('radio', { name: 'Objects' }).check()
  await gt.getByRole('button', { name: 'Record the position' }).click()
  await expect(gt.getByText('Give the reason of the objection.')).toBeVisible()
  // the launch is among Guatemala's notifications too, linking to the procedure
  await expect(async () => {
    await gt.goto('/notifications?lang=en')
    await expect(
      gt.getByRole('link', { name: `Written procedure awaiting your state: ${subject}` }),
    ).toHaveAttribute('href', `/procedures/${id}`, { timeout: 1000 })
  }).toPass({ timeout: 15_000, intervals: [1000] })
  await gt.context().close()
  await takePosition(
    browser,
    baseURL!,
    false,
    'gt.focal@rcm.example',
    id,
    'Objects',
    'Needs internal consultation.',
  )
  // a delegate not named by the focal point has no form
  const delegate = await as(browser, baseURL!, 'mx.delegate@rcm.example', false)
  await delegate.goto(`/procedures/${id}?lang=en`)
  await expect(delegate.getByRole('button', { name: 'Record the position' })).toHaveCount(0)
  await delegate.context().close()
  await waitForOutcome(page, id, 'Not adopted')
  await expect(page.getByText('Needs internal consultation.').first()).toBeVisible()
  expect(queryValue<string>('select outcome from written_procedures where id = ?', id)).toBe('not_adopted')
})

test('a second procedure closes adopted and its decision is in the register, JavaScript on', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000)
  const subject = `E2E calendar ${Date.now()}`
  const { page, id } = await launch(browser, baseURL!, true, subject, 25)
  await takePosition(browser, baseURL!, true, 'mx.focal@rcm.example', id, 'Agrees')
  await waitForOutcome(page, id, /Adopted as decision \d{4}-PE\/D\.\d+/)
  const code = queryValue<string>('select decision_code from written_procedures where id = ?', id)
  await page.goto('/meetings/decisions?lang=en')
  await expect(page.getByRole('link', { name: code })).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(subject) })).toBeVisible()
})

test('the demo procedure and the list fit a 360 px phone, in Spanish', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } })
  await context.addCookies([await createSessionCookie('gt.focal@rcm.example', baseURL!)])
  const page = await context.newPage()
  const id = queryValue<string>(
    "select id from written_procedures where status = 'open' order by number limit 1",
  )
  for (const path of ['/procedures?lang=es', `/procedures/${id}?lang=es`]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
  // the main menu (folded on a phone) leads to the list
  await expect(
    page
      .getByRole('navigation', { name: 'Navegación principal', includeHidden: true })
      .getByRole('link', { name: 'Procedimientos escritos', exact: true, includeHidden: true })
      .first(),
  ).toHaveAttribute('href', '/procedures')
  // the dashboard card for Guatemala's focal point: the demo procedure awaits its position
  await page.goto('/?lang=es')
  await expect(
    page.getByRole('heading', { name: 'Procedimientos escritos que esperan a su Estado' }),
  ).toBeVisible()
  await context.close()
})
