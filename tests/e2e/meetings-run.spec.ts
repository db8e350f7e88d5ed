import { PDFDocument, StandardFonts } from 'pdf-lib'
import { expect, queryValue, test } from './fixtures'

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage().drawText(text, { x: 50, y: 700, size: 12, font })
  return Buffer.from(await doc.save())
}

// Meetings as a secretariat runs them, without JavaScript: a document uploaded onto an agenda item shows
// on the agenda; adopting circulated minutes goes through the confirmation step.
test.describe('meetings run without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a document uploaded onto an agenda item is shown on the agenda', async ({ page, signIn }) => {
    await signIn('pa.focal@rcm.example')
    const meetingId = queryValue("select id from meetings where number = 'XXVIII'")
    const title = `Discurso de clausura ${Date.now() % 100000}`
    await page.goto(`/meetings/${meetingId}?lang=en`)
    await expect(page.getByText(/^Day 1 · /)).toBeVisible()
    const closing = page.getByRole('row').filter({ hasText: 'Closing' })
    await closing.getByRole('link', { name: /^Add a document to item/ }).click()
    await expect(page.getByLabel('Agenda item')).toHaveValue(
      queryValue("select id from agenda_items where meeting_id = ? and title_en = 'Closing'", meetingId),
    )
    await page.getByLabel('Title (in the language of the file)').fill(title)
    await page.getByLabel('Kind of document').selectOption('presentation')
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'clausura.pdf', mimeType: 'application/pdf', buffer: await pdf(title) })
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await page.goto(`/meetings/${meetingId}?lang=en`)
    await expect(
      page.getByRole('row').filter({ hasText: 'Closing' }).getByRole('link', { name: title }),
    ).toBeVisible()
  })

  test('adopting the minutes asks for confirmation first', async ({ page, signIn }) => {
    await signIn('secretariat@rcm.example')
    const meetingId = queryValue(
      "select meeting_id from minutes where status = 'circulated' group by meeting_id limit 1",
    )
    await page.goto(`/meetings/${meetingId}/minutes?lang=en`)
    await page.getByRole('button', { name: 'Adopt the circulated minutes' }).click()
    await expect(page.getByRole('heading', { name: 'Confirm the adoption of the minutes' })).toBeVisible()
    expect(
      queryValue("select count(*) from minutes where meeting_id = ? and status = 'adopted'", meetingId),
    ).toBe(0)
    await page.getByRole('button', { name: 'Yes, adopt the minutes' }).click()
    await expect(page.getByRole('heading', { name: 'Adopted minutes (official document)' })).toBeVisible()
    // said once, saying what was done
    await expect(page.getByRole('status')).toContainText('Minutes adopted: they are now')
    await expect(page.getByRole('link', { name: 'Download PDF' })).toBeVisible()
    expect(
      queryValue("select count(*) from minutes where meeting_id = ? and status = 'circulated'", meetingId),
    ).toBe(0)
  })

  test('the printable programme in either language fits a phone', async ({ page, signIn }) => {
    await signIn('mx.delegate@rcm.example')
    await page.setViewportSize({ width: 360, height: 740 })
    const meetingId = queryValue("select id from meetings where number = 'XXVIII'")
    await page.goto(`/meetings/${meetingId}?lang=es`)
    await page.getByRole('link', { name: 'Programa imprimible' }).click()
    await expect(page.getByRole('heading', { name: /^Día 2 · / })).toBeVisible()
    await page.getByRole('link', { name: 'Programa en inglés' }).click()
    await expect(page.getByRole('heading', { name: /^Day 2 · / })).toBeVisible()
    await expect(page.getByText('Adoption of the Declaration of Panama')).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
