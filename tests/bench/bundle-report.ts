// Prints what the browser downloads, after `npx remix build`:
//   npx tsx tests/bench/bundle-report.ts
// the first-load JavaScript of a few pages (raw and gzipped), the message packs (i18n/packs.ts) and
// each page's total with its packs, and the routes that pull zod in.
import { gzipSync } from 'node:zlib'
import { packScript } from '../../app/i18n/catalogue.server'
import { PACKS, packsForPath } from '../../app/i18n/packs'
import { firstLoad, PAGES, readClientBuild, routesWithZod } from './bundle'

const build = readClientBuild()
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

console.log('first-load JavaScript (entry + matched routes + static imports)')
console.log('page          modules   raw        gzip      zod')
for (const [page, routes] of Object.entries(PAGES)) {
  const load = firstLoad(build, routes)
  console.log(
    `${page.padEnd(13)} ${String(load.modules.size).padStart(7)}   ${kb(load.raw).padEnd(10)} ${kb(load.gzip).padEnd(9)} ${load.zod ? 'yes' : 'no'}`,
  )
}
const packKb = (lang: 'es' | 'en', pack: (typeof PACKS)[number]) =>
  gzipSync(Buffer.from(packScript(lang, pack).body), { level: 6 }).length
console.log(
  '\nmessage packs (Spanish, gzip; each cached for good): ' +
    PACKS.map((p) => `${p} ${kb(packKb('es', p))}`).join(', '),
)
console.log('page          first load with its packs (Spanish)')
for (const [page, routes] of Object.entries(PAGES)) {
  const packs = packsForPath(page)
  const total = firstLoad(build, routes).gzip + packs.reduce((n, p) => n + packKb('es', p), 0)
  console.log(`${page.padEnd(13)} ${kb(total).padEnd(9)} (${packs.join(', ')})`)
}
const zod = [...build.zodChunks].map((m) => `${m} (${kb(build.size(m).gzip)} gzipped)`)
console.log(`\nzod chunk: ${zod.join(', ') || 'none'}`)
const withZod = routesWithZod(build)
console.log(`routes importing it (${withZod.length} of ${build.routes.size}):`)
for (const id of withZod) console.log(`  ${id}`)
