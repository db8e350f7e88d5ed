// Builds the official invitation letter of one delegation member (PDF, A4), in a child process
// (core/child-jobs.server.ts). The main thread prepares every text, already translated
// (meetings/invitation-letter.server.ts); this file only lays it out.
// Input: { language, title, author, created (ms), letterhead: [string], place: string, reference: string,
//          recipient: [string], subject: string, paragraphs: [string], closing: [string], footer: string }
// Fonts: the standard Helvetica fonts (WinAnsi): every Spanish and most Western European letters; a
// character outside WinAnsi is written without its accent where it has one, else as '?', never a
// failure.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'

const A4 = [595.28, 841.89]
const MARGIN = 64
const MAX_TEXT = 5000

// Letters that Unicode does not decompose into a base letter and a mark.
const PLAIN = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' }

/** The text as the font can write it. */
function encodable(font) {
  const cache = new Map()
  const ok = (ch) => {
    if (!cache.has(ch)) {
      try {
        font.encodeText(ch)
        cache.set(ch, true)
      } catch {
        cache.set(ch, false)
      }
    }
    return cache.get(ch)
  }
  return (text) => {
    let out = ''
    for (const ch of String(text ?? '')
      .normalize('NFC')
      .replace(/[\r\n\t]+/g, ' ')
      .slice(0, MAX_TEXT)) {
      if (ok(ch)) out += ch
      else {
        const bare = PLAIN[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        out += bare && [...bare].every(ok) ? bare : '?'
      }
    }
    return out
  }
}

/** Lines of at most `width` points; a word longer than a line is cut. */
function wrap(text, font, size, width) {
  const lines = []
  let line = ''
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    let rest = word
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line = rest
  }
  if (line) lines.push(line)
  return lines
}

export default async function invitationLetter(input) {
  const doc = await PDFDocument.create()
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const clean = encodable(regular)
  doc.setTitle(clean(input.title))
  doc.setAuthor(clean(input.author))
  doc.setCreator('RCM coordination portal')
  doc.setProducer('RCM coordination portal')
  doc.setLanguage(input.language === 'en' ? 'en' : 'es')
  const created = new Date(input.created)
  doc.setCreationDate(created)
  doc.setModificationDate(created)

  const width = A4[0] - 2 * MARGIN
  let page = doc.addPage(A4)
  let y = A4[1] - MARGIN
  const newPageIfNeeded = (height) => {
    if (y - height >= MARGIN + 30) return
    page = doc.addPage(A4)
    y = A4[1] - MARGIN
  }
  const write = (text, { font = regular, size = 11, gap = 4, align = 'left', color } = {}) => {
    for (const line of wrap(clean(text), font, size, width)) {
      newPageIfNeeded(size + gap)
      const w = font.widthOfTextAtSize(line, size)
      const x =
        align === 'center' ? MARGIN + (width - w) / 2 : align === 'right' ? MARGIN + width - w : MARGIN
      page.drawText(line, { x, y: y - size, size, font, color })
      y -= size + gap
    }
  }
  const space = (h) => {
    y -= h
  }

  // Letterhead: the conference and the secretariat, centred, with a rule under them.
  const [first, ...others] = input.letterhead ?? []
  if (first) write(first, { font: bold, size: 14, align: 'center' })
  for (const line of others) write(line, { size: 10, align: 'center', color: rgb(0.25, 0.25, 0.25) })
  space(6)
  page.drawLine({
    start: { x: MARGIN, y },
    end: { x: MARGIN + width, y },
    thickness: 0.8,
    color: rgb(0.2, 0.3, 0.5),
  })
  space(18)

  write(input.place, { align: 'right' })
  if (input.reference) write(input.reference, { align: 'right', size: 9, color: rgb(0.3, 0.3, 0.3) })
  space(16)
  for (const line of input.recipient ?? []) write(line, { gap: 2 })
  space(14)
  write(input.subject, { font: bold })
  space(10)
  for (const p of input.paragraphs ?? []) {
    write(p, { gap: 5 })
    space(8)
  }
  space(8)
  for (const [i, line] of (input.closing ?? []).entries()) {
    write(line, { font: i === 1 ? bold : regular })
    if (i === 0) space(28)
  }
  // Footer on every page.
  for (const p of doc.getPages()) {
    const footer = wrap(clean(input.footer), regular, 8, width)
    footer.forEach((line, i) =>
      p.drawText(line, {
        x: MARGIN,
        y: MARGIN - 10 - i * 10,
        size: 8,
        font: regular,
        color: rgb(0.4, 0.4, 0.4),
      }),
    )
  }
  return await doc.save()
}
