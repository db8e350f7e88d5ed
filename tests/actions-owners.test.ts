/**
 * Actions with several owners, through the action page's form posts (no JavaScript) and the services:
 * each owner organization reports its own part; the page shows each owner's progress and the whole;
 * "done" needs every owner's validated report, or the secretariat's decision with a reason; the
 * validation comment is shown; "upload a document first" keeps the report and comes back with the new
 * document chosen; the upload page refuses a return path off the site.
 */
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { actionReportDrafts, actionUpdates, auditLog, documents } from '@db/schema'
import { getActionForApi } from '~/modules/actions/api.server'
import { createAction } from '~/modules/actions/writing.server'
import { safeReturnTo } from '~/modules/auth/return-to'
import * as actionPage from '~/routes/actions.$id'
import * as uploadPage from '~/routes/documents.new'
import { freshDemoDb, viewerFor, cookieFor } from './helpers/db'
import { run } from './helpers/route'
import { reload, updatesOf } from './actions-fixtures'

const SECRETARIAT = 'secretariat@rcm.example'
const PA = 'pa.focal@rcm.example'
const MX = 'mx.delegate@rcm.example'

beforeEach(() => {
  freshDemoDb()
})

function twoOwnerAction() {
  const { id } = createAction(viewerFor(SECRETARIAT), {
    titleEs: 'Intercambio de datos de retorno',
    titleEn: 'Exchange of return data',
    originType: 'none',
    owners: ['PA', 'MX'],
    dueDate: '2030-12-31',
    priority: 'medium',
  })
  return id
}

interface Reply {
  intent: string
  result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
}

const report = (id: string, as: string, form: Record<string, string | string[]>) =>
  run<Reply>(
    actionPage.action,
    '/',
    { as, form: { intent: 'update', revision: String(reload(id).revision), ...form } },
    { id },
  )

type Page = {
  details: {
    ownerParts: {
      code: string
      last: { progress: number; status: string; validationComment: string | null } | null
    }[]
    reportFor: { owners: { code: string }[]; whole: boolean }
    pendingUpdateIds: string[]
    action: { progress: number; status: string }
  }
  draft: Record<string, unknown> | null
  evidence: { id: string }[]
}
const page = async (id: string, as: string, query = '') =>
  (await run<Page>(actionPage.loader, `/actions/${id}${query}`, { as }, { id })).data

describe('each owner reports its own part', () => {
  it('shows progress per owner and overall, and offers each person only their own owner', async () => {
    const id = twoOwnerAction()
    expect(
      (await report(id, PA, { status: 'in_progress', progress: '60', note: 'Avance de Panamá' })).status,
    ).toBe(302)
    const seen = await page(id, MX)
    const parts = Object.fromEntries(seen.details.ownerParts.map((p) => [p.code, p.last?.progress ?? null]))
    expect(parts).toEqual({ PA: 60, MX: null })
    expect(seen.details.action.progress).toBe(30)
    expect(seen.details.reportFor.owners.map((o) => o.code)).toEqual(['MX'])
    expect(seen.details.reportFor.whole).toBe(false)
    const row = updatesOf(id)[0]
    expect(row.ownerOrganizationId).not.toBeNull()
  })

  it('refuses an owner reporting for another owner (403 at the field, nothing written)', async () => {
    const id = twoOwnerAction()
    const before = reload(id)
    const refused = await report(id, MX, {
      status: 'in_progress',
      progress: '90',
      note: 'Por Panamá',
      owner: 'PA',
    })
    expect(refused.status).toBe(403)
    expect(refused.data.result.error?.owner).toEqual(['decisionsOwners.error.reportForAnother'])
    expect(refused.data.result.initialValue?.note).toBe('Por Panamá')
    expect(updatesOf(id)).toHaveLength(0)
    expect(reload(id)).toEqual(before)
    const audited = db.select().from(auditLog).where(eq(auditLog.action, 'action.reportFor')).all()
    expect(audited.map((a) => a.outcome)).toEqual(['refused'])
  })

  it('refuses an organization that is not an owner, at the field', async () => {
    const id = twoOwnerAction()
    const refused = await report(id, SECRETARIAT, { status: 'in_progress', progress: '10', owner: 'GT' })
    expect(refused.status).toBe(400)
    expect(refused.data.result.error?.owner).toEqual(['decisionsOwners.error.notAnOwner'])
    expect(updatesOf(id)).toHaveLength(0)
  })
})

