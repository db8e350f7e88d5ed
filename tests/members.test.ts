import { eq } from 'drizzle-orm'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { people } from '@db/schema'
import { translator } from '~/i18n/catalogue.server'
import DirectoryPage, { loader as directoryLoader } from '~/routes/members._index'
import OrganizationPage, { loader as organizationLoader } from '~/routes/members.$code'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'
import { call } from './helpers/route'

// Pages are rendered to HTML with the loader's data, outside a Remix server (no build needed).
const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'es' }))
vi.mock('@remix-run/react', () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useRouteLoaderData: () => ({ lang: rendered.lang }),
}))
function renderPage(component: () => ReactNode, data: unknown, lang: 'es' | 'en') {
  Object.assign(rendered, { data, lang })
  return renderToStaticMarkup(createElement(component))
}

const MEMBER_STATES = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US']

function pinYear(year: number) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(`${year}-06-15T12:00:00Z`))
}

async function directory(lang: 'es' | 'en' = 'en') {
  return directoryLoader({ request: makeRequest(`/members?lang=${lang}`), params: {}, context: {} })
}

/** The organization page's loader data, or the Response it threw (404, redirect). */
async function organization(code: string, email?: string, lang: 'es' | 'en' = 'en') {
  const request = makeRequest(`/members/${code}?lang=${lang}`, {
    cookie: email ? cookieFor(email) : undefined,
  })
  return (await call(organizationLoader, request, { code })) as
    | Awaited<ReturnType<typeof organizationLoader>>
    | Response
}

async function page(code: string, email?: string, lang: 'es' | 'en' = 'en') {
  const r = await organization(code, email, lang)
  if (r instanceof Response) throw new Error(`expected a page, got ${r.status}`)
  return r
}

const names = (d: Awaited<ReturnType<typeof page>>) => d.page.delegation?.people.map((p) => p.name) ?? []

