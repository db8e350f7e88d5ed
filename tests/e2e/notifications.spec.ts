import { PDFDocument, StandardFonts } from 'pdf-lib'
import { createSessionCookie, expect, test } from './fixtures'

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage().drawText(text, { x: 50, y: 700, size: 12, font })
  return Buffer.from(await doc.save())
}

// IOM shares a document with the national plan group: SNM (a member) sees the count in the header and
// the notification, which opens the document; UNHCR (in no group) sees neither. JavaScript off, so
// everything here is plain links and forms.
test.describe('notifications with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('a group member is told of a new group document, an outsider is not', async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    const title = `Hoja de ruta ${Date.now() % 100000}`
    await signIn('iom@rcm.example')
    await page.goto('/documents/new?lang=en')
    await page.getByLabel('Title (in the language of the file)').fill(title)
    await page.getByLabel('Language of the file', { exact: true }).selectOption('es')
    await page.getByLabel('Kind of document').selectOption('report')
    await page.getByRole('radio', { name: /^Working group/ }).check()
    await page.getByLabel('Working group', { exact: true }).selectOption('pa-smuggling-plan')
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'hoja.pdf', mimeType: 'application/pdf', buffer: await pdf(title) })
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(page).toHaveURL(/\/documents\/[a-z0-9]+(\?uploaded=1)?$/)

    const member = await browser.newContext({ javaScriptEnabled: false })
    await member.addCookies([await createSessionCookie('pa.snm@rcm.example', baseURL!)])
    const snm = await member.newPage()
    // dispatched off the request, within a moment
    await expect(async () => {
      await snm.goto('/notifications?lang=en')
      await expect(snm.getByRole('link', { name: `New document: ${title}` })).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    await expect(snm.getByRole('link', { name: /Notifications \(\d+ unread\)/ })).toBeVisible()
    await snm.getByRole('link', { name: `New document: ${title}` }).click()
    await expect(snm.getByRole('heading', { level: 1, name: title })).toBeVisible()
    // mark all read: the count goes
    await snm.goto('/notifications?lang=en')
    await snm.getByRole('button', { name: 'Mark all as read' }).click()
    await expect(snm.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
    await member.close()

    const outsider = await browser.newContext({ javaScriptEnabled: false })
    await outsider.addCookies([await createSessionCookie('unhcr@rcm.example', baseURL!)])
    const unhcr = await outsider.newPage()
    await unhcr.goto('/notifications?lang=en')
    await expect(unhcr.getByRole('link', { name: new RegExp(title) })).toHaveCount(0)
    await expect(unhcr.getByRole('link', { name: /unread/ })).toHaveCount(0)
    await outsider.close()
  })

  test('preferences: choose a daily summary and save, without JavaScript', async ({ page, signIn }) => {
    await signIn('mx.delegate@rcm.example')
    await page.goto('/account/notifications?lang=en')
    const group = page.getByRole('group', { name: 'New document', exact: true })
    await group.getByRole('radio', { name: 'Daily summary' }).check()
    await page
      .getByRole('group', { name: 'Meeting cancelled' })
      .getByRole('radio', { name: 'No e-mail' })
      .check()
    await page.getByRole('button', { name: 'Save preferences' }).click()
    await expect(page.getByRole('status')).toHaveText('Your preferences are saved.')
    await expect(group.getByRole('radio', { name: 'Daily summary' })).toBeChecked()
    await expect(
      page.getByRole('group', { name: 'Meeting cancelled' }).getByRole('radio', { name: 'No e-mail' }),
    ).toBeChecked()
  })
})

// Following from a record's page, without JavaScript: the button is a plain form that comes back to
// the page; what one follows is listed in the preferences, where it can be unfollowed too.
test.describe('following with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('follow a group from its page, see it in the preferences, unfollow it there', async ({
    page,
    signIn,
  }) => {
    await signIn('unhcr@rcm.example')
    await page.goto('/groups/pa-smuggling-plan?lang=en')
    const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
    await expect(page.getByText('Follow this group to be told of its news.')).toBeVisible()
    await page.getByRole('button', { name: 'Follow', exact: true }).click()
    await expect(page).toHaveURL(/\/groups\/pa-smuggling-plan\?lang=en$/)
    await expect(page.getByText('You follow this group: you are told of its news.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Unfollow', exact: true })).toBeVisible()

    await page.goto('/account/notifications?lang=en')
    await expect(page.getByText(`Group: ${name}`)).toBeVisible()
    await page.getByRole('button', { name: `Unfollow ${name}` }).click()
    await expect(page.getByText('You follow nothing', { exact: false })).toBeVisible()

    await page.goto('/groups/pa-smuggling-plan?lang=en')
    await expect(page.getByRole('button', { name: 'Follow', exact: true })).toBeVisible()
  })
})
