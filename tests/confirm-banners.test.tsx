// A success banner never stands beside an error, and the server's confirmation panel renders in place
// of its form: pages rendered to HTML with their loaders' data and a given action answer.
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { plans } from '@db/schema'
import RoundPage, { loader as roundLoader } from '~/routes/plans_.$id.rounds.$number'
import TokensPage, { loader as tokensLoader } from '~/routes/account.tokens'
import { createApiToken } from '~/modules/auth/api-tokens.server'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'

const rendered = vi.hoisted(() => ({ data: null as unknown, action: undefined as unknown }))
vi.mock('@remix-run/react', () => {
  const a = ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children)
  return {
    Link: a,
    NavLink: a,
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
    useLoaderData: () => rendered.data,
    useActionData: () => rendered.action,
    useRouteLoaderData: () => ({ lang: 'en', timeZone: 'America/Panama' }),
    useNavigation: () => ({ state: 'idle' }),
    useLocation: () => ({ pathname: '/here', search: '' }),
    useSearchParams: () => [new URLSearchParams()],
  }
})
const render = (component: () => ReactNode, data: unknown, action?: unknown) => {
  rendered.data = data
  rendered.action = action
  return renderToStaticMarkup(createElement(component))
}

beforeEach(() => {
  freshDemoDb()
})

describe('a success banner never stands beside an error', () => {
  it("a round's page says what was done, unless a form answered since", async () => {
    const plan = db
      .select()
      .from(plans)
      .all()
      .find((p) => p.titleEs?.startsWith('Plan Nacional'))!
    const page = await run(
      roundLoader,
      `/plans/${plan.id}/rounds/2?done=comment&lang=en`,
      { as: 'pa.snm@rcm.example' },
      { id: plan.id, number: '2' },
    )
    expect(page.status).toBe(200)
    expect(render(RoundPage, page.data)).toContain('Your comment is saved as a draft of your organization.')
    const refused = {
      intent: 'comment',
      target: 'x',
      result: { status: 'error', error: { text: ['validation.required'] } },
      conflict: null,
    }
    const answered = render(RoundPage, page.data, refused)
    expect(answered).not.toContain('Your comment is saved as a draft')
    expect(answered).not.toContain('class="alert ok"')
  })
})

describe('the confirmation panel', () => {
  it('takes the place of the revoke form when the server asked, naming the token', async () => {
    createApiToken(personByEmail('mx.delegate@rcm.example').id, 'Informe mensual')
    const page = await run(tokensLoader, '/account/tokens?lang=en', { as: 'mx.delegate@rcm.example' })
    const id = (page.data as { tokens: { id: string }[] }).tokens[0].id
    const plain = render(TokensPage, page.data)
    expect(plain).not.toContain('role="alertdialog"')
    expect(plain).toContain('<dialog')
    const asked = render(TokensPage, page.data, {
      intent: 'revoke-token',
      result: undefined,
      conflict: null,
      confirmation: {
        key: `revoke-${id}`,
        fields: [
          ['tokenId', id],
          ['intent', 'revoke-token'],
        ],
      },
    })
    expect(asked).toContain('role="alertdialog"')
    expect(asked).toContain('Revoke the token «Informe mensual»?')
    expect(asked).toMatch(/name="confirmed" value="yes"/)
    expect(asked).toMatch(/autofocus=""/)
  })
})
