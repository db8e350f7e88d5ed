import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eq, inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { BarChart } from '~/components/bar-chart'
import { can } from '~/modules/access/can'
import { audit } from '~/modules/audit/audit.server'
import DashboardPage, { loader } from '~/routes/_index'
import { cookieFor, freshDemoDb, makeRequest, viewerFor } from './helpers/db'

// The page is rendered to HTML with the loader's data, outside a Remix server (no build needed).
const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'en' }))
vi.mock('@remix-run/react', () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useRouteLoaderData: () => ({ lang: rendered.lang }),
}))
function renderDashboard(data: unknown) {
  rendered.data = data
  return renderToStaticMarkup(createElement(DashboardPage))
}

const NOW = new Date('2026-03-10T12:00:00Z')
const HOUR = 3600_000

async function dashboardFor(email?: string) {
  return loader({
    request: makeRequest('/?lang=en', { cookie: email ? cookieFor(email) : undefined }),
    params: {},
    context: {},
  })
}

async function signedIn(email: string) {
  const d = await dashboardFor(email)
  if (!d.signedIn) throw new Error(`${email} was not signed in`)
  return d
}

function failedSignIn(email: string) {
  audit({ actorEmail: email, action: 'auth.signIn', outcome: 'failed' })
}

beforeEach(() => {
  freshDemoDb()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('dashboard at /', () => {
  it('shows the signed-out a public landing page with the member states and no people', async () => {
    const d = await dashboardFor()
    if (d.signedIn) throw new Error('expected the public landing page')
    expect(d.landing.memberStates).toHaveLength(11)
    expect(d.landing.ptp.current?.code).toBe('GT')
    expect(d.landing.membership).toMatchObject({ member_state: 11, observer_state: 5 })
    const text = JSON.stringify(d)
    expect(text).not.toContain('Quintero')
    expect(text).not.toContain('@rcm.example')
  })

  it('greets a person with their organization, institution, role and working groups', async () => {
    const d = await signedIn('pa.snm@rcm.example')
    expect(d.name).toBe('Rogelio Batista Núñez')
    expect(d.dashboard.profile).toMatchObject({
      role: 'delegate',
      organization: { code: 'PA', name: 'Panama' },
      institution: { code: 'PA-SNM' },
    })
    expect(d.dashboard.groups.map((g) => [g.slug, g.groupRole])).toEqual([['pa-smuggling-plan', 'drafter']])
    expect((await signedIn('unhcr@rcm.example')).dashboard.groups).toEqual([])
    // the plans of the person's groups, linked
    // (the national plan, and the referral protocol its group drafted beside it)
    expect(d.dashboard.plans.map((p) => p.stage)).toEqual([
      'institutional_consultation',
      'consolidated_draft',
    ])
    expect((await signedIn('unhcr@rcm.example')).dashboard.plans).toEqual([])
  })

  it('shows the current presidency and the troika for the year on the clock', async () => {
    const { ptp } = (await signedIn('mx.delegate@rcm.example')).dashboard
    expect(ptp.current).toMatchObject({ year: 2026, code: 'GT' })
    expect(ptp.troika.map((p) => [p.year, p.organization?.code ?? null, p.status])).toEqual([
      [2025, null, 'past'],
      [2026, 'GT', 'current'],
      [2027, null, 'designated'],
    ])
  })

  it('counts the membership by kind', async () => {
    expect((await signedIn('co.observer@rcm.example')).dashboard.membership).toEqual({
      member_state: 11,
      observer_state: 5,
      international_organization: 13,
      civil_society: 1,
      secretariat: 1,
    })
  })

  it('gives the secretariat pending invitations and failed sign-ins of the last 24 hours', async () => {
    vi.setSystemTime(new Date(NOW.getTime() - 25 * HOUR))
    failedSignIn('old@rcm.example')
    vi.setSystemTime(NOW)
    failedSignIn('pa.focal@rcm.example')
    failedSignIn('nobody@example.org')
    audit({ actorEmail: 'mx.delegate@rcm.example', action: 'auth.signIn', outcome: 'ok' })
    audit({ actorEmail: 'mx.delegate@rcm.example', action: 'person.invite', outcome: 'failed' })
    const d = await signedIn('secretariat@rcm.example')
    // gt.newdelegate@rcm.example is the demo data's one pending invitation.
    expect(d.dashboard.administration).toEqual({ pendingInvitations: 1, failedSignIns: 2 })
  })

  it('gives nobody else the administration section', async () => {
    for (const email of ['pa.focal@rcm.example', 'mx.delegate@rcm.example', 'iom@rcm.example']) {
      expect((await signedIn(email)).dashboard.administration).toBeNull()
    }
    expect(renderDashboard(await signedIn('pa.focal@rcm.example'))).not.toContain('/admin/')
  })

  it('renders the secretariat’s links to the people and audit pages and the chart', async () => {
    const html = renderDashboard(await signedIn('secretariat@rcm.example'))
    expect(html).toContain('<h1>Welcome, Lucía Fernández Mora</h1>')
    expect(html).toContain('href="/admin/people?status=invited">1 person with a pending invitation</a>')
    expect(html).toContain('href="/admin/audit?outcome=failed"')
    expect(html).toContain('role="img"')
    expect(html).not.toContain('style=')
  })

  it('lists a delegate’s five newest documents, newest first, each linking to its page', async () => {
    const { documents: recent } = (await signedIn('mx.delegate@rcm.example')).dashboard
    expect(recent).toHaveLength(5)
    const added = recent.map((d) => new Date(d.addedAt).getTime())
    expect(added).toEqual([...added].sort((a, b) => b - a))
    const html = renderDashboard(await signedIn('mx.delegate@rcm.example'))
    expect(html).toContain('<h2 id="dash-documents">Recent documents</h2>')
    for (const d of recent) {
      expect(d.title).not.toBe('')
      expect(html).toContain(`href="/documents/${d.id}">${d.title}</a>`)
      expect(html).toContain(`<code>${d.reference}</code>`)
    }
    expect(html).toContain('href="/documents">See the document library</a>')
    expect(html).not.toContain('style=')
  })

  it('never lists a document the viewer may not see', async () => {
    // Make a members-only document and an embargoed one (Guatemala's concept note) the newest two, so
    // that a viewer who may see them gets them first.
    const membersOnly = db
      .select()
      .from(documents)
      .where(eq(documents.titleEn, 'Regional Action Plan on Labor Migration'))
      .get()!
    expect(membersOnly.visibility).toBe('members')
    const embargoed = db
      .select()
      .from(documents)
      .where(eq(documents.titleEn, 'Concept Note of the Pro-Tempore Presidency of Guatemala 2026'))
      .get()!
    expect(embargoed.embargoUntil!.getTime()).toBeGreaterThan(NOW.getTime())
    // every other document older than these two (the demo publishes a plan as it seeds, at the real now)
    db.update(documents)
      .set({ createdAt: new Date(NOW.getTime() - 3 * HOUR) })
      .run()
    db.update(documents)
      .set({ createdAt: new Date(NOW.getTime() - HOUR) })
      .where(eq(documents.id, membersOnly.id))
      .run()
    db.update(documents)
      .set({ createdAt: new Date(NOW.getTime() - 2 * HOUR) })
      .where(eq(documents.id, embargoed.id))
      .run()

    const ids = async (email: string) => (await signedIn(email)).dashboard.documents.map((d) => d.id)
    expect((await ids('secretariat@rcm.example')).slice(0, 2)).toEqual([membersOnly.id, embargoed.id])
    expect((await ids('gt.focal@rcm.example')).slice(0, 2)).toEqual([membersOnly.id, embargoed.id])
    expect((await ids('mx.delegate@rcm.example'))[0]).toBe(membersOnly.id)
    expect(await ids('mx.delegate@rcm.example')).not.toContain(embargoed.id)

    for (const email of ['co.observer@rcm.example', 'unhcr@rcm.example']) {
      const seen = await ids(email)
      expect(seen).toHaveLength(5)
      expect(seen).not.toContain(membersOnly.id)
      expect(seen).not.toContain(embargoed.id)
      // and every one listed passes the permission rule
      const viewer = viewerFor(email)
      for (const row of db.select().from(documents).where(inArray(documents.id, seen)).all()) {
        expect(row.visibility).not.toBe('members')
        expect(can(viewer, 'document.view', row)).toBe(true)
      }
    }
    // the signed-out landing page lists no documents at all
    expect(JSON.stringify(await dashboardFor())).not.toContain(membersOnly.id)
  })

  it('renders the landing page with a sign-in link and links to each member state', async () => {
    const html = renderDashboard(await dashboardFor())
    expect(html).toContain('href="/login"')
    expect(html).toContain('href="/members/GT"')
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
  })
})

describe('BarChart', () => {
  it('draws an image with a spoken summary and a table of the same numbers, without style attributes', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        title: 'Members by kind',
        labelHeading: 'Kind',
        valueHeading: 'Number',
        bars: [
          { label: 'Member states', value: 11 },
          { label: 'Observer countries', value: 5 },
        ],
      }),
    )
    expect(html).toContain('role="img"')
    expect(html).toContain('aria-label="Members by kind: Member states 11, Observer countries 5"')
    expect(html).toContain('<caption>Members by kind</caption>')
    expect(html).toContain('<th scope="row">Observer countries</th><td>5</td>')
    expect(html).not.toContain('style=')
    // Bars are proportional: the longest fills the bar area, the other 5/11 of it.
    const widths = [...html.matchAll(/<rect[^>]*width="(\d+)"/g)].map((m) => Number(m[1]))
    expect(widths).toEqual([250, 114])
  })
})
