import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// The chair of Panama's plan group sets a line of action's indicator, institutions and time frame and
// turns it into an action item, JavaScript off; the action names the plan section it comes from.

const CHAIR = 'pa.minseg@rcm.example'

test('the chair fills a line of action in the matrix and turns it into an action item, JavaScript off', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await context.addCookies([await createSessionCookie(CHAIR, baseURL!)])
  const page = await context.newPage()
  const plan = queryValue("select id from plans where stage = 'institutional_consultation'")
  const section = queryValue(
    `select s.id from plan_sections s where s.plan_id = ? and s.kind in ('line', 'activity') and s.retired = 0
       and not exists (select 1 from action_items a where a.plan_section_id = s.id) order by s.id limit 1`,
    plan,
  )
  const sectionTitle = queryValue<string>(
    'select coalesce(title_en, title_es) from plan_sections where id = ?',
    section,
  )

  const indicatorBefore = queryValue('select indicator_es from plan_sections where id = ?', section)
  await page.goto(`/plans/${plan}/sections/${section}/matrix?lang=en`)
  await page.getByLabel('Indicator (Spanish)').fill('Número de funcionarios capacitados')
  await page.getByLabel('Start date').fill('2026-01-01')
  await page.getByLabel('End date').fill('2025-12-31')
  await page.getByLabel('Lead institutions').selectOption(['PA-SNM'])
  await page.getByRole('button', { name: 'Save the matrix' }).click()
  // an end before the start is refused at its field, what was typed kept
  await expect(page.getByLabel('Indicator (Spanish)')).toHaveValue('Número de funcionarios capacitados')
  await expect(page.getByLabel('End date')).toHaveValue('2025-12-31')
  expect(queryValue('select indicator_es from plan_sections where id = ?', section)).toBe(indicatorBefore)

  await page.getByLabel('End date').fill('2027-06-30')
  await page.getByRole('button', { name: 'Save the matrix' }).click()
  await expect(page.getByText('Matrix saved.')).toBeVisible()
  expect(queryValue('select end_date from plan_sections where id = ?', section)).toBe('2027-06-30')

  await page.getByRole('button', { name: 'Turn into an action item' }).click()
  await expect(page.getByText('Action item created.')).toBeVisible()
  const action = queryValue<string>('select id from action_items where plan_section_id = ?', section)
  expect(queryValue('select due_date from action_items where id = ?', action)).toBe('2027-06-30')

  // a second conversion asks first
  await page.getByRole('button', { name: 'Turn into an action item' }).click()
  await expect(page.getByRole('alert')).toContainText('already been turned into action items')
  expect(queryValue<number>('select count(*) from action_items where plan_section_id = ?', section)).toBe(1)

  await page.goto(`/actions/${action}?lang=en`)
  await expect(page.locator('main')).toContainText(sectionTitle)
  // the matrix page, with JavaScript, as axe reads it
  const withJs = await browser.newContext({ baseURL })
  await withJs.addCookies([await createSessionCookie(CHAIR, baseURL!)])
  const matrix = await withJs.newPage()
  await matrix.goto(`/plans/${plan}/matrix?lang=en`)
  await expect(matrix.getByRole('table', { name: 'Lines of action and activities' })).toContainText(
    sectionTitle,
  )
  await expectNoSeriousA11yViolations(matrix, 'implementation matrix')
})