beforeEach(() => {
  freshDemoDb()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('/members', () => {
  it('lists the 11 member states first, then observers, organizations, civil society, secretariat', async () => {
    pinYear(2026)
    const d = await directory()
    expect(d.sections.map((s) => s.kind)).toEqual([
      'member_state',
      'observer_state',
      'international_organization',
      'civil_society',
      'secretariat',
    ])
    const [states, observers, orgs, civil, secretariat] = d.sections.map((s) => s.organizations)
    expect(states.map((o) => o.code).sort()).toEqual(MEMBER_STATES)
    expect(observers.map((o) => o.code).sort()).toEqual(['AR', 'CO', 'EC', 'JM', 'PE'])
    expect(orgs).toHaveLength(13)
    expect(orgs.map((o) => o.code)).toContain('IOM')
    expect(civil.map((o) => o.code)).toEqual(['RROCM'])
    expect(secretariat.map((o) => o.code)).toEqual(['SECRETARIAT'])
  })

  it('lists national institutions under their state, not at the top level', async () => {
    const d = await directory()
    const topLevel = d.sections.flatMap((s) => s.organizations.map((o) => o.code))
    expect(topLevel).not.toContain('PA-SNM')
    const panama = d.sections[0].organizations.find((o) => o.code === 'PA')!
    expect(panama.institutions.map((i) => i.code)).toEqual(
      expect.arrayContaining(['PA-SNM', 'PA-UATIM', 'PA-MINSEG', 'PA-CNCTP']),
    )
  })

  it('marks Guatemala as the Pro-Tempore Presidency in 2026', async () => {
    pinYear(2026)
    const d = await directory()
    expect(d.year).toBe(2026)
    expect(d.currentPtp).toEqual({ year: 2026, code: 'GT', name: 'Guatemala' })
    const marked = d.sections.flatMap((s) => s.organizations).filter((o) => o.isCurrentPtp)
    expect(marked.map((o) => o.code)).toEqual(['GT'])
  })

  it('marks Panama in 2023, and reads the history relative to that year (2025 unknown)', async () => {
    pinYear(2023)
    const d = await directory()
    expect(d.currentPtp?.code).toBe('PA')
    const marked = d.sections.flatMap((s) => s.organizations).filter((o) => o.isCurrentPtp)
    expect(marked.map((o) => o.code)).toEqual(['PA'])
    const byYear = Object.fromEntries(d.ptpHistory.map((p) => [p.year, p]))
    expect(byYear[2018]).toMatchObject({ organization: { code: 'PA' }, status: 'past' })
    expect(byYear[2023]).toMatchObject({ organization: { code: 'PA' }, status: 'current' })
    expect(byYear[2025]).toMatchObject({ organization: null, status: 'designated' })
    expect(byYear[2026]).toMatchObject({ organization: { code: 'GT' }, status: 'designated' })
  })

  it('marks nothing in a year with no recorded presidency', async () => {
    pinYear(2025)
    const d = await directory()
    expect(d.currentPtp).toBeNull()
    expect(d.sections.flatMap((s) => s.organizations).some((o) => o.isCurrentPtp)).toBe(false)
  })

  it('names organizations in the page language and shows no people', async () => {
    const es = await directory('es')
    expect(es.sections[0].organizations.map((o) => o.name)).toContain('Panamá')
    const text = JSON.stringify(await directory('en'))
    expect(text).toContain('Panama')
    expect(text).not.toContain('Quintero')
    expect(text).not.toContain('@rcm.example')
  })

  it('has the section headings the contract checks look for, in each language', async () => {
    expect(translator('es').t('members.section.member_state')).toBe('Países Miembros')
    expect(translator('en').t('members.section.member_state')).toBe('Member Countries')
    pinYear(2026)
    const es = renderPage(DirectoryPage, await directory('es'), 'es')
    expect(es).toContain('<h2 id="members-member_state">Países Miembros</h2>')
    expect(es).toContain('href="/members/PA"')
    expect(es).toContain('Presidencia Pro Tempore 2026')
    const en = renderPage(DirectoryPage, await directory('en'), 'en')
    expect(en).toContain('<h2 id="members-member_state">Member Countries</h2>')
    expect(en).toContain('Pro-Tempore Presidency 2026')
    expect(en.match(/<h1[ >]/g)).toHaveLength(1)
  })
})

describe('/members/:code', () => {
  it('shows the public organizations but no people to the signed-out', async () => {
    const d = await page('PA')
    expect(d.page.organization).toMatchObject({ code: 'PA', kind: 'member_state', name: 'Panama' })
    expect(d.page.institutions.map((i) => i.code)).toContain('PA-SNM')
    expect(d.page.ptpYears).toEqual([2018, 2023])
    expect(d.page.groups.map((g) => g.slug)).toEqual(
      expect.arrayContaining(['border-management', 'pa-smuggling-plan']),
    )
    expect(d.page.delegation).toBeNull()
    expect(d.canInvite).toBe(false)
    const text = JSON.stringify(d)
    expect(text).not.toContain('Quintero')
    expect(text).not.toContain('Batista')
    expect(text).not.toContain('@rcm.example')
  })

  it('shows a Mexican delegate the names of Panama’s delegation but not their e-mails or phones', async () => {
    const d = await page('PA', 'mx.delegate@rcm.example')
    expect(names(d)).toEqual(expect.arrayContaining(['Ana Isabel Quintero', 'Rogelio Batista Núñez']))
    const quintero = d.page.delegation!.people.find((p) => p.name === 'Ana Isabel Quintero')!
    expect(quintero).toMatchObject({ role: 'focal_point', title: 'Directora de Política Migratoria' })
    expect(quintero.institution?.code).toBe('PA-MIRE')
    expect(d.page.delegation!.showContact).toBe(false)
    expect(d.page.delegation!.showStatus).toBe(false)
    for (const p of d.page.delegation!.people) {
      expect(p).not.toHaveProperty('email')
      expect(p).not.toHaveProperty('phone')
      expect(p).not.toHaveProperty('status')
    }
    expect(JSON.stringify(d)).not.toContain('@rcm.example')
    expect(JSON.stringify(d)).not.toContain('+506')
    expect(d.canInvite).toBe(false)
  })

  it('shows Panama’s focal point and the secretariat the contact details', async () => {
    for (const email of ['pa.focal@rcm.example', 'secretariat@rcm.example']) {
      const d = await page('PA', email)
      expect(d.page.delegation!.showContact).toBe(true)
      const snm = d.page.delegation!.people.find((p) => p.name === 'Rogelio Batista Núñez')!
      expect(snm.email).toBe('pa.snm@rcm.example')
      expect(snm.phone).toMatch(/^\+506/)
      expect(d.canInvite).toBe(true)
    }
  })

  it('gives a delegate contact details of their own delegation, but not the right to invite', async () => {
    const d = await page('PA', 'pa.snm@rcm.example')
    expect(d.page.delegation!.showContact).toBe(true)
    expect(d.page.delegation!.showStatus).toBe(false)
    expect(d.canInvite).toBe(false)
  })

  it('shows pending invitations only to the secretariat and the organization’s own focal point', async () => {
    const pending = 'Rosa Elvira Tzul'
    for (const email of ['secretariat@rcm.example', 'gt.focal@rcm.example']) {
      const d = await page('GT', email)
      const rosa = d.page.delegation!.people.find((p) => p.name === pending)
      expect(rosa?.status).toBe('invited')
    }
    for (const email of ['gt.delegate1@rcm.example', 'mx.delegate@rcm.example', 'pa.focal@rcm.example']) {
      expect(names(await page('GT', email))).not.toContain(pending)
    }
  })

  it('hides disabled people from others and shows them, marked, to the focal point', async () => {
    db.update(people).set({ status: 'disabled' }).where(eq(people.email, 'pa.minseg@rcm.example')).run()
    expect(names(await page('PA', 'mx.delegate@rcm.example'))).not.toContain('Itzel Cedeño Vega')
    expect(names(await page('PA', 'pa.snm@rcm.example'))).not.toContain('Itzel Cedeño Vega')
    const d = await page('PA', 'pa.focal@rcm.example')
    expect(d.page.delegation!.people.find((p) => p.name === 'Itzel Cedeño Vega')?.status).toBe('disabled')
  })

  it('shows a national institution with its state and the people who work there', async () => {
    const d = await page('PA-SNM', 'mx.delegate@rcm.example')
    expect(d.page.organization).toMatchObject({ code: 'PA-SNM', kind: 'national_institution' })
    expect(d.page.parent).toEqual({ code: 'PA', name: 'Panama' })
    expect(names(d)).toEqual(['Rogelio Batista Núñez'])
    expect(d.page.groups.map((g) => g.slug)).toEqual(['pa-smuggling-plan'])
    // Panama's focal point manages the institution's people too.
    const focal = await page('PA-SNM', 'pa.focal@rcm.example')
    expect(focal.page.delegation!.people[0].email).toBe('pa.snm@rcm.example')
    expect(focal.canInvite).toBe(true)
    // /invite takes the state; the institution is chosen on its form.
    expect(renderPage(OrganizationPage, focal, 'en')).toContain('href="/invite?org=PA"')
  })

  it('renders the delegation with contact columns only for those who may see them', async () => {
    const focal = renderPage(OrganizationPage, await page('PA', 'pa.focal@rcm.example', 'es'), 'es')
    expect(focal).toContain('href="mailto:pa.snm@rcm.example"')
    expect(focal).toContain('href="/invite?org=PA"')
    expect(focal).toContain('Invitar a alguien')
    const mexico = renderPage(OrganizationPage, await page('PA', 'mx.delegate@rcm.example'), 'en')
    expect(mexico).toContain('Rogelio Batista Núñez')
    expect(mexico).not.toContain('mailto:')
    expect(mexico).not.toContain('/invite')
    const anonymous = renderPage(OrganizationPage, await page('PA'), 'en')
    expect(anonymous).not.toContain('Rogelio')
    expect(anonymous).toContain('href="/login?redirectTo=%2Fmembers%2FPA"')
  })

  it('finds organizations by code or acronym in any case, and sends them to one address', async () => {
    for (const [asked, canonical] of [
      ['pa', 'PA'],
      ['iom', 'IOM'],
      ['pa-snm', 'PA-SNM'],
      ['SNM', 'PA-SNM'],
    ]) {
      const r = await organization(asked)
      expect(r).toBeInstanceOf(Response)
      expect((r as Response).status).toBe(302)
      expect((r as Response).headers.get('Location')).toBe(`/members/${canonical}?lang=en`)
    }
    expect((await page('IOM')).page.organization.kind).toBe('international_organization')
  })

  it('answers 404 for an unknown code, and for an acronym two institutions share', async () => {
    for (const code of ['XX', 'INM', 'nope-nope', '']) {
      const r = await organization(code)
      expect(r).toBeInstanceOf(Response)
      expect((r as Response).status).toBe(404)
    }
  })
})
