// The browser gets only what it needs: zod (about 55 KB gzipped) reaches only the pages that validate a
// form in the browser (conform's onValidate), never the lists. Reads the client build the e2e run made
// (public/build) and checks it against what the browser really loads.
import fs from 'node:fs'
import path from 'node:path'
import { firstLoad, PAGES, readClientBuild, routesWithZod } from '../bench/bundle'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Route ids whose module validates in the browser itself or through a component that does. */
function routesThatValidateInTheBrowser(): string[] {
  const validates = (file: string) => fs.readFileSync(file, 'utf8').includes('onValidate')
  const components = fs
    .readdirSync('app/components', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && validates(path.join('app/components', f)))
    .map((f) => `~/components/${f.replace(/\.tsx?$/, '')}'`)
  return fs
    .readdirSync('app/routes')
    .filter((f) => /\.tsx$/.test(f))
    .filter((f) => {
      const source = fs.readFileSync(path.join('app/routes', f), 'utf8')
      return source.includes('onValidate') || components.some((c) => source.includes(c))
    })
    .map((f) => `routes/${f.replace(/\.tsx$/, '')}`)
    .sort()
}

test('zod is in the chunks of exactly the pages that validate in the browser', () => {
  const build = readClientBuild()
  expect(build.zodChunks.size).toBeGreaterThan(0)
  const expected = routesThatValidateInTheBrowser()
  expect(expected).toEqual(expect.arrayContaining(['routes/login', 'routes/meetings.new']))
  expect(routesWithZod(build)).toEqual(expected)
  for (const [page, routes] of Object.entries(PAGES)) {
    expect(firstLoad(build, routes).zod, `${page} loads zod`).toBe(false)
  }
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

test('the list pages load no zod in the browser either', async ({ page, signIn }) => {
  const build = readClientBuild()
  await signIn('pa.focal@rcm.example')
  for (const url of Object.keys(PAGES)) {
    const scripts = await loadedScripts(page, url)
    expect(scripts.length, url).toBeGreaterThan(3)
    expect(
      scripts.filter((s) => build.zodChunks.has(s)),
      `${url} downloaded zod`,
    ).toEqual([])
    // what the browser fetched is what the build analysis counts as the page's first load
    const counted = firstLoad(build, PAGES[url]).modules
    for (const s of scripts) expect(counted.has(s), `${url}: ${s} not counted`).toBe(true)
  }
  // and a page that validates in the browser does load it
  const scripts = await loadedScripts(page, '/account')
  expect(scripts.some((s) => build.zodChunks.has(s))).toBe(true)
})
