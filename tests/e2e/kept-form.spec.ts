import {
  createSessionCookie,
  endSessions,
  expect,
  expectNoSeriousA11yViolations,
  queryValue,
  test,
} from './fixtures'

// A save after the session expired keeps what was typed, never drops it. Panama's focal point writes a
// progress report, the session ends before it is sent; the page keeps the text, the person signs in
// again (in another tab: here, a new session cookie) and sends it again.
for (const javaScriptEnabled of [false, true]) {
  test(`a report sent after the session ended is kept and sent again (JavaScript ${
    javaScriptEnabled ? 'on' : 'off'
  })`, async ({ browser, baseURL }) => {
    const email = 'pa.focal@rcm.example'
    const actionId = queryValue(
      "select id from action_items where title_en like 'Implement information exchange between the Darien%'",
    )
    const context = await browser.newContext({ javaScriptEnabled, baseURL })
    await context.addCookies([await createSessionCookie(email, baseURL!)])
    const page = await context.newPage()
    await page.goto(`/actions/${actionId}?lang=en`)
    const note = `Informe escrito durante una hora, ${javaScriptEnabled ? 'JS' : 'HTML'} ${Date.now()}.\nSegunda línea.`
    await page.getByLabel('Status').selectOption('in_progress')
    await page.getByLabel('Progress (%)').fill('55')
    await page.getByLabel('Note').fill(note)

    await endSessions(email)
    await page.getByRole('button', { name: 'Send the report' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Your session ended before this was saved',
    )
    await expect(page.getByLabel('What you typed (note)')).toHaveValue(note)
    if (javaScriptEnabled) await expectNoSeriousA11yViolations(page, 'session ended')
    expect(
      queryValue("select count(*) from action_updates where replace(note, char(13), '') = ?", note),
    ).toBe(0)

    await expect(page.getByRole('link', { name: 'Sign in again (opens a new tab)' })).toHaveAttribute(
      'target',
      '_blank',
    )
    await context.addCookies([await createSessionCookie(email, baseURL!)])
    await page.getByRole('button', { name: 'Send again' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Implement information exchange between the Darien',
    )
    await expect(page.getByText(note.split('\n')[0])).toBeVisible()
    expect(
      queryValue("select progress from action_updates where replace(note, char(13), '') = ?", note),
    ).toBe(55)
    await context.close()
  })
}
