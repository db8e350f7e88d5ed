import { beforeEach, describe, expect, it, vi } from 'vitest'
import { eq } from 'drizzle-orm'
import { db } from '@db/client'
import { documents } from '@db/schema'
import { audit } from '~/modules/audit/audit.server'
import { loader as auditLoader } from '~/routes/admin.audit'
import { loader as csvLoader } from '~/routes/admin.audit[.]csv'
import { catalogue } from '~/i18n/catalogue.server'
import { AUDIT_ACTS } from '~/i18n/messages/audit-acts'
import { freshDemoDb, personByEmail, viewerFor } from './helpers/db'
import { run } from './helpers/route'

type Page = Awaited<ReturnType<typeof auditLoader>>
const SECRETARIAT = 'secretariat@rcm.example'
const DAY = 24 * 3600_000

let docId: string
let docTitleEn: string
let docTitleEs: string
const pa = () => personByEmail('pa.focal@rcm.example')!

beforeEach(() => {
  freshDemoDb()
  const doc = db.select().from(documents).where(eq(documents.kind, 'declaration')).get()!
  docId = doc.id
  docTitleEn = doc.titleEn ?? doc.titleEs!
  docTitleEs = doc.titleEs ?? doc.titleEn!
  audit({
    actor: viewerFor('pa.focal@rcm.example'),
    action: 'document.upload',
    targetType: 'document',
    targetId: docId,
    details: { version: 1 },
  })
  audit({ actor: viewerFor('mx.delegate@rcm.example'), action: 'meeting.create', outcome: 'refused' })
})

const page = (query: string, as = SECRETARIAT) => run<Page>(auditLoader, `/admin/audit?${query}`, { as })

describe('/admin/audit in people’s words', () => {
  it('says who did what in the reader’s language, naming the organization and linking to the record', async () => {
    const en = await page('lang=en')
    expect(en.status).toBe(200)
    const upload = en.data.items.find((e) => e.action === 'document.upload')!
    expect(upload.sentence).toBe(`${pa().name} (Panama) uploaded the document`)
    expect(upload.target).toEqual({ label: docTitleEn, href: `/documents/${docId}` })
    expect(upload.actor?.href).toBe('/admin/people?q=pa.focal%40rcm.example')
    expect(upload.details).toContain('"version": 1')

    const es = await page('lang=es')
    const subida = es.data.items.find((e) => e.action === 'document.upload')!
    expect(subida.sentence).toBe(`${pa().name} (Panamá) subió el documento`)
    expect(subida.target?.label).toBe(docTitleEs)
    const refused = es.data.items.find((e) => e.action === 'meeting.create')!
    expect(refused.sentence).toMatch(/^Rechazado: reunión creada, a .+ \(México\)$/)
  })

  it('names every kind of act the code records, in both languages, with no code showing', async () => {
    for (const act of AUDIT_ACTS) {
      for (const lang of ['es', 'en'] as const) {
        const key = `audit.did.${act}` as keyof typeof catalogue.en
        expect(catalogue[lang][key], `${lang} ${act}`).toBeTruthy()
        expect(catalogue[lang][key]).not.toMatch(/[a-z]\.[a-z]/)
      }
    }
    // the demo data's own entries all have a name
    const all = await page('lang=en')
    for (const e of all.data.items) expect(e.act, e.action).not.toBe('Other act')
  })

  it('filters by who (name or e-mail), kind of act, outcome and days', async () => {
    const byName = await page(`actor=${encodeURIComponent(pa().name.slice(1).toLowerCase())}`)
    expect(byName.data.items.length).toBeGreaterThan(0)
    expect(new Set(byName.data.items.map((e) => e.actorEmail))).toEqual(new Set(['pa.focal@rcm.example']))

    const kind = await page('action=document.upload')
    expect(kind.data.items.map((e) => e.action)).toEqual(['document.upload'])
    const area = await page('action=meeting.')
    expect(area.data.items.every((e) => e.action.startsWith('meeting.'))).toBe(true)
    expect(area.data.items.length).toBeGreaterThan(0)

    const refused = await page('outcome=refused')
    expect(refused.data.items.every((e) => e.outcome === 'refused')).toBe(true)
    expect(refused.data.items.some((e) => e.action === 'meeting.create')).toBe(true)

    const today = new Date().toISOString().slice(0, 10)
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10)
    expect((await page(`action=document.upload&from=${today}&to=${today}`)).data.items).toHaveLength(1)
    expect((await page(`action=document.upload&from=${tomorrow}`)).data.items).toHaveLength(0)
    // a malformed day is ignored, never an error
    expect((await page('from=yesterday')).status).toBe(200)
  })

  it('offers the kinds of act by area in the filter, named', async () => {
    const es = await page('lang=es')
    const documentsArea = es.data.kinds.find((k) => k.label === 'Documentos')!
    expect(documentsArea.options[0]).toEqual({ value: 'document.', label: 'Todo en Documentos' })
    expect(documentsArea.options.map((o) => o.label)).toContain('Documento subido')
  })

  it('exports the filtered log as CSV in the reader’s language', async () => {
    const csv = await run(csvLoader, '/admin/audit.csv?action=document.upload&lang=es', { as: SECRETARIAT })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('Content-Disposition')).toMatch(/attachment; filename="registro-auditoria\.csv"/)
    expect(csv.headers.get('Cache-Control')).toContain('no-store')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    const lines = csv.body.slice(1).trim().split('\r\n')
    expect(lines[0]).toBe(
      'Cuándo (UTC),Qué ocurrió,Registro,Tipo de acto,Resultado,Correo electrónico,Dirección IP,Detalles',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`${pa().name} (Panamá) subió el documento`)
    expect(lines[1]).toContain('pa.focal@rcm.example')
  })

  it('refuses anyone but the secretariat: 403 for the page and the CSV, sign-in for the signed out', async () => {
    for (const email of ['pa.focal@rcm.example', 'iom@rcm.example']) {
      expect((await page('', email)).status).toBe(403)
      expect((await run(csvLoader, '/admin/audit.csv', { as: email })).status).toBe(403)
    }
    const signedOut = await run(csvLoader, '/admin/audit.csv')
    expect([302, 401]).toContain(signedOut.status)
  })
})

