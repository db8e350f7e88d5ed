// The text extraction of uploaded files, in a child process of the server (node:child_process fork) so
// that no file can hold the server's event loop or exhaust its memory. Plain JavaScript, started from
// this path both by the production build and by the tests (see extraction-pool.server.ts). The pool
// gives the limits, kills the process after the time limit and starts it with a heap limit
// (--max-old-space-size). A process, not a worker thread: a worker over its `resourceLimits` can still
// abort the whole process (V8's fatal "heap out of memory", seen with mammoth on a large document).
//
// A message { path, kind, maxInflatedBytes, maxTextChars } is answered with
// { ok: true, text, truncated } or { ok: false, reason, detail }.
import fsp from 'node:fs/promises'
import zlib from 'node:zlib'

class Refusal extends Error {
  constructor(reason, detail) {
    super(detail)
    this.reason = reason
  }
}

const ZIP_CENTRAL = 0x02014b50
const ZIP_END = 0x06054b50
const ZIP_LOCAL = 0x04034b50

/** The entries of a zip's central directory (declared sizes and where the data starts). */
function zipEntries(buffer) {
  let end = -1
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === ZIP_END) {
      end = i
      break
    }
  }
  if (end < 0) throw new Refusal('unreadable', 'no zip end record')
  const count = buffer.readUInt16LE(end + 10)
  const cdOffset = buffer.readUInt32LE(end + 16)
  const entries = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== ZIP_CENTRAL)
      throw new Refusal('unreadable', 'bad zip central directory')
    const method = buffer.readUInt16LE(p + 10)
    const compressedSize = buffer.readUInt32LE(p + 20)
    const size = buffer.readUInt32LE(p + 24)
    const nameLength = buffer.readUInt16LE(p + 28)
    const extraLength = buffer.readUInt16LE(p + 30)
    const commentLength = buffer.readUInt16LE(p + 32)
    const localOffset = buffer.readUInt32LE(p + 42)
    if ([compressedSize, size, localOffset].includes(0xffffffff))
      throw new Refusal('unreadable', 'zip64 is not read')
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength)
    entries.push({ name, method, compressedSize, size, localOffset })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Bytes an entry inflates to, counted while inflating (nothing kept), stopping past `cap`. */
async function inflatedSize(data, cap) {
  const inflate = zlib.createInflateRaw()
  let total = 0
  inflate.end(data)
  try {
    for await (const chunk of inflate) {
      total += chunk.length
      if (total > cap) break
    }
  } catch (error) {
    throw new Refusal('unreadable', `zip entry: ${error.message}`)
  } finally {
    inflate.destroy()
  }
  return total
}

/** Refuses a zip whose entries inflate (declared or actual) to more than `cap` bytes in all. */
async function checkZip(buffer, cap) {
  const entries = zipEntries(buffer)
  const declared = entries.reduce((sum, e) => sum + e.size, 0)
  if (declared > cap) throw new Refusal('inflated_too_large', `declares ${declared} bytes`)
  let actual = 0
  for (const e of entries) {
    const o = e.localOffset
    if (o + 30 > buffer.length || buffer.readUInt32LE(o) !== ZIP_LOCAL)
      throw new Refusal('unreadable', 'bad zip local header')
    const start = o + 30 + buffer.readUInt16LE(o + 26) + buffer.readUInt16LE(o + 28)
    const data = buffer.subarray(start, start + e.compressedSize)
    if (e.method === 0) actual += data.length
    else if (e.method === 8) actual += await inflatedSize(data, cap - actual)
    else throw new Refusal('unreadable', `zip method ${e.method}`)
    if (actual > cap) throw new Refusal('inflated_too_large', `${e.name} inflates past ${cap} bytes`)
  }
}

async function docxText(buffer, limits) {
  await checkZip(buffer, limits.maxInflatedBytes)
  const mammoth = await import('mammoth')
  const { value } = await (mammoth.default ?? mammoth).extractRawText({ buffer })
  return value
}

/** Page by page, stopping once there is more text than will be kept. */
async function pdfText(buffer, limits) {
  const { getDocumentProxy } = await import('unpdf')
  const pdf = await getDocumentProxy(new Uint8Array(buffer))
  try {
    let text = ''
    for (let i = 1; i <= pdf.numPages && text.length <= limits.maxTextChars; i++) {
      const page = await pdf.getPage(i)
      const content = await page.getTextContent()
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n'
      page.cleanup()
    }
    return text
  } finally {
    await pdf.destroy().catch(() => {})
  }
}

async function extract({ path, kind, maxInflatedBytes, maxTextChars }) {
  const limits = { maxInflatedBytes, maxTextChars }
  const buffer = await fsp.readFile(path)
  let text
  let cut = false
  if (kind === 'pdf') text = await pdfText(buffer, limits)
  else if (kind === 'docx') text = await docxText(buffer, limits)
  else {
    cut = buffer.length > maxTextChars * 4
    text = buffer.toString('utf8', 0, Math.min(buffer.length, maxTextChars * 4))
  }
  text = text.replace(/\s+/g, ' ').trim()
  const truncated = cut || text.length > maxTextChars
  return { ok: true, text: truncated ? text.slice(0, maxTextChars) : text, truncated }
}

process.on('disconnect', () => process.exit(0))
process.on('message', async (request) => {
  let answer
  try {
    answer = await extract(request)
  } catch (error) {
    answer = {
      ok: false,
      reason: error instanceof Refusal ? error.reason : 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    }
  }
  process.send(answer)
})
