/**
 * The whole cycle through the route actions, as plain form posts (what a browser without JavaScript
 * sends): the secretariat creates an action from a decision, Panama's focal point reports progress with
 * an evidence document from the library, then reports it done; the secretariat validates it and the
 * action is done. The pages (list, action, board, state page, follow-up report, pending actions,
 * dashboard) are rendered in Spanish and English with their loader's data.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@db/client'
import { actionOwners, actionUpdateEvidence, auditLog } from '@db/schema'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ActionRecord } from '~/modules/actions/api-schemas'
import { openApiDocument } from '~/modules/api/openapi.server'
import { actionsToday, addDays } from '~/modules/actions/overdue.server'
import * as dashboard from '~/routes/_index'
import * as page from '~/routes/actions.$id'
import * as listPage from '~/routes/actions._index'
import * as board from '~/routes/actions.board'
import * as statePage from '~/routes/actions.board_.$code'
import * as newPage from '~/routes/actions.new'
import * as apiOne from '~/routes/api.v1.actions.$id'
import * as followUp from '~/routes/meetings_.$id.follow-up'
import * as pendingPage from '~/routes/meetings_.$id.pending-actions'
import {
  decisionByCode,
  documentByTitle,
  MX,
  PA_FOCAL,
  reload,
  SECRETARIAT,
  updatesOf,
} from './actions-fixtures'
import { freshDemoDb, personByEmail } from './helpers/db'
import { run } from './helpers/route'
import { meetingByTitle } from './helpers/demo'

// Pages are rendered to HTML with their loader's data, outside a Remix server (no build needed).
const rendered = vi.hoisted(() => ({ data: null as unknown, action: undefined as unknown, lang: 'es' }))
vi.mock('@remix-run/react', () => {
  const a = ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
    createElement('a', { href: to, ...rest }, children)
  return {
    Link: a,
    NavLink: a,
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement('form', rest, children),
    useLoaderData: () => rendered.data,
    useActionData: () => rendered.action,
    useRouteLoaderData: () => ({ lang: rendered.lang }),
    useNavigation: () => ({ state: 'idle' }),
    useLocation: () => ({ pathname: '/actions', search: '' }),
  }
})
function render(component: () => ReactNode, data: unknown, lang: 'es' | 'en' = 'es', action?: unknown) {
  rendered.data = data
  rendered.action = action
  rendered.lang = lang
  return renderToStaticMarkup(createElement(component))
}

beforeEach(() => {
  freshDemoDb()
})

/** No message key reached the page untranslated. */
const noRawKeys = (html: string) => expect(html).not.toMatch(/actions\.[a-z]+\.[a-zA-Z_]+/)

