// /plans and /plans/:id rendered to HTML with their loaders' data (no build needed), and the group
// page's link to its plans.
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import GroupPage, { loader as groupLoader } from '~/routes/groups.$slug'
import PlanPage, { action as planAction, loader as planLoader } from '~/routes/plans.$id'
import RevisionsPage, { loader as revisionsLoader } from '~/routes/plans_.$id.sections.$sectionId'
import PlansPage, { loader as plansLoader } from '~/routes/plans._index'
import { parseKeptForm } from '~/modules/auth/kept-form'
import { cookieFor, freshDemoDb, makeRequest } from './helpers/db'

const rendered = vi.hoisted(() => ({ data: null as unknown, lang: 'en' }))
vi.mock('@remix-run/react', () => ({
  Link: ({
    to,
    children,
    preventScrollReset: _noDomAttribute,
    ...rest
  }: {
    to: string
    children: ReactNode
    preventScrollReset?: boolean
  }) => createElement('a', { href: to, ...rest }, children),
  useLoaderData: () => rendered.data,
  useActionData: () => undefined,
  Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
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
    // the bracket names its organization as readers know it, not by the code its author typed
    expect(html).not.toContain('[PA-MINSEG:')
    expect(html).toMatch(/<span class="bracket-org">\[[^\]<]*MINSEG[^\]<]*:<\/span>/)
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

describe('/plans/:id forms', () => {
  type Action = (args: {
    request: Request
    params: Record<string, string>
    context: object
  }) => Promise<unknown>
  async function post(email: string, id: string, form: Record<string, string>) {
    try {
      return await (planAction as Action)({
        request: makeRequest(`/plans/${id}`, { cookie: cookieFor(email), form }),
        params: { id },
        context: {},
      })
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }
  const statusOf = (r: unknown) =>
    r instanceof Response ? r.status : (r as { init?: { status?: number } }).init?.status

  it('merges disjoint saves from one revision, shows overlapping ones in the conflict view, keeps the text', async () => {
    const id = await panamaId()
    const editor = (await load(planLoader as Loader, `/plans/${id}?edit=x`, 'pa.snm@rcm.example', {
      id,
    })) as {
      plan: { sections: { id: string; number: string | null }[] }
    }
    const sid = editor.plan.sections.find((s) => s.number === '1')!.id
    const page = (await load(planLoader as Loader, `/plans/${id}?edit=${sid}&in=es`, 'pa.snm@rcm.example', {
      id,
    })) as {
      plan: { editing: { revision: number; text: string } }
    }
    const { revision, text } = page.plan.editing
    const first = await post('pa.snm@rcm.example', id, {
      intent: 'save',
      sectionId: sid,
      lang: 'es',
      baseRevision: String(revision),
      text: text.replace('El presente Plan Nacional', 'Este Plan Nacional'),
    })
    expect(statusOf(first)).toBe(302)
    const second = (await post('iom@rcm.example', id, {
      intent: 'save',
      sectionId: sid,
      lang: 'es',
      baseRevision: String(revision),
      text: text.replace('Servicio Nacional de Migración', 'Servicio Nacional de Migración (SNM)'),
    })) as Response
    expect(second.status).toBe(302)
    expect(second.headers.get('Location')).toContain('merged=1')
    const yours = text.replace('El presente Plan Nacional', 'El nuevo Plan Nacional')
    const third = await post('pa.minseg@rcm.example', id, {
      intent: 'save',
      sectionId: sid,
      lang: 'es',
      baseRevision: String(revision),
      text: yours,
    })
    expect(statusOf(third)).toBe(409)
    const reply = (third as { data: unknown }).data
    expect((reply as { conflict: { yours: string; text: string } }).conflict).toMatchObject({ yours })
    expect((reply as { conflict: { text: string } }).conflict.text).toContain('(SNM)')
  })

  it('a commenter suggests wording, the lead drafter accepts it; a reader can neither comment nor edit', async () => {
    const id = await panamaId()
    const data = (await load(planLoader as Loader, `/plans/${id}`, 'pa.delegate2@rcm.example', { id })) as {
      plan: {
        sections: { id: string; number: string | null; baseRevision: number; can: { edit: boolean } }[]
      }
    }
    const s = data.plan.sections.find((x) => x.number === '3.2.1')!
    expect(s.can.edit).toBe(false)
    const suggested = await post('pa.delegate2@rcm.example', id, {
      intent: 'suggest',
      sectionId: s.id,
      baseRevision: String(s.baseRevision),
      quote: 'personal especializado',
      replacement: 'personal especializado y permanente',
    })
    expect(statusOf(suggested)).toBe(302)
    const lead = (await load(planLoader as Loader, `/plans/${id}`, 'pa.snm@rcm.example', { id })) as {
      plan: {
        sections: { id: string; suggestions: { id: string; status: string }[]; can: { decide: boolean } }[]
      }
    }
    const mine = lead.plan.sections.find((x) => x.id === s.id)!
    expect(mine.can.decide).toBe(true)
    const pending = mine.suggestions.find((x) => x.status === 'pending')!
    expect(
      statusOf(
        await post('pa.snm@rcm.example', id, {
          intent: 'decide',
          suggestionId: pending.id,
          decision: 'accept',
        }),
      ),
    ).toBe(302)
    const html = renderPage(
      PlanPage,
      await load(planLoader as Loader, `/plans/${id}`, 'pa.snm@rcm.example', { id }),
      'es',
    )
    expect(html).toContain('personal especializado y permanente')

    expect(
      statusOf(await post('pa.delegate1@rcm.example', id, { intent: 'comment', sectionId: s.id, body: 'x' })),
    ).toBe(403)
    expect(
      statusOf(
        await post('pa.delegate1@rcm.example', id, {
          intent: 'save',
          sectionId: s.id,
          lang: 'es',
          baseRevision: '1',
          text: 'x',
        }),
      ),
    ).toBe(403)
    expect(
      statusOf(await post('unhcr@rcm.example', id, { intent: 'comment', sectionId: s.id, body: 'x' })),
    ).toBe(404)
  })

  it('draws the forms to suggest and comment for one section at a time, asked for by a link', async () => {
    const id = await panamaId()
    const page = async (email: string, query = '') => {
      const data = (await load(planLoader as Loader, `/plans/${id}?lang=en${query}`, email, { id })) as {
        plan: { sections: { id: string; retired: boolean; number: string | null }[] }
      }
      return { data, html: renderPage(PlanPage, data) }
    }
    const count = (html: string, re: RegExp) => (html.match(re) ?? []).length
    const { data, html } = await page('pa.delegate2@rcm.example')
    const live = data.plan.sections.filter((x) => !x.retired)
    expect(live.length).toBeGreaterThan(3)
    // no form to add on the plan itself: a link per section and kind instead
    expect(count(html, /name="replacement"/g)).toBe(0)
    expect(count(html, /id="cbody-/g)).toBe(0)
    for (const x of live) {
      expect(html).toContain(`href="?discuss=${x.id}#squote-${x.id}"`)
      expect(html).toContain(`href="?discuss=${x.id}#cquote-${x.id}"`)
    }
    // the link's page: that section's two forms, open; no other section's
    const s = live[2]
    const asked = (await page('pa.delegate2@rcm.example', `&discuss=${s.id}`)).html
    expect(count(asked, /name="replacement"/g)).toBe(1)
    expect(asked).toContain(`id="srepl-${s.id}"`)
    expect(asked).toContain(`id="cbody-${s.id}"`)
    expect(count(asked, /id="cbody-/g)).toBe(1)
    const own = asked.slice(asked.indexOf(`id="s-${s.id}"`))
    expect(own.slice(0, own.indexOf('</section>'))).toMatch(/<details open="">/)
    // a reader is offered neither
    const reader = (await page('pa.delegate1@rcm.example', `&discuss=${s.id}`)).html
    expect(reader).not.toContain('?discuss=')
    expect(count(reader, /name="replacement"|id="cbody-/g)).toBe(0)
  })

  it('drafters add, move, place and retire sections; the chair moves the stage; numbering follows', async () => {
    const id = await panamaId()
    type Data = {
      plan: {
        stage: string
        sections: { id: string; number: string | null; title: string; status: string; retired: boolean }[]
      }
    }
    const view = async () =>
      (await load(planLoader as Loader, `/plans/${id}?lang=es`, 'pa.snm@rcm.example', { id })) as Data
    const added = (await post('iom@rcm.example', id, {
      intent: 'addSection',
      kind: 'chapter',
      titleEs: 'Anexo',
      text: 'Texto del anexo.',
    })) as Response
    expect(added.status).toBe(302)
    let sections = (await view()).plan.sections
    const annex = sections.find((x) => x.title === 'Anexo')!
    expect(annex.number).toBe('5')
    await post('iom@rcm.example', id, { intent: 'move', sectionId: annex.id, direction: 'up' })
    sections = (await view()).plan.sections
    expect(sections.find((x) => x.id === annex.id)!.number).toBe('4')
    const chapter3 = sections.find((x) => x.number === '3')!
    await post('iom@rcm.example', id, { intent: 'reparent', sectionId: annex.id, parentId: chapter3.id })
    sections = (await view()).plan.sections
    expect(sections.find((x) => x.id === annex.id)!.number).toBe('3.5')
    // not under itself or its own sections
    expect(
      statusOf(
        await post('iom@rcm.example', id, { intent: 'reparent', sectionId: chapter3.id, parentId: annex.id }),
      ),
    ).toBe(400)
    await post('iom@rcm.example', id, { intent: 'retire', sectionId: annex.id })
    expect((await view()).plan.sections.find((x) => x.id === annex.id)).toMatchObject({
      retired: true,
      number: null,
    })
    // agreeing text is the chair's; a reader manages nothing
    expect(
      statusOf(
        await post('iom@rcm.example', id, { intent: 'status', sectionId: chapter3.id, status: 'agreed' }),
      ),
    ).toBe(403)
    expect(
      statusOf(
        await post('pa.delegate1@rcm.example', id, {
          intent: 'move',
          sectionId: chapter3.id,
          direction: 'up',
        }),
      ),
    ).toBe(403)
    expect(
      statusOf(await post('pa.snm@rcm.example', id, { intent: 'stage', stage: 'validation_workshop' })),
    ).toBe(403)
    expect(
      statusOf(await post('pa.minseg@rcm.example', id, { intent: 'stage', stage: 'validation_workshop' })),
    ).toBe(302)
    expect((await view()).plan.stage).toBe('validation_workshop')
    const html = renderPage(
      PlanPage,
      await load(planLoader as Loader, `/plans/${id}?lang=es`, 'pa.minseg@rcm.example', { id }),
      'es',
    )
    expect(html).toContain('Pasar el plan a esta etapa')
    expect(html).toContain('Añadir la sección')
  })

  it('shows every revision of a section and the word difference between any two, to members only', async () => {
    const id = await panamaId()
    const data = (await load(planLoader as Loader, `/plans/${id}`, 'pa.snm@rcm.example', { id })) as {
      plan: { sections: { id: string; number: string | null }[] }
    }
    const sid = data.plan.sections.find((x) => x.number === '3.1.1')!.id
    const page = (await load(
      revisionsLoader as Loader,
      `/plans/${id}/sections/${sid}?lang=en`,
      'pa.delegate1@rcm.example',
      {
        id,
        sectionId: sid,
      },
    )) as { revisions: { number: number }[]; compare: { from: number; to: number } }
    expect(page.revisions.map((r) => r.number)).toEqual([3, 2, 1])
    expect(page.compare).toMatchObject({ from: 2, to: 3 })
    const html = renderPage(RevisionsPage, page)
    expect(html).toMatch(/<ins>[^<]*\[IOM: en los idiomas de las personas migrantes\][^<]*<\/ins>/)
    const side = (await load(
      revisionsLoader as Loader,
      `/plans/${id}/sections/${sid}?from=1&to=3&view=side`,
      'pa.snm@rcm.example',
      {
        id,
        sectionId: sid,
      },
    )) as { compare: { left: unknown[]; right: unknown[] } }
    expect(side.compare.left.length).toBeGreaterThan(0)
    const outsider = (await load(
      revisionsLoader as Loader,
      `/plans/${id}/sections/${sid}`,
      'unhcr@rcm.example',
      {
        id,
        sectionId: sid,
      },
    )) as Response
    expect(outsider.status).toBe(404)
  })

  it('a save sent after the session ended answers 401 with the typed text, not a redirect', async () => {
    const id = await panamaId()
    let answer: unknown
    try {
      answer = await (planAction as Action)({
        request: makeRequest(`/plans/${id}`, {
          form: {
            intent: 'save',
            sectionId: 'x',
            lang: 'es',
            baseRevision: '1',
            text: 'Texto que no se pierde',
          },
        }),
        params: { id },
        context: {},
      })
    } catch (thrown) {
      answer = thrown
    }
    const r = answer as Response
    expect([r.status, r.headers.get('Location')]).toEqual([401, null])
    const kept = parseKeptForm(await r.text())!
    expect(Object.fromEntries(kept.fields).text).toBe('Texto que no se pierde')
  })
})
