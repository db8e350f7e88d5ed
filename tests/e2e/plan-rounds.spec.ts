import fs from 'node:fs'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// A consultation round without JavaScript: UNODC's focal point comments on a section of round 2 (a
// passage not in the text is refused at its field, what was typed kept) and submits UNODC's position
// (refused until confirmed); the chair answers it; the comment matrix shows it and exports it.

const UNODC = 'unodc.focal@rcm.example'
const CHAIR = 'pa.minseg@rcm.example'

test('an agency comments and submits, the chair responds, the matrix is exported, JavaScript off', async ({
  browser,
  baseURL,
}) => {
  const plan = queryValue<string>("select id from plans where stage = 'institutional_consultation'")
  const focal = await browser.newContext({ javaScriptEnabled: false, baseURL, acceptDownloads: true })
  await focal.addCookies([await createSessionCookie(UNODC, baseURL!)])
  const page = await focal.newPage()

  await page.goto(`/plans/${plan}?lang=en`)
  await page.getByRole('link', { name: 'Consultation rounds' }).click()
  await page.getByRole('link', { name: 'Round 2' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Round 2')
  const prevention = page
    .getByRole('region', { name: '3.1 Prevention' })
    .getByRole('form', { name: 'Comment on this section' })
  await prevention.getByLabel('Passage quoted').fill('words that are not in the section')
  await prevention.getByLabel('Comment', { exact: true }).fill('Add the role of the National Police.')
  await prevention.getByRole('button', { name: 'Add the comment' }).click()
  const again = page
    .getByRole('region', { name: '3.1 Prevention' })
    .getByRole('form', { name: 'Comment on this section' })
  await expect(again.getByText("The passage quoted is not in the section's current text")).toBeVisible()
  await expect(again.getByLabel('Comment', { exact: true })).toHaveValue(
    'Add the role of the National Police.',
  )
  expect(
    queryValue<number>("select count(*) from plan_round_comments where body like '%National Police%'"),
  ).toBe(0)

  await again.getByLabel('Passage quoted').fill('en las zonas de tránsito')
  await again.getByRole('button', { name: 'Add the comment' }).click()
  await expect(page.getByText('Your comment is saved as a draft of your organization.')).toBeVisible()
  const comment = queryValue<string>("select id from plan_round_comments where body like '%National Police%'")

  // the submission needs the confirmation
  const submit = page.getByRole('form', { name: /Submit the position of United Nations Office/ })
  await submit.getByRole('button', { name: 'Submit the position' }).click()
  await expect(
    page.getByText('Confirm that the comments are the position of the organization.'),
  ).toBeVisible()
  expect(
    queryValue(
      `select submitted_at from plan_round_organizations ro join organizations o on o.id = ro.organization_id
        join plan_rounds r on r.id = ro.round_id where o.code = 'UNODC' and r.number = 2`,
    ),
  ).toBeNull()
  await page.getByLabel('I confirm that these comments are the position of the organization').check()
  await page.getByRole('button', { name: 'Submit the position' }).click()
  await expect(page.getByText('The position is submitted: the drafters can read it.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Submit the position' })).toHaveCount(0)

  // the chair answers, in Spanish
  const chair = await browser.newContext({ javaScriptEnabled: false, baseURL, acceptDownloads: true })
  await chair.addCookies([await createSessionCookie(CHAIR, baseURL!)])
  const chairPage = await chair.newPage()
  await chairPage.goto(`/plans/${plan}/rounds/2?lang=es`)
  const item = chairPage.locator(`#c-${comment}`)
  await expect(item).toContainText('Add the role of the National Police.')
  await item.getByLabel('Respuesta').fill('Se menciona a la Policía Nacional.')
  await item.getByLabel('Acción tomada').selectOption('incorporated')
  await item.getByRole('button', { name: 'Guardar la respuesta' }).click()
  await expect(chairPage.getByText('Se guardó la respuesta.')).toBeVisible()
  expect(queryValue('select outcome from plan_round_comments where id = ?', comment)).toBe('incorporated')

  // the comment matrix, filtered, and its exports
  await chairPage.goto(`/plans/${plan}/comments?lang=es`)
  await chairPage.getByLabel('Organización').selectOption('UNODC')
  await chairPage.getByRole('button', { name: 'Filtrar' }).click()
  await expect(chairPage).toHaveURL(/organization=UNODC/)
  const table = chairPage.getByRole('table', { name: 'Comentarios, respuestas y acción tomada' })
  await expect(table).toContainText('Se menciona a la Policía Nacional.')
  await expect(table).toContainText('Incorporado')
  const [csv] = await Promise.all([
    chairPage.waitForEvent('download'),
    chairPage.getByRole('link', { name: 'Descargar en CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/^matriz-comentarios-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = fs.readFileSync((await csv.path())!, 'utf8')
  expect(text).toContain('Se menciona a la Policía Nacional.')
  expect(text).not.toContain('Name the host communities') // IOM's: filtered out
  const [xlsx] = await Promise.all([
    chairPage.waitForEvent('download'),
    chairPage.getByRole('link', { name: 'Descargar en Excel (XLSX)' }).click(),
  ])
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
  expect(
    fs
      .readFileSync((await xlsx.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK')
  await focal.close()
  await chair.close()
})

test('the rounds, a round and the comment matrix, as axe reads them', async ({ browser, baseURL }) => {
  const plan = queryValue<string>("select id from plans where stage = 'institutional_consultation'")
  for (const [who, path] of [
    [CHAIR, `/plans/${plan}/rounds?lang=es`],
    [CHAIR, `/plans/${plan}/rounds/2?lang=es`],
    [UNODC, `/plans/${plan}/rounds/2?lang=en`],
    [CHAIR, `/plans/${plan}/comments?lang=en`],
  ]) {
    const context = await browser.newContext({ baseURL })
    await context.addCookies([await createSessionCookie(who, baseURL!)])
    const page = await context.newPage()
    await page.goto(path)
    await expectNoSeriousA11yViolations(page, path)
    await context.close()
  }
})
