import { and, eq } from 'drizzle-orm'
import fs from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { auditLog, meetings } from '@db/schema'
import { openApiDocument } from '~/modules/api/openapi.server'
import { uploadsDir } from '~/modules/documents/storage.server'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { loader as apiGet } from '~/routes/api.v1.documents.$id'
import { action as apiVersion } from '~/routes/api.v1.documents.$id.versions'
import { action as apiTranslation } from '~/routes/api.v1.documents.$id.versions.$number.files'
import { action as pageAction, loader as page } from '~/routes/documents.$id'
import { loader as listPage } from '~/routes/documents._index'
import { action as newAction, loader as newLoader } from '~/routes/documents.new'
import { getRequest, minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb, makeRequest, cookieFor } from './helpers/db'
import { bodyOf, call, statusOf } from './helpers/route'

const PA = 'pa.focal@rcm.example'
type Page = Awaited<ReturnType<typeof page>>

const pdf = (text: string, name = 'file.pdf') => ({ name, type: 'application/pdf', bytes: minimalPdf(text) })
const pageData = async (id: string, email?: string) =>
  (await call(page, getRequest(`/documents/${id}`, email), { id })) as Page

/** The form's reply in a page action's answer: the messages by field and what was typed. */
const replyOf = (result: unknown) =>
  bodyOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(result).result

function expectRedirect(result: unknown): string {
  expect(result).toBeInstanceOf(Response)
  const res = result as Response
  expect(res.status).toBe(302)
  return res.headers.get('Location')!
}

