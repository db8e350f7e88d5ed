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
import { checkZip, ZipRefusal } from '../core/zip-guard.mjs'

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
      reason: error instanceof ZipRefusal ? error.reason : 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    }
  }
  process.send(answer)
})