describe('done', () => {
  it('needs every owner: both report done, the secretariat validates each, the comment is shown', async () => {
    const id = twoOwnerAction()
    expect((await report(id, PA, { status: 'done', progress: '100', note: 'Panamá terminó' })).status).toBe(
      302,
    )
    // one owner's done waits; the other owner still reports its own
    expect(reload(id).status).toBe('in_progress')
    expect((await report(id, MX, { status: 'done', progress: '100', note: 'México terminó' })).status).toBe(
      302,
    )
    const pending = (await page(id, SECRETARIAT)).details.pendingUpdateIds
    expect(pending).toHaveLength(2)
    for (const [i, updateId] of pending.entries()) {
      const validated = await run(
        actionPage.action,
        '/',
        {
          as: SECRETARIAT,
          form: {
            intent: 'validate',
            updateId,
            revision: String(reload(id).revision),
            comment: `Evidencia revisada ${i + 1}`,
          },
        },
        { id },
      )
      expect(validated.status).toBe(302)
      expect(reload(id).status).toBe(i === 0 ? 'in_progress' : 'done')
    }
    const shown = await page(id, PA)
    expect(shown.details.action.progress).toBe(100)
    expect(
      shown.details.ownerParts.every((p) => p.last?.validationComment?.startsWith('Evidencia revisada')),
    ).toBe(true)
    const api = getActionForApi(viewerFor(MX), id)!
    expect(api.ownerProgress?.map((p) => p.validation)).toEqual(['validated', 'validated'])
    expect(api.updates.every((u) => typeof u.owner === 'string')).toBe(true)
  })

  it('refuses the secretariat closing without every owner and without a reason, at the field', async () => {
    const id = twoOwnerAction()
    await report(id, PA, { status: 'in_progress', progress: '50' })
    const before = reload(id)
    const refused = await report(id, SECRETARIAT, { status: 'done', progress: '100', owner: '' })
    expect(refused.status).toBe(400)
    expect(refused.data.result.error?.note).toEqual(['decisionsOwners.error.doneNeedsAllOwners'])
    expect(reload(id)).toEqual(before)
    // with its reason, the secretariat's decision closes it
    const decided = await report(id, SECRETARIAT, {
      status: 'done',
      progress: '100',
      note: 'México informó por nota diplomática',
    })
    expect(decided.status).toBe(302)
    expect(reload(id)).toMatchObject({ status: 'done', progress: 100 })
  })
})

describe('upload a document first', () => {
  it('keeps the report being typed and comes back with the new document chosen', async () => {
    const id = twoOwnerAction()
    const went = await run(
      actionPage.action,
      '/',
      {
        as: PA,
        form: {
          intent: 'upload-first',
          revision: '1',
          status: 'blocked',
          progress: '35',
          note: 'Nota larga '.repeat(200),
        },
      },
      { id },
    )
    expect(went.status).toBe(302)
    const target = new URL(went.location!, 'http://localhost:3000')
    expect(target.pathname).toBe('/documents/new')
    const returnTo = target.searchParams.get('returnTo')!
    expect(safeReturnTo(returnTo)).toBe(returnTo)
    expect(returnTo.length).toBeLessThan(120)
    // nothing was reported yet
    expect(updatesOf(id)).toHaveLength(0)
    // the upload page keeps the return path; after the upload it goes back with the document
    const form = await run<{ returnTo: string | null }>(uploadPage.loader, went.location!, { as: PA })
    expect(form.data.returnTo).toBe(returnTo)
    const doc = db.select().from(documents).where(eq(documents.visibility, 'participants')).get()!
    const back = await page(
      id,
      PA,
      `${returnTo.split('#')[0].slice(`/actions/${id}`.length)}&evidence=${doc.id}`,
    )
    expect(back.draft).toMatchObject({ status: 'blocked', progress: '35', evidence: [doc.id] })
    expect(back.evidence.map((e) => e.id)).toContain(doc.id)
    // another person cannot read that draft
    const other = await page(id, MX, `${returnTo.split('#')[0].slice(`/actions/${id}`.length)}`)
    expect(other.draft).toBeNull()
    // sending the report clears the draft
    await report(id, PA, { status: 'blocked', progress: '35', note: 'Listo', evidence: [doc.id] })
    expect(db.select().from(actionReportDrafts).all()).toHaveLength(0)
    expect(db.select().from(actionUpdates).where(eq(actionUpdates.actionId, id)).all()).toHaveLength(1)
  })

  it('refuses a return path that points off the site (message at the field, nothing stored)', async () => {
    for (const bad of [
      'https://evil.example/x',
      '//evil.example',
      '/\\evil.example',
      '/ok\u0000',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnTo(bad)).toBeNull()
    }
    expect(safeReturnTo('/actions/abc?draft=x#update-title')).toBe('/actions/abc?draft=x#update-title')
    const shown = await run<{ returnTo: string | null; returnToRefused: boolean }>(
      uploadPage.loader,
      `/documents/new?returnTo=${encodeURIComponent('//evil.example/')}`,
      { as: PA },
    )
    expect(shown.data).toMatchObject({ returnTo: null, returnToRefused: true })
    // posted by hand: refused before any document is stored
    const count = db.select().from(documents).all().length
    const body = new FormData()
    body.set('title', 'Informe')
    body.set('language', 'es')
    body.set('kind', 'report')
    body.set('visibility', 'participants')
    body.set('returnTo', 'https://evil.example/')
    body.set(
      'file',
      new File(
        [new Uint8Array(Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'))],
        'a.pdf',
        { type: 'application/pdf' },
      ),
    )
    const request = new Request('http://localhost:3000/documents/new', {
      method: 'POST',
      body,
      headers: { Cookie: cookieFor(PA), Origin: 'http://localhost:3000' },
    })
    const refused = await run<Reply>(uploadPage.action, request)
    expect(refused.status).toBe(400)
    expect(refused.data.result.error?.returnTo).toEqual(['decisionsOwners.error.returnToOffSite'])
    expect(db.select().from(documents).all()).toHaveLength(count)
  })
})
