/**
 * Hostile Markdown: one stored text is shown to everyone, so no text may break the
 * renderer or hold it for long. Before the bounds, 3,000 `>` overflowed marked's stack (the minutes
 * page answered 500 to everyone), deep lists exhausted the memory and 60,000 characters of `*a ` took
 * 20 s. Each case renders within the time bound, and the page with such a comment answers 200.
 */
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { minutes, minutesComments } from '@db/schema'
import {
  exceedsNesting,
  MARKDOWN_LIMITS,
  plainTextHtml,
  renderMarkdown,
} from '~/modules/text/markdown.server'
import * as minutesTab from '~/routes/meetings.$id.minutes'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'

const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')

const HOSTILE: Record<string, string> = {
  'three thousand >': '>'.repeat(3000),
  'quotes with spaces': '> '.repeat(3000) + 'x',
  'lists on one line': '- '.repeat(5000) + 'x',
  'quoted lists on one line': '> 1. '.repeat(3000) + 'x',
  'deeply nested lists': nestedList(2000),
  'ten thousand [': '['.repeat(10_000),
  'nested links': '['.repeat(5000) + 'a' + ']'.repeat(5000),
  'emphasis runs': '*'.repeat(20_000) + 'a' + '*'.repeat(20_000),
  'quadratic emphasis': '*a '.repeat(30_000),
  'quadratic underscores': '_a '.repeat(30_000),
  'huge input': 'Lorem ipsum *dolor* sit amet.\n\n'.repeat(50_000),
}

/** Lexing and sanitizing within the time budget, with slack for a loaded machine. */
const BOUND_MS = MARKDOWN_LIMITS.ms + 1500

describe('bounded Markdown rendering', () => {
  for (const [name, source] of Object.entries(HOSTILE)) {
    it(`renders ${name} within bounds, as safe HTML`, () => {
      const started = performance.now()
      const html = renderMarkdown(source)
      expect(performance.now() - started).toBeLessThan(BOUND_MS)
      expect(typeof html).toBe('string')
      expect(html).not.toMatch(/<script/i)
      // rendered a second time (remembered when it fell back): fast
      const again = performance.now()
      expect(renderMarkdown(source)).toBe(html)
      expect(performance.now() - again).toBeLessThan(BOUND_MS)
    })
  }

  it('still renders ordinary Markdown, sanitized', () => {
    const html = renderMarkdown(
      '# Title\n\n> quoted *text*\n\n- one\n  - two\n\n[link](https://example.org) <script>alert(1)</script> [x](javascript:alert(1))',
    )
    expect(html).toContain('<h3>Title</h3>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<em>text</em>')
    expect(html).toMatch(/<ul>\s*<li>one\s*<ul>/)
    expect(html).toContain('href="https://example.org"')
    expect(html).toContain('rel="noopener noreferrer nofollow"')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('javascript:')
  })

  it('keeps reasonable nesting as Markdown, and falls back to escaped plain text beyond it', () => {
    expect(exceedsNesting(nestedList(8))).toBe(false)
    expect(renderMarkdown(nestedList(8))).toContain('<ul>')
    expect(exceedsNesting('>'.repeat(MARKDOWN_LIMITS.depth))).toBe(false)
    expect(exceedsNesting('>'.repeat(MARKDOWN_LIMITS.depth + 1))).toBe(true)
    expect(exceedsNesting(`text\n${' '.repeat(MARKDOWN_LIMITS.indent + 1)}x`)).toBe(true)
    expect(exceedsNesting('- - - -\n---\n| a | b |')).toBe(false)

    const hostile = '<b>bold</b>\n' + '>'.repeat(3000)
    const html = renderMarkdown(hostile)
    expect(html).toBe(plainTextHtml(hostile))
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<blockquote>')
  })

  it('shows plain text with its paragraphs and line breaks, escaped', () => {
    expect(plainTextHtml('one\ntwo\n\n\n<i>three</i> & "four"')).toBe(
      '<p class="plain-text">one<br>two</p>\n<p class="plain-text">&lt;i&gt;three&lt;/i&gt; &amp; &quot;four&quot;</p>',
    )
  })

  it('shows a text over the length limit as plain text', () => {
    const long = '*a* '.repeat(MARKDOWN_LIMITS.chars / 4 + 1)
    expect(renderMarkdown(long)).toBe(plainTextHtml(long))
    expect(renderMarkdown('*a* '.repeat(100))).toContain('<em>a</em>')
  })
})

describe('the minutes page with hostile texts', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('answers 200 to everyone, showing the hostile comment and minutes as plain text', async () => {
    const row = db.select().from(minutes).where(eq(minutes.status, 'circulated')).get()!
    const mexico = personByEmail('mx.delegate@rcm.example')
    const stack = '>'.repeat(3000)
    db.insert(minutesComments)
      .values([
        {
          minutesId: row.id,
          personId: mexico.id,
          organizationId: mexico.organizationId!,
          revision: row.revision,
          text: stack,
        },
        {
          minutesId: row.id,
          personId: mexico.id,
          organizationId: mexico.organizationId!,
          revision: row.revision,
          text: '['.repeat(10_000),
        },
        {
          minutesId: row.id,
          personId: mexico.id,
          organizationId: mexico.organizationId!,
          revision: row.revision,
          text: nestedList(3000).slice(0, 99_000),
        },
      ])
      .run()
    db.update(minutes)
      .set({ text: '- '.repeat(5000), revision: row.revision + 1 })
      .where(eq(minutes.id, row.id))
      .run()

    for (const who of ['secretariat@rcm.example', 'mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
      const started = performance.now()
      const page = await run(
        minutesTab.loader,
        `/meetings/${row.meetingId}/minutes`,
        { as: who },
        { id: row.meetingId },
      )
      expect(page.status, who).toBe(200)
      expect(performance.now() - started).toBeLessThan(5000)
      const items = (
        page.data as {
          items: { item: { id: string }; minutes: { html: string } | null; comments: { html: string }[] }[]
        }
      ).items
      const item = items.find((i) => i.item.id === row.agendaItemId)!
      expect(item.minutes?.html).toContain('plain-text')
      const htmls = item.comments.map((c) => c.html)
      expect(htmls).toContain(plainTextHtml(stack))
      expect(htmls.every((h) => typeof h === 'string' && h.length > 0)).toBe(true)
    }
  })
})

describe('rendered texts are remembered', () => {
  it('a text renders the same the second time, and a hostile one stays escaped', () => {
    const source = `# Plan\n\nSección con **negrita** y <script>alert(1)</script> ${Date.now()}`
    const first = renderMarkdown(source)
    expect(first).toContain('<strong>negrita</strong>')
    expect(first).not.toContain('<script')
    expect(renderMarkdown(source)).toBe(first)
  })

  it('stays right past its bound (old texts are rendered again when asked for)', () => {
    const big = (i: number) => `Párrafo ${i}\n\n${'x'.repeat(40_000)} *${i}*`
    const first = renderMarkdown(big(0))
    for (let i = 1; i < 250; i++) expect(renderMarkdown(big(i))).toContain(`<em>${i}</em>`)
    expect(renderMarkdown(big(0))).toBe(first)
  })
})
