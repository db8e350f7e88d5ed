/**
 * React's server renderer writes a page 2 KB at a time, and Remix's adapter writes each chunk to the
 * response and flushes it (`writeReadableStreamToWritable` calls `res.flush()` after every chunk). With
 * the compression middleware each flush is a zlib sync flush: a 260 KB plan page went out as 130 flushed
 * pieces, 81 KB of gzip instead of 38 KB, and compressing cost about as much as querying. What is written
 * within one turn of the event loop (a whole page without deferred data) is passed on as one chunk, at
 * the next turn; anything written later (a deferred part) follows at its own turn, so streaming still
 * streams. A burst over `maxBytes` is passed on at once.
 */
import { Transform, type TransformCallback } from 'node:stream'

export function coalesceTicks({ maxBytes = 256 * 1024 } = {}): Transform {
  let parts: Buffer[] = []
  let size = 0
  let pending: NodeJS.Immediate | null = null
  const pass = () => {
    if (pending) clearImmediate(pending)
    pending = null
    if (size === 0) return
    stream.push(parts.length === 1 ? parts[0] : Buffer.concat(parts, size))
    parts = []
    size = 0
  }
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      parts.push(bytes)
      size += bytes.length
      if (size >= maxBytes) pass()
      else pending ??= setImmediate(pass)
      done()
    },
    flush(done: TransformCallback) {
      pass()
      done()
    },
    destroy(error: Error | null, done: (error: Error | null) => void) {
      if (pending) clearImmediate(pending)
      pending = null
      parts = []
      done(error)
    },
  })
  return stream
}