vi.setConfig({ testTimeout: 20_000 })

describe('/admin/outbox kinds and filters', () => {
  it('names every kind the code sends and filters by kind and state', async () => {
    const { queueMail } = await import('~/modules/mail/mail.server')
    const { mailOutbox } = await import('@db/schema')
    const { loader: outboxLoader } = await import('~/routes/admin.outbox')
    const a = queueMail({ to: 'a@example.org', subject: 'Due', text: 'x', kind: 'action.due_soon' })
    const b = queueMail({ to: 'b@example.org', subject: 'Late', text: 'y', kind: 'action.overdue' })
    db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, a)).run()
    db.update(mailOutbox).set({ attempts: 2 }).where(eq(mailOutbox.id, b)).run()
    type Outbox = Awaited<ReturnType<typeof outboxLoader>>
    const outbox = (q: string, as = SECRETARIAT) => run<Outbox>(outboxLoader, `/admin/outbox?${q}`, { as })

    const due = await outbox('kind=action.due_soon')
    expect(due.data.items.map((m) => m.id)).toEqual([a])
    expect((await outbox('state=failing')).data.items.map((m) => m.id)).toContain(b)
    expect((await outbox('state=failing')).data.items.every((m) => !m.sentAt && m.attempts > 0)).toBe(true)
    expect((await outbox('state=sent')).data.items.every((m) => m.sentAt)).toBe(true)
    expect((await outbox('state=waiting')).data.items.every((m) => !m.sentAt && m.attempts === 0)).toBe(true)
    // outside the allowlists: no filter, never an error
    const odd = await outbox('kind=%27%20or%201&state=everything')
    expect(odd.status).toBe(200)
    expect(odd.data.filters).toEqual({ kind: undefined, state: undefined })
    expect((await outbox('', 'pa.focal@rcm.example')).status).toBe(403)

    // every kind the code queues has a name in both languages
    for (const kind of ['invitation', 'password_reset', 'action.due_soon', 'action.overdue'])
      for (const lang of ['es', 'en'] as const)
        expect(catalogue[lang][`admin.outbox.kind.${kind}` as keyof typeof catalogue.en]).toBeTruthy()
  })
})
