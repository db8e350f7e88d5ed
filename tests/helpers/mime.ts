// Reading what nodemailer wrote, as a real SMTP server (smtp-server on loopback) received it.

/** A small MIME reader for what nodemailer writes: headers (unfolded, encoded-words decoded) and the
 * text/plain and text/html parts (quoted-printable or base64). */
function decodeWords(value: string) {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  )
}
function headersOf(block: string) {
  const map = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) map.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()))
  }
  return map
}
function decodeBody(body: string, encoding = '') {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}
export function parseMail(raw: string) {
  const split = raw.search(/\r?\n\r?\n/)
  const headers = headersOf(raw.slice(0, split))
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  const parts: Record<string, string> = {}
  for (const part of boundary ? raw.split(`--${boundary}`).slice(1, -1) : []) {
    const at = part.search(/\r?\n\r?\n/)
    const h = headersOf(part.slice(0, at).trim())
    const type = (h.get('content-type') ?? '').split(';')[0]
    parts[type] = decodeBody(part.slice(at).trim(), h.get('content-transfer-encoding'))
  }
  return { headers, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' }
}
