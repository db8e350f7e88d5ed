import { PDFDocument, StandardFonts } from 'pdf-lib'
import { expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage().drawText(text, { x: 50, y: 700, size: 12, font })
  return Buffer.from(await doc.save())
}

// A Panamanian delegate uploads a report in Spanish, adds its English translation, then a second version;
// the first version stays downloadable and the text is found by an accent-free search.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`documents with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('upload in Spanish, translate, version, download, search', async ({ page, signIn }) => {
      const word = `quetzal${javaScriptEnabled ? 'js' : 'nojs'}${Date.now() % 100000}`
      const v1 = await pdf(`Informe sobre el tráfico ilícito de migrantes ${word}`)
      await signIn('pa.focal@rcm.example')
      await page.goto('/documents/new?lang=en')
      await page.getByLabel('Title (in the language of the file)').fill(`Informe de control ${word}`)
      await page.getByLabel('Language of the file', { exact: true }).selectOption('es')
      await page.getByLabel('Kind of document').selectOption('report')
      await page.getByRole('radio', { name: /Member Countries/ }).check()
      await page
        .getByLabel('File', { exact: true })
        .setInputFiles({ name: 'informe-ñandú.pdf', mimeType: 'application/pdf', buffer: v1 })
      await page.getByRole('button', { name: 'Upload', exact: true }).click()
      await expect(page).toHaveURL(/\/documents\/[a-z0-9]+(\?uploaded=1)?$/)
      await expect(page.getByRole('heading', { level: 1 })).toContainText(`Informe de control ${word}`)
      await expect(page.getByText(/RCM\/\d{4}\/REP\/\d{3}/).first()).toBeVisible()
      const documentUrl = page.url().replace(/\?.*$/, '')

      const translation = page.locator('form', {
        has: page.getByRole('button', { name: 'Add the translation' }),
      })
      await translation.getByLabel('Language of the file', { exact: true }).selectOption('en')
      await translation.getByLabel('File', { exact: true }).setInputFiles({
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: await pdf(`Report on migrant smuggling ${word}`),
      })
      await translation.getByRole('button', { name: 'Add the translation' }).click()
      await expect(page).toHaveURL(new RegExp(`^${documentUrl}(\\?.*)?$`))

      // With JavaScript the upload goes through the API and then reloads the page: wait for the result.
      await expect(page.getByRole('link', { name: 'Download English, version 1' }).first()).toBeVisible()
      const version = page.locator('form', {
        has: page.getByRole('button', { name: 'Upload the new version' }),
      })
      await version.getByLabel('What changed in this version').fill('Cifras actualizadas')
      await version.getByLabel('File', { exact: true }).setInputFiles({
        name: 'informe-v2.pdf',
        mimeType: 'application/pdf',
        buffer: await pdf(`Segunda versión del informe sobre tráfico ${word}`),
      })
      await version.getByRole('button', { name: 'Upload the new version' }).click()
      await expect(page).toHaveURL(new RegExp(`^${documentUrl}(\\?.*)?$`))
      await expect(page.getByRole('heading', { name: /Version 2/ })).toBeVisible()
      await expect(page.getByText('Cifras actualizadas')).toBeVisible()

      // Version 1 in Spanish is still the same bytes.
      const download = await page.request.get(`${documentUrl}/download?version=1&lang=es`)
      expect(download.status()).toBe(200)
      expect(Buffer.compare(await download.body(), v1)).toBe(0)
      expect(download.headers()['content-disposition']).toMatch(/^attachment;/)

      if (javaScriptEnabled) await expectNoSeriousA11yViolations(page)

      // Found again by its text, without accents.
      await page.goto(`/search?q=trafico+${word}&lang=en`)
      await expect(page.getByRole('link', { name: new RegExp(`Informe de control ${word}`) })).toBeVisible()
    })

    test('a document for an item of a meeting’s agenda; an item of no meeting is refused', async ({
      page,
      signIn,
    }) => {
      const meeting = queryValue(
        `select m.id from meetings m where m.openness = 'open'
           and exists (select 1 from agenda_items a where a.meeting_id = m.id) order by m.starts_at desc limit 1`,
      )
      const item = queryValue(
        `select coalesce(title_en, title_es) from agenda_items where meeting_id = ? and parent_id is null
           order by position limit 1`,
        meeting,
      )
      const title = `Presentation of the item ${javaScriptEnabled ? 'js' : 'nojs'}${Date.now() % 100000}`
      const file = { name: 'item.pdf', mimeType: 'application/pdf', buffer: await pdf(title) }
      // An English-speaking account: with JavaScript the API answers in the account's language.
      await signIn('iom@rcm.example')
      await page.goto(`/meetings/${meeting}/documents?lang=en`)
      await page.getByRole('link', { name: 'Upload a document for this meeting' }).click()
      await page.getByLabel('Title (in the language of the file)').fill(title)
      await page.getByLabel('Kind of document').selectOption('presentation')
      await page.getByLabel('Agenda item').selectOption({ label: `1. ${item}` })
      // The item without its meeting: refused at the item, what was typed kept.
      await page.getByLabel('Meeting', { exact: true }).selectOption('')
      await page.getByLabel('File', { exact: true }).setInputFiles(file)
      await page.getByRole('button', { name: 'Upload', exact: true }).click()
      await expect(page.getByText('Choose an item of the agenda of the document’s meeting.')).toBeVisible()
      await expect(page.getByLabel('Title (in the language of the file)')).toHaveValue(title)
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(page)

      await page.getByLabel('Meeting', { exact: true }).selectOption(meeting)
      await page.getByLabel('Agenda item').selectOption({ label: `1. ${item}` })
      await page.getByLabel('File', { exact: true }).setInputFiles(file)
      await page.getByRole('button', { name: 'Upload', exact: true }).click()
      await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
      await page.goto(`/meetings/${meeting}/documents?lang=en`)
      const itemSection = page.locator('section', { has: page.getByRole('heading', { name: `1. ${item}` }) })
      await expect(itemSection.getByRole('link', { name: title })).toBeVisible()
    })
  })
}