describe('an action from decision to validation, without JavaScript', () => {
  it('runs the whole cycle', async () => {
    // 1. From the decisions register: the form starts from decision XXVIII-VM/D.3.
    const decision = decisionByCode('XXVIII-VM/D.3')
    const prefill = await run(newPage.loader, `/actions/new?decision=${decision.id}`, { as: SECRETARIAT })
    expect(prefill.status).toBe(200)
    const pre = prefill.data as {
      values: Record<string, string>
      decision: { code: string; meeting: string; back: string }
    }
    expect(pre.values.originType).toBe('decision')
    expect(pre.values.titleEs).toContain('Grupos de Trabajo')
    expect(pre.decision.back).toContain(decision.meetingId!)
    for (const lang of ['es', 'en'] as const) noRawKeys(render(newPage.default, prefill.data, lang))
    // nobody else opens the form
    expect((await run(newPage.loader, '/actions/new', { as: PA_FOCAL })).status).toBe(403)

    // 2. The secretariat creates it: Panama owns it (its focal point named), IOM supports.
    const due = addDays(actionsToday(), 30)
    const created = await run(newPage.action, '/actions/new', {
      as: SECRETARIAT,
      form: {
        originType: 'decision',
        decision: 'XXVIII-VM/D.3',
        titleEs: 'Presentar el plan de trabajo del Grupo sobre Migración Irregular y Masiva',
        titleEn: 'Present the work plan of the Group on Irregular and Mass Migration',
        owners: 'PA',
        supporting: 'IOM',
        focalPeople: personByEmail(PA_FOCAL).id,
        dueDate: due,
        priority: 'high',
        tags: 'plan de trabajo, migración irregular',
      },
    })
    expect(created.status).toBe(302)
    const id = created.location!.split('/').pop()!
    const fresh = reload(id)
    expect(fresh).toMatchObject({
      originType: 'decision',
      decisionId: decision.id,
      meetingId: decision.meetingId,
      status: 'not_started',
      progress: 0,
      dueDate: due,
      tags: ['plan de trabajo', 'migración irregular'],
    })
    const owners = db.select().from(actionOwners).where(eq(actionOwners.actionId, id)).all()
    expect(owners.map((o) => [o.kind, o.focalPersonId !== null]).sort()).toEqual([
      ['owner', true],
      ['supporting', false],
    ])

    // 3. Panama's focal point sees the report form, with evidence choices from the library.
    const evidenceDoc = documentByTitle(
      'Nota conceptual y plan de acción de la Presidencia Pro Tempore de Panamá',
    )
    const seen = await run(page.loader, `/actions/${id}`, { as: PA_FOCAL }, { id })
    const seenData = seen.data as {
      details: { permissions: { update: boolean; validate: boolean }; action: { revision: number } }
      evidence: { id: string }[]
    }
    expect(seenData.details.permissions).toMatchObject({ update: true, validate: false })
    expect(seenData.evidence.map((e) => e.id)).toContain(evidenceDoc.id)
    expect(render(page.default, seen.data)).toContain('name="progress"')

    // 4. It reports progress with the evidence document.
    const progress = await run(
      page.action,
      `/actions/${id}`,
      {
        as: PA_FOCAL,
        form: {
          intent: 'update',
          status: 'in_progress',
          progress: '40',
          note: 'Borrador del plan circulado entre las delegaciones.',
          evidence: evidenceDoc.id,
          revision: String(seenData.details.action.revision),
        },
      },
      { id },
    )
    expect(progress.status).toBe(302)
    expect(progress.location).toMatch(new RegExp(`^/actions/${id}#update-`))
    const first = updatesOf(id)[0]
    expect(first).toMatchObject({ status: 'in_progress', progress: 40, validation: null })
    expect(
      db.select().from(actionUpdateEvidence).where(eq(actionUpdateEvidence.updateId, first.id)).all(),
    ).toEqual([{ updateId: first.id, documentId: evidenceDoc.id }])
    expect(reload(id)).toMatchObject({ status: 'in_progress', progress: 40, revision: 2 })

    // 5. Then done: it waits for the secretariat.
    const doneReport = await run(
      page.action,
      `/actions/${id}`,
      {
        as: PA_FOCAL,
        form: { intent: 'update', status: 'done', progress: '100', note: 'Plan presentado.', revision: '2' },
      },
      { id },
    )
    expect(doneReport.status).toBe(302)
    expect(reload(id)).toMatchObject({ status: 'in_progress', progress: 100, revision: 3 })
    const waiting = await run(page.loader, `/actions/${id}`, { as: PA_FOCAL }, { id })
    const waitingData = waiting.data as {
      details: { pendingUpdateId: string; permissions: { update: boolean } }
    }
    expect(waitingData.details.permissions.update).toBe(false)
    for (const lang of ['es', 'en'] as const) {
      const html = render(page.default, waiting.data, lang)
      expect(html).toContain(lang === 'es' ? 'Pendiente de validación' : 'Awaiting validation')
      noRawKeys(html)
    }

    // 6. The secretariat validates it: the action is done.
    const toValidate = await run(page.loader, `/actions/${id}`, { as: SECRETARIAT }, { id })
    const tv = toValidate.data as { details: { permissions: { validate: boolean }; pendingUpdateId: string } }
    expect(tv.details.permissions.validate).toBe(true)
    expect(render(page.default, toValidate.data, 'en')).toContain('Validate: the action is done')
    const validated = await run(
      page.action,
      `/actions/${id}`,
      { as: SECRETARIAT, form: { intent: 'validate', updateId: tv.details.pendingUpdateId, revision: '3' } },
      { id },
    )
    expect(validated.status).toBe(302)
    const done = reload(id)
    expect(done).toMatchObject({ status: 'done', progress: 100, revision: 4 })
    expect(done.completedAt).toBeInstanceOf(Date)
    expect(
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, id))
        .all()
        .map((r) => r.action),
    ).toEqual(['action.create', 'action.update', 'action.update', 'action.validate'])

    // 7. The API shows the whole history, newest first, with the evidence.
    const api = await run(apiOne.loader, `/api/v1/actions/${id}`, { as: PA_FOCAL }, { id })
    const record = ActionRecord.parse(api.data)
    expect(record.status).toBe('done')
    expect(record.updates.map((u) => [u.status, u.validation])).toEqual([
      ['done', 'validated'],
      ['in_progress', null],
    ])
    expect(record.updates[1].evidence[0].id).toBe(evidenceDoc.id)
    expect(record.owners[0]).toMatchObject({ code: 'PA', focalPerson: 'Ana Isabel Quintero' })

    // 8. The follow-up report of the XXVIII meeting shows it under its decision.
    const report = await run(
      followUp.loader,
      `/meetings/${decision.meetingId}/follow-up`,
      { as: PA_FOCAL },
      {
        id: decision.meetingId!,
      },
    )
    const r = report.data as { decisions: { code: string; actions: { id: string; status: string }[] }[] }
    expect(r.decisions.find((d) => d.code === 'XXVIII-VM/D.3')?.actions).toContainEqual(
      expect.objectContaining({ id, status: 'done' }),
    )
  })
})

