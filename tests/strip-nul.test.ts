// React 18.3's renderer can leave NUL bytes where a multi-byte character meets its 2 KB buffer's end
// (app/modules/core/strip-nul.server.ts); the page stream drops them and nothing else.
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { renderToPipeableStream } from 'react-dom/server'
import { createElement, Suspense } from 'react'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { stripNulBytes, withoutNulBytes } from '~/modules/core/strip-nul.server'

describe('stripNulBytes', () => {
  it('removes NUL bytes and keeps every character, also split across chunks', async () => {
    const bytes = Buffer.from('tráfico ilícito — región', 'utf8')
    const withNul = Buffer.concat([bytes.subarray(0, 3), Buffer.from([0, 0]), bytes.subarray(3)])
    // cut inside "á" (two bytes) so that the stream must not decode chunk by chunk
    const chunks = [withNul.subarray(0, 4), withNul.subarray(4, 6), withNul.subarray(6)]
    expect(await text(Readable.from(chunks).pipe(stripNulBytes()))).toBe('tráfico ilícito — región')
    expect(withoutNulBytes(bytes)).toBe(bytes)
  })

  it('gives a clean page where React 18 alone leaves NUL bytes at its chunk boundaries', async () => {
    // many multi-byte characters at every offset, inside a Suspense boundary (Fizz's buffered path)
    const paragraphs = Array.from({ length: 400 }, (_, i) =>
      createElement('p', { key: i }, `${'a'.repeat(i % 7)}tráfico ilícito de migrantes — región ${i}`),
    )
    const render = (clean: boolean) =>
      new Promise<string>((resolve, reject) => {
        const { pipe } = renderToPipeableStream(
          createElement('div', null, createElement(Suspense, null, paragraphs)),
          {
            onAllReady() {
              const body = new PassThrough()
              pipe(body)
              text(clean ? body.pipe(stripNulBytes()) : body).then(resolve, reject)
            },
            onError: reject,
          },
        )
      })
    const raw = await render(false)
    const clean = await render(true)
    expect(raw.includes('\u0000'), 'React 18 left no NUL: the workaround may be unneeded').toBe(true)
    expect(clean.includes('\u0000')).toBe(false)
    expect(clean).toBe(raw.replaceAll('\u0000', ''))
    expect(clean).toContain('tráfico ilícito de migrantes — región 399')
  })
})
