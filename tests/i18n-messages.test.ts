// The browser's copy of the messages: one language per file, named by the hash of its messages.
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { catalogue, messagesScript } from '~/i18n/catalogue.server'
import { loader } from '~/routes/i18n.$file'

const get = (file: string) =>
  loader({ params: { file }, request: new Request(`http://x/i18n/${file}`), context: {} }) as Response

describe('the messages script', () => {
  it('holds one language, exactly the catalogue of that language', () => {
    for (const lang of ['es', 'en'] as const) {
      const sandbox = { self: {} as { __messages?: Record<string, unknown> } }
      vm.runInNewContext(messagesScript(lang).body, sandbox)
      expect(Object.keys(sandbox.self.__messages!)).toEqual([lang])
      expect(sandbox.self.__messages![lang]).toEqual(catalogue[lang])
    }
    expect(messagesScript('es').url).toMatch(/^\/i18n\/es\.[0-9a-f]{12}\.js$/)
    expect(messagesScript('es').hash).not.toBe(messagesScript('en').hash)
  })

  it('is cached for good under its own hash, not under another one; anything else is 404', async () => {
    const { url, body } = messagesScript('en')
    const current = get(url.slice('/i18n/'.length))
    expect(current.status).toBe(200)
    expect(current.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(current.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await current.text()).toBe(body)
    const old = get('en.0123456789ab.js')
    expect(old.status).toBe(200)
    expect(old.headers.get('Cache-Control')).not.toContain('immutable')
    for (const file of ['fr.0123456789ab.js', 'en.js', 'en.0123456789ab.json', '../en.0123456789ab.js']) {
      expect(get(file).status, file).toBe(404)
    }
  })
})
