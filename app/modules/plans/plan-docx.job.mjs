// A plan as a Word document, in a child job (app/modules/core/child-jobs.server.ts): a title page
// (title, group, stage, date), then every section under a heading of its level with the portal's
// number, its text (Markdown: paragraphs, lists, bold, italics) and the bracketed wording of each
// organization in red on yellow, the organization named. The server prepares everything
// (translated labels included); this file only builds bytes.
//
// Input: { lang, title, lines: [string], sections: [{ number, depth, title, note, text }], emptyText,
//          footer, creator }
// Answer: the .docx bytes.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx'

// the same pattern as app/modules/plans/text.ts (a job cannot import the app's modules)
const BRACKET = /\[([A-Z][A-Z0-9-]{0,15}):[ \t]*([^[\]\n]*(?:\n(?!\n)[^[\]\n]*)*)\](?!\()/g
const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>|~])/g
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
]
// colour and highlight, not bold: a document exported and imported again keeps its brackets clean
const BRACKET_STYLE = { color: 'C00000', highlight: 'yellow' }

const unescape = (s) => s.replace(ESCAPED, '$1')

/** Bold, italics, code and links of one stretch of text, as runs (`base` adds the bracket's look). */
function inlineRuns(text, base = {}) {
  const runs = []
  let at = 0
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) runs.push(new TextRun({ ...base, text: unescape(text.slice(at, m.index)) }))
    if (m[2] !== undefined) runs.push(new TextRun({ ...base, text: unescape(m[2]), bold: true }))
    else if (m[4] !== undefined) runs.push(new TextRun({ ...base, text: unescape(m[4]), italics: true }))
    else if (m[5] !== undefined) runs.push(new TextRun({ ...base, text: m[5], font: 'Consolas' }))
    else runs.push(new TextRun({ ...base, text: `${unescape(m[6])} (${m[7]})` }))
    at = m.index + m[0].length
  }
  if (at < text.length) runs.push(new TextRun({ ...base, text: unescape(text.slice(at)) }))
  return runs
}

/** A paragraph's runs: the brackets stand out, with their organization. */
export function runsOf(text) {
  const runs = []
  let at = 0
  for (const m of text.matchAll(BRACKET)) {
    if (m.index > at) runs.push(...inlineRuns(text.slice(at, m.index)))
    runs.push(new TextRun({ ...BRACKET_STYLE, text: `[${m[1]}: ` }))
    runs.push(...inlineRuns(m[2].replace(/\n/g, ' ').trim(), BRACKET_STYLE))
    runs.push(new TextRun({ ...BRACKET_STYLE, text: ']' }))
    at = m.index + m[0].length
  }
  if (at < text.length) runs.push(...inlineRuns(text.slice(at)))
  return runs
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/

/** A section's Markdown as Word paragraphs: blocks at blank lines, list items, quotes, headings. */
export function paragraphsOf(markdown) {
  const out = []
  for (const block of markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    if (!block.trim()) continue
    const lines = block.split('\n')
    if (lines.every((l) => LIST_ITEM.test(l) || /^\s+\S/.test(l))) {
      for (const line of lines) {
        const m = LIST_ITEM.exec(line)
        if (!m) continue
        const level = Math.min(Math.floor(m[1].length / 2), 3)
        const bullet = /^[-*+]$/.test(m[2])
        out.push(
          bullet
            ? new Paragraph({ children: runsOf(m[3]), bullet: { level } })
            : new Paragraph({
                children: [new TextRun(`${m[2]} `), ...runsOf(m[3])],
                indent: { left: 360 * (level + 1), hanging: 360 },
              }),
        )
      }
      continue
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(lines[0])
    if (heading && lines.length === 1) {
      out.push(new Paragraph({ children: inlineRuns(heading[1], { bold: true }) }))
      continue
    }
    if (lines.every((l) => l.startsWith('>'))) {
      const text = lines.map((l) => l.replace(/^>\s?/, '')).join(' ')
      out.push(new Paragraph({ children: runsOf(text), indent: { left: 720 }, style: 'Quote' }))
      continue
    }
    out.push(new Paragraph({ children: runsOf(lines.join(' ')) }))
  }
  return out
}

export default async function buildPlanDocx(input) {
  const children = [
    new Paragraph({ text: input.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    ...input.lines.map(
      (line) =>
        new Paragraph({ children: [new TextRun({ text: line, size: 28 })], alignment: AlignmentType.CENTER }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ]
  for (const s of input.sections) {
    children.push(
      new Paragraph({
        text: [s.number, s.title].filter(Boolean).join(' '),
        heading: HEADINGS[Math.min(s.depth, HEADINGS.length - 1)],
      }),
    )
    if (s.note)
      children.push(
        new Paragraph({ children: [new TextRun({ text: s.note, italics: true, color: '666666' })] }),
      )
    const paragraphs = s.text ? paragraphsOf(s.text) : []
    children.push(
      ...(paragraphs.length
        ? paragraphs
        : [
            new Paragraph({
              children: [new TextRun({ text: input.emptyText, italics: true, color: '666666' })],
            }),
          ]),
    )
  }
  const doc = new Document({
    creator: input.creator,
    title: input.title,
    description: input.lines.join(' · '),
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(`${input.footer} · `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
