/**
 * The links between a meeting and its follow-up: from each decision to the action items that follow from
 * it (and, for the secretariat, to a new one), and from the meeting's header to the follow-up report and
 * the carry-over list. A link is offered only where the page behind it opens for the viewer.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, decisions } from '@db/schema'
import { recordDecision } from '~/modules/meetings/decisions.server'
import * as layout from '~/routes/meetings.$id'
import * as decisionsTab from '~/routes/meetings.$id.decisions'
import * as followUpPage from '~/routes/meetings_.$id.follow-up'
import * as pendingPage from '~/routes/meetings_.$id.pending-actions'
import * as newActionPage from '~/routes/actions.new'
import { freshDemoDb, viewerFor } from './helpers/db'
import { run } from './helpers/route'
import { meetingByNumber, meetingByTitle } from './helpers/demo'

const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'en' }))
vi.mock('@remix-run/react', () => {
  const a = ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children)
  return {
    Link: a,
    NavLink: ({ to, children, end: _end, ...rest }: { to: string; children: ReactNode; end?: boolean }) =>
      createElement('a', { href: to, ...rest }, children),
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
    Outlet: () => null,
    useLoaderData: () => rendered.data,
    useActionData: () => undefined,
    useRouteLoaderData: () => ({ lang: rendered.lang }),
    useNavigation: () => ({ state: 'idle' }),
    useLocation: () => ({ pathname: '/meetings', search: '' }),
  }
})
function render(component: () => ReactNode, data: unknown, lang: 'es' | 'en' = 'en') {
  rendered.data = data
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

beforeEach(() => {
  freshDemoDb()
})

const SECRETARIAT = 'secretariat@rcm.example'
const DELEGATE = 'mx.delegate@rcm.example'
const OBSERVER = 'co.observer@rcm.example'

type DecisionsData = Awaited<ReturnType<typeof decisionsTab.loader>>
type LayoutData = Awaited<ReturnType<typeof layout.loader>>

async function decisionsOf(meetingId: string, as: string) {
  const answer = await run(
    decisionsTab.loader,
    `/meetings/${meetingId}/decisions?lang=en`,
    { as },
    { id: meetingId },
  )
  expect(answer.status).toBe(200)
  return answer.data as DecisionsData
}

async function layoutOf(meetingId: string, as: string) {
  const answer = await run(layout.loader, `/meetings/${meetingId}?lang=en`, { as }, { id: meetingId })
  expect(answer.status).toBe(200)
  return answer.data as LayoutData
}

/** Action items per decision, straight from the table (every one of VM-XXVIII is visible to all). */
function actionsPerDecision(meetingId: string) {
  const counts = new Map<string, number>()
  for (const a of db.select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).all()) {
    if (a.decisionId) counts.set(a.decisionId, (counts.get(a.decisionId) ?? 0) + 1)
  }
  return counts
}

describe('the decisions tab', () => {
  it('lets the secretariat start an action item from each decision, on a form that opens', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const d = await decisionsOf(m.id, SECRETARIAT)
    expect(d.createAction).toBe(true)
    expect(d.decisions.length).toBeGreaterThan(0)
    const html = render(decisionsTab.default, d)
    // a withdrawn decision (decisions-owners demo) starts no new action
    for (const decision of d.decisions) {
      const link = `href="/actions/new?decision=${decision.id}">Create an action item</a>`
      if ((decision as { status?: string }).status === 'withdrawn') expect(html).not.toContain(link)
      else expect(html).toContain(link)
    }
    // the link's target prefills the decision
    const first = d.decisions[0]!
    const form = await run(newActionPage.loader, `/actions/new?decision=${first.id}`, { as: SECRETARIAT })
    expect(form.status).toBe(200)
    expect((form.data as { decision: { code: string } }).decision.code).toBe(first.code)
    expect(render(decisionsTab.default, d, 'es')).toContain('>Crear una acción</a>')
  })

  it('offers no action creation to a delegate or an observer', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    for (const email of [DELEGATE, OBSERVER]) {
      const d = await decisionsOf(m.id, email)
      expect(d.createAction).toBe(false)
      expect(render(decisionsTab.default, d)).not.toContain('/actions/new')
    }
    // and the form behind the link refuses them
    expect((await run(newActionPage.loader, '/actions/new', { as: DELEGATE })).status).toBe(403)
  })

  it('shows everyone who sees the decision how many action items follow from it, with a link', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const expected = actionsPerDecision(m.id)
    expect([...expected.values()].some((n) => n > 1)).toBe(true)
    for (const email of [SECRETARIAT, DELEGATE, OBSERVER]) {
      const d = await decisionsOf(m.id, email)
      expect(d.decisions.map((x) => x.actionCount)).toEqual(d.decisions.map((x) => expected.get(x.id) ?? 0))
      const html = render(decisionsTab.default, d)
      // each decision with actions links to exactly its own
      for (const x of d.decisions.filter((x) => x.actionCount > 0))
        expect(html).toContain(`href="/actions?decision=${x.id}">See these action items</a>`)
      expect(html).toContain('2 action items follow from this decision')
    }
    const es = render(decisionsTab.default, await decisionsOf(m.id, DELEGATE), 'es')
    expect(es).toContain('De esta decisión se derivan 2 acciones')
    expect(es).toContain('De esta decisión se deriva 1 acción')
  })

  it('links no action items for a decision that has none', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    const created = recordDecision(viewerFor(SECRETARIAT), m.id, {
      textEs: 'Nueva decisión',
      textEn: 'New decision',
    })
    const forDelegate = await decisionsOf(m.id, DELEGATE)
    const fresh = forDelegate.decisions.find((x) => x.id === created.id)!
    expect(fresh.actionCount).toBe(0)
    const item = (html: string) => html.slice(html.indexOf(`id="decision-${created.id}"`))
    // a delegate sees neither a count nor a link under it
    const delegateItem = item(render(decisionsTab.default, forDelegate))
    expect(delegateItem.slice(0, delegateItem.indexOf('</li>'))).not.toContain('<a ')
    // the secretariat sees only the link to create one
    const secretariatItem = item(render(decisionsTab.default, await decisionsOf(m.id, SECRETARIAT)))
    const own = secretariatItem.slice(0, secretariatItem.indexOf('</li>'))
    expect(own).toContain(`href="/actions/new?decision=${created.id}"`)
    expect(own).not.toContain('/actions?meeting=')
  })

  it('keeps the decisions of a members-only meeting, and their links, from observers', async () => {
    // the members-only RCGM session: its decision exists for member states, not for observers
    const m = meetingByTitle('session for Member Countries only')
    const [decision] = db.select().from(decisions).where(eq(decisions.meetingId, m.id)).all()
    expect(decision).toBeDefined()
    const answer = await run(
      decisionsTab.loader,
      `/meetings/${m.id}/decisions`,
      { as: OBSERVER },
      { id: m.id },
    )
    expect(answer.status).toBe(404)
    expect((await decisionsOf(m.id, DELEGATE)).decisions.map((x) => x.id)).toEqual([decision!.id])
  })
})

