// The adopted minutes as a PDF (pdf-lib), in a child process: the input is the plain content prepared
// by minutes-document.server.ts (labels translated); this file only lays out text on A4 pages.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'

const PAGE = [595.28, 841.89]
const MARGIN = 56
const WIDTH = PAGE[0] - 2 * MARGIN

// The standard fonts encode WinAnsi only: anything else becomes '?' rather than failing the document.
const ENCODABLE =
  /[^\n\x20-\x7e\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g
const clean = (s) =>
  String(s ?? '')
    .replace(/\t/g, ' ')
    .replace(ENCODABLE, '?')

export default async function minutesPdf(input) {
  const pdf = await PDFDocument.create()
  pdf.setTitle(clean(input.fileTitle))
  pdf.setLanguage(input.lang)
  pdf.setCreator('RCM coordination portal')
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  let page = pdf.addPage(PAGE)
  let y = PAGE[1] - MARGIN

  const newPage = () => {
    page = pdf.addPage(PAGE)
    y = PAGE[1] - MARGIN
  }
  const lines = (text, font, size) => {
    const out = []
    for (const para of clean(text).split('\n')) {
      let line = ''
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word
        if (font.widthOfTextAtSize(next, size) <= WIDTH || !line) line = next
        else {
          out.push(line)
          line = word
        }
      }
      out.push(line)
    }
    return out
  }
  const write = (text, { font = regular, size = 10.5, gap = 6, indent = 0 } = {}) => {
    for (const line of lines(text, font, size)) {
      if (y - size < MARGIN) newPage()
      y -= size * 1.3
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: rgb(0, 0, 0) })
    }
    y -= gap
  }
  const heading = (text, size = 13) => {
    if (y - size * 4 < MARGIN) newPage()
    y -= 6
    write(text, { font: bold, size, gap: 4 })
  }

  write(input.labels.title, { font: bold, size: 18, gap: 2 })
  write(input.meetingTitle, { font: bold, size: 13, gap: 8 })
  write(`${input.labels.when}: ${input.when}`)
  write(`${input.labels.where}: ${input.place}`, { gap: 10 })

  heading(input.labels.attendance)
  if (!input.attendance.length) write(input.noAttendance)
  for (const org of input.attendance) write(`${org.organization}: ${org.people.join(', ')}`)

  heading(input.labels.agenda)
  for (const item of input.items) {
    write(item.heading, { font: bold, size: 11, gap: 3 })
    for (const p of item.paragraphs) write(p)
    if (item.errata.length) {
      write(`${input.labels.errata}:`, { font: bold, size: 10 })
      for (const e of item.errata) write(`• ${e}`, { indent: 10 })
    }
  }

  heading(input.labels.decisions)
  if (!input.decisions.length) write(input.noDecisions)
  for (const d of input.decisions) write(`${d.code}: ${d.text}`)

  heading(input.labels.adoption)
  for (const line of input.adoption) write(line)

  return Buffer.from(await pdf.save())
}
