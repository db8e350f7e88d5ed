/**
 * The refused cases, through the service, the page's form posts and the API: progress outside 0..100,
 * a due date before the creation day, a report on a cancelled (or done) action, two reports racing on the
 * same revision (one conflict, nothing lost: the loser's note comes back), a report while another awaits
 * validation, evidence the reporter cannot see, strict API bodies, validation by the wrong people.
 */
import { and, eq, not } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionItems, actionUpdates, documents } from '@db/schema'
import { visibleDocumentsWhere } from '~/modules/access/documents-visibility.server'
import { postUpdate, validateUpdate } from '~/modules/actions/reports.server'
import { cancelAction, createAction, editAction } from '~/modules/actions/writing.server'
import { actionsToday, addDays } from '~/modules/actions/overdue.server'
import type { ActionFormInput } from '~/modules/actions/schemas'
import * as page from '~/routes/actions.$id'
import * as newPage from '~/routes/actions.new'
import * as apiUpdates from '~/routes/api.v1.actions.$id.updates'
import {
  actionByTitle,
  errorOf,
  MX,
  PA_FOCAL,
  PA_SNM,
  pendingOf,
  reload,
  SECRETARIAT,
  updatesOf,
} from './actions-fixtures'
import { cookieFor, freshDemoDb, makeRequest, viewerFor } from './helpers/db'
import { run } from './helpers/route'

beforeEach(() => {
  freshDemoDb()
})

const OPEN_PA = 'Implement information exchange between the Darien' // Panama (SNM) only, in progress
const post = (id: string, as: string, json: unknown) =>
  run(apiUpdates.action, `/api/v1/actions/${id}/updates`, { as, json }, { id })

describe('progress must be a whole number from 0 to 100', () => {
  it.each([140, -5, 50.5, 101])(
    'refuses %s in the API with a field message, writing nothing',
    async (progress) => {
      const a = actionByTitle(OPEN_PA)
      const before = reload(a.id)
      const answer = await post(a.id, PA_FOCAL, { status: 'in_progress', progress, note: 'x' })
      expect(answer.status).toBe(400)
      const body = answer.data as { error: { code: string; fields: Record<string, string[]> } }
      expect(body.error.code).toBe('invalid')
      expect(body.error.fields.progress[0]).toMatch(/0 (to|a) 100/)
      expect(reload(a.id)).toEqual(before)
    },
  )

  it('refuses 140 and -5 from the page with the message at the field and the typed note kept', async () => {
    const a = actionByTitle(OPEN_PA)
    for (const progress of ['140', '-5', 'abc']) {
      const answer = await run(
        page.action,
        `/actions/${a.id}`,
        {
          as: PA_FOCAL,
          form: {
            intent: 'update',
            status: 'in_progress',
            progress,
            note: 'Mi nota',
            revision: String(a.revision),
          },
        },
        { id: a.id },
      )
      expect(answer.status).toBe(400)
      const reply = (
        answer.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
      ).result
      expect(reply.error.progress).toEqual(['actions.error.progress'])
      expect(reply.initialValue.note).toBe('Mi nota')
    }
    expect(updatesOf(a.id)).toHaveLength(2)
  })

  it('accepts the bounds 0 and 100', async () => {
    const a = actionByTitle(OPEN_PA)
    expect((await post(a.id, PA_FOCAL, { status: 'in_progress', progress: 0, note: 'cero' })).status).toBe(
      201,
    )
    expect((await post(a.id, PA_FOCAL, { status: 'in_progress', progress: 100, note: 'cien' })).status).toBe(
      201,
    )
  })
})

describe('API bodies are strict', () => {
  it('refuses unknown fields, a string progress, a cancelled status, malformed JSON and other media types', async () => {
    const a = actionByTitle(OPEN_PA)
    const unknown = await post(a.id, PA_FOCAL, { status: 'in_progress', progress: 10, role: 'secretariat' })
    expect(unknown.status).toBe(400)
    expect((unknown.data as { error: { fields: Record<string, string[]> } }).error.fields.role).toBeDefined()
    expect((await post(a.id, PA_FOCAL, { status: 'in_progress', progress: '60' })).status).toBe(400)
    expect((await post(a.id, PA_FOCAL, { status: 'cancelled', progress: 10 })).status).toBe(400)
    expect((await post(a.id, PA_FOCAL, { progress: 10 })).status).toBe(400)
    const bad = makeRequest(`/api/v1/actions/${a.id}/updates`, {
      cookie: cookieFor(PA_FOCAL),
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    })
    const malformed = await apiUpdates
      .action({
        request: new Request(bad.url, { method: 'POST', headers: bad.headers, body: '{"status":' }),
        params: { id: a.id },
        context: {},
      })
      .catch((r: Response) => r)
    expect((malformed as Response).status).toBe(400)
    const textHeaders = new Headers(bad.headers)
    textHeaders.set('Content-Type', 'text/plain')
    const text = await apiUpdates
      .action({
        request: new Request(bad.url, {
          method: 'POST',
          headers: textHeaders,
          body: 'hello',
        }),
        params: { id: a.id },
        context: {},
      })
      .catch((r: Response) => r)
    expect((text as Response).status).toBe(415)
    expect(updatesOf(a.id)).toHaveLength(2)
  })
})

