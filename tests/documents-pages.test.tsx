// The pages render (server side, both languages) with real loader data: one h1, the texts that matter,
// no leaked message keys. Remix's hooks are replaced by the loader's data.
import { createElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { getRequest } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { call } from './helpers/route'

const state = vi.hoisted(() => ({
  loaderData: null as unknown,
  actionData: undefined as unknown,
  lang: 'es',
}))

vi.mock('@remix-run/react', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  const strip = (props: Record<string, unknown>) => {
    const { prefetch: _p, reloadDocument: _r, replace: _x, children, ...rest } = props
    return { rest, children: children as ReactNode }
  }
  return {
    ...actual,
    useLoaderData: () => state.loaderData,
    useActionData: () => state.actionData,
    useRouteLoaderData: () => ({ lang: state.lang }),
    useNavigation: () => ({ state: 'idle' }),
    Form: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      return createElement('form', rest, children)
    },
    Link: (props: Record<string, unknown>) => {
      const { rest, children } = strip(props)
      const { to, ...others } = rest
      return createElement('a', { ...others, href: to as string }, children)
    },
  }
})

async function render(
  module: { default: () => ReactNode; loader: (...a: never[]) => unknown },
  url: string,
  email: string | undefined,
  params: Record<string, string> = {},
  lang: 'es' | 'en' = 'es',
) {
  state.loaderData = await call(module.loader as never, getRequest(url, email), params)
  state.lang = lang
  const html = renderToString(createElement(module.default))
  expect(html.match(/<h1[\s>]/g) ?? []).toHaveLength(1)
  // A message key that was never translated would show up as documents.xxx / search.xxx.
  expect(html).not.toMatch(/>(documents|search|validation)\.[a-zA-Z.]+</)
  expect(html).not.toContain('undefined')
  return html
}

const titled = (titleEs: string) => db.select().from(documents).where(eq(documents.titleEs, titleEs)).get()!

describe('document pages render', () => {
  beforeEach(() => {
    freshDemoDb()
    state.actionData = undefined
  })

  it('the list, for the public and for a member, in both languages', async () => {
    const list = await import('~/routes/documents._index')
    const anonymous = await render(list, '/documents', undefined)
    expect(anonymous).toContain('Documentos')
    expect(anonymous).not.toContain('Subir un documento')
    const member = await render(
      list,
      '/documents?kind=declaration&sort=title',
      'mx.delegate@rcm.example',
      {},
      'en',
    )
    expect(member).toContain('Upload a document')
    expect(member).toContain('Declaration of the XXVIII Vice-Ministerial Meeting')
  })

  it('a document page with versions, languages, forms for its owner and downloads for the secretariat', async () => {
    const page = await import('~/routes/documents.$id')
    const plan = titled('Plan de trabajo en materia de tráfico ilícito de migrantes 2019-2025')
    const owner = await render(page, `/documents/${plan.id}`, 'gt.focal@rcm.example', { id: plan.id })
    expect(owner).toContain(plan.reference)
    expect(owner).toContain('Versión 2')
    expect(owner).toContain('Anterior al original (versión 1)')
    expect(owner).toContain('Subir una nueva versión')
    expect(owner).toContain('Añadir una traducción')
    expect(owner).toContain('name="intent" value="version"')
    expect(owner).toContain('/view?version=2&amp;lang=es')
    const other = await render(
      page,
      `/documents/${plan.id}`,
      'mx.delegate@rcm.example',
      { id: plan.id },
      'en',
    )
    expect(other).toContain('Work Plan on Migrant Smuggling 2019-2025')
    expect(other).not.toContain('Upload a new version')
    const labor = db
      .select()
      .from(documents)
      .where(eq(documents.titleEn, 'Regional Action Plan on Labor Migration'))
      .get()!
    const sec = await render(
      page,
      `/documents/${labor.id}`,
      'secretariat@rcm.example',
      { id: labor.id },
      'en',
    )
    expect(sec).toContain('Downloads of this restricted document')
    expect(sec).toContain('Mariana Ortega Salinas')
    const pub = titled('Relatoría del II Foro sobre Comunicación y Migración')
    const anonymous = await render(page, `/documents/${pub.id}`, undefined, { id: pub.id })
    expect(anonymous).not.toContain('Subido por')
  })

  it('the upload form offers an observer neither members nor groups', async () => {
    const upload = await import('~/routes/documents.new')
    const html = await render(upload, '/documents/new', 'co.observer@rcm.example', {}, 'en')
    expect(html).toMatch(/enctype="multipart\/form-data"/i)
    expect(html).toContain('value="participants"')
    expect(html).not.toContain('value="members"')
    expect(html).toContain('type="file"')
    state.actionData = {
      intent: null,
      result: {
        status: 'error',
        initialValue: { title: 'Lo que escribí', visibility: 'members' },
        error: { visibility: ['documents.error.visibilityNotAllowed'] },
      },
      conflict: null,
    }
    const refused = await render(upload, '/documents/new', 'co.observer@rcm.example', {}, 'en')
    expect(refused).toContain('You may not publish at this level of visibility.')
    expect(refused).toContain('value="Lo que escribí"')
  })

  it('search results with highlighted words', async () => {
    const search = await import('~/routes/search')
    const html = await render(search, '/search?q=trafico', 'mx.delegate@rcm.example')
    expect(html).toMatch(/<mark>tráfico<\/mark>/i)
    const nothing = await render(search, '/search?q=zzzyyyxxx', undefined, {}, 'en')
    expect(nothing).toContain('Nothing found')
  })
})
