// Meetings as a secretariat runs them (issue 13, points 1, 3 and 4): documents by agenda item and the
// meeting's ZIP; agenda times within the meeting's days, dates that move the agenda, the programme and
// copying a meeting; the adoption of the minutes and its official document.
import JSZip from 'jszip'
import { and, count, eq, isNotNull } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@db/client'
import { agendaItems, decisions as decisionsTable, documents, meetings } from '@db/schema'
import { action as apiCreate } from '~/routes/api.v1.documents'
import { action as newAction, loader as newLoader } from '~/routes/documents.new'
import { loader as docPage } from '~/routes/documents.$id'
import { loader as zipLoader } from '~/routes/meetings_.$id.documents[.]zip'
import { minimalPdf, multipartRequest } from './documents-fixtures'
import { freshDemoDb } from './helpers/db'
import { itemsOf, meetingByNumber, meetingByTitle } from './helpers/demo'
import { call, run } from './helpers/route'
import { action as agendaAction, loader as agendaLoader } from '~/routes/meetings.$id._index'
import { action as editAction } from '~/routes/meetings.$id.edit'
import { action as copyAction, loader as copyLoader } from '~/routes/meetings.$id.copy'
import { loader as programmeLoader } from '~/routes/meetings_.$id.programme'
import { itemFit, movedTime } from '~/modules/meetings/agenda-dates.server'
import { meetingFormValues } from '~/modules/meetings/meeting-form.server'
import { utcToZoned, zonedToUtc } from '~/modules/meetings/time'
import mammoth from 'mammoth'
import { extractText, getDocumentProxy } from 'unpdf'
import { delegationMembers, documentDownloads, minutes, minutesComments, people } from '@db/schema'
import { action as minutesAction, loader as minutesLoader } from '~/routes/meetings.$id.minutes'
import { loader as pdfLoader } from '~/routes/meetings_.$id.minutes[.]pdf'
import { loader as docxLoader } from '~/routes/meetings_.$id.minutes[.]docx'

const SEC = 'secretariat@rcm.example'
const PA = 'pa.focal@rcm.example'
const OBSERVER = 'co.observer@rcm.example'

const documentCount = () => db.select({ n: count() }).from(documents).get()!.n

const uploadFields = (more: Record<string, string>) => ({
  title: 'Presentación del punto',
  kind: 'presentation',
  language: 'es',
  visibility: 'participants',
  ...more,
})
const pdf = () => ({ name: 'punto.pdf', type: 'application/pdf', bytes: minimalPdf('Presentación') })

async function zipOf(meetingId: string, as: string) {
  const answer = await run(zipLoader, `/meetings/${meetingId}/documents.zip`, { as }, { id: meetingId })
  return answer
}