test('an observer does not see a members-only document, and gets 404 at its address', async ({
  page,
  signIn,
  browser,
}) => {
  await signIn('mx.delegate@rcm.example')
  await page.goto('/documents?lang=en')
  const link = page.getByRole('link', { name: 'Regional Action Plan on Labor Migration' })
  await expect(link).toBeVisible()
  const href = await link.getAttribute('href')
  const observer = await browser.newContext()
  const { createSessionCookie } = await import('./fixtures')
  await observer.addCookies([await createSessionCookie('co.observer@rcm.example', page.url())])
  const other = await observer.newPage()
  const response = await other.goto(href!)
  expect(response?.status()).toBe(404)
  await other.goto('/documents?lang=en')
  await expect(other.getByRole('link', { name: 'Regional Action Plan on Labor Migration' })).toHaveCount(0)
  await observer.close()
})

// With JavaScript the upload goes to the API, which reads a time without offset as UTC: the page sends the
// embargo typed in Mexico City's time as UTC, and shows it back in that time.
test('an embargo typed at 10:00 in Mexico City is 16:00 UTC, shown back as 10:00 (JavaScript on)', async ({
  page,
  signIn,
}) => {
  const title = `Nota embargada ${Date.now() % 100000}`
  await signIn('mx.delegate@rcm.example')
  await page.goto('/documents/new?lang=es')
  await page.getByLabel('Título (en el idioma del archivo)').fill(title)
  await page.getByLabel('Tipo de documento').selectOption('report')
  await page.getByLabel('Embargo hasta (hora de Ciudad de México (UTC−6))').fill('2030-01-15T10:00')
  await page
    .getByLabel('Archivo', { exact: true })
    .setInputFiles({ name: 'nota.pdf', mimeType: 'application/pdf', buffer: await pdf(title) })
  await page.getByRole('button', { name: 'Subir', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  const stored = queryValue<number>('select embargo_until from documents where title_es = ?', title)
  expect(new Date(stored).toISOString()).toBe('2030-01-15T16:00:00.000Z')
  await expect(page.getByText('10:00 (hora de Ciudad de México (UTC−6))').first()).toBeVisible()
})