const form = (over: Partial<ActionFormInput> = {}): ActionFormInput => ({
  titleEs: 'Acción de prueba',
  originType: 'none',
  owners: ['PA'],
  dueDate: addDays(actionsToday(), 30),
  priority: 'medium',
  ...over,
})

describe('the due date', () => {
  it('refuses a due date before the creation day (in Costa Rica), accepts today', () => {
    const secretariat = viewerFor(SECRETARIAT)
    const now = new Date('2025-03-15T03:00:00Z') // 2025-03-14 21:00 in San José
    expect(errorOf(() => createAction(secretariat, form({ dueDate: '2025-03-13' }), now))).toMatchObject({
      status: 400,
      field: 'dueDate',
      messageKey: 'actions.error.dueBeforeCreation',
    })
    // "today" there is still the 14th: due today is allowed
    expect(createAction(secretariat, form({ dueDate: '2025-03-14' }), now).id).toBeTruthy()
    expect(errorOf(() => createAction(secretariat, form({ dueDate: '2025-02-30' }), now))).toMatchObject({
      status: 400,
      field: 'dueDate',
    })
  })

  it('refuses it from the form (400 at the field, what was typed kept) and when editing', async () => {
    const yesterday = addDays(actionsToday(), -1)
    const answer = await run(newPage.action, '/actions/new', {
      as: SECRETARIAT,
      form: {
        titleEs: 'Tarea con fecha pasada',
        originType: 'none',
        owners: 'PA',
        priority: 'low',
        dueDate: yesterday,
      },
    })
    expect(answer.status).toBe(400)
    const reply = (
      answer.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    ).result
    expect(reply.error.dueDate).toEqual(['actions.error.dueBeforeCreation'])
    expect(reply.initialValue.titleEs).toBe('Tarea con fecha pasada')
    expect(
      db.select().from(actionItems).where(eq(actionItems.titleEs, 'Tarea con fecha pasada')).all(),
    ).toHaveLength(0)

    // an action created on 2024-07-18 cannot be moved before that day
    const a = actionByTitle(OPEN_PA)
    expect(
      errorOf(() =>
        editAction(viewerFor(SECRETARIAT), a.id, {
          ...form({ owners: ['PA-SNM'], dueDate: '2024-07-01' }),
          revision: a.revision,
        }),
      ),
    ).toMatchObject({ status: 400, field: 'dueDate' })
  })
})

describe('closed actions', () => {
  it('refuses a report on a cancelled action with 409, keeping what was sent', async () => {
    const a = actionByTitle('Train 300 border officials')
    cancelAction(viewerFor(SECRETARIAT), a.id, {
      reason: 'Sustituida por otra acción.',
      revision: a.revision,
    })
    expect(reload(a.id).status).toBe('cancelled')
    const answer = await post(a.id, PA_FOCAL, {
      status: 'in_progress',
      progress: 10,
      note: 'Capacitación iniciada',
    })
    expect(answer.status).toBe(409)
    const body = answer.data as {
      error: { code: string; submitted: { note: string }; current: { status: string } }
    }
    expect(body.error.code).toBe('conflict')
    expect(body.error.submitted.note).toBe('Capacitación iniciada')
    expect(body.error.current.status).toBe('cancelled')
    expect(updatesOf(a.id).map((u) => u.status)).toEqual(['cancelled'])
    // the page says so too, and hides the form
    const pageData = await run(page.loader, `/actions/${a.id}`, { as: PA_FOCAL }, { id: a.id })
    expect(
      (pageData.data as { details: { permissions: { update: boolean } } }).details.permissions.update,
    ).toBe(false)
    // and it cannot be cancelled or edited again
    expect(
      errorOf(() =>
        cancelAction(viewerFor(SECRETARIAT), a.id, { reason: 'otra vez', revision: reload(a.id).revision }),
      ),
    ).toMatchObject({ status: 409 })
    expect(
      errorOf(() => editAction(viewerFor(SECRETARIAT), a.id, { ...form(), revision: reload(a.id).revision })),
    ).toMatchObject({ status: 403 })
  })

  it('refuses a report on a done action (409)', () => {
    const done = actionByTitle('Disseminate the Declaration of Panama')
    expect(done.status).toBe('done')
    expect(
      errorOf(() =>
        postUpdate(viewerFor(PA_FOCAL), done.id, { status: 'in_progress', progress: 90, note: 'x' }),
      ),
    ).toMatchObject({ status: 409, messageKey: 'actions.error.closed' })
  })
})

