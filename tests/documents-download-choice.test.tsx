// The main download button of a document's page offers the interface language's file when the current
// version holds it; otherwise the original. The other languages are offered beside it by their names
// and states, never codes.
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import fs from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { uploadsDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as apiVersion } from '~/routes/api.v1.documents.$id.versions'
import { action as apiTranslation } from '~/routes/api.v1.documents.$id.versions.$number.files'
import { loader as page } from '~/routes/documents.$id'
import DocumentPage from '~/routes/documents.$id'
import { getRequest, minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { call } from './helpers/route'

const state = vi.hoisted(() => ({ loaderData: null as unknown, lang: 'es' }))
vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  const strip = (props: Record<string, unknown>) => {
    const { prefetch: _p, reloadDocument: _r, replace: _x, children, ...rest } = props
    return { rest, children: children as ReactNode }
  }
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => undefined,
    useRouteLoaderData: () => ({ lang: state.lang }),
    useNavigation: () => ({ state: 'idle' }),
    Form: (props: Record<string, unknown>) => createElement('form', strip(props).rest, strip(props).children),
    Link: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      const { to, ...others } = rest
      return createElement('a', { ...others, href: to as string }, children)
    },
  }
})

const PA = 'pa.focal@rcm.example'
const pdf = (text: string) => ({ name: 'f.pdf', type: 'application/pdf', bytes: minimalPdf(text) })
type Files = Awaited<ReturnType<typeof page>>['files']

async function open(id: string, lang: 'es' | 'en') {
  const data = (await call(page, getRequest(`/documents/${id}?lang=${lang}`, PA), { id })) as { files: Files }
  state.loaderData = data
  state.lang = lang
  const html = renderToString(createElement(DocumentPage))
  const button = /<a class="button" href="([^"]+)">([^<]+)<\/a>/.exec(html)!
  return { files: data.files, html, href: button[1].replace(/&amp;/g, '&'), label: button[2] }
}

async function created() {
  const res = (await call(
    apiCreate,
    multipartRequest('/api/v1/documents', {
      email: PA,
      fields: { title: 'Informe', kind: 'report', language: 'es', visibility: 'members' },
      file: pdf('Informe'),
    }),
  )) as Response
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function translate(id: string, number: number, language: string) {
  const res = (await call(
    apiTranslation,
    multipartRequest(`/api/v1/documents/${id}/versions/${number}/files`, {
      email: PA,
      fields: { language },
      file: pdf(`translation ${language}`),
    }),
    { id, number: String(number) },
  )) as Response
  expect(res.status).toBe(201)
}

describe('the main download button', () => {
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
  })

  it('offers each interface its own language when up to date, the original otherwise', async () => {
    const id = await created()
    // Only the Spanish original: both interfaces get it, nothing else is offered.
    let en = await open(id, 'en')
    expect(en.href).toBe(`/documents/${id}/download?version=1&lang=es`)
    expect(en.label).toBe('Download Spanish, version 1')
    expect(en.files.others).toEqual([])

    await translate(id, 1, 'en')
    await translate(id, 1, 'fr')
    en = await open(id, 'en')
    expect(en.href).toBe(`/documents/${id}/download?version=1&lang=en`)
    expect(en.label).toBe('Download English, version 1')
    expect(en.html).toContain('Spanish: original, version 1')
    expect(en.html).toContain('French: translation of version 1, up to date')
    const es = await open(id, 'es')
    expect(es.href).toBe(`/documents/${id}/download?version=1&lang=es`)
    expect(es.label).toBe('Descargar Español, versión 1')
    expect(es.html).toContain('Inglés: traducción de la versión 1, al día')
    expect(es.html).not.toMatch(/>(es|en|fr): /)

    // A second version in Spanish: the English translation is outdated, so English readers get the
    // original first and the old translation beside it, said to be outdated.
    const second = (await call(
      apiVersion,
      multipartRequest(`/api/v1/documents/${id}/versions`, { email: PA, fields: {}, file: pdf('v2') }),
      { id },
    )) as Response
    expect(second.status).toBe(201)
    en = await open(id, 'en')
    expect(en.href).toBe(`/documents/${id}/download?version=2&lang=es`)
    expect(en.label).toBe('Download Spanish, version 2')
    expect(en.html).toContain(`href="/documents/${id}/download?version=1&amp;lang=en"`)
    expect(en.html).toContain('English: translation of version 1, outdated')
    expect(en.html).toContain('French: translation of version 1, outdated')
    const es2 = await open(id, 'es')
    expect(es2.html).toContain('Inglés: traducción de la versión 1, desactualizada')

    // Translated again: English readers get it first once more.
    await translate(id, 2, 'en')
    en = await open(id, 'en')
    expect(en.href).toBe(`/documents/${id}/download?version=2&lang=en`)
    expect(en.html).toContain('Spanish: original, version 2')
  })
})
