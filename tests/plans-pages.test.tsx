// /plans and /plans/:id rendered to HTML with their loaders' data (no build needed), and the group
// page's link to its plans.
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import GroupPage, { loader as groupLoader } from '~/routes/groups.$slug'
import PlanPage, { loader as planLoader } from '~/routes/plans.$id'
import PlansPage, { loader as plansLoader } from '~/routes/plans._index'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'

const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'en' }))
vi.mock('@remix-run/react', () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useRouteLoaderData: () => ({ lang: rendered.lang }),
}))
function renderPage(component: () => ReactNode, data: unknown, lang = 'en') {
  rendered.data = data
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

type Loader = (args: {
  request: Request
  params: Record<string, string>
  context: object
}) => Promise<unknown>
async function load(loader: Loader, url: string, email?: string, params: Record<string, string> = {}) {
  try {
    return await loader({
      request: makeRequest(url, { cookie: email ? cookieFor(email) : undefined }),
      params,
      context: {},
    })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

async function panamaId(email = 'pa.snm@rcm.example') {
  const data = (await load(plansLoader as Loader, '/plans?lang=en', email)) as {
    plans: { id: string; group: { slug: string } }[]
  }
  return data.plans.find((p) => p.group.slug === 'pa-smuggling-plan')!.id
}

beforeEach(() => {
  freshDemoDb()
})

describe('/plans', () => {
  it('lists the plans of the person’s groups, and none to someone in no plan group', async () => {
    const html = renderPage(PlansPage, await load(plansLoader as Loader, '/plans?lang=en', 'iom@rcm.example'))
    expect(html).toContain('National Plan against the Smuggling of Migrants 2024-2029')
    expect(html).toContain('Institutional consultation')
    const none = renderPage(
      PlansPage,
      await load(plansLoader as Loader, '/plans?lang=en', 'unhcr@rcm.example'),
    )
    expect(none).toContain('You take part in no group drafting a plan.')
    const signedOut = (await load(plansLoader as Loader, '/plans')) as Response
    expect(signedOut.status).toBe(302)
  })
})

describe('/plans/:id', () => {
  it('shows numbered sections with rendered Markdown, brackets marked and counted, both languages', async () => {
    const id = await panamaId()
    const data = await load(planLoader as Loader, `/plans/${id}?lang=es`, 'pa.snm@rcm.example', { id })
    const html = renderPage(PlanPage, data, 'es')
    expect(html).toContain('3.1.1 Información en las zonas de tránsito')
    expect(html).toContain('<mark class="bracket" data-org="PA-MINSEG">')
    expect(html).toContain('4 corchetes abiertos')
    expect(html).toContain('lang="en"')
    expect(html).toContain('Traducción desactualizada')
    expect(html).toContain('Retirada')
  })

  it('answers 404 to a person outside the group, as for a plan that does not exist', async () => {
    const id = await panamaId()
    for (const email of ['unhcr@rcm.example', 'mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
      const r = (await load(planLoader as Loader, `/plans/${id}`, email, { id })) as Response
      expect(r.status, email).toBe(404)
    }
    const missing = (await load(planLoader as Loader, '/plans/nosuchplan', 'secretariat@rcm.example', {
      id: 'nosuchplan',
    })) as Response
    expect(missing.status).toBe(404)
  })

  it('the group page links its plans for members, and names none to others', async () => {
    const id = await panamaId()
    const member = renderPage(
      GroupPage,
      await load(groupLoader as Loader, '/groups/pa-smuggling-plan?lang=en', 'iom@rcm.example', {
        slug: 'pa-smuggling-plan',
      }),
    )
    expect(member).toContain(`href="/plans/${id}"`)
    const outsider = renderPage(
      GroupPage,
      await load(groupLoader as Loader, '/groups/pa-smuggling-plan?lang=en', 'unhcr@rcm.example', {
        slug: 'pa-smuggling-plan',
      }),
    )
    expect(outsider).not.toContain('/plans/')
  })
})
