// The browser's copy of the messages: packs of one language (i18n/packs.ts), each file named by the
// version of its language's catalogue.
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { catalogue, messagesVersion, packScript } from '~/i18n/catalogue.server'
import { KNOWN_PREFIXES, looksLikeKey, PACKS, packOfKey, packsForPath } from '~/i18n/packs'
import { loader } from '~/routes/i18n.$file'

const get = (file: string) =>
  loader({ params: { file }, request: new Request(`http://x/i18n/${file}`), context: {} }) as Response

describe('the messages packs', () => {
  it('hold one language each, and together exactly its catalogue, every key once', () => {
    for (const lang of ['es', 'en'] as const) {
      const sandbox = { self: {} as { __messages?: Record<string, Record<string, Record<string, unknown>>> } }
      for (const pack of PACKS) vm.runInNewContext(packScript(lang, pack).body, sandbox)
      expect(Object.keys(sandbox.self.__messages!)).toEqual([lang])
      const packs = sandbox.self.__messages![lang]
      expect(Object.keys(packs).sort()).toEqual([...PACKS].sort())
      const merged = Object.assign({}, ...Object.values(packs))
      expect(merged).toEqual(catalogue[lang])
      const total = Object.values(packs).reduce((n, p) => n + Object.keys(p).length, 0)
      expect(total).toBe(Object.keys(catalogue[lang]).length)
      for (const pack of PACKS) expect(Object.keys(packs[pack]).length, `${lang} ${pack}`).toBeGreaterThan(0)
    }
    expect(packScript('es', 'core').url).toMatch(/^\/i18n\/es\.core\.[0-9a-f]{12}\.js$/)
    expect(messagesVersion('es')).not.toBe(messagesVersion('en'))
  })

  it('name every prefix of the catalogue: none falls into core unasked', () => {
    const prefixes = new Set(Object.keys(catalogue.en).map((k) => k.slice(0, k.indexOf('.'))))
    expect([...prefixes].filter((p) => !KNOWN_PREFIXES.has(p))).toEqual([])
    expect(packOfKey('documents.title')).toBe('documents')
    expect(packOfKey('notifications.header')).toBe('core')
    expect(packOfKey('notifications.kind.mention')).toBe('notifications')
  })

  it('go with an address by its first segment; core always first', () => {
    expect(packsForPath('/documents/abc')).toEqual(expect.arrayContaining(['core', 'documents']))
    expect(packsForPath('/')[0]).toBe('core')
    expect(packsForPath('/no-such-area')).toEqual(['core'])
    expect(packsForPath('/documents')).not.toContain('planMatrix')
  })

  it('tell a key from a text of its own', () => {
    expect(looksLikeKey('documents.error.title')).toBe(true)
    expect(looksLikeKey('Title is required.')).toBe(false)
    expect(looksLikeKey('nosuch.key')).toBe(false)
    expect(looksLikeKey('e.g. this')).toBe(false)
  })

  it('are cached for good under their version, not under another one; anything else is 404', async () => {
    const { url, body } = packScript('en', 'documents')
    const current = get(url.slice('/i18n/'.length))
    expect(current.status).toBe(200)
    expect(current.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(current.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await current.text()).toBe(body)
    const old = get('en.documents.0123456789ab.js')
    expect(old.status).toBe(200)
    expect(old.headers.get('Cache-Control')).not.toContain('immutable')
    for (const file of [
      'fr.core.0123456789ab.js',
      'en.nosuch.0123456789ab.js',
      'en.constructor.0123456789ab.js',
      'en.core.js',
      'en.0123456789ab.js',
      'en.core.0123456789ab.json',
      '../en.core.0123456789ab.js',
    ]) {
      expect(get(file).status, file).toBe(404)
    }
  })
})
