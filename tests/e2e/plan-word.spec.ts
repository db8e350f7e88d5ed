import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import mammoth from 'mammoth'
import fs from 'node:fs'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// Plan word in the browser: the chair of Panama's plan group starts a new plan from a Word document,
// opens it, downloads it as Word and prints it, with JavaScript off and on (then the upload shows its
// progress and the summary comes back in place).

const CHAIR = 'pa.minseg@rcm.example'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function wordFile(title: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: `${title}: capítulo`, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Texto con [PA-MINSEG: redacción propuesta].')] }),
          new Paragraph({ text: 'Objetivo importado', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('Texto del objetivo.')] }),
          new Paragraph({ text: 'Segundo capítulo', heading: HeadingLevel.HEADING_1 }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

for (const javaScriptEnabled of [false, true]) {
  test(`a Word document becomes a new plan, which downloads as Word and prints, JavaScript ${
    javaScriptEnabled ? 'on' : 'off'
  }`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled, baseURL, acceptDownloads: true })
    await context.addCookies([await createSessionCookie(CHAIR, baseURL!)])
    const page = await context.newPage()
    const title = `Plan desde Word ${javaScriptEnabled ? 'con' : 'sin'} JS`
    await page.goto('/plans?lang=en')
    await expect(page.getByRole('heading', { name: 'Start a plan from a Word document' })).toBeVisible()

    // a PDF is refused at the file, what was typed kept
    await page.getByLabel('Title of the plan').fill(title)
    await page.getByLabel('Language of the document').selectOption('es')
    await page.getByLabel('Word document (.docx)').setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    })
    await page.getByRole('button', { name: 'Import' }).click()
    await expect(page.getByText('This file is not a Word document (.docx) that can be read.')).toBeVisible()
    await expect(page.getByLabel('Title of the plan')).toHaveValue(title)
    expect(queryValue<number>('select count(*) from plans where title_es = ?', title)).toBe(0)

    await page.getByLabel('Word document (.docx)').setInputFiles({
      name: 'plan.docx',
      mimeType: DOCX,
      buffer: await wordFile(title),
    })
    // with JavaScript the file goes by XMLHttpRequest to the JSON endpoint (its progress shown)
    const sent = javaScriptEnabled ? page.waitForRequest(/\/plans\/import\.json$/) : null
    await page.getByRole('button', { name: 'Import' }).click()
    if (sent) expect((await sent).method()).toBe('POST')
    await expect(
      page.getByRole('status').filter({ hasText: '3 sections imported from plan.docx.' }),
    ).toBeVisible()
    const planId = queryValue<string>('select id from plans where title_es = ?', title)
    expect(queryValue<number>('select count(*) from plan_sections where plan_id = ?', planId)).toBe(3)
    // axe runs in the page: with JavaScript only
    if (javaScriptEnabled) await expectNoSeriousA11yViolations(page, '/plans after an import')

    await page.getByRole('link', { name: 'Open the plan' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.getByRole('heading', { name: /1\.1 Objetivo importado/ })).toBeVisible()

    // the Word file of the whole plan
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Word document (.docx)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^Plan desde Word (sin|con) JS \(Drafting, en, \d{4}-\d{2}-\d{2}\)\.docx$/,
    )
    const text = (await mammoth.extractRawText({ buffer: fs.readFileSync((await download.path())!) })).value
    expect(text).toContain(`1 ${title}: capítulo`)
    expect(text).toContain('1.1 Objetivo importado')
    expect(text).toContain('[PA-MINSEG: redacción propuesta]')

    // the printable page in English (no English text yet: the Spanish one, marked), then in Spanish
    await page.getByRole('link', { name: 'Printable version' }).click()
    await expect(page.getByRole('heading', { name: '2 Segundo capítulo' })).toBeVisible()
    await expect(page.getByText('Not yet translated: the text in Spanish.').first()).toBeVisible()
    await page.getByLabel('Language').selectOption('es')
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page).toHaveURL(/lang=es/)
    await expect(page.getByRole('heading', { name: `1 ${title}: capítulo` })).toBeVisible()
    await expect(page.getByText('Not yet translated')).toHaveCount(0)
    await expect(page.locator('mark.bracket[data-org="PA-MINSEG"]')).toBeVisible()
    if (javaScriptEnabled) await expectNoSeriousA11yViolations(page, 'the printable plan')
    await context.close()
  })
}

test('a plan the person cannot see: no Word file, no printable page (404)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL })
  await context.addCookies([await createSessionCookie('unhcr@rcm.example', baseURL!)])
  const plan = queryValue<string>("select id from plans where stage = 'institutional_consultation'")
  expect((await context.request.get(`/plans/${plan}.docx`)).status()).toBe(404)
  expect((await context.request.get(`/plans/${plan}/print`)).status()).toBe(404)
  await context.close()
})

test('/plans/:id.docx is the Word file (not the plan page) for a member of the group', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL })
  await context.addCookies([await createSessionCookie('pa.snm@rcm.example', baseURL!)])
  const plan = queryValue<string>("select id from plans where stage = 'institutional_consultation'")
  const answer = await context.request.get(`/plans/${plan}.docx?lang=en&stage=drafting`)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toBe(DOCX)
  expect(answer.headers()['content-disposition']).toMatch(
    /^attachment; filename=".*\(Drafting, en, \d{4}-\d{2}-\d{2}\)\.docx"/,
  )
  await context.close()
})

test('the chair publishes the approved work plan again as a new library version, JavaScript off', async ({
  browser,
  baseURL,
}) => {
  const plan = queryValue<string>(
    "select p.id from plans p join groups g on g.id = p.group_id where g.slug = 'border-management'",
  )
  const chair = queryValue<string>(
    `select pe.email from group_memberships m join people pe on pe.id = m.person_id
       join plans p on p.group_id = m.group_id where p.id = ? and m.role = 'chair'`,
    plan,
  )
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await context.addCookies([await createSessionCookie(chair, baseURL!)])
  const page = await context.newPage()
  await page.goto(`/plans/${plan}?lang=en`)
  await page.getByRole('link', { name: 'Publish in the library' }).click()
  const select = page.getByLabel('Who may see it in the library')
  // the chair is no secretariat: that level is not offered
  await expect(select.locator('option[value="secretariat"]')).toHaveCount(0)
  await select.selectOption('group')
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('status')).toContainText(/Published as version 2 of RCM\/\d{4}\/WP\/\d{3}\./)
  expect(
    queryValue<string>(
      'select d.visibility from documents d join plans p on p.document_id = d.id where p.id = ?',
      plan,
    ),
  ).toBe('group')
  await context.close()
})

test('the import form, the printable plan and the publication page fit a 360 px phone', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } })
  await context.addCookies([await createSessionCookie('secretariat@rcm.example', baseURL!)])
  const page = await context.newPage()
  const panama = queryValue<string>("select id from plans where stage = 'institutional_consultation'")
  const border = queryValue<string>(
    "select p.id from plans p join groups g on g.id = p.group_id where g.slug = 'border-management'",
  )
  for (const path of [
    '/plans?lang=en',
    `/plans/${panama}/print?lang=en`,
    `/plans/${border}/publish?lang=en`,
  ]) {
    await page.goto(path)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, path).toBeLessThanOrEqual(360)
  }
  await context.close()
})
