import type { Browser, Page } from '@playwright/test'
import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

async function as(
  browser: Browser,
  email: string,
  javaScriptEnabled: boolean,
  baseURL: string,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return context.newPage()
}

// The whole meetings cycle through the browser: the secretariat creates a meeting with an agenda, Panama's focal
// point registers a delegation, the secretariat writes minutes and circulates them, Mexico comments, the
// secretariat adopts them and records a decision.
for (const javaScriptEnabled of [false, true]) {
  test.describe(`meetings with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('from a new meeting to an adopted decision', async ({ browser, baseURL }) => {
      const tag = `${javaScriptEnabled ? 'JS' : 'HTML'}-${Date.now() % 100000}`
      const secretariat = await as(browser, 'secretariat@rcm.example', javaScriptEnabled, baseURL!)
      await secretariat.goto('/meetings/new?lang=en')
      await secretariat.getByLabel('Kind of meeting').selectOption('working_group')
      await secretariat.getByLabel('Title in Spanish').fill(`Reunión de prueba ${tag}`)
      await secretariat.getByLabel('Title in English').fill(`Test meeting ${tag}`)
      // Unnumbered meetings name their decisions by date and kind: one date per run.
      const day = javaScriptEnabled ? '2027-03-10' : '2027-03-17'
      await secretariat.getByLabel('Starts').fill(`${day}T09:00`)
      await secretariat.getByLabel('Ends').fill(`${day}T17:00`)
      await secretariat.getByLabel('Place').fill('Ciudad de Panamá')
      await secretariat.getByLabel('Registration deadline').fill('2027-03-01T17:00')
      await secretariat.getByLabel('Panama', { exact: true }).check()
      await secretariat.getByLabel('Mexico', { exact: true }).check()
      await secretariat.getByRole('button', { name: 'Create the meeting' }).click()
      await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText(`Test meeting ${tag}`)
      const meetingUrl = secretariat.url().replace(/\?.*$/, '')

      await secretariat.getByLabel('Title in Spanish').fill('Situación de los flujos migratorios')
      await secretariat.getByLabel('Title in English').fill('Situation of migration flows')
      await secretariat.getByRole('button', { name: 'Add to the agenda' }).click()
      // the row's header (the row's Remove also names the item, in its closed confirmation dialog)
      await expect(
        secretariat.getByRole('table').getByRole('rowheader', { name: 'Situation of migration flows' }),
      ).toBeVisible()
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(secretariat)

      const panama = await as(browser, 'pa.focal@rcm.example', javaScriptEnabled, baseURL!)
      await panama.goto(`${meetingUrl}/participants?lang=en`)
      await panama.getByLabel('Ana Isabel Quintero').selectOption('head')
      await panama.getByLabel('Rogelio Batista Núñez').selectOption('adviser')
      await panama.getByRole('button', { name: 'Save the delegation' }).click()
      await expect(panama.getByText('The delegation has been saved.')).toBeVisible()

      await secretariat.goto(`${meetingUrl}/minutes?lang=en`)
      await secretariat.getByRole('link', { name: 'Write the minutes' }).click()
      await secretariat
        .getByRole('textbox', { name: 'Minutes' })
        .fill('La Presidencia **presentó** el informe.')
      await secretariat.getByRole('button', { name: 'Save the minutes' }).click()
      await expect(secretariat.getByText('presentó')).toBeVisible()
      await secretariat.getByLabel('Comments until').fill('2030-01-15T17:00')
      await secretariat.getByRole('button', { name: 'Circulate for comment' }).click()
      await expect(secretariat.getByText('Circulated for comment').first()).toBeVisible()

      const mexico = await as(browser, 'mx.delegate@rcm.example', javaScriptEnabled, baseURL!)
      await mexico.goto(`${meetingUrl}/minutes?lang=en`)
      await mexico.getByLabel('Your delegation’s comment').fill('México propone precisar las cifras.')
      await mexico.getByRole('button', { name: 'Send the comment' }).click()
      await expect(mexico.getByText('México propone precisar las cifras.')).toBeVisible()

      await secretariat.goto(`${meetingUrl}/minutes?lang=en`)
      await expect(secretariat.getByText('México propone precisar las cifras.')).toBeVisible()
      await secretariat.getByRole('button', { name: 'Adopt the circulated minutes' }).click()
      // the confirmation step (meetings-run): adopting locks the minutes
      await secretariat.getByRole('button', { name: 'Yes, adopt the minutes' }).click()
      await expect(secretariat.getByText('Adopted').first()).toBeVisible()
      await expect(secretariat.getByRole('link', { name: 'Edit the minutes' })).toHaveCount(0)

      await secretariat.goto(`${meetingUrl}/decisions?lang=en`)
      await secretariat.getByLabel('Agenda item').selectOption({ index: 1 })
      await secretariat
        .getByLabel('Text in Spanish')
        .fill('Se toma nota del informe sobre flujos migratorios.')
      await secretariat.getByLabel('Text in English').fill('The report on migration flows is noted.')
      await secretariat.getByRole('button', { name: 'Record the decision' }).click()
      await expect(
        secretariat.getByRole('paragraph').filter({ hasText: 'The report on migration flows is noted.' }),
      ).toBeVisible()
      await expect(secretariat.getByText(`${day}-WG/D.1`).first()).toBeVisible()

      for (const page of [secretariat, panama, mexico]) await page.context().close()
    })
  })
}

test('an observer gets 404 for a members-only meeting and does not find it in the list', async ({
  page,
  signIn,
}) => {
  await signIn('co.observer@rcm.example')
  await page.goto('/meetings?lang=en')
  await expect(page.getByRole('link', { name: /Troika meeting/ })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /XXVIII Vice-Ministerial Meeting/ })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the XXVIII Vice-Ministerial Meeting shows its agenda in Spanish', async ({ page, signIn }) => {
  await signIn('mx.delegate@rcm.example')
  await page.goto('/meetings?lang=es')
  await page.getByRole('link', { name: /XXVIII Reunión Viceministerial/ }).click()
  await expect(page.getByRole('heading', { name: 'Orden del día' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

for (const javaScriptEnabled of [false, true]) {
  test(`the history of adopted minutes: all of it for the secretariat, since circulation for a delegation (JavaScript ${
    javaScriptEnabled ? 'on' : 'off'
  })`, async ({ browser, baseURL }) => {
    // minutes of the demo's XXVIII Vice-Ministerial Meeting: a first draft, then the adopted text
    const item = queryValue(
      "select mi.agenda_item_id from minutes mi join meetings m on m.id = mi.meeting_id where m.number = 'XXVIII' and mi.status = 'adopted' and mi.revision = 2 limit 1",
    )
    const meeting = queryValue('select meeting_id from minutes where agenda_item_id = ?', item)
    const page = await as(browser, 'secretariat@rcm.example', javaScriptEnabled, baseURL!)
    await page.goto(`/meetings/${meeting}/minutes?lang=en`)
    await page.locator(`#minutes-${item}`).getByRole('link', { name: 'History of the text' }).click()
    const history = page.getByRole('region', { name: 'Saved versions of these minutes' })
    await expect(history).toBeVisible()
    await expect(history.getByText('Revision 2')).toBeVisible()
    await expect(history.getByText('Earliest recorded text')).toBeVisible()
    await expect(history.locator('ins').first()).toBeVisible()
    if (javaScriptEnabled) await expectNoSeriousA11yViolations(page, 'minutes history')
    await page.context().close()

    // a delegation sees the versions from the text as circulated on, never the draft before it
    const mx = await as(browser, 'mx.delegate@rcm.example', javaScriptEnabled, baseURL!)
    await mx.goto(`/meetings/${meeting}/minutes?lang=en`)
    await mx.locator(`#minutes-${item}`).getByRole('link', { name: 'History of the text' }).click()
    const seen = mx.getByRole('region', { name: 'Saved versions of these minutes' })
    await expect(seen.getByText('Text as circulated')).toBeVisible()
    await expect(seen.getByText('Revision 1')).toHaveCount(0)
    await mx.context().close()
  })
}
