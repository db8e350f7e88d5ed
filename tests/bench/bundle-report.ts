// Prints what the browser downloads, after `npx remix build`:
//   npx tsx tests/bench/bundle-report.ts
// the first-load JavaScript of a few pages (raw and gzipped), the messages script of each language
// (loaded once, then cached) and the routes that pull zod in.
import { gzipSync } from 'node:zlib'
import { messagesScript } from '../../app/i18n/catalogue.server'
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
for (const lang of ['es', 'en'] as const) {
  const script = messagesScript(lang)
  const body = Buffer.from(script.body)
  const gzip = gzipSync(body, { level: 6 }).length
  console.log(
    `${`+ messages ${lang}`.padEnd(13)} ${'1'.padStart(7)}   ${kb(body.length).padEnd(10)} ${kb(gzip).padEnd(9)} ${script.url}, cached for good`,
  )
}
const zod = [...build.zodChunks].map((m) => `${m} (${kb(build.size(m).gzip)} gzipped)`)
console.log(`\nzod chunk: ${zod.join(', ') || 'none'}`)
const withZod = routesWithZod(build)
console.log(`routes importing it (${withZod.length} of ${build.routes.size}):`)
for (const id of withZod) console.log(`  ${id}`)