describe('the meeting header', () => {
  it('links the follow-up report for everyone who sees the meeting, and the report opens for them', async () => {
    const m = meetingByNumber('vice_ministerial', 'XXVIII')
    for (const email of [SECRETARIAT, DELEGATE, OBSERVER]) {
      const { links } = await layoutOf(m.id, email)
      expect(links.followUp).toBe(`/meetings/${m.id}/follow-up`)
      const page = await run(followUpPage.loader, links.followUp, { as: email }, { id: m.id })
      expect(page.status).toBe(200)
    }
    const html = render(layout.default, await layoutOf(m.id, DELEGATE))
    expect(html).toContain(`href="/meetings/${m.id}/follow-up"`)
    expect(html).toContain('Follow-up report')
    expect(render(layout.default, await layoutOf(m.id, DELEGATE), 'es')).toContain('Informe de seguimiento')
  })

  it('links the pending actions only for a meeting still ahead, and the list opens for the viewer', async () => {
    const ahead = meetingByTitle('First meeting of the Regional Consultation Group')
    expect(ahead.status).toBe('confirmed')
    for (const email of [SECRETARIAT, DELEGATE, OBSERVER]) {
      const { links } = await layoutOf(ahead.id, email)
      expect(links.pendingActions).toBe(`/meetings/${ahead.id}/pending-actions`)
      const page = await run(pendingPage.loader, links.pendingActions!, { as: email }, { id: ahead.id })
      expect(page.status).toBe(200)
    }
    const html = render(layout.default, await layoutOf(ahead.id, OBSERVER))
    expect(html).toContain(`href="/meetings/${ahead.id}/pending-actions"`)
    expect(html).toContain('Pending actions to review')
    expect(render(layout.default, await layoutOf(ahead.id, OBSERVER), 'es')).toContain(
      'Acciones pendientes por revisar',
    )

    const held = meetingByNumber('vice_ministerial', 'XXVIII')
    expect(held.status).toBe('held')
    const { links } = await layoutOf(held.id, SECRETARIAT)
    expect(links.pendingActions).toBeNull()
    expect(render(layout.default, await layoutOf(held.id, SECRETARIAT))).not.toContain('pending-actions')
  })

  it('offers an observer no link into a members-only meeting: the header and both pages are 404', async () => {
    const m = meetingByTitle('Troika meeting')
    expect(m.openness).toBe('members_only')
    for (const handler of [layout.loader, followUpPage.loader, pendingPage.loader]) {
      expect((await run(handler, `/meetings/${m.id}`, { as: OBSERVER }, { id: m.id })).status).toBe(404)
    }
    const { links } = await layoutOf(m.id, DELEGATE)
    expect(links.pendingActions).toBe(`/meetings/${m.id}/pending-actions`)
    expect(
      (await run(pendingPage.loader, links.pendingActions!, { as: DELEGATE }, { id: m.id })).status,
    ).toBe(200)
  })
})