describe('no lost updates', () => {
  it('two reports on the same revision: one is saved, the other gets 409 with the current state and its note back', async () => {
    const a = actionByTitle(OPEN_PA)
    const revision = a.revision
    const [first, second] = await Promise.all([
      post(a.id, PA_FOCAL, {
        status: 'in_progress',
        progress: 55,
        note: 'Informe de la Cancillería',
        revision,
      }),
      post(a.id, PA_SNM, {
        status: 'blocked',
        progress: 45,
        note: 'Informe del SNM: falta conectividad',
        revision,
      }),
    ])
    expect([first.status, second.status].sort()).toEqual([201, 409])
    const [won, lost] = first.status === 201 ? [first, second] : [second, first]
    const conflict = (
      lost.data as {
        error: { current: { revision: number; lastUpdate: { note: string } }; submitted: { note: string } }
      }
    ).error
    expect(conflict.current.revision).toBe(revision + 1)
    expect(conflict.current.lastUpdate.note).toBe((won.data as { note: string }).note)
    expect(conflict.submitted.note).toMatch(/^Informe/)
    expect(conflict.submitted.note).not.toBe((won.data as { note: string }).note)
    // nothing overwritten: the winner is in the history once, the loser not at all
    const notes = updatesOf(a.id).map((u) => u.note)
    expect(notes).toContain((won.data as { note: string }).note)
    expect(notes).not.toContain(conflict.submitted.note)
    expect(reload(a.id).revision).toBe(revision + 1)
    // sent again on the current revision, it is saved
    expect(
      (
        await post(a.id, PA_SNM, {
          status: 'blocked',
          progress: 45,
          note: conflict.submitted.note,
          revision: revision + 1,
        })
      ).status,
    ).toBe(201)
  })

  it('the page answers a stale report with 409, the current state beside the typed note, and the new revision', async () => {
    const a = actionByTitle(OPEN_PA)
    postUpdate(viewerFor(PA_SNM), a.id, {
      status: 'in_progress',
      progress: 50,
      note: 'Primero',
      revision: a.revision,
    })
    const answer = await run(
      page.action,
      `/actions/${a.id}`,
      {
        as: PA_FOCAL,
        form: {
          intent: 'update',
          status: 'in_progress',
          progress: '60',
          note: 'Segundo, escrito a la vez',
          revision: String(a.revision),
        },
      },
      { id: a.id },
    )
    expect(answer.status).toBe(409)
    const d = answer.data as {
      result: { error: Record<string, string[]>; initialValue: Record<string, string> }
      conflict: { revision: number; lastUpdate: { note: string } }
    }
    expect(d.result.error['']).toEqual(['actions.error.stale'])
    expect(d.result.initialValue.note).toBe('Segundo, escrito a la vez')
    expect(d.conflict.revision).toBe(a.revision + 1)
    expect(d.conflict.lastUpdate.note).toBe('Primero')
  })

  it('refuses an edit from a stale revision (409) and keeps the change out', () => {
    const a = actionByTitle('Train 300 border officials')
    const secretariat = viewerFor(SECRETARIAT)
    postUpdate(viewerFor(PA_FOCAL), a.id, { status: 'in_progress', progress: 10 })
    expect(
      errorOf(() =>
        editAction(secretariat, a.id, { ...form({ titleEs: 'Otro título' }), revision: a.revision }),
      ),
    ).toMatchObject({ status: 409, current: expect.objectContaining({ revision: a.revision + 1 }) })
    expect(reload(a.id).titleEs).toBe(a.titleEs)
  })
})

