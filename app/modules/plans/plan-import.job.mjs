// A Word document read into a plan's sections, in a child job (app/modules/core/child-jobs.server.ts):
// the zip is checked first (declared and actual inflated sizes, zip-guard.mjs), then mammoth turns it
// into HTML, read here into Markdown; headings 1 to 4 become chapters, strategic objectives, lines of action and activities
// (5 and 6 are activities too), the paragraphs under a heading the section's text. Nothing is written
// here: the answer is plain data for the server to check and store.
//
// Input: { path, maxInflatedBytes, maxSections, maxText, maxTitle, preambleTitle }.
// Answer: { ok: true, sections: [{ level, title, text }], warnings: [string] }
//      or { ok: false, reason: 'not_docx' | 'inflated_too_large' | 'too_many_sections' | 'empty' |
//           'section_too_long', detail }.
import fsp from 'node:fs/promises'
import { checkZip, ZipRefusal } from '../core/zip-guard.mjs'

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
const decode = (s) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
/** Text as Markdown: emphasis and code characters escaped (brackets are kept: `[ORG: ...]` is ours). */
const escapeText = (s) => s.replace(/[\\`*_]/g, '\\$&')
/** The portal numbers sections itself: "1.2 Title" and "1.2. Title" lose their number. */
const unnumbered = (title) => title.replace(/^\d+(?:\.\d+)*\.?\s+(?=\S)/, '')

/**
 * mammoth's HTML (a small, well-formed set: headings, paragraphs, strong, em, links, lists, tables,
 * line breaks) as a list of blocks: { heading: level, text } or { text } in Markdown.
 */
export function htmlBlocks(html) {
  const blocks = []
  const lists = []
  let block = null
  let href = null
  let linkText = ''
  let cell = 0
  const emit = (s) => {
    if (href !== null) linkText += s
    else if (block) block.text += s
    else block = { text: s }
  }
  const finish = () => {
    if (block) {
      block.text = block.text
        .replace(/[ \t]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim()
      if (block.text || block.heading) blocks.push(block)
    }
    block = null
  }
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      emit(escapeText(decode(m[4])))
      continue
    }
    const closing = m[1] === '/'
    const tag = m[2].toLowerCase()
    if (/^h[1-6]$/.test(tag)) {
      finish()
      if (!closing) block = { heading: Number(tag[1]), text: '' }
    } else if (tag === 'p') {
      if (lists.length) continue
      finish()
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop()
      else lists.push({ ordered: tag === 'ol', n: 0 })
      if (!lists.length) finish()
    } else if (tag === 'li') {
      if (closing) continue
      const list = lists.at(-1)
      if (!list) continue
      list.n++
      const marker = list.ordered ? `${list.n}.` : '-'
      const line = `${'  '.repeat(lists.length - 1)}${marker} `
      if (block && !block.heading) block.text += `\n${line}`
      else {
        finish()
        block = { text: line }
      }
    } else if (tag === 'strong' || tag === 'b') emit('**')
    else if (tag === 'em' || tag === 'i') emit('*')
    else if (tag === 'br') emit('\n')
    else if (tag === 'a') {
      if (!closing) {
        const h = /href="([^"]*)"/.exec(m[3])
        href = h && /^(https?:|mailto:)/i.test(decode(h[1])) ? decode(h[1]) : null
        linkText = ''
      } else if (href !== null) {
        const text = linkText
        const target = href
        href = null
        emit(text ? `[${text}](${target.replace(/[()\s]/g, encodeURIComponent)})` : '')
      }
    } else if (tag === 'tr') {
      if (!lists.length) finish()
      cell = 0
    } else if (tag === 'td' || tag === 'th') {
      if (!closing && cell++ > 0) emit(' | ')
    }
  }
  finish()
  // emphasis markers around nothing (a bold space in Word) say nothing
  for (const b of blocks) b.text = b.text.replace(/\*\*(\s*)\*\*/g, '$1')
  return blocks
}

/** The blocks of a document grouped into sections at its headings. */
export function splitSections(blocks, { maxSections, maxText, maxTitle, preambleTitle }) {
  const sections = []
  let current = null
  let texts = []
  const close = () => {
    const text = texts.join('\n\n').trim()
    texts = []
    if (!current) {
      if (!text) return
      current = { level: 1, title: preambleTitle }
    }
    if (text.length > maxText) throw new ZipRefusal('section_too_long', current.title)
    sections.push({ ...current, text })
    if (sections.length > maxSections) throw new ZipRefusal('too_many_sections', `over ${maxSections}`)
  }
  for (const b of blocks) {
    const title = b.heading
      ? unnumbered(
          b.text
            .replace(/\\([\\`*_])/g, '$1')
            .replace(/\*+/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        )
      : ''
    if (b.heading && title) {
      close()
      current = { level: Math.min(b.heading, 4), title: title.slice(0, maxTitle) }
    } else if (b.text) texts.push(b.text)
  }
  close()
  if (!sections.length) throw new ZipRefusal('empty', 'no heading and no text')
  return sections
}

export default async function importPlanDocx(input) {
  try {
    const buffer = await fsp.readFile(input.path)
    await checkZip(buffer, input.maxInflatedBytes, {
      malformed: 'not_docx',
      required: ['word/document.xml'],
    })
    const mammoth = (await import('mammoth')).default
    const { value, messages } = await mammoth.convertToHtml(
      { buffer },
      // images are not part of a plan's text: not decoded, not carried
      { convertImage: mammoth.images.imgElement(() => ({ src: '' })) },
    )
    const sections = splitSections(htmlBlocks(value), input)
    const warnings = [...new Set(messages.map((m) => String(m.message)))].slice(0, 20)
    return { ok: true, sections, warnings }
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, reason: error.reason, detail: error.message }
    // mammoth could not read it: not a Word document we can use
    return { ok: false, reason: 'not_docx', detail: error instanceof Error ? error.message : String(error) }
  }
}
