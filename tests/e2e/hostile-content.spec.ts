// Hostile content against the production build: a DOCX zip bomb uploaded
// through the page is stored and shown as "text not extracted" while the server keeps answering; a
// minutes comment of 3,000 `>` (which overflowed the Markdown renderer's stack) leaves the minutes page
// answering 200 to everyone, the comment shown as plain text.
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { docxBomb } from '../hostile-fixtures'
import { createSessionCookie, expect, queryValue, test } from './fixtures'

const DB_FILE = path.resolve('tests/.tmp/e2e-data/portal.db')

test('a DOCX zip bomb is stored, marked "text not extracted", and the server keeps answering', async ({
  page,
  signIn,
  request,
}) => {
  await signIn('pa.focal@rcm.example')
  await page.goto('/documents/new?lang=en')
  const title = `Bomba ${Date.now() % 100000}`
  await page.getByLabel('Title (in the language of the file)').fill(title)
  await page.getByLabel('Language of the file', { exact: true }).selectOption('es')
  await page.getByLabel('Kind of document').selectOption('report')
  await page.getByRole('radio', { name: /Member Countries/ }).check()
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'bomba.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docxBomb(300, { lie: true }),
  })
  await page.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(page).toHaveURL(/\/documents\/[a-z0-9]+(\?uploaded=1)?$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  await expect(page.getByText('Text not extracted').first()).toBeVisible()
  await expect(page.getByText('Its compressed content unpacks to more than the limit.')).toBeVisible()
  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
})

test('a minutes comment of 3,000 ">" leaves the minutes page answering 200, as plain text', async ({
  browser,
  baseURL,
}) => {
  const minutesId = queryValue("select id from minutes where status = 'circulated' limit 1")
  const meetingId = queryValue('select meeting_id from minutes where id = ?', minutesId)
  const revision = queryValue<number>('select revision from minutes where id = ?', minutesId)
  const mexico = queryValue<string>("select id from people where email = 'mx.delegate@rcm.example'")
  const org = queryValue<string>('select organization_id from people where id = ?', mexico)
  const marker = `hostil${Date.now() % 100000}`
  const sqlite = new Database(DB_FILE)
  try {
    const insert = sqlite.prepare(
      'insert into minutes_comments (id, minutes_id, person_id, organization_id, revision, text, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    )
    insert.run(
      randomBytes(8).toString('hex'),
      minutesId,
      mexico,
      org,
      revision,
      `${marker}\n${'>'.repeat(3000)}`,
      Date.now(),
    )
    insert.run(
      randomBytes(8).toString('hex'),
      minutesId,
      mexico,
      org,
      revision,
      '['.repeat(10_000),
      Date.now(),
    )
  } finally {
    sqlite.close()
  }
  for (const email of ['secretariat@rcm.example', 'mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false })
    await context.addCookies([await createSessionCookie(email, baseURL!)])
    const page = await context.newPage()
    const response = await page.goto(`/meetings/${meetingId}/minutes?lang=en`)
    expect(response?.status(), email).toBe(200)
    await expect(page.getByText(marker)).toBeVisible()
    await context.close()
  }
})
