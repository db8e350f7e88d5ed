import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { catalogue } from '~/i18n/catalogue.server'
import { help } from '~/i18n/messages/help'
import { HELP_PAGES, HELP_ROLES } from '~/modules/help/roles'
import HelpIndex from '~/routes/help._index'
import HelpRolePage, { loader as helpRoleLoader } from '~/routes/help.$role'
import Privacy from '~/routes/privacy'
import Accessibility from '~/routes/accessibility'
import { loader as indexLoader } from '~/routes/_index'
import { freshDemoDb, makeRequest } from './helpers/db'
import { run } from './helpers/route'

const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'en' }))
vi.mock('@remix-run/react', () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useRouteLoaderData: () => ({ lang: rendered.lang, contactEmail: 'secretariat@rcm.example' }),
}))
function render(component: () => ReactNode, data: unknown, lang: 'es' | 'en') {
  rendered.data = data
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

beforeEach(() => freshDemoDb())

describe('help pages', () => {
  it('every help message is written in both languages, differently', () => {
    const keys = Object.keys(help.en) as (keyof typeof help.en)[]
    expect(keys.length).toBeGreaterThan(50)
    for (const key of keys) {
      // "Cookies" is the same word in both
      if (key === 'privacy.cookies') continue
      expect(help.es[key], key).not.toEqual(help.en[key])
    }
  })

  it('the index links to one page per role, in the reader’s language', () => {
    const en = render(HelpIndex, null, 'en')
    const es = render(HelpIndex, null, 'es')
    for (const role of HELP_ROLES) {
      expect(en).toContain(`href="/help/${role}"`)
      expect(en).toContain(catalogue.en[HELP_PAGES[role].title])
      expect(es).toContain(catalogue.es[HELP_PAGES[role].title])
    }
    expect(es).not.toContain(catalogue.en['help.intro'])
    expect(en).toContain('mailto:secretariat@rcm.example')
  })

  it('each role page lists what the role can do and numbered steps with links', async () => {
    for (const role of HELP_ROLES) {
      const answer = await run<{ role: string }>(helpRoleLoader, `/help/${role}`, {}, { role })
      expect(answer.status, role).toBe(200)
      for (const lang of ['es', 'en'] as const) {
        const html = render(HelpRolePage, answer.data, lang)
        const page = HELP_PAGES[role]
        expect(html).toContain(`<h1>${catalogue[lang][page.title]}</h1>`)
        expect(html).toContain('<ol class="help-steps">')
        for (const step of page.steps) expect(html).toContain(`href="${step.to}"`)
        expect((html.match(/<li>/g) ?? []).length).toBe(page.can.length + page.steps.length)
      }
    }
  })

  it('an unknown role is a 404', async () => {
    const answer = await run(helpRoleLoader, '/help/minister', {}, { role: 'minister' })
    expect(answer.status).toBe(404)
  })

  it('the privacy notice states the contact rule the members pages show, and the accessibility statement exists', () => {
    const privacy = render(Privacy, null, 'en')
    expect(privacy).toContain(catalogue.en['privacy.contactRule'])
    expect(privacy).toContain('mailto:secretariat@rcm.example')
    const access = render(Accessibility, null, 'es')
    expect(access).toContain(catalogue.es['accessibility.title'])
  })

  it('the members page’s note says what can.ts does: meeting delegates also see one another’s e-mails', () => {
    expect(catalogue.en['privacy.contactRule']).toMatch(/same meeting|registered for that meeting/)
    expect(catalogue.es['privacy.contactRule']).toMatch(/inscritas en esa reunión/)
  })
})

describe('the public home page', () => {
  it('signed out: the Declarations (public only) and the full address of the public calendar', async () => {
    const data = await indexLoader({ request: makeRequest('/?lang=en'), params: {}, context: {} })
    if (data.signedIn) throw new Error('signed in')
    const { declarations, calendarUrl } = data.landing
    expect(declarations.length).toBeGreaterThan(0)
    const rows = db
      .select({ kind: documents.kind, visibility: documents.visibility })
      .from(documents)
      .where(
        inArray(
          documents.id,
          declarations.map((d) => d.id),
        ),
      )
      .all()
    expect(rows).toHaveLength(declarations.length)
    for (const r of rows) expect(r).toEqual({ kind: 'declaration', visibility: 'public' })
    expect(declarations[0]!.title).toMatch(/Declaration/)
    expect(calendarUrl).toMatch(/^https?:\/\/[^/]+\/calendar\.ics$/)
  })

  it('a members-only declaration is not on the public page', async () => {
    const first = (await indexLoader({ request: makeRequest('/'), params: {}, context: {} })) as {
      landing: { declarations: { id: string }[] }
    }
    const hidden = first.landing.declarations[0]!.id
    db.update(documents)
      .set({ visibility: 'members' })
      .where(inArray(documents.id, [hidden]))
      .run()
    const again = (await indexLoader({ request: makeRequest('/'), params: {}, context: {} })) as {
      landing: { declarations: { id: string }[] }
    }
    expect(again.landing.declarations.map((d) => d.id)).not.toContain(hidden)
  })
})
