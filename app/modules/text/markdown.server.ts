/**
 * Every user text shown as rich text (minutes, comments, errata, and whatever Markdown comes later) is
 * rendered here, to HTML that is then sanitized: raw HTML in the source is dropped, links keep only
 * http(s) and mailto, nothing can carry script, style or event handlers.
 *
 * The rendering is bounded, because one stored text is shown to everyone and must never break a page:
 * - length: a source longer than MARKDOWN_LIMITS.chars is shown as plain text;
 * - nesting: a line that opens more than MARKDOWN_LIMITS.depth containers (`>` quotes, list markers)
 *   or is indented further than MARKDOWN_LIMITS.indent columns is shown as plain text (marked
 *   recurses per level: 3,000 `>` overflow its stack, deep indentation exhausts the memory);
 * - time: the lexer checks a deadline at every token (marked's emphasis is quadratic: 60,000
 *   characters of `*a ` take 20 s); past MARKDOWN_LIMITS.ms the text is shown as plain text;
 * - anything that still throws (a stack overflow) is shown as plain text.
 * Plain text is escaped HTML: paragraphs at blank lines, line breaks kept. Texts that fell back are
 * remembered (by hash, a bounded set) so that a hostile text costs its time budget once per process.
 */
import { Marked, type TokenizerExtension } from 'marked'
import crypto from 'node:crypto'
import sanitizeHtml from 'sanitize-html'

export const MARKDOWN_LIMITS = {
  /** characters of source rendered as Markdown */
  chars: 100_000,
  /** containers (quote markers, list markers) opened on one line */
  depth: 16,
  /** leading columns of whitespace on a line (nested lists, code in lists) */
  indent: 64,
  /** milliseconds of lexing and rendering */
  ms: 300,
}

class OverBudget extends Error {}

let deadline = Infinity
const checkDeadline = (level: 'block' | 'inline'): TokenizerExtension => ({
  name: `deadline-${level}`,
  level,
  tokenizer() {
    if (performance.now() > deadline) throw new OverBudget('markdown time budget')
    return undefined
  },
})

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: [checkDeadline('block'), checkDeadline('inline')],
})

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // headings inside minutes must not compete with the page's own h1/h2
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
  disallowedTagsMode: 'discard',
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/

/** Whether a line opens more containers than allowed or is indented too far. */
export function exceedsNesting(source: string, limits = MARKDOWN_LIMITS): boolean {
  let start = 0
  while (start <= source.length) {
    let end = source.indexOf('\n', start)
    if (end < 0) end = source.length
    let depth = 0
    let columns = 0
    let i = start
    while (i < end) {
      const c = source.charCodeAt(i)
      if (c === 32) columns++
      else if (c === 9) columns += 4
      else if (c === 62 /* > */) depth++
      else {
        const marker = LIST_MARKER.exec(source.slice(i, Math.min(end, i + 11)))
        if (!marker) break
        depth++
        i += marker[0].length
        continue
      }
      i++
      if (depth > limits.depth || columns > limits.indent) return true
    }
    start = end + 1
  }
  return false
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The text as escaped plain text: paragraphs at blank lines, line breaks kept. */
export function plainTextHtml(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p class="plain-text">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

const fellBack = new Set<string>()
const FELL_BACK_MAX = 1000
const digest = (s: string) => crypto.createHash('sha256').update(s).digest('base64')

// Texts already rendered, newest last (a plan page renders each of its sections on every view: parsing
// and sanitizing 50 sections was a third of that page's time). Bounded by the characters it holds.
const rendered = new Map<string, string>()
const RENDERED_MAX_CHARS = 8_000_000
let renderedChars = 0

function remember(key: string, html: string) {
  rendered.set(key, html)
  renderedChars += key.length + html.length
  for (const [oldKey, oldHtml] of rendered) {
    if (renderedChars <= RENDERED_MAX_CHARS) break
    rendered.delete(oldKey)
    renderedChars -= oldKey.length + oldHtml.length
  }
}

/** Markdown -> safe HTML, within the bounds above; a text outside them comes back as plain text. */
export function renderMarkdown(source: string): string {
  if (source.length > MARKDOWN_LIMITS.chars || exceedsNesting(source)) return plainTextHtml(source)
  const key = source.length > 2000 ? digest(source) : source
  if (fellBack.has(key)) return plainTextHtml(source)
  const known = rendered.get(key)
  if (known !== undefined) {
    // most recently used last
    rendered.delete(key)
    rendered.set(key, known)
    return known
  }
  try {
    deadline = performance.now() + MARKDOWN_LIMITS.ms
    const html = sanitizeHtml(marked.parse(source) as string, OPTIONS)
    remember(key, html)
    return html
  } catch (error) {
    if (!(error instanceof OverBudget) && !(error instanceof RangeError) && !isMarkedError(error))
      console.error('markdown rendering failed', error)
    if (fellBack.size >= FELL_BACK_MAX) fellBack.clear()
    fellBack.add(key)
    return plainTextHtml(source)
  } finally {
    deadline = Infinity
  }
}

/** marked wraps what its lexer throws ("Please report this to ..."). */
const isMarkedError = (error: unknown) => error instanceof Error && /marked/i.test(error.message)
