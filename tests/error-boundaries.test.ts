// Every route module that renders a page shows its errors with the shared error page (inside the layout,
// navigation still there, in the person's language): it exports RouteErrorBoundary as ErrorBoundary.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { RouteErrorBoundary } from '~/components/route-error-boundary'

const ROUTES = path.resolve('app/routes')

// flat route files, and folder routes' route.tsx; a page is a module with a default export
const pageModules = fs
  .readdirSync(ROUTES, { withFileTypes: true })
  .map((e) => (e.isDirectory() ? `${e.name}/route.tsx` : e.name))
  .filter((f) => /\.tsx?$/.test(f) && fs.existsSync(path.join(ROUTES, f)))
  .filter((f) => /^export default /m.test(fs.readFileSync(path.join(ROUTES, f), 'utf8')))

describe('error boundaries', () => {
  it('finds the page routes', () => {
    expect(pageModules.length).toBeGreaterThan(30)
    expect(pageModules).toContain('meetings.$id._index.tsx')
  })

  it.each(pageModules)('%s shows the shared error page', async (file) => {
    const route = (await import(path.join(ROUTES, file))) as { default?: unknown; ErrorBoundary?: unknown }
    expect(typeof route.default).toBe('function')
    expect(route.ErrorBoundary).toBe(RouteErrorBoundary)
  })
})
