import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDocument } from '~/modules/documents/writes.server'
import type { NewDocumentInput } from '~/modules/documents/schemas'
import { receiveFile, uploadsDir } from '~/modules/documents/storage.server'
import { loader as apiList } from '~/routes/api.v1.documents'
import { loader as apiGet } from '~/routes/api.v1.documents.$id'
import { loader as apiSearch } from '~/routes/api.v1.search'
import { loader as pageList } from '~/routes/documents._index'
import { loader as page } from '~/routes/documents.$id'
import { loader as download } from '~/routes/documents.$id.download'
import { loader as searchPage } from '~/routes/search'
import { getRequest, minimalPdf } from './documents-fixtures'
import { freshDemoDb, viewerFor } from './helpers/db'
import { call, statusOf } from './helpers/route'

const ROLES = [
  'anonymous',
  'secretariat@rcm.example',
  'pa.focal@rcm.example',
  'pa.snm@rcm.example',
  'mx.delegate@rcm.example',
  'co.observer@rcm.example',
  'iom@rcm.example',
  'unhcr@rcm.example',
] as const
type Role = (typeof ROLES)[number]

const ALL = [...ROLES]
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous')
/** Who sees each level of visibility (and an embargoed document), written out by hand for the demo
 * accounts. */
const EXPECTED: Record<string, readonly Role[]> = {
  public: ALL,
  participants: SIGNED_IN,
  members: [
    'secretariat@rcm.example',
    'pa.focal@rcm.example',
    'pa.snm@rcm.example',
    'mx.delegate@rcm.example',
  ],
  group: ['secretariat@rcm.example', 'pa.snm@rcm.example', 'iom@rcm.example'],
  secretariat: ['secretariat@rcm.example'],
  // Public, but under embargo: only Panama (the owner) and the secretariat until the moment comes.
  embargoed: ['secretariat@rcm.example', 'pa.focal@rcm.example', 'pa.snm@rcm.example'],
}

async function makeDoc(email: string, word: string, input: Partial<NewDocumentInput>) {
  async function* bytes() {
    yield minimalPdf(`Documento de prueba ${word}`)
  }
  const file = await receiveFile(bytes(), `${word}.pdf`)
  const { id } = await createDocument(
    viewerFor(email),
    { title: `Prueba ${word}`, kind: 'report', language: 'es', visibility: 'public', ...input },
    file,
  )
  return id
}

const email = (r: Role) => (r === 'anonymous' ? undefined : r)

/** Every way to reach a document, each answering whether the role got it. */
const WAYS = {
  page: async (r: Role, id: string) =>
    statusOf(await call(page, getRequest(`/documents/${id}`, email(r)), { id })) === 200,
  api: async (r: Role, id: string) =>
    statusOf(await call(apiGet, getRequest(`/api/v1/documents/${id}`, email(r)), { id })) === 200,
  download: async (r: Role, id: string) => {
    const res = (await call(download, getRequest(`/documents/${id}/download`, email(r)), { id })) as Response
    await res.body?.cancel()
    return res.status === 200
  },
  search: async (r: Role, id: string, word: string) => {
    const res = (await call(apiSearch, getRequest(`/api/v1/search?q=${word}`, email(r)))) as Response
    if (r === 'anonymous' || res.status === 200) {
      const body = await res.json()
      return body.items.some((i: { id: string }) => i.id === id)
    }
    return false
  },
  searchPage: async (r: Role, id: string, word: string) => {
    const data = (await call(searchPage, getRequest(`/search?q=${word}`, email(r)))) as {
      items: { id: string }[]
    }
    return data.items.some((i) => i.id === id)
  },
  apiList: async (r: Role, id: string, word: string) => {
    const body = await (
      (await call(apiList, getRequest(`/api/v1/documents?q=${word}`, email(r)))) as Response
    ).json()
    return body.items.some((i: { id: string }) => i.id === id)
  },
  pageList: async (r: Role, id: string) => {
    const data = (await call(pageList, getRequest('/documents?sort=recent', email(r)))) as {
      items: { id: string }[]
    }
    return data.items.some((i) => i.id === id)
  },
}

describe('the permission matrix: role x visibility x way of access', () => {
  let docs: Record<string, { id: string; word: string }>
  beforeEach(async () => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
    const w = (k: string) => `zq${k}${Math.random().toString(36).slice(2, 8)}`
    docs = {}
    const add = async (key: string, by: string, input: Partial<NewDocumentInput>) => {
      const word = w(key)
      docs[key] = { id: await makeDoc(by, word, input), word }
    }
    await add('public', 'pa.focal@rcm.example', { visibility: 'public' })
    await add('participants', 'pa.focal@rcm.example', { visibility: 'participants' })
    await add('members', 'pa.focal@rcm.example', { visibility: 'members' })
    await add('group', 'pa.snm@rcm.example', { visibility: 'group', group: 'pa-smuggling-plan' })
    await add('secretariat', 'secretariat@rcm.example', { visibility: 'secretariat' })
    await add('embargoed', 'pa.focal@rcm.example', {
      visibility: 'public',
      embargoUntil: new Date(Date.now() + 5 * 60 * 1000),
    })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  for (const [way, check] of Object.entries(WAYS)) {
    it(`through ${way}`, async () => {
      for (const [key, { id, word }] of Object.entries(docs)) {
        for (const role of ROLES) {
          const got = await check(role, id, word)
          expect(got, `${role} ${key} via ${way}`).toBe(EXPECTED[key].includes(role))
        }
      }
    })
  }

  it('an embargo lifts at its moment, for every way of access', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 6 * 60 * 1000)
    const { id, word } = docs.embargoed
    for (const [way, check] of Object.entries(WAYS)) {
      for (const role of ROLES)
        expect(await check(role, id, word), `${role} via ${way} after the embargo`).toBe(true)
    }
  })

  it('a deleted document disappears for everyone but the secretariat, who can restore it', async () => {
    const { deleteDocument, restoreDocument } = await import('~/modules/documents/writes.server')
    const { id, word } = docs.public
    deleteDocument(viewerFor('pa.focal@rcm.example'), id)
    for (const role of ROLES) {
      expect(await WAYS.page(role, id), role).toBe(role === 'secretariat@rcm.example')
      expect(await WAYS.search(role, id, word), role).toBe(false)
      expect(await WAYS.pageList(role, id), role).toBe(false)
    }
    expect(() => restoreDocument(viewerFor('pa.focal@rcm.example'), id)).toThrow()
    restoreDocument(viewerFor('secretariat@rcm.example'), id)
    expect(await WAYS.page('anonymous', id)).toBe(true)
  })

  it('a hidden document and a missing one answer the same 404', async () => {
    const hidden = await call(
      apiGet,
      getRequest(`/api/v1/documents/${docs.members.id}`, 'co.observer@rcm.example'),
      {
        id: docs.members.id,
      },
    )
    const missing = await call(apiGet, getRequest('/api/v1/documents/nope', 'co.observer@rcm.example'), {
      id: 'nope',
    })
    expect(statusOf(hidden)).toBe(404)
    expect(await (hidden as Response).json()).toEqual(await (missing as Response).json())
  })
})
