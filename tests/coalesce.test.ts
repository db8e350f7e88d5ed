// The page stream passes what React writes in one turn of the event loop on as one chunk (so that the
// adapter's flush after every chunk is one compressed flush per page, not one per 2 KB), and what is
// written later at its own turn: streaming still streams.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { coalesceTicks } from '~/modules/core/coalesce.server'

function collect(stream: NodeJS.ReadableStream) {
  const chunks: { at: number; bytes: Buffer }[] = []
  let turn = 0
  const ticker = setInterval(() => turn++, 1)
  stream.on('data', (b: Buffer) => chunks.push({ at: turn, bytes: b }))
  const ended = new Promise<void>((resolve) => stream.on('end', resolve)).finally(() => clearInterval(ticker))
  return { chunks, ended }
}

describe('coalesceTicks', () => {
  it('passes 100 writes of one turn on as one chunk, byte for byte', async () => {
    const out = coalesceTicks()
    const { chunks, ended } = collect(out)
    const parts = Array.from({ length: 100 }, (_, i) => Buffer.from(`<p>tráfico ${i}</p>`))
    for (const p of parts) out.write(p)
    out.end()
    await ended
    expect(chunks).toHaveLength(1)
    expect(chunks[0].bytes.equals(Buffer.concat(parts))).toBe(true)
  })

  it('passes a part written later on by itself, before the stream ends', async () => {
    const source = new PassThrough()
    const out = source.pipe(coalesceTicks())
    const { chunks, ended } = collect(out)
    source.write('<html><body>shell')
    source.write(' and more shell')
    await new Promise((r) => setTimeout(r, 30))
    // the shell arrived while the deferred part was still being computed
    expect(chunks.map((c) => c.bytes.toString())).toEqual(['<html><body>shell and more shell'])
    source.write('<template>deferred</template>')
    source.end('</body></html>')
    await ended
    expect(chunks.map((c) => c.bytes.toString())).toEqual([
      '<html><body>shell and more shell',
      '<template>deferred</template></body></html>',
    ])
  })

  it('passes a burst over its bound on at once, without waiting for the turn to end', () => {
    const out = coalesceTicks({ maxBytes: 1000 })
    const seen: number[] = []
    out.on('data', (b: Buffer) => seen.push(b.length))
    for (let i = 0; i < 12; i++) out.write(Buffer.alloc(100, 97))
    // synchronously: the first 1,000 bytes are out, the remaining 200 wait for the turn's end
    expect(seen).toEqual([1000])
    out.end()
  })

  it('drops what it holds when the response is closed early', async () => {
    const out = coalesceTicks()
    out.write('held')
    out.destroy()
    await new Promise((r) => setImmediate(r))
    expect(out.destroyed).toBe(true)
  })
})
