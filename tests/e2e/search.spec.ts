import { createSessionCookie, expect, expectNoSeriousA11yViolations, queryValue, test } from './fixtures'

// Search across types with plain HTML (JavaScript off): a drafter of the national plan group finds a
// word of a plan section and opens the section; UNHCR (in no drafting group) searching the same word
// gets no plan hit and no plan count; the type filter is a link that keeps the words. Then the page at
// 360 px (JavaScript on): no horizontal scrolling, no serious accessibility violation.

const DRAFTER = 'pa.snm@rcm.example'
const OUTSIDER = 'unhcr@rcm.example'

/** A word only the demo plan's sections hold (their current Spanish text), and that section's id. */
function sectionWord() {
  const sectionId = queryValue<string>(
    `select s.id from plan_sections s join plans p on p.id = s.plan_id join groups g on g.id = p.group_id
     where g.slug = 'pa-smuggling-plan' and s.retired = 0
       and exists (select 1 from plan_section_revisions r where r.section_id = s.id and r.text like '%UATIM%')
     order by s.position limit 1`,
  )
  return { sectionId, word: 'UATIM' }
}

for (const [email, sees] of [
  [DRAFTER, true],
  [OUTSIDER, false],
] as const) {
  test(`a plan section's word for ${email} (JavaScript off)`, async ({ browser, baseURL }) => {
    const { sectionId, word } = sectionWord()
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
    await context.addCookies([await createSessionCookie(email, baseURL!)])
    const page = await context.newPage()
    await page.goto('/search?lang=es')
    await page.getByLabel('Buscar en el portal').fill(word.toLowerCase())
    await page.getByRole('button', { name: 'Buscar' }).click()
    await expect(page.getByRole('heading', { level: 2 })).toContainText(word.toLowerCase())
    const types = page.getByRole('navigation', { name: 'Resultados por tipo' })
    await expect(types.getByRole('link', { name: /^Todos: / })).toHaveAttribute('aria-current', 'page')
    const plans = types.getByRole('link', { name: /^Planes: / })
    if (sees) {
      await expect(plans).not.toHaveText('Planes: 0')
      await plans.click()
      await expect(page).toHaveURL(/type=plan/)
      await expect(types.getByRole('link', { name: /^Planes: / })).toHaveAttribute('aria-current', 'page')
      const hit = page.locator(`a[href$="/sections/${sectionId}"]`)
      await expect(hit).toHaveCount(1)
      await expect(page.locator('.search-snippet mark').first()).toHaveText(/uatim/i)
      // only plans under the filter
      expect(await page.locator('.search-results a[href^="/documents/"]').count()).toBe(0)
      await hit.click()
      await expect(page).toHaveURL(new RegExp(`/sections/${sectionId}`))
    } else {
      await expect(plans).toHaveText('Planes: 0')
      await plans.click()
      await expect(page).toHaveURL(/type=plan/)
      await expect(page.getByText('No hay resultados en Planes')).toBeVisible()
      const html = await page.content()
      expect(html).not.toContain(sectionId)
      expect(await page.locator('main a[href^="/plans/"]').count()).toBe(0)
    }
    await context.close()
  })
}

test('the search page at 360 px, grouped by type, accessible', async ({ page, signIn }) => {
  await signIn(DRAFTER)
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/search?q=trafico+migrantes&lang=es')
  await expect(page.getByRole('heading', { level: 3, name: /^Documentos: / })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: /^Planes: / })).toBeVisible()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)
  await expectNoSeriousA11yViolations(page, '/search')
  // a bad year is said at the field, the words are kept
  await page.getByLabel('Año (opcional)').fill('20x1')
  await page.getByRole('button', { name: 'Buscar' }).click()
  await expect(page.getByText('Indique un año entre 1990 y 2100')).toBeVisible()
  await expect(page.getByLabel('Buscar en el portal')).toHaveValue('trafico migrantes')
})
