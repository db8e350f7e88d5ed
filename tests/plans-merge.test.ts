// Three-way merge of section texts, bracket counts and computed numbering (pure functions).
import { describe, expect, it } from 'vitest'
import { wordDiff } from '~/modules/plans/diff.server'
import { threeWayMerge } from '~/modules/plans/merge.server'
import { renderSection } from '~/modules/plans/render.server'
import { bracketCounts, numberSections } from '~/modules/plans/text'

const BASE =
  'Primer párrafo sobre la prevención.\n\nSegundo párrafo sobre la persecución del delito.\n\nTercer párrafo sobre la protección.\n'

describe('threeWayMerge', () => {
  it('merges disjoint edits of different paragraphs', () => {
    const mine = BASE.replace('Primer párrafo', 'El primer párrafo')
    const theirs = BASE.replace('la protección', 'la protección integral')
    expect(threeWayMerge(BASE, mine, theirs)).toEqual({
      clean: true,
      text: 'El primer párrafo sobre la prevención.\n\nSegundo párrafo sobre la persecución del delito.\n\nTercer párrafo sobre la protección integral.\n',
    })
  })

  it('merges disjoint edits of different sentences of one paragraph, word by word', () => {
    const base = 'Una medida uno. Otra medida dos. Y la medida tres.\n'
    const outcome = threeWayMerge(base, base.replace('uno', 'primera'), base.replace('tres', 'tercera'))
    expect(outcome).toEqual({
      clean: true,
      text: 'Una medida primera. Otra medida dos. Y la medida tercera.\n',
    })
  })

  it('answers a conflict when both changed the same words differently', () => {
    const mine = BASE.replace('la prevención', 'la prevención comunitaria')
    const theirs = BASE.replace('la prevención', 'la prevención temprana')
    expect(threeWayMerge(BASE, mine, theirs)).toEqual({ clean: false, conflicts: 1 })
  })

  it('answers a conflict when one deleted a paragraph the other edited', () => {
    const mine = BASE.replace('Segundo párrafo sobre la persecución del delito.\n\n', '')
    const theirs = BASE.replace('persecución del delito', 'persecución penal del delito')
    expect(threeWayMerge(BASE, mine, theirs).clean).toBe(false)
    // and the other way round
    expect(threeWayMerge(BASE, theirs, mine).clean).toBe(false)
  })

  it('takes the one side that changed, and identical changes once', () => {
    const changed = BASE.replace('Tercer', 'El tercer')
    expect(threeWayMerge(BASE, BASE, changed)).toEqual({ clean: true, text: changed })
    expect(threeWayMerge(BASE, changed, BASE)).toEqual({ clean: true, text: changed })
    expect(threeWayMerge(BASE, changed, changed)).toEqual({ clean: true, text: changed })
  })
})

describe('brackets and numbering', () => {
  it('counts the open brackets of each organization, not Markdown links', () => {
    const text =
      'Texto [PA-MINSEG: y en los puestos] y [IOM: en los idiomas] o [PA-MINSEG: otro]; [un enlace](https://example.org) [IOM: no](https://x.org)'
    expect(bracketCounts(text)).toEqual({ total: 3, byOrganization: { 'PA-MINSEG': 2, IOM: 1 } })
    expect(bracketCounts('Sin corchetes [nota].')).toEqual({ total: 0, byOrganization: {} })
  })

  it('numbers the tree in reading order, without retired sections or what is under them', () => {
    const s = (id: string, parentId: string | null, position: number, retired = false) => ({
      id,
      parentId,
      position,
      retired,
    })
    const numbered = numberSections([
      s('b', null, 2),
      s('a', null, 1),
      s('a2', 'a', 2),
      s('a1', 'a', 1, true),
      s('a1x', 'a1', 1),
      s('a3', 'a', 3),
      s('a3i', 'a3', 1),
    ]).map((n) => [n.section.id, n.number, n.depth])
    expect(numbered).toEqual([
      ['a', '1', 0],
      ['a1', null, 1],
      ['a1x', null, 2],
      ['a2', '1.1', 1],
      ['a3', '1.2', 1],
      ['a3i', '1.2.1', 2],
      ['b', '2', 0],
    ])
  })

  it('renders brackets distinctly and scripts, raw HTML and javascript: links harmless', () => {
    const html = renderSection(
      'Texto [IOM: en **los** idiomas].\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1))',
    )
    expect(html).toContain('<mark class="bracket" data-org="IOM">')
    expect(html).toContain('en <strong>los</strong> idiomas')
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i)
  })

  it('diffs word by word', () => {
    expect(wordDiff('uno dos tres', 'uno cuatro tres')).toEqual([
      { value: 'uno ', added: false, removed: false },
      { value: 'dos', added: false, removed: true },
      { value: 'cuatro', added: true, removed: false },
      { value: ' tres', added: false, removed: false },
    ])
  })
})
