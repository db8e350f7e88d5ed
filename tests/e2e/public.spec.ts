// The public and the newcomer (issue 14), with JavaScript off: the public home shows the Declarations
// and the public calendar's full address; the help pages, the privacy notice and the accessibility
// statement are reachable from every page's footer, in both languages; the menu says which pages need
// signing in.
import { translator } from '../../app/i18n/catalogue.server'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

test.use({ javaScriptEnabled: false })

for (const lang of ['es', 'en'] as const) {
  const { t } = translator(lang)

  test(`the public home shows the Declarations and the calendar address (${lang})`, async ({
    page,
    baseURL,
  }) => {
    const response = await page.goto(`/?lang=${lang}`)
    expect(response?.status()).toBe(200)
    const declarations = page.getByRole('region', { name: t('landing.declarations') })
    await expect(declarations).toBeVisible()
    const first = declarations.getByRole('listitem').first().getByRole('link')
    await expect(first).toHaveAttribute('href', /^\/documents\/[\w-]+$/)
    // a signed-out reader can open it: it is public
    const href = (await first.getAttribute('href'))!
    expect((await page.request.get(`${href}?lang=${lang}`)).status()).toBe(200)

    const address = page.getByLabel(t('landing.calendarIntro'))
    await expect(address).toHaveValue(`${baseURL}/calendar.ics`)
    const feed = await page.request.get(`${baseURL}/calendar.ics`)
    expect(feed.status()).toBe(200)
    expect(await feed.text()).toContain('BEGIN:VCALENDAR')

    // menu entries that need an account say so; the others do not
    const nav = page.getByRole('navigation', { name: t('nav.main') })
    await expect(
      nav.getByRole('link', { name: `${t('nav.meetings')} ${t('nav.needsSignIn')}` }).first(),
    ).toBeAttached()
    await expect(nav.getByRole('link', { name: t('nav.members'), exact: true }).first()).toBeAttached()
  })

  test(`help per role, privacy and accessibility from the footer (${lang})`, async ({ page }) => {
    await page.goto(`/members?lang=${lang}`)
    const footer = page.getByRole('contentinfo')
    await expect(footer.getByRole('link', { name: 'secretariat@rcm.example' })).toHaveAttribute(
      'href',
      'mailto:secretariat@rcm.example',
    )
    await footer.getByRole('link', { name: t('footer.privacy') }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('privacy.title'))
    await expect(page.getByText(t('privacy.contactRule'))).toBeVisible()
    await expect(page).toHaveTitle(`${t('privacy.title')} · ${t('app.name')}`)

    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: t('footer.accessibility') })
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('accessibility.title'))

    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: t('footer.help') })
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('help.title'))
    for (const key of [
      'help.role.delegate',
      'help.role.focal',
      'help.role.secretariat',
      'help.role.agency',
    ] as const) {
      await page
        .getByRole('main')
        .getByRole('link', { name: t(key), exact: true })
        .click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(key))
      await expect(page.getByRole('heading', { name: t('help.steps') })).toBeVisible()
      // the page may still be arriving (streamed, JavaScript off): wait for its steps
      await expect.poll(() => page.getByRole('main').locator('ol li a').count()).toBeGreaterThan(3)
      await page.getByRole('link', { name: t('help.back') }).click()
    }
    expect((await page.request.get('/help/minister')).status()).toBe(404)
  })
}

test.describe('on a 360 px phone', () => {
  // axe runs in the page: JavaScript on here (the pages are server-rendered all the same)
  test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: true })

  test('the public pages and the admin pages in words fit and pass axe, in both languages', async ({
    page,
    context,
    signIn,
  }) => {
    test.setTimeout(120_000)
    const check = async (path: string) => {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(200)
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(over, `${path} is wider than the screen`).toBeLessThanOrEqual(0)
      await expectNoSeriousA11yViolations(page, path)
    }
    for (const lang of ['es', 'en']) {
      for (const path of ['/', '/help', '/help/focal-point', '/privacy', '/accessibility'])
        await check(`${path}?lang=${lang}`)
    }
    await context.clearCookies()
    await signIn('secretariat@rcm.example')
    for (const lang of ['es', 'en']) {
      await check(`/admin/audit?lang=${lang}`)
      await check(`/admin/audit?action=auth.&outcome=ok&lang=${lang}`)
      await check(`/admin/outbox?state=waiting&lang=${lang}`)
    }
  })
})
