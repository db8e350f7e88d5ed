// The zip-bomb guard of everything that opens a DOCX (the text extraction of uploads, the Word import of
// plans): the sum of the sizes the central directory declares, then the bytes each entry really inflates
// to, counted while inflating (nothing kept) and stopped past the limit. Plain JavaScript for the child
// processes. A malformed zip is refused with the reason the caller names (`malformed`).
import zlib from 'node:zlib'

export class ZipRefusal extends Error {
  constructor(reason, detail) {
    super(detail)
    this.reason = reason
  }
}

const ZIP_CENTRAL = 0x02014b50
const ZIP_END = 0x06054b50
const ZIP_LOCAL = 0x04034b50

/** The entries of a zip's central directory (declared sizes and where the data starts). */
export function zipEntries(buffer, malformed = 'unreadable') {
  let end = -1
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === ZIP_END) {
      end = i
      break
    }
  }
  if (end < 0) throw new ZipRefusal(malformed, 'no zip end record')
  const count = buffer.readUInt16LE(end + 10)
  const cdOffset = buffer.readUInt32LE(end + 16)
  const entries = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== ZIP_CENTRAL)
      throw new ZipRefusal(malformed, 'bad zip central directory')
    const method = buffer.readUInt16LE(p + 10)
    const compressedSize = buffer.readUInt32LE(p + 20)
    const size = buffer.readUInt32LE(p + 24)
    const nameLength = buffer.readUInt16LE(p + 28)
    const extraLength = buffer.readUInt16LE(p + 30)
    const commentLength = buffer.readUInt16LE(p + 32)
    const localOffset = buffer.readUInt32LE(p + 42)
    if ([compressedSize, size, localOffset].includes(0xffffffff))
      throw new ZipRefusal(malformed, 'zip64 is not read')
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength)
    entries.push({ name, method, compressedSize, size, localOffset })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

async function inflatedSize(data, cap, malformed) {
  const inflate = zlib.createInflateRaw()
  let total = 0
  inflate.end(data)
  try {
    for await (const chunk of inflate) {
      total += chunk.length
      if (total > cap) break
    }
  } catch (error) {
    throw new ZipRefusal(malformed, `zip entry: ${error.message}`)
  } finally {
    inflate.destroy()
  }
  return total
}

/** Refuses a zip whose entries inflate (declared or actual) to more than `cap` bytes in all. */
/** Refuses a zip that declares or inflates past `cap` bytes; `required` entries must be there. */
export async function checkZip(buffer, cap, { malformed = 'unreadable', required = [] } = {}) {
  const entries = zipEntries(buffer, malformed)
  for (const name of required)
    if (!entries.some((e) => e.name === name)) throw new ZipRefusal(malformed, `no ${name}`)
  const declared = entries.reduce((sum, e) => sum + e.size, 0)
  if (declared > cap) throw new ZipRefusal('inflated_too_large', `declares ${declared} bytes`)
  let actual = 0
  for (const e of entries) {
    const o = e.localOffset
    if (o + 30 > buffer.length || buffer.readUInt32LE(o) !== ZIP_LOCAL)
      throw new ZipRefusal(malformed, 'bad zip local header')
    const start = o + 30 + buffer.readUInt16LE(o + 26) + buffer.readUInt16LE(o + 28)
    const data = buffer.subarray(start, start + e.compressedSize)
    if (e.method === 0) actual += data.length
    else if (e.method === 8) actual += await inflatedSize(data, cap - actual, malformed)
    else throw new ZipRefusal(malformed, `zip method ${e.method}`)
    if (actual > cap) throw new ZipRefusal('inflated_too_large', `${e.name} inflates past ${cap} bytes`)
  }
  return entries
}
