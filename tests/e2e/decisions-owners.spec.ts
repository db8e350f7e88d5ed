import type { Browser, Page } from '@playwright/test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// Without JavaScript: the secretariat corrects a decision by a corrigendum (its code unchanged, the text
// it replaced shown); a two-owner action is reported done by each owner for its own part and validated
// by the secretariat, with its comments shown.
async function as(browser: Browser, email: string, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return context.newPage()
}

test.describe('decisions and owners with JavaScript off', () => {
  test('a decision corrected by a corrigendum', async ({ browser, baseURL }) => {
    const meeting = queryValue("select meeting_id from decisions where code = 'XXVIII-VM/D.1'")
    const decision = queryValue("select id from decisions where code = 'XXVIII-VM/D.1'")
    const secretariat = await as(browser, 'secretariat@rcm.example', baseURL!)
    await secretariat.goto(`/meetings/${meeting}/decisions?lang=en`)
    const entry = secretariat.locator(`#decision-${decision}`)
    await entry.getByText('Correct by a corrigendum').click()
    await entry
      .getByLabel('Text in English')
      .fill('Corrected text of the first decision of the XXVIII meeting.')
    await entry.getByLabel('Reason').first().fill('Transcription error in the minutes')
    await entry.getByRole('button', { name: 'Record the corrigendum' }).click()
    await expect(
      secretariat.getByText('The corrigendum to decision XXVIII-VM/D.1 has been recorded.'),
    ).toBeVisible()
    const after = secretariat.locator(`#decision-${decision}`)
    await expect(after.getByText('XXVIII-VM/D.1', { exact: true })).toBeVisible()
    await expect(after.getByText('Corrected', { exact: true })).toBeVisible()
    await after.getByText('Corrigenda (1)').click()
    await expect(after.getByText('Transcription error in the minutes')).toBeVisible()

    // a delegate reads the corrected text and its history, without the forms
    const mexico = await as(browser, 'mx.delegate@rcm.example', baseURL!)
    await mexico.goto(`/meetings/${meeting}/decisions?lang=en`)
    const seen = mexico.locator(`#decision-${decision}`)
    await expect(seen.getByText('Corrected text of the first decision').first()).toBeVisible()
    await expect(seen.getByText('Correct by a corrigendum')).toHaveCount(0)
    for (const page of [secretariat, mexico]) await page.context().close()
  })

  test('a two-owner action reported by both owners and validated', async ({ browser, baseURL }) => {
    const action = queryValue(
      "select id from action_items where title_en = 'Exchange of data on assisted returns between Panama and Mexico'",
    )
    const url = `/actions/${action}?lang=en`
    const report = async (email: string, note: string) => {
      const page = await as(browser, email, baseURL!)
      await page.goto(url)
      await expect(page.getByRole('heading', { name: 'Progress per owner' })).toBeVisible()
      await page.getByLabel('Status').selectOption('done')
      await page.getByLabel('Progress (%)').fill('100')
      await page.getByLabel('Note').fill(note)
      await page.getByRole('button', { name: 'Send the report' }).click()
      await expect(page.getByText(note).first()).toBeVisible()
      return page
    }
    const mexico = await report('mx.delegate@rcm.example', 'México concilió los registros.')
    // one owner's done does not close the action
    expect(queryValue(`select status from action_items where id = '${action}'`)).toBe('in_progress')
    const panama = await report('pa.focal@rcm.example', 'Panamá envió los registros de 2025.')

    const secretariat = await as(browser, 'secretariat@rcm.example', baseURL!)
    for (const comment of ['Registros de México revisados', 'Registros de Panamá revisados']) {
      await secretariat.goto(url)
      await secretariat.getByLabel('Comment').fill(comment)
      await secretariat.getByRole('button', { name: 'Validate: the action is done' }).click()
      await expect(secretariat.getByText(comment).first()).toBeVisible()
    }
    await expect(secretariat.getByRole('button', { name: 'Validate: the action is done' })).toHaveCount(0)
    const table = secretariat.getByRole('table').filter({ hasText: 'Overall' })
    await expect(table.getByText('done, validated')).toHaveCount(2)
    await expect(table.getByText('Comment of the secretariat: Registros de Panamá revisados')).toBeVisible()
    expect(queryValue(`select status from action_items where id = '${action}'`)).toBe('done')
    for (const page of [secretariat, panama, mexico]) await page.context().close()
  })

  test('upload a document first: the report typed is kept and the new document chosen', async ({
    browser,
    baseURL,
  }) => {
    // an open action Panama owns, with no report of done waiting
    const action = queryValue(
      `select a.id from action_items a
        join action_owners o on o.action_id = a.id and o.kind = 'owner'
        join organizations g on g.id = o.organization_id and g.code = 'PA'
       where a.status in ('not_started', 'in_progress', 'blocked')
         and not exists (select 1 from action_updates u where u.action_id = a.id and u.validation = 'pending')
       order by a.created_at limit 1`,
    )
    const panama = await as(browser, 'pa.focal@rcm.example', baseURL!)
    await panama.goto(`/actions/${action}?lang=en`)
    await panama.getByLabel('Status').selectOption('blocked')
    await panama.getByLabel('Progress (%)').fill('70')
    await panama.getByLabel('Note').fill('Esperamos la firma del acta de conciliación.')
    await panama.getByRole('button', { name: 'Upload a document to the library first' }).click()
    await expect(panama).toHaveURL(/\/documents\/new\?returnTo=/)
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    doc.addPage().drawText('Acta de conciliacion', { x: 50, y: 700, size: 12, font })
    const title = `Acta de conciliación ${Date.now() % 100000}`
    await panama.getByLabel('Title (in the language of the file)').fill(title)
    await panama.getByLabel('Language of the file', { exact: true }).selectOption('es')
    await panama.getByLabel('Kind of document').selectOption('report')
    await panama
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'acta.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) })
    await panama.getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(panama).toHaveURL(new RegExp(`/actions/${action}\\?draft=`))
    await expect(panama.getByLabel('Note')).toHaveValue('Esperamos la firma del acta de conciliación.')
    await expect(panama.getByLabel('Progress (%)')).toHaveValue('70')
    await expect(panama.getByLabel('Status')).toHaveValue('blocked')
    const chosen = panama.getByLabel('Evidence documents from the library').locator('option:checked')
    await expect(chosen).toContainText(title)
    await panama.context().close()
  })

  test('the new parts are accessible and fit a phone (JavaScript on)', async ({ browser, baseURL }) => {
    const meeting = queryValue("select meeting_id from decisions where code = 'XXVIII-VM/D.1'")
    const action = queryValue(
      "select id from action_items where title_en = 'Exchange of data on assisted returns between Panama and Mexico'",
    )
    const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } })
    await context.addCookies([await createSessionCookie('secretariat@rcm.example', baseURL!)])
    const page = await context.newPage()
    for (const path of [`/meetings/${meeting}/decisions`, '/meetings/decisions', `/actions/${action}`]) {
      await page.goto(`${path}?lang=en`)
      await expectNoSeriousA11yViolations(page)
      // the widest right edge among this work's parts (tables scroll inside their wrapper; the meeting
      // page's own header is not part of this work)
      const width = await page.evaluate(() =>
        Math.max(
          0,
          ...[
            ...document.querySelectorAll(
              'section[aria-labelledby="decisions-title"] > *, .meetings-decisions li > *, .decisions-register, .filters *, .decisions-register-tools, section[aria-labelledby="owners-progress-title"] > *, .actions-card *',
            ),
          ].map((e) => e.getBoundingClientRect().right),
        ),
      )
      expect(width, path).toBeLessThanOrEqual(360)
    }
    await context.close()
  })
})
