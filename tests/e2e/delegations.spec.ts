import { extractText, getDocumentProxy } from 'unpdf'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// Delegations as they really are (decision 0028), JavaScript off: Panama's focal point registers a
// Vice-Minister who has no portal account, with logistics, and downloads the invitation letter; a
// refused e-mail comes back at its field with the text kept. Another state's focal point cannot see
// Costa Rica's logistics anywhere (page, print, member page, letter, API); Costa Rica's can.

const PA_FOCAL = 'pa.focal@rcm.example'
const CR_FOCAL = 'cr.focal@rcm.example'
const meetingId = () =>
  queryValue<string>(
    "select id from meetings where title_en like 'First meeting of the Regional Consultation%'",
  )

test('a focal point registers a member without an account and downloads the letter, JavaScript off', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await context.addCookies([await createSessionCookie(PA_FOCAL, baseURL!)])
  const page = await context.newPage()
  const id = meetingId()
  await page.goto(`/meetings/${id}/participants?lang=en`)
  await page.getByRole('link', { name: 'Register a member without an account' }).click()
  await expect(page.getByRole('heading', { name: 'New delegation member' })).toBeVisible()
  await expect(page.getByText('Deleted 30 days after the meeting ends')).toBeVisible()
  await page.getByLabel('Full name').fill('Roberto Ábrego Núñez')
  await page.getByLabel('Title or position').fill('Viceministro de Relaciones Exteriores')
  await page.getByLabel('Institution', { exact: true }).fill('Ministerio de Relaciones Exteriores')
  await page.getByLabel('E-mail (optional)').fill('rabrego@@mire')
  await page.getByLabel('Role in the delegation').selectOption('head')
  const start = queryValue<number>('select starts_at from meetings where id = ?', id)
  const day = new Date(start - 24 * 3600 * 1000).toISOString().slice(0, 10)
  await page.getByLabel('Arrival', { exact: true }).fill(`${day}T16:30`)
  await page.getByLabel('Dietary needs').fill('Sin gluten')
  const count = () => queryValue<number>('select count(*) from delegation_members where meeting_id = ?', id)
  const before = count()
  await page.getByRole('button', { name: 'Register member' }).click()
  // refused at the field, in English, what was typed kept, nothing written
  await expect(page.getByText('Enter a valid e-mail address, such as name@example.org.')).toBeVisible()
  await expect(page.getByLabel('Full name')).toHaveValue('Roberto Ábrego Núñez')
  await expect(page.getByLabel('Dietary needs')).toHaveValue('Sin gluten')
  expect(count()).toBe(before)

  await page.getByLabel('E-mail (optional)').fill('rabrego@mire.example')
  await page.getByRole('button', { name: 'Register member' }).click()
  await expect(page.getByText('The member was registered in the delegation.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Roberto Ábrego Núñez' })).toBeVisible()
  expect(count()).toBe(before + 1)
  expect(
    queryValue(
      "select person_id is null from delegation_members where name = 'Roberto Ábrego Núñez' and meeting_id = ?",
      id,
    ),
  ).toBe(1)

  // the letter, in Spanish, from the member page
  await page.getByLabel('Language of the letter').selectOption('es')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the letter (PDF)' }).click(),
  ])
  const bytes = await download.createReadStream().then(
    (s) =>
      new Promise<Buffer>((resolve, reject) => {
        const parts: Buffer[] = []
        s.on('data', (c: Buffer) => parts.push(c))
        s.on('end', () => resolve(Buffer.concat(parts)))
        s.on('error', reject)
      }),
  )
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
  expect(text.replace(/\s+/g, ' ')).toContain('tiene el honor de invitar a Roberto Ábrego Núñez')
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)

  // the participants list shows them without an account, and badges print names, never codes
  await page.goto(`/meetings/${id}/participants?lang=en`)
  await expect(page.getByRole('row', { name: /Roberto Ábrego Núñez/ })).toContainText('no portal account')
  await page.getByRole('link', { name: 'Badges and name cards' }).click()
  await expect(page.locator('.delegations-badge')).toContainText(['Roberto Ábrego Núñez'])
  await expect(page.locator('.delegations-badge').first()).toContainText('Panama')
  await context.close()
})

test("another state's focal point cannot see a delegation's logistics; its own focal point can", async ({
  browser,
  baseURL,
}) => {
  const id = meetingId()
  const vm = queryValue<string>("select id from delegation_members where name = 'Marcela Solís Araya'")
  const pa = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await pa.addCookies([await createSessionCookie(PA_FOCAL, baseURL!)])
  const page = await pa.newPage()
  for (const path of [`/meetings/${id}/participants?lang=en`, `/meetings/${id}/participants/print?lang=en`]) {
    await page.goto(path)
    await expect(page.locator('main')).toContainText('Marcela Solís Araya')
    await expect(page.locator('main')).not.toContainText('Vegetariana')
    await expect(page.locator('main')).not.toContainText('Silla de ruedas')
  }
  expect((await page.goto(`/meetings/${id}/participants/${vm}?lang=en`))!.status()).toBe(404)
  expect((await pa.request.get(`/meetings/${id}/participants/${vm}/letter.pdf?language=es`)).status()).toBe(
    404,
  )
  const api = await pa.request.get(`/api/v1/meetings/${id}`)
  expect(api.status()).toBe(200)
  const body = await api.text()
  expect(body).toContain('Marcela Solís Araya')
  expect(body).not.toContain('Vegetariana')
  await pa.close()

  const cr = await browser.newContext({ baseURL })
  await cr.addCookies([await createSessionCookie(CR_FOCAL, baseURL!)])
  const crPage = await cr.newPage()
  await crPage.setViewportSize({ width: 360, height: 800 })
  await crPage.goto(`/meetings/${id}/participants/print?lang=en`)
  await expect(crPage.locator('main')).toContainText('Vegetariana')
  const fitsThePhone = async () =>
    expect(await crPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await crPage.goto(`/meetings/${id}/participants/${vm}?lang=es`)
  await expect(crPage.getByLabel('Necesidades alimentarias')).toHaveValue('Vegetariana')
  await expectNoSeriousA11yViolations(crPage, 'delegation member page')
  await fitsThePhone()
  await crPage.goto(`/meetings/${id}/participants/new?lang=es`)
  await expectNoSeriousA11yViolations(crPage, 'new delegation member')
  await fitsThePhone()
  await crPage.goto(`/meetings/${id}/participants/badges?lang=es`)
  await expect(crPage.locator('.delegations-badge')).toHaveCount(2)
  await expectNoSeriousA11yViolations(crPage, 'badges')
  await fitsThePhone()
  await cr.close()
})