describe('the pages, in both languages', () => {
  it('render the list, the board, a state page, the reports and the dashboard card', async () => {
    const list = await run(listPage.loader, '/actions?owner=PA&sort=priority', { as: PA_FOCAL })
    const boardPage = await run(board.loader, '/actions/board', { as: SECRETARIAT })
    const state = await run(statePage.loader, '/actions/board/PA', { as: SECRETARIAT }, { code: 'PA' })
    const vm = meetingByTitle('XXVIII Vice-Ministerial')
    const report = await run(
      followUp.loader,
      `/meetings/${vm.id}/follow-up`,
      { as: SECRETARIAT },
      { id: vm.id },
    )
    const next = meetingByTitle('First meeting of the Regional Consultation Group')
    const pending = await run(
      pendingPage.loader,
      `/meetings/${next.id}/pending-actions`,
      { as: SECRETARIAT },
      { id: next.id },
    )
    const home = await run(dashboard.loader, '/', { as: PA_FOCAL })
    const homeSecretariat = await run(dashboard.loader, '/', { as: SECRETARIAT })
    for (const answer of [list, boardPage, state, report, pending, home, homeSecretariat])
      expect(answer.status).toBe(200)
    expect(
      (await run(statePage.loader, '/actions/board/XX', { as: SECRETARIAT }, { code: 'XX' })).status,
    ).toBe(404)

    for (const lang of ['es', 'en'] as const) {
      const es = lang === 'es'
      const listHtml = render(listPage.default, list.data, lang)
      expect(listHtml).toContain(es ? 'Acciones' : 'Action items')
      expect(listHtml).toContain('/actions/export.csv?owner=PA&amp;sort=priority')
      noRawKeys(listHtml)
      const boardHtml = render(board.default, boardPage.data, lang)
      expect(boardHtml).toContain('<svg')
      expect(boardHtml).toContain('class="stacked-bar-label">Panamá<')
      expect(boardHtml).not.toContain('Panamá (PA)') // names come in the loader's language (the person's: es)
      expect(boardHtml).toContain('<th scope="col">')
      noRawKeys(boardHtml)
      const stateHtml = render(statePage.default, state.data, lang)
      expect(stateHtml).toContain(es ? 'Compromisos de Panamá' : 'Commitments of Panamá')
      noRawKeys(stateHtml)
      const reportHtml = render(followUp.default, report.data, lang)
      expect(reportHtml).toContain('XXVIII-VM/D.1')
      noRawKeys(reportHtml)
      const pendingHtml = render(pendingPage.default, pending.data, lang)
      expect(pendingHtml).toContain(
        es ? 'Añadir «Revisión de las acciones pendientes»' : 'Add “Review of pending actions”',
      )
      noRawKeys(pendingHtml)
      const homeHtml = render(dashboard.default, home.data, lang)
      expect(homeHtml).toContain(es ? 'Acciones de su organización' : 'Your organization’s actions')
      noRawKeys(homeHtml)
      expect(render(dashboard.default, homeSecretariat.data, lang)).toContain('/actions/board')
    }
    // the board counts Panama's actions (its institutions' included)
    const pa = (
      boardPage.data as { rows: { code: string; open: number; overdue: number; done: number }[] }
    ).rows.find((row) => row.code === 'PA')!
    expect(pa.open).toBeGreaterThanOrEqual(4)
    expect(pa.overdue).toBeGreaterThanOrEqual(2)
    expect(pa.done).toBeGreaterThanOrEqual(3)
    // Panama's dashboard lists its overdue actions
    const card = (
      home.data as { dashboard: { actions: { kind: string; overdue: number; items: unknown[] } } }
    ).dashboard.actions
    expect(card.kind).toBe('owner')
    expect(card.overdue).toBeGreaterThanOrEqual(2)
    expect(card.items.length).toBeGreaterThan(0)
  })

  it('gives the overall follow-up (counts, reports awaiting validation) to the secretariat only', async () => {
    const queue = '/actions?status=awaiting_validation'
    const secretariatHome = await run(dashboard.loader, '/', { as: SECRETARIAT })
    const overview = (
      secretariatHome.data as {
        dashboard: { actions: { kind: string; overdue: number; awaitingValidation: number } }
      }
    ).dashboard.actions
    expect(overview.kind).toBe('overview')
    expect(overview.awaitingValidation).toBeGreaterThanOrEqual(1) // the demo's 2024 national report
    expect(overview.overdue).toBeGreaterThanOrEqual(2)
    expect(render(dashboard.default, secretariatHome.data, 'en')).toContain(`href="${queue}"`)
    const delegateHome = await run(dashboard.loader, '/', { as: MX })
    expect((delegateHome.data as { dashboard: { actions: { kind: string } } }).dashboard.actions.kind).toBe(
      'owner',
    )
    expect(render(dashboard.default, delegateHome.data, 'en')).not.toContain(queue)

    const forSecretariat = await run(listPage.loader, '/actions', { as: SECRETARIAT })
    const forFocalPoint = await run(listPage.loader, '/actions', { as: PA_FOCAL })
    expect(forSecretariat.data).toMatchObject({ canFollowUpAll: true })
    expect(forFocalPoint.data).toMatchObject({ canFollowUpAll: false })
    expect(render(listPage.default, forSecretariat.data, 'en')).toContain(`href="${queue}"`)
    expect(render(listPage.default, forFocalPoint.data, 'en')).not.toContain(`href="${queue}"`)
  })
})

describe('error pages', () => {
  it('every page of the area answers a refusal with the shared error page, inside the layout', () => {
    for (const route of [dashboard, page, listPage, board, statePage, newPage, followUp, pendingPage]) {
      expect(route.ErrorBoundary).toBe(RouteErrorBoundary)
    }
  })
})

describe('the API description', () => {
  it('documents the three action endpoints in openapi.json', () => {
    const paths = (
      openApiDocument() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }
    ).paths
    expect(Object.keys(paths['/actions'])).toEqual(['get'])
    expect(paths['/actions'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['assignee', 'status', 'overdue', 'cursor']),
    )
    expect(Object.keys(paths['/actions/{id}'])).toEqual(['get'])
    expect(Object.keys(paths['/actions/{id}/updates'])).toEqual(['post'])
  })
})
