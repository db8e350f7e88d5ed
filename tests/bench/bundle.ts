// What the browser downloads: reads the client build in public/build (after `remix build`) and follows
// the static imports of its modules, as the browser does. Used by `tests/bench/bundle-report.ts` (the
// numbers) and `tests/e2e/bundle.spec.ts` (zod stays out of the pages that do not validate in the
// browser).
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export interface ClientBuild {
  dir: string
  entry: string
  /** route id -> its module (a /build/... URL) */
  routes: Map<string, string>
  /** the chunks that hold zod itself */
  zodChunks: Set<string>
  /** a module and every module it imports statically, itself included */
  closure(modules: string[]): Set<string>
  /** size of a module on disk and gzipped (level 6, as the server's `compression` sends it) */
  size(module: string): { raw: number; gzip: number }
}

// `import{a as b}from"/build/x.js"`, `import"/build/x.js"`, `export{a}from"/build/x.js"` (dynamic
// imports are loaded later, on demand, and are left out).
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{][^"'`;]*?from\s*)?["'](\/build\/[^"']+\.js)["']/g
// zod 4 names its error class with this string; no other library of the portal does
const ZOD_MARKER = '$ZodError'

export function readClientBuild(root = process.cwd()): ClientBuild {
  const dir = path.join(root, 'public', 'build')
  const manifestFile = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f))
  if (!manifestFile) throw new Error(`no manifest in ${dir}: run \`npx remix build\` first`)
  const manifest = JSON.parse(
    fs
      .readFileSync(path.join(dir, manifestFile), 'utf8')
      .replace(/^window\.__remixManifest=/, '')
      .replace(/;\s*$/, ''),
  ) as { entry: { module: string }; routes: Record<string, { module: string }> }

  const file = (module: string) => path.join(dir, module.replace(/^\/build\//, ''))
  const texts = new Map<string, string>()
  const text = (module: string) => {
    let t = texts.get(module)
    if (t === undefined) texts.set(module, (t = fs.readFileSync(file(module), 'utf8')))
    return t
  }
  const importsOf = (module: string) => [...text(module).matchAll(STATIC_IMPORT)].map((m) => m[1])

  const zodChunks = new Set<string>()
  for (const f of fs.readdirSync(path.join(dir, '_shared'))) {
    const module = `/build/_shared/${f}`
    if (f.endsWith('.js') && text(module).includes(ZOD_MARKER)) zodChunks.add(module)
  }

  return {
    dir,
    entry: manifest.entry.module,
    routes: new Map(Object.entries(manifest.routes).map(([id, r]) => [id, r.module])),
    zodChunks,
    closure(modules) {
      const seen = new Set<string>()
      const todo = [...modules]
      while (todo.length) {
        const m = todo.pop()!
        if (seen.has(m)) continue
        seen.add(m)
        todo.push(...importsOf(m))
      }
      return seen
    },
    size(module) {
      const bytes = fs.readFileSync(file(module))
      return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length }
    },
  }
}

/** The route modules a first visit to each page loads (root, the page's route; no layouts here). */
export const PAGES: Record<string, string[]> = {
  '/': ['root', 'routes/_index'],
  '/documents': ['root', 'routes/documents._index'],
  '/meetings': ['root', 'routes/meetings._index'],
  '/actions': ['root', 'routes/actions._index'],
  '/search': ['root', 'routes/search'],
  '/members': ['root', 'routes/members._index'],
}

/** Every JavaScript module a first visit loads: the entry, the matched routes and all they import. */
export function firstLoad(build: ClientBuild, routeIds: string[]) {
  const modules = build.closure([
    build.entry,
    ...routeIds.map((id) => {
      const m = build.routes.get(id)
      if (!m) throw new Error(`no route ${id} in the client build`)
      return m
    }),
  ])
  let raw = 0
  let gzip = 0
  for (const m of modules) {
    const s = build.size(m)
    raw += s.raw
    gzip += s.gzip
  }
  return { modules, raw, gzip, zod: [...modules].some((m) => build.zodChunks.has(m)) }
}

/** The routes whose modules pull zod into the browser. */
export function routesWithZod(build: ClientBuild): string[] {
  return [...build.routes]
    .filter(([, module]) => [...build.closure([module])].some((m) => build.zodChunks.has(m)))
    .map(([id]) => id)
    .sort()
}

/** Messages distinctive enough to find in a JavaScript file (`minLength` characters or more, no quotes
 * or backslashes, which a minifier may escape), per language. */
export function distinctiveMessages(messages: Record<string, unknown>, minLength = 25): string[] {
  return Object.values(messages)
    .flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m as Record<string, string>)))
    .filter((m) => m.length >= minLength && !/["'`\\\n]/.test(m))
}

/** The client modules (public/build) holding any of the given texts, with the texts found. */
export function modulesContaining(build: ClientBuild, texts: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.js')) {
        // esbuild writes non-ASCII characters as escapes (`\xF1`, `\u00F1`): read them back
        const source = fs
          .readFileSync(file, 'utf8')
          .replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/g, (_, x: string, u: string) =>
            String.fromCharCode(parseInt(x ?? u, 16)),
          )
        const hits = texts.filter((t) => source.includes(t))
        if (hits.length) found.set(`/build/${path.relative(build.dir, file)}`, hits)
      }
    }
  }
  walk(build.dir)
  return found
}

/** The message keys a set of client modules names: whole keys (`"documents.title"`) and the stems of
 * keys built from a value (`` `documents.kind.${k}` ``, or `"documents.kind."+k` once minified). Only
 * texts shaped like a key of one of `prefixes` count; whether each is a key is for the caller to say. */
export function messageKeysIn(
  build: ClientBuild,
  modules: Iterable<string>,
  prefixes: Iterable<string>,
): { keys: Set<string>; stems: Set<string> } {
  const alternatives = [...prefixes].sort((a, b) => b.length - a.length).join('|')
  const whole = new RegExp(`["'\`]((?:${alternatives})\\.[\\w.-]*?)(["'\`]|\\$\\{)`, 'g')
  const keys = new Set<string>()
  const stems = new Set<string>()
  for (const m of modules) {
    const source = fs.readFileSync(path.join(build.dir, m.replace(/^\/build\//, '')), 'utf8')
    for (const [, text, end] of source.matchAll(whole)) {
      if (end === '${' || text.endsWith('.')) stems.add(text)
      else keys.add(text)
    }
  }
  return { keys, stems }
}

/** Each route of the client build with its address pattern and its module with its parents'. */
export function routesWithPaths(root = process.cwd()): { id: string; path: string; modules: string[] }[] {
  const dir = path.join(root, 'public', 'build')
  const manifestFile = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f))!
  const manifest = JSON.parse(
    fs
      .readFileSync(path.join(dir, manifestFile), 'utf8')
      .replace(/^window\.__remixManifest=/, '')
      .replace(/;\s*$/, ''),
  ) as { routes: Record<string, { module: string; path?: string; parentId?: string }> }
  const fullPath = (id: string): string => {
    const r = manifest.routes[id]
    const parent = r.parentId ? fullPath(r.parentId) : ''
    return r.path === undefined ? parent : `${parent.replace(/\/$/, '')}/${r.path}`
  }
  return Object.entries(manifest.routes).map(([id]) => {
    const modules: string[] = []
    for (let at: string | undefined = id; at; at = manifest.routes[at].parentId) {
      modules.push(manifest.routes[at].module)
    }
    return { id, path: fullPath(id) || '/', modules }
  })
}