describe('a document from first upload to translation and second version', () => {
  beforeEach(() => {
    freshDemoDb()
    fs.rmSync(uploadsDir(), { recursive: true, force: true })
  })

  it('without JavaScript: the plain forms of the pages', async () => {
    // 1. The Spanish original, through the upload page.
    const created = await call(
      newAction,
      multipartRequest('/documents/new', {
        email: PA,
        fields: {
          title: 'Informe sobre protección consular',
          titleTranslation: 'Report on consular protection',
          kind: 'report',
          language: 'es',
          visibility: 'members',
          documentDate: '2024-05-02',
          tags: 'consular, Protección ,consular',
          description: 'Informe del seminario.',
        },
        file: pdf('Informe sobre protección consular en la región', 'informe-es.pdf'),
      }),
    )
    const location = expectRedirect(created)
    const id = /^\/documents\/([^?]+)\?uploaded=1$/.exec(location)![1]
    let data = await pageData(id, 'mx.delegate@rcm.example')
    expect(data.doc).toMatchObject({
      titleEs: 'Informe sobre protección consular',
      titleEn: 'Report on consular protection',
      reference: expect.stringMatching(/^RCM\/2024\/REP\/\d{3}$/),
      tags: ['consular', 'Protección'],
      visibility: 'members',
      currentVersion: 1,
    })
    expect(data.translations.map((t) => [t.language, t.state])).toEqual([
      ['es', 'current'],
      ['en', 'missing'],
    ])

    // 2. The English translation of version 1, from the document's page.
    const translated = await call(
      pageAction,
      multipartRequest(`/documents/${id}`, {
        email: 'pa.snm@rcm.example',
        fields: { intent: 'translation', version: '1', language: 'en' },
        file: pdf('Report on consular protection in the region', 'report-en.pdf'),
      }),
      { id },
    )
    expect(expectRedirect(translated)).toBe(`/documents/${id}?uploaded=translation`)
    data = await pageData(id, PA)
    expect(data.translations.map((t) => [t.language, t.state])).toEqual([
      ['es', 'current'],
      ['en', 'current'],
    ])

    // 3. A second version (Spanish): the English file is now older than the original.
    const second = await call(
      pageAction,
      multipartRequest(`/documents/${id}`, {
        email: PA,
        fields: { intent: 'version', note: 'Cifras corregidas', language: 'es' },
        file: pdf('Informe corregido sobre protección consular', 'informe-v2.pdf'),
      }),
      { id },
    )
    expectRedirect(second)
    data = await pageData(id, PA)
    expect(data.doc.currentVersion).toBe(2)
    expect(data.versions.map((v) => [v.number, v.note, v.files.map((f) => f.language)])).toEqual([
      [2, 'Cifras corregidas', ['es']],
      [1, null, ['es', 'en']],
    ])
    expect(data.versions[0].uploadedBy).toBe('Ana Isabel Quintero')
    expect(data.translations).toEqual([
      { language: 'es', state: 'current', version: 2 },
      { language: 'en', state: 'outdated', version: 1 },
    ])
    // The same translation twice is refused at the field, with a 409.
    const again = await call(
      pageAction,
      multipartRequest(`/documents/${id}`, {
        email: PA,
        fields: { intent: 'translation', version: '1', language: 'en' },
        file: pdf('otra vez', 'again.pdf'),
      }),
      { id },
    )
    expect(statusOf(again)).toBe(409)
    expect(replyOf(again).error.language).toEqual(['documents.error.translationExists'])
  })

  it('with JavaScript: the progress-bar uploader talks to the JSON API', async () => {
    const created = (await call(
      apiCreate,
      multipartRequest('/api/v1/documents', {
        email: PA,
        fields: {
          title: 'Informe con barra de progreso',
          kind: 'report',
          language: 'es',
          visibility: 'members',
        },
        file: pdf('Informe con barra de progreso'),
      }),
    )) as Response
    expect(created.status).toBe(201)
    const { id } = await created.json()
    const translated = (await call(
      apiTranslation,
      multipartRequest(`/api/v1/documents/${id}/versions/1/files`, {
        email: PA,
        fields: { language: 'en' },
        file: pdf('Report with a progress bar'),
      }),
      { id, number: '1' },
    )) as Response
    expect(translated.status).toBe(201)
    expect(await translated.json()).toMatchObject({
      documentId: id,
      version: 1,
      language: 'en',
      original: false,
    })
    const second = (await call(
      apiVersion,
      multipartRequest(`/api/v1/documents/${id}/versions`, {
        email: PA,
        fields: { note: 'Segunda versión' },
        file: pdf('Segunda versión del informe'),
      }),
      { id },
    )) as Response
    expect(second.status).toBe(201)
    expect(await second.json()).toMatchObject({ documentId: id, number: 2, note: 'Segunda versión' })
    const record = await (
      (await call(apiGet, getRequest(`/api/v1/documents/${id}`, PA), { id })) as Response
    ).json()
    expect(record.currentVersion).toBe(2)
    expect(record.translations).toEqual([
      { language: 'es', state: 'current', version: 2 },
      { language: 'en', state: 'outdated', version: 1 },
    ])
    // A translation for a version that does not exist: 400 at the field.
    const missing = (await call(
      apiTranslation,
      multipartRequest(`/api/v1/documents/${id}/versions/9/files`, {
        email: PA,
        fields: { language: 'fr' },
        file: pdf('Rapport'),
      }),
      { id, number: '9' },
    )) as Response
    expect(missing.status).toBe(400)
    expect((await missing.json()).error.fields.version).toHaveLength(1)
  })

  it('keeps what was typed and shows errors at the fields', async () => {
    const typed = {
      title: '',
      kind: 'report',
      language: 'es',
      visibility: 'members',
      description: 'Lo que escribí',
    }
    const noTitle = await call(
      newAction,
      multipartRequest('/documents/new', { email: PA, fields: typed, file: pdf('x') }),
    )
    expect(statusOf(noTitle)).toBe(400)
    const reply = replyOf(noTitle)
    expect(reply.error.title).toEqual(['validation.required'])
    expect(reply.initialValue.description).toBe('Lo que escribí')

    const badFile = await call(
      newAction,
      multipartRequest('/documents/new', {
        email: PA,
        fields: { ...typed, title: 'Con archivo malo' },
        file: { name: 'evil.pdf', type: 'application/pdf', bytes: '<html><script>alert(1)</script></html>' },
      }),
    )
    expect(statusOf(badFile)).toBe(415)
    const badReply = replyOf(badFile)
    expect(badReply.error.file).toEqual(['documents.error.fileType'])
    expect(badReply.initialValue.title).toBe('Con archivo malo')

    const observer = await call(
      newAction,
      multipartRequest('/documents/new', {
        email: 'co.observer@rcm.example',
        fields: { ...typed, title: 'Observador' },
        file: pdf('observador'),
      }),
    )
    expect(statusOf(observer)).toBe(403)
    expect(replyOf(observer).error.visibility).toEqual(['documents.error.visibilityNotAllowed'])
    // A meeting the uploader cannot see (or that does not exist) is refused at the field.
    const members = db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.openness, 'members_only'))
      .get()!
    for (const meeting of [members.id, 'nosuchmeeting']) {
      const hidden = await call(
        newAction,
        multipartRequest('/documents/new', {
          email: 'co.observer@rcm.example',
          fields: { ...typed, title: 'Con reunión', visibility: 'participants', meeting },
          file: pdf('reunion'),
        }),
      )
      expect(statusOf(hidden)).toBe(400)
      expect(replyOf(hidden).error.meeting).toEqual(['documents.error.unknownMeeting'])
    }
    expect(fs.readdirSync(uploadsDir()).flatMap((d) => fs.readdirSync(`${uploadsDir()}/${d}`))).toEqual([])
  })

  it('offers each person only the visibilities and groups they may publish to', async () => {
    const forObserver = (await call(newLoader, getRequest('/documents/new', 'co.observer@rcm.example'))) as {
      visibilities: string[]
      groups: { slug: string }[]
    }
    expect(forObserver.visibilities).toEqual(['public', 'participants'])
    expect(forObserver.groups).toEqual([])
    const forDrafter = (await call(
      newLoader,
      getRequest('/documents/new', 'iom@rcm.example'),
    )) as typeof forObserver
    expect(forDrafter.visibilities).toEqual(['public', 'participants', 'group'])
    expect(forDrafter.groups.map((g) => g.slug)).toEqual(['pa-smuggling-plan'])
    const anonymous = await call(newLoader, getRequest('/documents/new'))
    expect(statusOf(anonymous)).toBe(302)
  })

  it('edits details, deletes and restores through the page', async () => {
    const created = await (
      (await call(
        apiCreate,
        multipartRequest('/api/v1/documents', {
          email: PA,
          fields: { title: 'Para editar', kind: 'report', language: 'es', visibility: 'members' },
          file: pdf('editar'),
        }),
      )) as Response
    ).json()
    const id = created.id as string
    const post = (email: string, form: Record<string, string>) =>
      call(pageAction, makeRequest(`/documents/${id}`, { cookie: cookieFor(email), form }), { id })
    const edit = {
      intent: 'edit',
      revision: '1',
      titleEs: 'Editado',
      titleEn: 'Edited',
      kind: 'minutes',
      visibility: 'participants',
    }
    expect(statusOf(await post('mx.delegate@rcm.example', edit))).toBe(403)
    // The refusal is recorded even though its transaction rolled back.
    const refusals = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.outcome, 'refused')))
      .all()
    expect(refusals.map((r) => [r.action, r.actorEmail])).toEqual([
      ['document.edit', 'mx.delegate@rcm.example'],
    ])
    expectRedirect(await post(PA, { ...edit, ownerOrganizationId: 'x' }))
    let data = await pageData(id, 'co.observer@rcm.example')
    expect(data.doc).toMatchObject({ titleEs: 'Editado', kind: 'minutes', visibility: 'participants' })
    const notAllowed = await post(PA, { ...edit, revision: '2', visibility: 'secretariat' })
    expect(statusOf(notAllowed)).toBe(403)
    expect(replyOf(notAllowed).error.visibility).toHaveLength(1)
    expect(statusOf(await post(PA, { intent: 'delete' }))).toBe(200) // asks first
    expect(expectRedirect(await post(PA, { intent: 'delete', confirmed: 'yes' }))).toBe('/documents')
    expect(statusOf(await pageData(id, PA))).toBe(404)
    const list = (await call(listPage, getRequest('/documents?deleted=1', 'secretariat@rcm.example'))) as {
      items: { id: string }[]
    }
    expect(list.items.map((d) => d.id)).toContain(id)
    expect(statusOf(await post(PA, { intent: 'restore' }))).toBe(404)
    expectRedirect(await post('secretariat@rcm.example', { intent: 'restore' }))
    data = await pageData(id, PA)
    expect(data.doc.deletedAt).toBeNull()
  })

  it('an edit based on details someone changed since is refused (409), typed text kept, nothing lost', async () => {
    const created = await (
      (await call(
        apiCreate,
        multipartRequest('/api/v1/documents', {
          email: PA,
          fields: { title: 'Original', kind: 'report', language: 'es', visibility: 'members' },
          file: pdf('revisión'),
        }),
      )) as Response
    ).json()
    const id = created.id as string
    const post = (email: string, form: Record<string, string>) =>
      call(pageAction, makeRequest(`/documents/${id}`, { cookie: cookieFor(email), form }), { id })
    const form = { intent: 'edit', kind: 'report', visibility: 'members' }
    // Both open revision 1; the secretariat saves first.
    expectRedirect(
      await post('secretariat@rcm.example', {
        ...form,
        revision: '1',
        titleEs: 'Título de la secretaría',
        description: 'Descripción que no debe perderse',
      }),
    )
    const stale = await post(PA, { ...form, revision: '1', titleEs: 'Título de Panamá' })
    expect(statusOf(stale)).toBe(409)
    expect(replyOf(stale).error['']).toEqual(['documents.error.stale'])
    expect(replyOf(stale).initialValue?.titleEs).toBe('Título de Panamá')
    // no revision at all is stale too, never "last write wins"
    expect(statusOf(await post(PA, { ...form, titleEs: 'Sin revisión' }))).toBe(409)
    let data = await pageData(id, PA)
    expect(data.doc).toMatchObject({
      revision: 2,
      titleEs: 'Título de la secretaría',
      description: 'Descripción que no debe perderse',
    })
    // saved again from what the page now shows: accepted
    expectRedirect(
      await post(PA, {
        ...form,
        revision: '2',
        titleEs: 'Título de Panamá',
        description: 'Descripción que no debe perderse',
      }),
    )
    data = await pageData(id, PA)
    expect(data.doc).toMatchObject({ revision: 3, titleEs: 'Título de Panamá' })
  })

  it('lets the owner organization keep a group it is not in, but not move a document into one', async () => {
    const created = await (
      (await call(
        apiCreate,
        multipartRequest('/api/v1/documents', {
          email: 'pa.snm@rcm.example',
          fields: {
            title: 'Nota del grupo',
            kind: 'other',
            language: 'es',
            visibility: 'participants',
            group: 'pa-smuggling-plan',
          },
          file: pdf('nota del grupo'),
        }),
      )) as Response
    ).json()
    const id = created.id as string
    const post = (form: Record<string, string>) =>
      call(pageAction, makeRequest(`/documents/${id}`, { cookie: cookieFor(PA), form }), { id })
    const base = {
      intent: 'edit',
      titleEs: 'Nota del grupo (editada)',
      kind: 'other',
      visibility: 'participants',
    }
    expectRedirect(await post({ ...base, revision: '1', group: 'pa-smuggling-plan' }))
    const moved = await post({ ...base, revision: '2', group: 'protection' })
    expect(statusOf(moved)).toBe(403)
    expect(replyOf(moved).error.group).toEqual(['documents.error.notInGroup'])
    expect(statusOf(await post({ ...base, group: 'no-such-group' }))).toBe(400)
  })

  it('describes its endpoints in the OpenAPI document', () => {
    const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths
    expect(Object.keys(paths['/documents']).sort()).toEqual(['get', 'post'])
    expect(paths['/documents/{id}'].get).toBeDefined()
    expect(paths['/documents/{id}/versions'].post).toBeDefined()
    expect(paths['/documents/{id}/versions/{number}/files'].post).toBeDefined()
    expect(paths['/search'].get).toBeDefined()
    expect(JSON.stringify(paths['/documents'].post)).toContain('multipart/form-data')
  })
})
