/**
 * React 18.3's server renderer (Fizz, renderToPipeableStream) encodes HTML 2048 bytes at a time and,
 * when a multi-byte character (á, é, ñ, —) would straddle the end of its buffer, sends the whole
 * buffer with the unwritten bytes left as NUL (facebook/react#24985, fixed upstream in #26228, which
 * 18.3.1 does not carry: #31134). Browsers show them as U+FFFD, so a Spanish word could come out as
 * "tr\uFFFDáfico", and a textarea would then save it. HTML never needs a NUL (the parser turns one into
 * U+FFFD anyway), so every NUL byte of the rendered stream is dropped. UTF-8 never uses 0x00 inside a
 * multi-byte sequence, so removing bytes equal to 0 cannot break a character.
 */
import { Transform, type TransformCallback } from 'node:stream'

export function withoutNulBytes(chunk: Buffer): Buffer {
  if (chunk.indexOf(0) === -1) return chunk
  const out = Buffer.allocUnsafe(chunk.length)
  let n = 0
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 0) out[n++] = chunk[i]
  return out.subarray(0, n)
}

export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
      done(null, withoutNulBytes(typeof chunk === 'string' ? Buffer.from(chunk) : chunk))
    },
  })
}