describe('documents belong to their meeting and agenda item', () => {
  beforeEach(() => {
    freshDemoDb()
  })

  it('the demo documents point at real seeded meetings and items, and the page names the meeting', async () => {
    const linked = db.select().from(documents).where(isNotNull(documents.meetingId)).all()
    expect(linked.length).toBeGreaterThan(8)
    for (const d of linked) {
      const m = db.select().from(meetings).where(eq(meetings.id, d.meetingId!)).get()
      expect(m, d.titleEs ?? d.titleEn ?? '').toBeTruthy()
      if (d.agendaItemId) {
        const item = db.select().from(agendaItems).where(eq(agendaItems.id, d.agendaItemId)).get()
        expect(item?.meetingId).toBe(d.meetingId)
      }
    }
    expect(linked.filter((d) => d.agendaItemId).length).toBeGreaterThanOrEqual(3)
    const declaration = linked.find((d) => d.titleEn?.startsWith('Declaration of the XXVIII'))!
    const page = await run<{ doc: { meeting: { titleEs: string } | null } }>(
      docPage,
      `/documents/${declaration.id}`,
      { as: PA },
      { id: declaration.id },
    )
    expect(page.status).toBe(200)
    expect(JSON.stringify(page.data)).toContain('XXVIII Reunión Viceministerial')
    expect(JSON.stringify(page.data)).toContain('Adopción de la Declaración de Panamá')
  })

  it('refuses an item of another meeting at the field, in the form and the API, storing nothing', async () => {
    const vm = meetingByNumber('vice_ministerial', 'XXVIII')
    const other = itemsOf(meetingByTitle('Mid-term meeting').id)[0]
    const before = documentCount()
    const more = { meeting: vm.id, agendaItem: other.id }
    const form = await run<{ result: { error: Record<string, string[]> } }>(
      newAction,
      multipartRequest('/documents/new', { email: PA, fields: uploadFields(more), file: pdf() }),
    )
    expect(form.status).toBe(400)
    expect(form.data.result.error.agendaItem).toEqual(['documents.error.unknownAgendaItem'])
    const api = (await call(
      apiCreate,
      multipartRequest('/api/v1/documents', { email: PA, fields: uploadFields(more), file: pdf() }),
    )) as Response
    expect(api.status).toBe(400)
    expect((await api.json()).error.fields.agendaItem).toHaveLength(1)
    expect(documentCount()).toBe(before)
  })

  it('opens the upload form on the item it was asked for, and stores the document on it', async () => {
    const vm = meetingByNumber('vice_ministerial', 'XXVIII')
    const item = itemsOf(vm.id).find((i) => i.titleEn === 'Closing')!
    const page = await run<{ agendaItem: string | null; agenda: { id: string }[] }>(
      newLoader,
      `/documents/new?meeting=${vm.id}&item=${item.id}`,
      { as: PA },
    )
    expect(page.data.agendaItem).toBe(item.id)
    expect(page.data.agenda.map((a) => a.id)).toContain(item.id)
    const stray = await run<{ agendaItem: string | null }>(
      newLoader,
      `/documents/new?meeting=${vm.id}&item=${itemsOf(meetingByTitle('Mid-term meeting').id)[0].id}`,
      { as: PA },
    )
    expect(stray.data.agendaItem).toBeNull()
    const saved = await run(
      newAction,
      multipartRequest('/documents/new', {
        email: PA,
        fields: uploadFields({ meeting: vm.id, agendaItem: item.id }),
        file: pdf(),
      }),
    )
    expect(saved.status).toBe(302)
    const doc = db.select().from(documents).where(eq(documents.agendaItemId, item.id)).get()
    expect(doc?.meetingId).toBe(vm.id)
  })

  it('gives the meeting’s documents as one ZIP, by agenda item, with only what the viewer may see', async () => {
    const vm = meetingByNumber('vice_ministerial', 'XXVIII')
    const closing = itemsOf(vm.id).find((i) => i.titleEn === 'Closing')!
    const upload = async (email: string, title: string, more: Record<string, string>, file = pdf()) => {
      const res = (await call(
        apiCreate,
        multipartRequest('/api/v1/documents', {
          email,
          fields: uploadFields({ title, meeting: vm.id, ...more }),
          file,
        }),
      )) as Response
      expect(res.status, title).toBe(201)
      return (await res.json()) as { id: string; reference: string }
    }
    const secret = await upload(SEC, 'Nota reservada', { visibility: 'secretariat', agendaItem: closing.id })
    const open = await upload(PA, 'Discurso de clausura', { agendaItem: closing.id })
    const members = await upload(PA, 'Nota para miembros', { visibility: 'members' })
    const note = await upload(
      PA,
      'Nota en texto',
      {},
      {
        name: 'nota.txt',
        type: 'text/plain',
        bytes: new TextEncoder().encode('Nota de texto '.repeat(200)),
      },
    )

    const sec = await zipOf(vm.id, SEC)
    expect(sec.status).toBe(200)
    expect(sec.headers.get('Content-Type')).toBe('application/zip')
    expect(sec.headers.get('Content-Disposition')).toMatch(/^attachment;/)
    expect(sec.headers.get('Cache-Control')).toContain('no-store')
    const secZip = await JSZip.loadAsync(sec.bytes!)
    const secNames = Object.keys(secZip.files).filter((n) => !secZip.files[n].dir)
    const named = (names: string[], d: { reference: string }) =>
      names.find((n) => n.includes(d.reference.replace(/\//g, '-')))
    for (const d of [secret, open, members, note]) expect(named(secNames, d), d.reference).toBeTruthy()
    // by agenda item: the closing's documents in its folder, the others in the meeting's own
    expect(named(secNames, open)).toMatch(/^\d\d Clausura\/.+punto\.pdf$/)
    expect(named(secNames, members)).toMatch(/^00 Reunión en general\//)
    const bytes = await secZip.files[named(secNames, open)!].async('uint8array')
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(pdf().bytes))).toBe(0)
    // a PDF is stored as it is, a text deflated
    const method = (n: string) =>
      (secZip.files[n] as unknown as { _data: { compression: { magic: string } } })._data.compression.magic
    expect(method(named(secNames, open)!)).toBe('\x00\x00')
    expect(method(named(secNames, note)!)).toBe('\x08\x00')

    const obs = await zipOf(vm.id, OBSERVER)
    expect(obs.status).toBe(200)
    const obsZip = await JSZip.loadAsync(obs.bytes!)
    const obsNames = Object.keys(obsZip.files).filter((n) => !obsZip.files[n].dir)
    expect(named(obsNames, open)).toBeTruthy()
    expect(named(obsNames, secret)).toBeUndefined()
    expect(named(obsNames, members)).toBeUndefined()
    // a member state's delegate sees the members' note, never the secretariat's
    const pa = await JSZip.loadAsync((await zipOf(vm.id, PA)).bytes!)
    expect(named(Object.keys(pa.files), members)).toBeTruthy()
    expect(named(Object.keys(pa.files), secret)).toBeUndefined()
    // fetching a restricted document through the archive is recorded, as a download is
    const paId = db.select().from(people).where(eq(people.email, PA)).get()!.id
    const fetched = db
      .select()
      .from(documentDownloads)
      .where(and(eq(documentDownloads.documentId, members.id), eq(documentDownloads.personId, paId)))
      .all()
    expect(fetched).toHaveLength(1)
  })

  it('answers 404 for the ZIP of a meeting the viewer cannot see, as for one that does not exist', async () => {
    const closed = db.select().from(meetings).where(eq(meetings.openness, 'members_only')).get()!
    expect((await zipOf(closed.id, OBSERVER)).status).toBe(404)
    expect((await zipOf('no-such-meeting', SEC)).status).toBe(404)
    expect((await zipOf(closed.id, SEC)).status).toBe(200)
  })
})

type Reply = { result: { status: string; error: Record<string, string[]> } }

describe('the agenda and the meeting’s days', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  const vm = () => meetingByNumber('vice_ministerial', 'XXVIII') // 6-7 December 2023, Panama
  const addItem = (form: Record<string, string>, as = SEC) =>
    run<Reply>(
      agendaAction,
      `/meetings/${vm().id}`,
      { as, form: { intent: 'add', ...form } },
      { id: vm().id },
    )

  it('every demo item falls within its meeting’s days', () => {
    const all = db.select().from(meetings).all()
    for (const m of all) {
      for (const item of itemsOf(m.id).filter((i) => i.startsAt)) {
        expect(itemFit(m, item.startsAt!, item.durationMinutes), `${m.titleEn}: ${item.titleEn}`).toBe(
          'inside',
        )
      }
    }
  })

  it('refuses an item time outside the meeting at the field, keeping the typed text', async () => {
    const before = itemsOf(vm().id).length
    const outside = await addItem({ titleEs: 'Visita de campo', startsAt: '2023-12-08T09:00' })
    expect(outside.status).toBe(400)
    expect(outside.data.result.error.startsAt).toEqual(['meetingsRun.error.itemOutside'])
    expect(JSON.stringify(outside.data.result)).toContain('Visita de campo')
    const early = await addItem({ titleEs: 'Visita de campo', startsAt: '2023-12-05T23:30' })
    expect(early.data.result.error.startsAt).toEqual(['meetingsRun.error.itemOutside'])
    const tooLong = await addItem({ titleEs: 'Cena', startsAt: '2023-12-07T22:00', durationMinutes: '180' })
    expect(tooLong.status).toBe(400)
    expect(tooLong.data.result.error.durationMinutes).toEqual(['meetingsRun.error.itemEndsAfter'])
    expect(itemsOf(vm().id).length).toBe(before)
    const inside = await addItem({ titleEs: 'Cena', startsAt: '2023-12-07T21:00', durationMinutes: '180' })
    expect(inside.status).toBe(302)
    expect(itemsOf(vm().id).length).toBe(before + 1)
  })

  it('moves the items with the meeting’s dates: same day of the meeting, same time', async () => {
    const m = vm()
    const localOf = () =>
      Object.fromEntries(
        itemsOf(m.id)
          .filter((i) => i.startsAt)
          .map((i) => [i.titleEn, utcToZoned(i.startsAt!, m.timeZone)]),
      )
    const before = localOf()
    expect(before['Adoption of the Declaration of Panama']).toBe('2023-12-07T09:00')
    const values = { ...meetingFormValues(m), startsAt: '2023-12-13T10:00', endsAt: '2023-12-14T14:00' }
    const moved = await run(editAction, `/meetings/${m.id}/edit`, { as: SEC, form: values }, { id: m.id })
    expect(moved.status).toBe(302)
    const after = localOf()
    expect(after['Adoption of the Declaration of Panama']).toBe('2023-12-14T09:00')
    expect(after['Opening ceremony']).toBe('2023-12-13T09:00')
    expect(Object.keys(after)).toEqual(Object.keys(before))
  })

  it('refuses to shorten a meeting past its items, naming them at the end date', async () => {
    const m = vm()
    const values = { ...meetingFormValues(m), endsAt: '2023-12-06T18:00' }
    const refused = await run<Reply>(
      editAction,
      `/meetings/${m.id}/edit`,
      { as: SEC, form: values },
      { id: m.id },
    )
    expect(refused.status).toBe(400)
    const [key, list] = refused.data.result.error.endsAt
    expect(key).toBe('meetingsRun.error.itemsBeyondEnd')
    expect(list).toContain('Adopción de la Declaración de Panamá')
    expect(list).toContain('Clausura')
    expect(list).not.toContain('Ceremonia de apertura')
    const still = db.select().from(meetings).where(eq(meetings.id, m.id)).get()!
    expect(still.endsAt).toEqual(m.endsAt)
  })

  it('gives the agenda its days, and a printable programme in either language', async () => {
    const m = vm()
    const agenda = await run<{ days: { first: string; last: string } }>(
      agendaLoader,
      `/meetings/${m.id}`,
      { as: PA },
      { id: m.id },
    )
    expect(agenda.data.days).toEqual({ first: '2023-12-06', last: '2023-12-07' })
    type P = {
      programme: {
        lang: string
        title: string
        days: { heading: string; items: { title: string; time: string }[] }[]
      }
    }
    const en = await run<P>(programmeLoader, `/meetings/${m.id}/programme?in=en`, { as: PA }, { id: m.id })
    expect(en.data.programme.lang).toBe('en')
    expect(en.data.programme.title).toContain('XXVIII Vice-Ministerial Meeting')
    expect(en.data.programme.days.map((d) => d.heading)).toEqual([
      'Day 1 · Wednesday, 6 December 2023',
      'Day 2 · Thursday, 7 December 2023',
    ])
    expect(en.data.programme.days[1].items[0].title).toBe('Adoption of the Declaration of Panama')
    const es = await run<P>(programmeLoader, `/meetings/${m.id}/programme?in=es`, { as: PA }, { id: m.id })
    expect(es.data.programme.days[0].heading).toMatch(/^Día 1 · miércoles, 6 de diciembre de 2023$/)
    expect(es.data.programme.days[1].items[0].title).toBe('Adopción de la Declaración de Panamá')
    const closed = db.select().from(meetings).where(eq(meetings.openness, 'members_only')).get()!
    const hidden = await run(
      programmeLoader,
      `/meetings/${closed.id}/programme`,
      { as: OBSERVER },
      { id: closed.id },
    )
    expect(hidden.status).toBe(404)
  })

  it('copies a meeting with its agenda onto new dates (secretariat only)', async () => {
    const m = vm()
    const refused = await run(
      copyAction,
      `/meetings/${m.id}/copy`,
      { as: PA, form: { startsAt: '2024-12-04T09:00' } },
      { id: m.id },
    )
    expect(refused.status).toBe(403)
    expect((await run(copyLoader, `/meetings/${m.id}/copy`, { as: PA }, { id: m.id })).status).toBe(403)
    const taken = await run<Reply>(
      copyAction,
      `/meetings/${m.id}/copy`,
      { as: SEC, form: { startsAt: '2024-12-04T09:00', number: 'XXVIII' } },
      { id: m.id },
    )
    expect(taken.status).toBe(400)
    expect(taken.data.result.error.number).toEqual(['meetings.error.numberTaken'])
    const meetingsBefore = db.select({ n: count() }).from(meetings).get()!.n
    const copied = await run(
      copyAction,
      `/meetings/${m.id}/copy`,
      { as: SEC, form: { startsAt: '2024-12-04T09:00', number: 'XXIX' } },
      { id: m.id },
    )
    expect(copied.status).toBe(302)
    expect(db.select({ n: count() }).from(meetings).get()!.n).toBe(meetingsBefore + 1)
    const id = copied.location!.split('/').pop()!
    const copy = db.select().from(meetings).where(eq(meetings.id, id)).get()!
    expect(copy).toMatchObject({
      titleEs: m.titleEs,
      number: 'XXIX',
      status: 'planned',
      timeZone: m.timeZone,
    })
    expect(utcToZoned(copy.endsAt, copy.timeZone)).toBe('2024-12-05T14:00')
    const old = itemsOf(m.id)
    const items = itemsOf(id)
    expect(items.length).toBe(old.length)
    const declaration = items.find((i) => i.titleEn === 'Adoption of the Declaration of Panama')!
    expect(utcToZoned(declaration.startsAt!, copy.timeZone)).toBe('2024-12-05T09:00')
    // sub-items under the copies of their parents
    const sub = items.find((i) => i.titleEn === 'Border Management')!
    expect(items.find((i) => i.id === sub.parentId)?.titleEn).toBe('Reports of the Working Groups')
    for (const i of items.filter((x) => x.startsAt))
      expect(itemFit(copy, i.startsAt!, i.durationMinutes)).toBe('inside')
    // nothing else came along
    expect(db.select().from(documents).where(eq(documents.meetingId, id)).all()).toEqual([])
  })
})

describe('adopting the minutes', () => {
  beforeEach(() => {
    freshDemoDb()
  })
  /** A demo meeting whose minutes are circulated. */
  const circulatedMeeting = () => {
    const row = db.select().from(minutes).where(eq(minutes.status, 'circulated')).get()!
    return db.select().from(meetings).where(eq(meetings.id, row.meetingId)).get()!
  }
  const statuses = (meetingId: string) =>
    db
      .select({ s: minutes.status })
      .from(minutes)
      .where(eq(minutes.meetingId, meetingId))
      .all()
      .map((r) => r.s)
  const post = (id: string, form: Record<string, string>, as = SEC) =>
    run<Reply>(minutesAction, `/meetings/${id}/minutes`, { as, form }, { id })

  it('refuses to adopt without the confirmation step, and adopts nothing', async () => {
    const m = circulatedMeeting()
    const refused = await post(m.id, { intent: 'adopt' })
    expect(refused.status).toBe(400)
    expect(refused.data.result.error.confirm).toEqual(['meetingsRun.minutes.error.confirm'])
    expect(statuses(m.id)).not.toContain('adopted')
    expect((await post(m.id, { intent: 'adopt', confirm: 'no' })).status).toBe(400)
    expect(statuses(m.id)).not.toContain('adopted')
  })

  it('says plainly before adopting that the deadline has not passed and comments have no answer', async () => {
    const m = circulatedMeeting()
    const row = db
      .select()
      .from(minutes)
      .where(and(eq(minutes.meetingId, m.id), eq(minutes.status, 'circulated')))
      .get()!
    db.update(minutes)
      .set({ commentDeadline: new Date(Date.now() + 5 * 86400_000) })
      .where(eq(minutes.meetingId, m.id))
      .run()
    const pa = db.select().from(people).where(eq(people.email, PA)).get()!
    db.insert(minutesComments)
      .values({
        minutesId: row.id,
        personId: pa.id,
        organizationId: pa.organizationId,
        revision: row.revision,
        text: 'Falta una frase.',
      })
      .run()
    type R = { review: { deadlinePending: boolean; unanswered: number; items: number } | null }
    const plain = await run<R>(minutesLoader, `/meetings/${m.id}/minutes`, { as: SEC }, { id: m.id })
    expect(plain.data.review).toBeNull()
    const review = await run<R>(
      minutesLoader,
      `/meetings/${m.id}/minutes?adopt=review`,
      { as: SEC },
      { id: m.id },
    )
    expect(review.data.review).toMatchObject({ deadlinePending: true })
    expect(review.data.review!.unanswered).toBeGreaterThanOrEqual(1)
    // nobody else gets the step
    expect(
      (await run<R>(minutesLoader, `/meetings/${m.id}/minutes?adopt=review`, { as: PA }, { id: m.id })).data
        .review,
    ).toBeNull()
    expect((await post(m.id, { intent: 'adopt', confirm: 'yes' }, PA)).status).toBe(403)
    const adopted = await post(m.id, { intent: 'adopt', confirm: 'yes' })
    expect(adopted.status).toBe(302)
    expect(adopted.headers.get('Set-Cookie')).toMatch(/^rcm_notice=/)
    expect(statuses(m.id)).not.toContain('circulated')
  })

  it('does not save an empty text as a revision', async () => {
    const row =
      db.select().from(minutes).where(eq(minutes.status, 'draft')).get() ??
      db.select().from(minutes).where(eq(minutes.status, 'circulated')).get()!
    for (const text of ['', '   \n  ']) {
      const refused = await post(row.meetingId, {
        intent: 'save',
        agendaItemId: row.agendaItemId,
        baseRevision: String(row.revision),
        text,
      })
      expect(refused.status, JSON.stringify(text)).toBe(400)
      expect(refused.data.result.error.text).toEqual(['meetingsRun.minutes.error.empty'])
    }
    const after = db.select().from(minutes).where(eq(minutes.id, row.id)).get()!
    expect(after.revision).toBe(row.revision)
    expect(after.text).toBe(row.text)
  })

  it('gives the adopted minutes as one official PDF and DOCX with attendance, decisions and adoption', async () => {
    const m = circulatedMeeting()
    const get = (loader: typeof pdfLoader, ext: string, as = SEC) =>
      run(loader, `/meetings/${m.id}/minutes.${ext}`, { as }, { id: m.id })
    expect((await get(pdfLoader, 'pdf')).status).toBe(404)
    // someone attended
    const member = db
      .select()
      .from(delegationMembers)
      .where(and(eq(delegationMembers.meetingId, m.id), isNotNull(delegationMembers.personId)))
      .get()!
    db.update(delegationMembers)
      .set({ attendance: 'present' })
      .where(eq(delegationMembers.id, member.id))
      .run()
    const attendee = db.select().from(people).where(eq(people.id, member.personId!)).get()!
    expect((await post(m.id, { intent: 'adopt', confirm: 'yes' })).status).toBe(302)
    const tab = await run<{ official: boolean }>(
      minutesLoader,
      `/meetings/${m.id}/minutes`,
      { as: PA },
      { id: m.id },
    )
    expect(tab.data.official).toBe(true)

    const pdf = await get(pdfLoader, 'pdf', PA)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    expect(pdf.headers.get('Content-Disposition')).toMatch(/^attachment;/)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes!)), {
      mergePages: true,
    })
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Acta')
    expect(flat).toContain('Asistencia')
    expect(flat).toContain(attendee.name)
    expect(flat).toContain('Constancia de aprobación')
    expect(flat).toContain('Lucía Fernández Mora')
    const decision = db.select().from(decisionsTable).where(eq(decisionsTable.meetingId, m.id)).get()
    if (decision) expect(flat).toContain(decision.code)
    const minutesText = db
      .select()
      .from(minutes)
      .where(eq(minutes.meetingId, m.id))
      .all()
      .find((r) => r.text.length > 20)!
    expect(flat).toContain(
      minutesText.text
        .replace(/[*_`#>]/g, '')
        .split(/\s+/)
        .slice(0, 4)
        .join(' '),
    )

    const docx = await get(docxLoader, 'docx', 'iom@rcm.example')
    expect(docx.status).toBe(200)
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes!) })).value
    expect(raw).toContain('Minutes')
    expect(raw).toContain('Attendance')
    expect(raw).toContain(attendee.name)
    expect(raw).toContain('Record of adoption')
    expect(raw).toContain('Lucía Fernández Mora')
  })
})

describe('the official minutes’ jobs', () => {
  const input = (text: string) => ({
    lang: 'es',
    fileTitle: 'Acta - prueba',
    labels: {
      title: 'Acta',
      when: 'Fechas',
      where: 'Lugar',
      attendance: 'Asistencia',
      agenda: 'Acta por punto',
      decisions: 'Decisiones',
      adoption: 'Constancia de aprobación',
      errata: 'Fe de erratas',
    },
    meetingTitle: 'Reunión de prueba',
    when: '1 – 2',
    place: 'Panamá',
    attendance: [],
    noAttendance: 'No se registró la asistencia.',
    items: [{ heading: '1. Punto', paragraphs: [text], errata: [] }],
    decisions: [],
    noDecisions: 'Sin decisiones.',
    adoption: ['Aprobada.'],
  })

  it('build a PDF from text the standard fonts cannot encode, and a long one over several pages', async () => {
    const { default: minutesPdf } = await import('../app/modules/meetings/minutes-pdf.job.mjs')
    const hostile = await minutesPdf(input('Emoji 🎉, 中文 y ≥ 3 — «Ñandú» ' + 'palabra '.repeat(4000)))
    const doc = await getDocumentProxy(new Uint8Array(hostile))
    expect(doc.numPages).toBeGreaterThan(2)
    const { text } = await extractText(doc, { mergePages: true })
    expect(text).toContain('«Ñandú»')
    expect(text).toContain('Emoji ?')
  })
})

describe('an item moved with its meeting', () => {
  it('keeps its day of the meeting and its wall-clock time across zones and daylight saving, and moves back', () => {
    const at = (local: string, tz: string) => zonedToUtc(local, tz)!
    const before = {
      startsAt: at('2027-03-10T09:00', 'America/Panama'),
      endsAt: at('2027-03-11T17:00', 'America/Panama'),
      timeZone: 'America/Panama',
    }
    // a week later, in New York, where daylight saving starts on 14 March 2027
    const after = {
      startsAt: at('2027-03-17T09:00', 'America/New_York'),
      endsAt: at('2027-03-18T17:00', 'America/New_York'),
      timeZone: 'America/New_York',
    }
    const item = at('2027-03-11T14:30', 'America/Panama')
    const moved = movedTime(item, before, after)
    expect(utcToZoned(moved, 'America/New_York')).toBe('2027-03-18T14:30')
    expect(movedTime(moved, after, before).getTime()).toBe(item.getTime())
  })
})
