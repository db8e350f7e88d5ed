import { createSessionCookie, expect, queryValue, test } from './fixtures'

// Issue 10 item 3: IOM supports an action from a members-only RCGM meeting. With plain HTML (JavaScript
// off) its page says only that the origin is restricted: no meeting title, no decision code or text.
// A member state's delegate sees where it comes from.
const TITLE = 'Technical support to compute the labour migration indicators'
const MEETING = 'Regional Consultation Group on Migration (session for Member Countries only)'

for (const [email, restricted] of [
  ['iom@rcm.example', true],
  ['mx.delegate@rcm.example', false],
] as const) {
  test(`the action page's origin for ${email} (JavaScript off)`, async ({ browser, baseURL }) => {
    const id = queryValue('select id from action_items where title_en = ?', TITLE)
    const decision = queryValue(
      'select d.text_en from decisions d join action_items a on a.decision_id = d.id where a.id = ?',
      id,
    )
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
    await context.addCookies([await createSessionCookie(email, baseURL!)])
    const page = await context.newPage()
    await page.goto(`/actions/${id}?lang=en`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)
    const html = await page.content()
    if (restricted) {
      await expect(page.getByText('Origin restricted')).toBeVisible()
      expect(html).not.toContain(MEETING)
      expect(html).not.toContain(decision)
    } else {
      await expect(page.getByRole('link', { name: MEETING })).toBeVisible()
      expect(html).toContain(decision)
      expect(html).not.toContain('Origin restricted')
    }
    await context.close()
  })
}
