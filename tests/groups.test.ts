import { eq } from 'drizzle-orm'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { people } from '@db/schema'
import GroupPage, { loader as groupLoader } from '~/routes/groups.$slug'
import GroupsPage, { loader as groupsLoader } from '~/routes/groups._index'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'
import { call } from './helpers/route'

// Pages are rendered to HTML with the loader's data, outside a Remix server (no build needed).
const rendered = vi.hoisted(() => ({ data: null as unknown }))
vi.mock('@remix-run/react', () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useActionData: () => undefined,
  Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
  useRouteLoaderData: () => ({ lang: 'en' }),
}))
function renderPage(component: () => ReactNode, data: unknown) {
  rendered.data = data
  return renderToStaticMarkup(createElement(component))
}

async function list() {
  return groupsLoader({ request: makeRequest('/groups?lang=en'), params: {}, context: {} })
}

/** The group page's loader data, or the Response it threw. */
async function group(slug: string, email?: string) {
  const request = makeRequest(`/groups/${slug}?lang=en`, { cookie: email ? cookieFor(email) : undefined })
  return (await call(groupLoader, request, { slug })) as Awaited<ReturnType<typeof groupLoader>> | Response
}

async function page(slug: string, email?: string) {
  const r = await group(slug, email)
  if (r instanceof Response) throw new Error(`expected a page, got ${r.status}`)
  return r.page
}

beforeEach(() => {
  freshDemoDb()
})

describe('/groups', () => {
  it('lists every kind of group with its status and participating organizations, and no people', async () => {
    const { groups } = await list()
    expect(groups).toHaveLength(9)
    const bySlug = Object.fromEntries(groups.map((g) => [g.slug, g]))
    expect(bySlug['border-management']).toMatchObject({ kind: 'working_group', active: true })
    expect(bySlug['liaison-consular-protection']).toMatchObject({ kind: 'network', active: false })
    expect(bySlug['children-adolescents'].kind).toBe('ad_hoc')
    expect(bySlug['regional-coalition'].kind).toBe('coalition')
    // PA, SNM, UATIM and MINSEG, IOM and UNODC are listed on the group; their people add no others.
    expect(bySlug['pa-smuggling-plan']).toMatchObject({ kind: 'drafting_group', organizationCount: 6 })
    // Working groups have no listed organizations: they count the states of their delegates.
    expect(bySlug['border-management'].organizationCount).toBeGreaterThan(1)
    // Active groups first, working groups before the others.
    expect(groups[0].kind).toBe('working_group')
    expect(groups.at(-1)!.active).toBe(false)
    const text = JSON.stringify(groups)
    expect(text).not.toContain('Whitfield')
    expect(text).not.toContain('@rcm.example')
    const html = renderPage(GroupsPage, await list())
    expect(html).toContain('href="/groups/pa-smuggling-plan"')
    expect(html).toContain('Inactive')
  })
})

describe('/groups/:slug', () => {
  it('shows the description and organizations but no members to the signed-out', async () => {
    const p = await page('pa-smuggling-plan')
    expect(p.group.description).toContain('Plan Nacional')
    expect(p.organizations.map((o) => o.code)).toEqual(
      expect.arrayContaining(['PA', 'PA-SNM', 'PA-MINSEG', 'IOM', 'UNODC']),
    )
    expect(p.organizations.find((o) => o.code === 'PA-SNM')?.parentName).toBe('Panama')
    expect(p.members).toBeNull()
    const text = JSON.stringify(p)
    expect(text).not.toContain('Batista')
    expect(text).not.toContain('Whitfield')
  })

  it('shows members with their role in the group to the group’s own members', async () => {
    const p = await page('pa-smuggling-plan', 'iom@rcm.example')
    const members = p.members!
    expect(members.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Sarah Whitfield', 'Rogelio Batista Núñez', 'Itzel Cedeño Vega']),
    )
    expect(members.find((m) => m.name === 'Rogelio Batista Núñez')).toMatchObject({
      groupRole: 'drafter',
      organization: { code: 'PA' },
      institution: { code: 'PA-SNM' },
    })
    expect(JSON.stringify(members)).not.toContain('@rcm.example')
  })

  it('shows members to member states and the secretariat, not to an observer outside the group', async () => {
    expect((await page('pa-smuggling-plan', 'mx.delegate@rcm.example')).members).not.toBeNull()
    expect((await page('pa-smuggling-plan', 'secretariat@rcm.example')).members).not.toBeNull()
    expect((await page('pa-smuggling-plan', 'unhcr@rcm.example')).members).toBeNull()
    expect((await page('border-management', 'co.observer@rcm.example')).members).toBeNull()
  })

  it('leaves out people whose account is disabled', async () => {
    db.update(people).set({ status: 'disabled' }).where(eq(people.email, 'pa.minseg@rcm.example')).run()
    const names = (await page('pa-smuggling-plan', 'secretariat@rcm.example')).members!.map((m) => m.name)
    expect(names).not.toContain('Itzel Cedeño Vega')
    expect(names).toContain('Rogelio Batista Núñez')
  })

  it('renders the members table only for those who may see it', async () => {
    const member = renderPage(GroupPage, await group('pa-smuggling-plan', 'iom@rcm.example'))
    expect(member).toContain('<th scope="col">Role in the group</th>')
    expect(member).toContain('Sarah Whitfield')
    const anonymous = renderPage(GroupPage, await group('pa-smuggling-plan'))
    expect(anonymous).not.toContain('Whitfield')
    expect(anonymous).toContain('href="/login?redirectTo=%2Fgroups%2Fpa-smuggling-plan"')
    expect(anonymous).toContain('href="/members/PA-SNM"')
  })

  it('answers 404 for an unknown group', async () => {
    const r = await group('no-such-group', 'secretariat@rcm.example')
    expect(r).toBeInstanceOf(Response)
    expect((r as Response).status).toBe(404)
  })
})
