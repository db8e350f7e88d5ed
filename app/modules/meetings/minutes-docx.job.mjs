// The adopted minutes as a Word document (docx), in a child process: the input is the plain content
// prepared by minutes-document.server.ts (labels translated); this file only builds the document.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

export default async function minutesDocx(input) {
  const p = (text, opts = {}) => new Paragraph({ children: [new TextRun({ text: String(text), ...opts })] })
  const h = (text, heading = HeadingLevel.HEADING_1) => new Paragraph({ text: String(text), heading })
  const children = [
    new Paragraph({ text: input.labels.title, heading: HeadingLevel.TITLE }),
    h(input.meetingTitle, HeadingLevel.HEADING_2),
    p(`${input.labels.when}: ${input.when}`),
    p(`${input.labels.where}: ${input.place}`),
    h(input.labels.attendance),
  ]
  if (!input.attendance.length) children.push(p(input.noAttendance))
  for (const org of input.attendance) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${org.organization}: `, bold: true }),
          new TextRun(org.people.join(', ')),
        ],
      }),
    )
  }
  children.push(h(input.labels.agenda))
  for (const item of input.items) {
    children.push(h(item.heading, HeadingLevel.HEADING_2))
    for (const para of item.paragraphs) children.push(p(para))
    if (item.errata.length) {
      children.push(p(`${input.labels.errata}:`, { bold: true }))
      for (const e of item.errata) children.push(new Paragraph({ text: e, bullet: { level: 0 } }))
    }
  }
  children.push(h(input.labels.decisions))
  if (!input.decisions.length) children.push(p(input.noDecisions))
  for (const d of input.decisions) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: `${d.code}: `, bold: true }), new TextRun(d.text)] }),
    )
  }
  children.push(h(input.labels.adoption))
  for (const line of input.adoption) children.push(p(line))
  const doc = new Document({
    title: input.fileTitle,
    creator: 'RCM coordination portal',
    sections: [{ children }],
  })
  return Buffer.from(await Packer.toBuffer(doc))
}
