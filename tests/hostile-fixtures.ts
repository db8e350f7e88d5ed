// Hostile files made in code, shared by tests/documents-hostile-files.test.ts and the e2e
// spec: DOCX zip bombs (honest or lying headers) and PDFs with millions of text operators, small on disk.
import zlib from 'node:zlib'

/** Raw deflate of `repeat` copies of `chunk` between `head` and `tail`, without ever holding the
 * inflated bytes: each part is deflated once and ends on a full flush, so copies can be concatenated. */
function deflateRepeated(head: string, chunk: string, repeat: number, tail: string): Buffer {
  const flushed = (s: string) =>
    zlib.deflateRawSync(Buffer.from(s), { finishFlush: zlib.constants.Z_FULL_FLUSH })
  const body = flushed(chunk)
  return Buffer.concat([
    flushed(head),
    ...Array.from({ length: repeat }, () => body),
    flushed(tail),
    zlib.deflateRawSync(Buffer.alloc(0)), // the final block
  ])
}

interface ZipEntry {
  name: string
  data: Buffer // deflated
  size: number // declared inflated size
}

/** A zip with deflated entries (CRC left 0: nothing here trusts it). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const DOC_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
const DOC_TAIL = '</w:body></w:document>'
const PARAGRAPHS = '<w:p><w:r><w:t>bomba de texto </w:t></w:r></w:p>'.repeat(20_000) // ~1 MB

/** A DOCX whose word/document.xml inflates to about `mb` MB; its headers tell the truth or `lie`. */
export function docxBomb(mb: number, { lie = false } = {}): Buffer {
  const text = (s: string) => ({ data: zlib.deflateRawSync(Buffer.from(s)), size: Buffer.byteLength(s) })
  const repeat = Math.ceil((mb * 1024 * 1024) / PARAGRAPHS.length)
  const inflated = DOC_HEAD.length + repeat * PARAGRAPHS.length + DOC_TAIL.length
  return zip([
    { name: '[Content_Types].xml', ...text(CONTENT_TYPES) },
    { name: '_rels/.rels', ...text(RELS) },
    {
      name: 'word/document.xml',
      data: deflateRepeated(DOC_HEAD, PARAGRAPHS, repeat, DOC_TAIL),
      size: lie ? 4096 : Math.min(inflated, 0xfffffffe),
    },
  ])
}

/** A one-page PDF whose compressed content stream holds `operators` text-showing operators. */
export function heavyPdf(operators: number): Buffer {
  const stream = deflateRepeated('BT /F1 1 Tf 0 0 Td ', '(a) Tj '.repeat(10_000), operators / 10_000, 'ET')
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  // zlib-wrapped (FlateDecode wants the zlib header); the adler32 is not checked by pdf.js
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0x9c]), stream, Buffer.alloc(4)])
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  let length = parts[0].length
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(length)
    const body =
      o ??
      Buffer.concat([
        Buffer.from(`<< /Length ${zlibStream.length} /Filter /FlateDecode >>\nstream\n`),
        zlibStream,
        Buffer.from('\nendstream'),
      ])
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.from(body),
      Buffer.from('\nendobj\n'),
    ])
    parts.push(chunk)
    length += chunk.length
  })
  let tail = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`
  tail += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`
  parts.push(Buffer.from(tail))
  return Buffer.concat(parts)
}
