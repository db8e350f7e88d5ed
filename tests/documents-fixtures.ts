// Shared by the document library's tests: real files, multipart requests, disk checks
// (calling routes: ./helpers/route.ts).
import fs from 'node:fs'
import path from 'node:path'
import { cookieFor } from './helpers/db'
import { TMP } from './helpers/paths'

export const ORIGIN = 'http://localhost:3000'

/** A small valid one-page PDF whose text layer holds `text` (Latin-1), written by hand so that
 * extraction and search are tested on a real PDF without a fixture file. */
export function minimalPdf(text: string, padBytes = 0): Uint8Array {
  const esc = text.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')
  const stream = Buffer.from(`BT /F1 14 Tf 72 720 Td (${esc}) Tj ET`, 'latin1')
  const objs = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0].length
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(length)
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')])
    parts.push(chunk)
    length += chunk.length
  })
  if (padBytes) {
    const pad = Buffer.concat([Buffer.from('%'), Buffer.alloc(padBytes, 'x'), Buffer.from('\n')])
    parts.push(pad)
    length += pad.length
  }
  const xref = length
  let tail = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`
  tail += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  parts.push(Buffer.from(tail))
  return new Uint8Array(Buffer.concat(parts))
}

export interface FilePart {
  name: string
  type?: string
  bytes: Uint8Array | string
}

/** A multipart POST as a browser or curl sends it, with the session cookie and our Origin. */
export function multipartRequest(
  url: string,
  {
    email,
    fields = {},
    file,
    fileField = 'file',
    headers = {},
  }: {
    email?: string
    fields?: Record<string, string>
    file?: FilePart
    fileField?: string
    headers?: Record<string, string>
  },
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) {
    const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes
    form.append(
      fileField,
      new File([new Uint8Array(bytes)], file.name, { type: file.type ?? 'application/octet-stream' }),
    )
  }
  const h = new Headers(headers)
  if (email) h.set('Cookie', cookieFor(email))
  if (!h.has('Origin')) h.set('Origin', ORIGIN)
  return new Request(new URL(url, ORIGIN), { method: 'POST', body: form, headers: h })
}

export function getRequest(url: string, email?: string) {
  const headers = new Headers()
  if (email) headers.set('Cookie', cookieFor(email))
  return new Request(new URL(url, ORIGIN), { headers })
}

/** Every file under DATA_DIR/uploads (temporary ones included). */
export function uploadedFiles(): string[] {
  const root = path.join(process.env.DATA_DIR!, 'uploads')
  if (!fs.existsSync(root)) return []
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((p) => path.join(root, p))
    .filter((p) => fs.statSync(p).isFile())
}

/** The demo database's files live in the run's template folder: copy them next to this test's copy. */
export function copyDemoUploads() {
  const from = path.join(TMP, 'uploads')
  const to = path.join(process.env.DATA_DIR!, 'uploads')
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true })
}
