// The browser gets only what it needs: zod (about 55 KB gzipped) is in no page's first load (the forms
// that validate in the browser import it on demand, components/browser-validation.ts); the messages of
// the interface come in the page's language only, in packs of their own (i18n/packs.ts), and never
// inside the JavaScript bundle. Reads the client build the e2e run made (public/build) and checks it against what the browser really loads.
import fs from 'node:fs'
import path from 'node:path'
import { catalogue, translator } from '../../app/i18n/catalogue.server'
import {
  distinctiveMessages,
  firstLoad,
  messageKeysIn,
  modulesContaining,
  PAGES,
  readClientBuild,
  routesWithPaths,
  routesWithZod,
} from '../bench/bundle'
import { KNOWN_PREFIXES, packOfKey, packsForPath } from '../../app/i18n/packs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

test("zod is in no page's first load: the forms that validate in the browser import it on demand", () => {
  const build = readClientBuild()
  expect(build.zodChunks.size).toBeGreaterThan(0)
  expect(routesWithZod(build)).toEqual([])
  // the forms that validate in the browser still do, through components/browser-validation.ts
  const lazy = fs
    .readdirSync('app/routes')
    .filter((f) => fs.readFileSync(path.join('app/routes', f), 'utf8').includes('useBrowserValidation('))
  expect(lazy).toEqual(expect.arrayContaining(['login.tsx', 'account._index.tsx', 'invite.tsx']))
  // and none validates with zod straight in the route module
  const eager = fs
    .readdirSync('app/routes')
    .filter((f) =>
      /onValidate: \(\{ formData \}\) => parseWithZod/.test(
        fs.readFileSync(path.join('app/routes', f), 'utf8'),
      ),
    )
  expect(eager).toEqual([])
})

/** The JavaScript files the page loaded (resource timing lists cached ones too). */
async function loadedScripts(page: Page, url: string): Promise<string[]> {
  await page.goto(url)
  await page.waitForLoadState('networkidle')
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  )
}

/** The scripts of the build (the messages script is served by the portal itself, checked below). */
const buildScripts = (scripts: string[]) => scripts.filter((s) => s.startsWith('/build/'))

test('the list pages load no zod in the browser either', async ({ page, signIn }) => {
  const build = readClientBuild()
  await signIn('pa.focal@rcm.example')
  for (const url of Object.keys(PAGES)) {
    const loaded = await loadedScripts(page, url)
    expect(
      loaded
        .filter((s) => s.startsWith('/i18n/'))
        .map((s) => s.split('.')[1])
        .sort(),
      `${url}: the message packs of its address`,
    ).toEqual([...packsForPath(url)].sort())
    const scripts = buildScripts(loaded)
    expect(scripts.length, url).toBeGreaterThan(3)
    expect(
      scripts.filter((s) => build.zodChunks.has(s)),
      `${url} downloaded zod`,
    ).toEqual([])
    // what the browser fetched is what the build analysis counts as the page's first load
    const counted = firstLoad(build, PAGES[url]).modules
    for (const s of scripts) expect(counted.has(s), `${url}: ${s} not counted`).toBe(true)
  }
  // and a page that validates in the browser loads it once it has hydrated
  const scripts = buildScripts(await loadedScripts(page, '/account'))
  await expect(page.locator('html')).toHaveAttribute('data-browser-validation', 'ready')
  expect(scripts.some((s) => build.zodChunks.has(s))).toBe(true)
  expect(firstLoad(build, ['root', 'routes/account', 'routes/account._index']).zod).toBe(false)
})

// Texts of one language only (a text found in both languages says nothing about which one is there).
const texts = (lang: 'es' | 'en') => distinctiveMessages(catalogue[lang], 0)
const spanish = distinctiveMessages(catalogue.es).filter((m) => !texts('en').includes(m))
const english = distinctiveMessages(catalogue.en).filter((m) => !texts('es').includes(m))

test('no JavaScript chunk of the build carries the messages, in either language', () => {
  expect(spanish.length).toBeGreaterThan(100)
  expect(english.length).toBeGreaterThan(100)
  const build = readClientBuild()
  expect(Object.fromEntries(modulesContaining(build, spanish))).toEqual({})
  expect(Object.fromEntries(modulesContaining(build, english))).toEqual({})
})

