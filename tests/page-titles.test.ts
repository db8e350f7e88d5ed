import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// One naming scheme for page titles, in the person's language: "<page> · RCM Portal" / "<página> ·
// Portal CRM" (app/i18n/meta.ts). Every route module that exports `meta` builds it with titleMeta or
// pageTitle, and its title, even before its loader's data exists, ends with the portal's name in the
// root's language and holds nothing of the other language's name.
const ROUTES = path.resolve('app/routes')
const files = fs
  .readdirSync(ROUTES)
  .filter((f) => f.endsWith('.tsx'))
  .filter((f) => /export (const|function) meta\b/.test(fs.readFileSync(path.join(ROUTES, f), 'utf8')))

const NAME = { en: 'RCM Portal', es: 'Portal CRM' } as const

describe('page titles', () => {
  it('finds the routes with titles', () => {
    expect(files.length).toBeGreaterThan(40)
  })

  it('every route module exporting meta uses titleMeta or pageTitle', () => {
    const offenders = files.filter((f) => {
      const source = fs.readFileSync(path.join(ROUTES, f), 'utf8')
      return !/export const meta = (titleMeta\(|pageTitle[<(])/.test(source)
    })
    expect(offenders).toEqual([])
  })

  it('every title ends with the portal’s name in the page’s language', async () => {
    const wrong: string[] = []
    for (const file of [...files.map((f) => path.join(ROUTES, f)), path.resolve('app/root.tsx')]) {
      const mod = (await import(file)) as {
        meta: (args: unknown) => { title?: string }[]
      }
      for (const lang of ['es', 'en'] as const) {
        const other = lang === 'es' ? NAME.en : NAME.es
        const [entry] = mod.meta({
          data: undefined,
          params: {},
          location: { pathname: '/' },
          matches: [{ id: 'root', data: { lang, viewer: null } }],
        })
        const title = entry?.title ?? ''
        const fine =
          new RegExp(`(^| · )${NAME[lang]}$`).test(title) &&
          !title.includes(other) &&
          !/undefined|null|—| · · |^ · /.test(title)
        if (!fine) wrong.push(`${path.basename(file)} (${lang}): ${title}`)
      }
    }
    expect(wrong).toEqual([])
  }, 60_000)
})
