// Wide tables scroll inside their own box (issue 14): one shared TableWrap, a focusable labelled region.
import fs from 'node:fs'
import path from 'node:path'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { TableWrap } from '~/components/table-wrap'

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : /\.tsx$/.test(e.name) ? [p] : []
  })
}

describe('TableWrap', () => {
  it('is a labelled region the keyboard can reach', () => {
    const html = renderToStaticMarkup(
      createElement(TableWrap, { label: 'Acciones', children: createElement('table') }),
    )
    expect(html).toBe(
      '<div class="table-wrap" role="region" aria-label="Acciones" tabindex="0"><table></table></div>',
    )
  })

  it('is the only scroll box for tables: no page builds its own', () => {
    const own = sources(path.resolve('app'))
      .filter((f) => !f.endsWith('table-wrap.tsx'))
      .filter((f) => /className=["{`][^"}`]*\btable-wrap\b/.test(fs.readFileSync(f, 'utf8')))
    expect(own).toEqual([])
  })
})