test('every route finds the keys its modules name in the packs of its address', () => {
  const build = readClientBuild()
  const keys = Object.keys(catalogue.en)
  const lacking: string[] = []
  let checked = 0
  for (const route of routesWithPaths()) {
    const found = messageKeysIn(build, build.closure([build.entry, ...route.modules]), KNOWN_PREFIXES)
    const used = new Set([...found.keys].filter((k) => k in catalogue.en))
    for (const stem of found.stems) for (const k of keys) if (k.startsWith(stem)) used.add(k)
    const packs = packsForPath(route.path.replace(/:[^/]+/g, 'x'))
    for (const key of used) if (!packs.includes(packOfKey(key))) lacking.push(`${route.id}: ${key}`)
    checked += used.size
  }
  // the analysis sees keys at all (a broken pattern would find none and pass)
  expect(checked).toBeGreaterThan(2000)
  expect(lacking).toEqual([])
})

test('a page loads the messages of its language only, in packs cached for good', async ({
  page,
  request,
}) => {
  for (const [lang, other] of [
    ['es', english],
    ['en', spanish],
  ] as const) {
    await page.goto(`/login?lang=${lang}`)
    const scripts = page.locator('script[data-messages]')
    expect(await scripts.evaluateAll((list) => list.map((s) => s.getAttribute('data-messages')))).toEqual(
      packsForPath('/login'),
    )
    const own: Record<string, string> = {}
    for (const script of await scripts.all()) {
      await expect(script).toHaveAttribute('data-lang', lang)
      const src = (await script.getAttribute('src'))!
      expect(src).toMatch(new RegExp(`^/i18n/${lang}\\.[A-Za-z]+\\.[0-9a-f]{12}\\.js$`))
      const answer = await request.get(src)
      expect(answer.status()).toBe(200)
      expect(answer.headers()['content-type']).toContain('text/javascript')
      expect(answer.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
      const body = await answer.text()
      expect(
        other.filter((m) => body.includes(m)),
        `${src} has messages of the other language`,
      ).toEqual([])
      own[src] = body
    }
    // every message of the packs the page named is in them, in its language
    const bodies = Object.values(own).join('\n')
    const named = Object.entries(catalogue[lang])
      .filter(([key]) => packsForPath('/login').includes(packOfKey(key)))
      .flatMap(([, m]) => distinctiveMessages({ m }))
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((m) => !bodies.includes(m))).toEqual([])
    // what the page's messages are in the browser is these files
    expect(await page.evaluate((l) => Object.keys(window.__messages?.[l] ?? {}).sort(), lang)).toEqual(
      [...packsForPath('/login')].sort(),
    )
  }
  // an older version (a page from before a deploy) gets today's messages, not cached; anything else: 404
  const old = await request.get('/i18n/es.core.000000000000.js')
  expect(old.status()).toBe(200)
  expect(old.headers()['cache-control']).not.toContain('immutable')
  expect(await old.text()).toContain(translator('es').t('auth.submit'))
  for (const bad of [
    '/i18n/fr.core.000000000000.js',
    '/i18n/es.000000000000.js',
    '/i18n/es.core.0000.json',
  ]) {
    expect((await request.get(bad)).status(), bad).toBe(404)
  }
})

test('a page of another area gets its packs before it renders, without a new document', async ({
  page,
  signIn,
}) => {
  await signIn('pa.focal@rcm.example')
  await page.goto('/members')
  await page.waitForFunction(() => '__remixRouter' in window)
  const lang = (await page.locator('html').getAttribute('lang')) as 'es' | 'en'
  const { t } = translator(lang)
  const packs = () => page.evaluate((l) => Object.keys(window.__messages?.[l] ?? {}), lang)
  expect(await packs()).not.toContain('documents')
  await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true))
  await page
    .getByRole('navigation', { name: t('nav.main') })
    .getByRole('link', { name: t('nav.documents') })
    .first()
    .click()
  await expect(page).toHaveURL(/\/documents$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('documents.title'))
  // the same document: a client-side navigation, which loaded the area's pack
  expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBe(true)
  expect(await packs()).toContain('documents')
})