describe('validation of a report of done', () => {
  it('keeps one report awaiting validation at a time, and only the secretariat validates', async () => {
    const a = actionByTitle(OPEN_PA)
    postUpdate(viewerFor(PA_SNM), a.id, { status: 'done', progress: 100, note: 'Terminado' })
    expect(reload(a.id).status).toBe('in_progress')
    const pending = pendingOf(a.id)!
    expect(pending.validation).toBe('pending')
    expect(
      errorOf(() => postUpdate(viewerFor(PA_FOCAL), a.id, { status: 'in_progress', progress: 90 })),
    ).toMatchObject({
      status: 409,
      messageKey: 'actions.error.pendingValidation',
    })
    const rev = reload(a.id).revision
    expect(
      errorOf(() =>
        validateUpdate(viewerFor(PA_FOCAL), a.id, {
          intent: 'validate',
          updateId: pending.id,
          revision: rev,
        }),
      ),
    ).toMatchObject({ status: 403 })
    // sending it back needs a comment
    const noComment = await run(
      page.action,
      `/actions/${a.id}`,
      { as: SECRETARIAT, form: { intent: 'return', updateId: pending.id, revision: String(rev) } },
      { id: a.id },
    )
    expect(noComment.status).toBe(400)
    validateUpdate(viewerFor(SECRETARIAT), a.id, {
      intent: 'return',
      updateId: pending.id,
      comment: 'Falta el acta',
      revision: rev,
    })
    expect(reload(a.id).status).toBe('in_progress')
    expect(
      errorOf(() =>
        validateUpdate(viewerFor(SECRETARIAT), a.id, {
          intent: 'validate',
          updateId: pending.id,
          revision: rev + 1,
        }),
      ),
    ).toMatchObject({ status: 409, messageKey: 'actions.error.notPending' })
    const returned = db.select().from(actionUpdates).where(eq(actionUpdates.id, pending.id)).get()!
    expect(returned).toMatchObject({ validation: 'returned', validationComment: 'Falta el acta' })
  })

  it("closes the action at once on the secretariat's own report of done, with no validation to wait for", () => {
    const a = actionByTitle(OPEN_PA)
    const secretariat = viewerFor(SECRETARIAT)
    const report = postUpdate(secretariat, a.id, { status: 'done', progress: 80, note: 'Cerrada' })
    expect(report).toMatchObject({ status: 'done', progress: 100, validation: 'validated' })
    expect(reload(a.id)).toMatchObject({ status: 'done', progress: 100, revision: a.revision + 1 })
    expect(reload(a.id).completedAt).not.toBeNull()
    const row = db.select().from(actionUpdates).where(eq(actionUpdates.id, report.id)).get()!
    expect(row).toMatchObject({ validation: 'validated', validatedById: secretariat.id })
    expect(pendingOf(a.id)).toBeUndefined()
  })

  it('refuses evidence the reporter cannot see in the library, writing nothing', () => {
    const viewer = viewerFor(PA_FOCAL)
    const hidden = db
      .select({ id: documents.id })
      .from(documents)
      .where(and(not(visibleDocumentsWhere(viewer))))
      .get()
    expect(hidden).toBeDefined()
    const a = actionByTitle(OPEN_PA)
    expect(
      errorOf(() =>
        postUpdate(viewer, a.id, { status: 'in_progress', progress: 50, evidence: [hidden!.id] }),
      ),
    ).toMatchObject({ status: 400, field: 'evidence' })
    expect(
      errorOf(() =>
        postUpdate(viewer, a.id, {
          status: 'in_progress',
          progress: 50,
          evidenceReference: 'RCM/1999/DOC/999',
        }),
      ),
    ).toMatchObject({ status: 400, field: 'evidenceReference' })
    expect(updatesOf(a.id)).toHaveLength(2)
  })

  it('Mexico cannot validate or cancel either', () => {
    const a = actionByTitle('Publish the 2024 national report')
    const pending = pendingOf(a.id)!
    expect(
      errorOf(() =>
        validateUpdate(viewerFor(MX), a.id, {
          intent: 'validate',
          updateId: pending.id,
          revision: a.revision,
        }),
      ),
    ).toMatchObject({ status: 403 })
    expect(
      errorOf(() => cancelAction(viewerFor(MX), a.id, { reason: 'x', revision: a.revision })),
    ).toMatchObject({
      status: 403,
    })
    expect(reload(a.id)).toEqual(a)
  })
})
